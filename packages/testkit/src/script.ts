import { PART_IDS, type PartId } from './key.ts';
import { capsStyle, LABEL_STYLES, type LabelStyle } from './labels.ts';
import { Notation, type NotationProfile, randomProfile } from './notation.ts';
import { Rng } from './rng.ts';
import { type Answer, answerOf, LIBRARY, type StudentValues, type Variant } from './variants/index.ts';

export type Format = 'typed' | 'scan' | 'phone' | 'mixed' | 'latex' | 'office';
/** every format; `latex` and `office` need pdflatex / LibreOffice at generation time */
export const FORMATS: Format[] = ['typed', 'scan', 'phone', 'mixed', 'latex', 'office'];
/** the formats generated when none are asked for (no external tools needed) */
export const DEFAULT_FORMATS: Format[] = ['typed', 'scan', 'phone', 'mixed'];
/** formats whose text is typed (a text layer), not handwritten */
export const TYPED_FORMATS: Format[] = ['typed', 'latex', 'office'];
export type Flag = 'header' | 'organisation' | 'similarity';

export interface RosterEntry {
  roll: string;
  name: string;
}

/** One labelled answer block on the page (a part may have two blocks when answered in two places). */
export interface Block {
  part: PartId;
  label: string;
  lines: string[];
}

export interface Script {
  file: string;
  format: Format;
  labelStyle: string;
  /** true identity of the writer; name/roll null where the script leaves them out */
  student: { name: string | null; roll: string | null } | null;
  headerLines: string[];
  blocks: Block[];
  answers: Record<PartId, Answer>;
  flags: Flag[];
  similarTo: string | null;
  profile: NotationProfile;
  /** every letter upper case (some hand-writers do) */
  caps: boolean;
  /** the seed of this script's rendering stream */
  renderSeed: number;
}

const COURSE_LINE = 'CS60010 CT 3, 15/3/21';

/** words (with letters) from which a sentence shared word for word is distinctive, not stock phrasing */
export const LONG_SENTENCE_WORDS = 12;

/**
 * Sentences long enough that two students writing them word for word looks like copying
 * (LONG_SENTENCE_WORDS+ words with letters), normalised.
 */
export function longSentences(lines: string[]): string[] {
  return lines
    .flatMap((l) => l.split(/(?<=[.;:])\s+/))
    .map((s) => s.toLowerCase().replace(/\s+/g, ' ').trim())
    .filter((s) => s.split(' ').filter((w) => /[a-z]{2,}/.test(w)).length >= LONG_SENTENCE_WORDS);
}

/** A wrong answer's signature: variant id without its layout suffix + the numbers in it. */
export function wrongSignature(a: Answer): string {
  const nums = (a.lines.join(' ').match(/\d[\d,]*(?:\.\d+)?|\.\d+/g) ?? [])
    .map((x) => String(Number.parseFloat(x.replace(/,/g, ''))))
    .sort();
  return `${a.id.split(':')[0]}|${nums.join(',')}`;
}

export interface Plan {
  /** variant forced per part (pairs: copied from the partner) with the rng seed of its wording */
  forced: Partial<Record<PartId, { variant: Variant; seed: number }>>;
  profile?: NotationProfile;
}

/** Pick one answer per part in exam order, so later parts can carry forward earlier ones. */
export function chooseAnswers(
  rng: Rng,
  n: Notation,
  plan: Plan,
  accept: (part: PartId, a: Answer, sofar: Answer[]) => boolean,
  wantWrong: Set<PartId> = new Set(),
): { answers: Record<PartId, Answer>; variants: Record<PartId, Variant>; seeds: Record<PartId, number> } {
  const own: StudentValues = { ct: null, wf: null, bf: null };
  const answers = {} as Record<PartId, Answer>;
  const variants = {} as Record<PartId, Variant>;
  const seeds = {} as Record<PartId, number>;
  for (const part of PART_IDS) {
    const forced = plan.forced[part];
    let chosen: { a: Answer; v: Variant; seed: number } | null = null;
    if (forced) {
      const a = answerOf(forced.variant, { n, own, rng: new Rng(forced.seed) });
      if (a) chosen = { a, v: forced.variant, seed: forced.seed };
    }
    for (let attempt = 0; !chosen && attempt < 60; attempt++) {
      const pool = LIBRARY[part];
      const v = rng.weighted(pool, (x) => x.weight);
      const seed = rng.int(1, 2 ** 30);
      // blank only on the first draw: redraws after a rejection must not drift towards leaving parts out
      if (attempt > 0 && v.id.endsWith('.blank')) continue;
      const a = answerOf(v, { n, own, rng: new Rng(seed) });
      if (!a) continue;
      if (wantWrong.has(part) && !a.wrong && attempt < 50) continue;
      const ok = accept(part, a, Object.values(answers));
      if (!ok && attempt < 55) continue;
      if (!ok) {
        // give up on this draw: any acceptable answer of the part (by weight), else the blank
        const fits = pool.flatMap((alt) => {
          const b = answerOf(alt, { n, own, rng: new Rng(seed) });
          return b && !alt.id.endsWith('.blank') && accept(part, b, Object.values(answers))
            ? [{ a: b, v: alt }]
            : [];
        });
        const blankV = pool.find((x) => x.id.endsWith('.blank'))!;
        const pick = fits.length
          ? rng.weighted(fits, (x) => x.v.weight)
          : { a: answerOf(blankV, { n, own, rng: new Rng(seed) })!, v: blankV };
        chosen = { ...pick, seed };
        break;
      }
      chosen = { a, v, seed };
    }
    if (!chosen) throw new Error(`no answer for ${part}`);
    answers[part] = chosen.a;
    variants[part] = chosen.v;
    seeds[part] = chosen.seed;
    Object.assign(own, chosen.a.values ?? {});
    if (part === '1b.i' && chosen.a.lines.length === 0) own.ct = null;
  }
  return { answers, variants, seeds };
}

