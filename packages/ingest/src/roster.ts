// Matching a script's header against the course's class list. Reading the list (CSV `roll,name`)
// is @grader/model's `parseRoster` (no PDF in it: the API reads class lists too); re-exported here.
import type { Roster, RosterEntry, RosterMatch } from '@grader/model';
import { editsWithin } from '@grader/parse';
import { coerceRoll, isOcrConfusion, ocrDistance, ocrSubstitution } from './roll.ts';

export { parseRoster, type Roster, RosterEntry } from '@grader/model';

const normName = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();

/** Name similarity in [0, 1], forgiving OCR slips and word order ("Das Arjun"). */
export function nameSimilarity(a: string, b: string): number {
  const x = normName(a);
  const y = normName(b);
  if (!x || !y) return 0;
  const direct = 1 - ocrDistance(x, y) / Math.max(x.length, y.length);
  const xs = x.split(' ').sort().join(' ');
  const ys = y.split(' ').sort().join(' ');
  const sorted = 1 - ocrDistance(xs, ys) / Math.max(xs.length, ys.length);
  return Math.max(direct, sorted);
}

/** Where the header was read from: a text layer is what the student typed; OCR may misread. */
export type HeaderSource = 'text' | 'ocr';

/** Name agreement needed before an OCR'd roll number is trusted (an exact one, or one within confusions). */
const NAME_AGREES = 0.6;
const NAME_AGREES_CONFUSED = 0.75;
/** A read name this unlike the roster's name disagrees with it. */
const NAME_DISAGREES = 0.5;

/**
 * The differences between a read roll and a roster roll when every one is a character OCR confuses
 * (0/O, 1/I/7, 5/S, 8/B, 3/8, …) or unread (`?`): their count, else null. Same length only: a roll
 * one keystroke away (20CS10325 for 20CS10324, 21CS19998 for 21CS19999) is another student's roll.
 */
export function confusionsBetween(read: string, roll: string): number | null {
  const a = read.toUpperCase();
  const b = roll.toUpperCase();
  if (a.length !== b.length) return null;
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (a[i] !== '?' && !isOcrConfusion(a[i], b[i])) return null;
    n++;
  }
  return n;
}

const looksLikeName = (s: string | null) =>
  !!s &&
  normName(s)
    .split(' ')
    .filter((w) => w.length >= 2).length >= 2;

/**
 * Gives a script to one roster student only when the evidence agrees (a script must never reach a
 * student who did not write it):
 * - an exact roll on a text layer, unless the typed name is clearly someone else's;
 * - an OCR'd roll, exact or differing only by OCR confusions, and a name that agrees with it;
 * - a namesake with another roll is decided by the roll.
 * Anything else is no match, with the reason in `issues` (the `header` flag): a person confirms.
 */
export function matchStudent(
  read: { name: string | null; roll: string | null },
  roster: Roster,
  source: HeaderSource = 'text',
): { match: RosterMatch | null; ambiguous: boolean; issues: string[] } {
  if (roster.length === 0) return { match: null, ambiguous: false, issues: ['the roster is empty'] };
  if (!read.roll && !read.name)
    return { match: null, ambiguous: false, issues: ['no name or roll number was read'] };
  const none = (issue: string, ambiguous = false) => ({ match: null, ambiguous, issues: [issue] });
  const sim = (s: RosterEntry) => (read.name ? nameSimilarity(read.name, s.name) : null);
  if (!read.roll) {
    const named = roster.filter((s) => (sim(s) ?? 0) >= 0.8);
    const hint =
      named.length === 1 ? ` (the name fits ${named[0].roll} ${named[0].name}: confirm by hand)` : '';
    return none(`no roll number was read${hint}`);
  }
  const roll = read.roll.replace(/\s+/g, '').toUpperCase();
  const exact = roster.find((s) => s.roll === roll);
  if (exact) {
    const s = sim(exact);
    if (source === 'text') {
      // the typed roll decides, unless the typed name is another roster student's
      const other = roster.find((o) => o !== exact && (sim(o) ?? 0) >= 0.85);
      if (s !== null && s < NAME_DISAGREES && looksLikeName(read.name))
        return none(
          other
            ? `roll ${roll} is ${exact.name}'s but the name reads "${read.name}" (${other.roll} on the roster)`
            : `roll ${roll} is ${exact.name}'s but the name reads "${read.name}"`,
        );
      return { match: { roll: exact.roll, name: exact.name, distance: 0 }, ambiguous: false, issues: [] };
    }
    if (s !== null && s >= NAME_AGREES)
      return { match: { roll: exact.roll, name: exact.name, distance: 0 }, ambiguous: false, issues: [] };
    return none(
      s === null
        ? `roll ${roll} was read by OCR but no name was read to confirm it`
        : `roll ${roll} was read by OCR but the name reads "${read.name}", not ${exact.name}`,
    );
  }
  if (source === 'text') return none(`roll ${roll} is not on the roster`);
  const near = roster
    .map((s) => ({ s, n: confusionsBetween(roll, s.roll), nameS: sim(s) }))
    .filter((c) => c.n !== null && c.n <= 2);
  const agreeing = near.filter((c) => (c.nameS ?? 0) >= NAME_AGREES_CONFUSED);
  if (agreeing.length === 1) {
    const { s, n } = agreeing[0];
    // a near roll goes only to the student whose name fits best on the whole list: "Vedika Somani"
    // with CS read as EF is not 19EE17703 Vedika Soman's however near the roll
    const better = roster.find((o) => o !== s && (sim(o) ?? 0) > (agreeing[0].nameS ?? 0) + 1e-9);
    if (better)
      return none(
        `roll ${roll} (OCR) is near ${s.roll} ${s.name}, but the name reads closer to ${better.roll} ${better.name}`,
      );
    return { match: { roll: s.roll, name: s.name, distance: (n ?? 0) * 0.5 }, ambiguous: false, issues: [] };
  }
  if (agreeing.length > 1)
    return none(
      `two roster students fit roll ${roll} and the name: ${agreeing.map((c) => `${c.s.roll} ${c.s.name}`).join(' and ')}`,
      true,
    );
  return none(
    near.length
      ? `roll ${roll} (OCR) could be ${near.map((c) => c.s.roll).join(' or ')} but the name does not confirm it`
      : `roll ${roll} (OCR) is not on the roster`,
  );
}

/** How well `name` is written somewhere in `letters` (lower-case letters only), in [0, 1]. */
function nameWithin(name: string, letters: string): number {
  const words = normName(name).split(' ');
  const orders = [words, [...words].reverse()].map((w) => w.join(''));
  return Math.max(...orders.map((n) => 1 - editsWithin(n, letters, ocrSubstitution) / n.length));
}

/**
 * A roster student found in an OCR'd header that the field reader could not split (`Nome: Siddh ant
 * Rgo`, `NIKHL VERMA 20 MA2000 6`, `lshaOnPatel120MA10421|CS60010…`): each student's roll and name
 * are hypotheses searched for in the header's text, spaces and separators ignored. The same
 * evidence as `matchStudent` asks of an OCR'd header — the roll exact or off only by OCR confusions,
 * and the name agreeing — or a roll one handwritten character off with the name read whole; and
 * only when exactly one student has it.
 */