/** how blank parts show up: mostly left out, sometimes labelled with a dash */
function blankLines(rng: Rng): string[] | null {
  return rng.chance(0.7) ? null : [rng.pick(['—', '-', '(not attempted)', 'skipped', '?'])];
}

function headerLines(rng: Rng, name: string | null, roll: string | null): string[] {
  const title = rng.chance(0.4)
    ? [rng.pick(['Deep Learning — Class Test 3', 'Answer Script', 'Class Test III'])]
    : [];
  const style = rng.int(0, 3);
  const nm = name ?? '';
  const rl = roll ?? '';
  if (style === 0)
    return [...(name ? [`Name: ${nm}`] : []), ...(roll ? [`Roll No: ${rl}`] : []), COURSE_LINE, ...title];
  if (style === 1) return [[nm, rl, COURSE_LINE].filter(Boolean).join('  |  '), ...title];
  if (style === 2)
    return [
      COURSE_LINE,
      [name ? `Name - ${nm}` : '', roll ? `Roll - ${rl}` : ''].filter(Boolean).join('      '),
      ...title,
    ];
  return [
    ...title,
    [roll ? `Roll: ${rl}` : '', name ? `Name: ${nm}` : ''].filter(Boolean).join(', '),
    COURSE_LINE,
  ];
}

/** Kendall distance of a permutation of the exam order (0 = in order) */
function inversions(parts: PartId[]): number {
  let inv = 0;
  for (let i = 0; i < parts.length; i++)
    for (let j = i + 1; j < parts.length; j++)
      if (PART_IDS.indexOf(parts[i]) > PART_IDS.indexOf(parts[j])) inv++;
  return inv;
}

export interface ScriptOptions {
  file: string;
  format: Format;
  student: RosterEntry;
  rng: Rng;
  /** drop name and/or roll from the header */
  headerMissing?: 'roll' | 'name' | 'both' | null;
  organisation?: 'shuffle' | 'split' | null;
  plan?: Plan;
  accept?: (part: PartId, a: Answer, sofar: Answer[]) => boolean;
  wantWrong?: Set<PartId>;
}

export interface BuiltScript {
  script: Script;
  variants: Record<PartId, Variant>;
  seeds: Record<PartId, number>;
}

export function buildScript(o: ScriptOptions): BuiltScript {
  const { rng } = o;
  const handwritten = !TYPED_FORMATS.includes(o.format);
  const profile = o.plan?.profile ?? randomProfile(rng, { scan: handwritten });
  const n = new Notation(profile);
  const { answers, variants, seeds } = chooseAnswers(
    rng,
    n,
    o.plan ?? { forced: {} },
    o.accept ?? (() => true),
    o.wantWrong,
  );
  let style: LabelStyle = rng.pick(LABEL_STYLES);
  const caps = handwritten && rng.chance(0.25);
  if (caps || rng.chance(0.08)) style = capsStyle(style);

  // parts in page order
  let order: PartId[] = [...PART_IDS];
  let split: PartId | null = null;
  if (o.organisation === 'shuffle') {
    for (let k = 0; k < 50 && inversions(order) < 12; k++) order = rng.shuffle(PART_IDS);
  } else if (o.organisation === 'split') {
    const candidates = PART_IDS.filter((p) => answers[p].lines.length >= 3);
    split = candidates.length ? rng.pick(candidates) : null;
  }

  const blocks: Block[] = [];
  let prev: PartId | null = null;
  const tail: Block[] = [];
  for (const part of order) {
    const a = answers[part];
    let lines = a.lines;
    if (lines.length === 0) {
      const b = blankLines(rng);
      if (!b) continue;
      lines = b;
    }
    const label = style.label(part, prev);
    if (part === split) {
      const cut = rng.int(1, lines.length - 1);
      const later = rng.pick(['(contd. later)', '(continued below)', '(see page 2)', '→ contd. at the end']);
      blocks.push({ part, label, lines: [...lines.slice(0, cut), later] });
      const contLabel = `${style.label(part, null)} ${rng.pick(['(contd.)', '(continued)', 'contd.'])}`;
      tail.push({ part, label: caps ? contLabel.toUpperCase() : contLabel, lines: lines.slice(cut) });
    } else {
      blocks.push({ part, label, lines });
    }
    prev = part;
  }
  blocks.push(...tail);

  const missing = o.headerMissing ?? null;
  const name = missing === 'name' || missing === 'both' ? null : o.student.name;
  const roll = missing === 'roll' || missing === 'both' ? null : o.student.roll;
  const flags: Flag[] = [];
  if (missing) flags.push('header');
  if (o.organisation === 'shuffle' || split) flags.push('organisation');

  const up = (s: string) => (caps ? s.toUpperCase() : s);
  return {
    script: {
      file: o.file,
      format: o.format,
      labelStyle: style.id,
      student: name === null && roll === null ? null : { name, roll },
      headerLines: headerLines(rng, name, roll).map(up),
      blocks: blocks.map((b) => ({ ...b, lines: b.lines.map(up) })),
      answers,
      flags,
      similarTo: null,
      profile,
      caps,
      renderSeed: rng.int(1, 2 ** 30),
    },
    variants,
    seeds,
  };
}