export function rosterInText(text: string, roster: Roster): RosterMatch | null {
  const chars = text.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const letters = text.toLowerCase().replace(/[^a-z]/g, '');
  const rolls: Array<{ s: RosterEntry; n: number; other: number }> = [];
  // each window of the text read to the roll's form once ("201M67022" is 20IM67022, a 1 where a
  // letter must be an I), not once per student
  const formed = new Map<string, string>();
  const inForm = (w: string) => {
    const known = formed.get(w);
    if (known !== undefined) return known;
    const f = coerceRoll(w) ?? w;
    formed.set(w, f);
    return f;
  };
  for (const s of roster) {
    let best: { n: number; other: number } | null = null;
    const L = s.roll.length;
    for (let i = 0; i + L - 1 <= chars.length; i++) {
      // the roll as read, or with one character OCR lost or added (an indel is one slip of any kind)
      const reads = [
        ...(i + L <= chars.length ? [differences(inForm(chars.slice(i, i + L)), s.roll)] : []),
        ...indels(chars.slice(i, i + L - 1), s.roll),
        ...(i + L + 1 <= chars.length ? indels(chars.slice(i, i + L + 1), s.roll) : []),
      ];
      for (const d of reads) if (!best || d.n + d.other < best.n + best.other) best = d;
    }
    if (best && best.n + best.other <= 2 && best.other <= 1) rolls.push({ s, ...best });
  }
  // (a name found inside running text is held to the stricter agreement: letters around it help it)
  const fits = rolls
    .map((r) => ({ ...r, name: nameWithin(r.s.name, letters) }))
    .filter((f) => f.name >= NAME_AGREES);
  // a roll off by OCR confusions only, or by one character of any kind when the name is all there
  const agree = fits.filter((f) => f.name >= (f.other === 0 ? NAME_AGREES_CONFUSED : NAME_WHOLE));
  if (agree.length !== 1 || fits.length !== 1) return null;
  const { s, n, other } = agree[0];
  // another student's roll read more exactly than this one's: the name alone must not move it
  if (rolls.some((r) => r.s !== s && r.n + r.other < n + other)) return null;
  // nor a longer name found as well ("Vedika Somani" holds "Vedika Soman"): the name fits another
  // student at least as well, and the roll is not exact
  const own = normName(s.name).replace(/ /g, '');
  if (
    n + other > 0 &&
    roster.some((o) => {
      const longer = normName(o.name).replace(/ /g, '');
      return o !== s && longer.length > own.length && nameWithin(o.name, letters) >= agree[0].name;
    })
  )
    return null;
  return { roll: s.roll, name: s.name, distance: n * 0.5 + other };
}

/** A name read this well (a letter or so off) lets a roll with one unconfusable slip through. */
const NAME_WHOLE = 0.9;

/** The roll read with one character lost or one added: each character left out of the longer in turn, one slip more. */
function indels(read: string, roll: string): Array<{ n: number; other: number }> {
  const drop = (x: string, k: number) => x.slice(0, k) + x.slice(k + 1);
  const pairs =
    read.length + 1 === roll.length
      ? [...roll].map((_, k) => differences(read, drop(roll, k)))
      : read.length === roll.length + 1
        ? [...read].map((_, k) => differences(drop(read, k), roll))
        : [];
  return pairs.map((d) => ({ n: d.n, other: d.other + 1 }));
}

/** Characters of two same-length strings that differ by an OCR confusion (`n`) and otherwise (`other`). */
function differences(read: string, roll: string): { n: number; other: number } {
  let n = 0;
  let other = 0;
  for (let i = 0; i < roll.length; i++) {
    if (read[i] === roll[i]) continue;
    if (isOcrConfusion(read[i], roll[i])) n++;
    else other++;
  }
  return { n, other };
}

/**
 * A roll the script states apart from its header's, keyed ("Roll: 20MT46890" closing the script, "my roll
 * number is 19AE46878" correcting a slip above): the student it names, when exactly one such roll
 * is on the class list and the name read is that student's, nearly letter for letter. A typed text
 * only: a stranger's roll or another name leaves the script with nobody.
 */
export function rollStatedBelow(texts: string[], name: string | null, roster: Roster): RosterMatch | null {
  if (!name) return null;
  const stated = new Set<string>();
  for (const t of texts)
    for (const m of t.matchAll(/\broll\b[^\n]{0,30}?\b(\d{2}[A-Za-z]{2}\d{5})\b/gi))
      stated.add(m[1].toUpperCase());
  const known = roster.filter((s) => stated.has(s.roll));
  // (every word of the listed name among the words read counts too: "Nivedita Panigrahi Seat No", a
  // field's key run into the name)
  const words = new Set(normName(name).split(' '));
  const whole = (listed: string) =>
    normName(listed)
      .split(' ')
      .every((w) => words.has(w));
  if (known.length !== 1 || (nameSimilarity(name, known[0].name) < NAME_WHOLE && !whole(known[0].name)))
    return null;
  return { roll: known[0].roll, name: known[0].name, distance: 0 };
}
