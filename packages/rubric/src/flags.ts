// Script-level findings over one batch: header, organisation, similarity (in pairs).
import type { ExtractedScript, PartAnswer, ScriptGrade } from '@grader/model';
import { readByOcr } from './evidence.ts';
import type { GradedScript } from './grade.ts';
import { notAttempted } from './not-attempted.ts';
import type { Rubric } from './schema.ts';
import { isOrderNote, meaningfulUnlabelled } from './unlabelled.ts';

/**
 * An OCR'd header read with less confidence than this may hold what was not found: a misread roll,
 * an unread name or course line (handwriting tune half: every header finding on a header read
 * under 0.9 was a misreading, none on one read above it).
 */
export const SURE_OCR_HEADER = 0.9;

/** An OCR'd label read less surely than this (a guess, an alignment, a bare number) places no part. */
const SURE_OCR_LABEL = 0.95;

/**
 * `header`: no name or roll read, or the roster match failed or was ambiguous — on a scan, only
 * when the header was read surely; otherwise nothing says the student left it out, and the script,
 * matched to no student, goes to a person to identify.
 */
export function headerFinding(script: ExtractedScript): string | null {
  const h = script.header;
  const page = script.pages.find((p) => p.page === (h.region?.page ?? 1));
  // (a student matched by the roster does not make the rest of a doubtful reading sure: a course
  // line OCR misread is no course line left out)
  if (page?.source === 'ocr' && h.conf < SURE_OCR_HEADER) return null;
  if (h.issues.length) return h.issues.join('; ');
  if (!h.roll) return 'no roll number read';
  if (!h.name && !h.match) return 'no name read';
  return null;
}

/** What marks a line as working: an equation, an arrow, an operator between terms, calculus. */
const WORKED = /[=→⇒↦⊙∘×÷∂∑∏σ]|\d\s*[-+*/^·x]\s*\d|\btanh\b|\bsigmoid\b|\bd[A-Za-z]\s*\/\s*d/;

/**
 * A key to the script's own marks ("[FINAL] = final answer  [ROUGH] = rough work, not for grading",
 * "green = final answer  red = corrected"): words on both sides of each `=`, no number, no maths. It
 * explains how the answers are marked; it is neither an answer nor a correction of one.
 */
function isLegend(text: string): boolean {
  if (/\d|[_^{}⊙∘×÷∂∑∏σ→⇒]|\b(?:tanh|sigmoid|softmax)\b/.test(text)) return false;
  const sides = text.split('=');
  // (the last meaning may wrap to the next line: "… ~~cu~~t =" / "rejected.")
  return (
    sides.length >= 2 &&
    sides
      .slice(1)
      .every((after, k) => /^\s*[A-Za-z]{3,}/.test(after) || (k === sides.length - 2 && !after.trim()))
  );
}

/** Words of an answer given again: a correction, a redo, a replaced value. */
const SECOND_ANSWER =
  /\b(?:correct(?:ion|ed)?|mistake|wrong(?:ly)?|instead|should (?:be|read)|redo(?:ing|ne)?|re-?done|revised|ignore|scratch that|oops)\b/i;

// "continued later", "see page 3", "see Q5": the student split an answer across the script. Not
// "contd. on next page" or "see below": the answer goes on where it stands, which is no hunt
// ("see the note at the end of the script", "(see bottom)", "(see correction further down)": the
// answer's last word is elsewhere)
const CONTINUED =
  /\b(?:(?:contd|cont'd|continued)\.?\s*(?:later|after|at the end|in|on page|on p\.)|see (?:page|p\.|later|q\s?\d|(?:the )?bottom\b)|see (?:the |my )?(?:note|correction|final answer)s? (?:at the end|later|on page|overleaf)|see (?:the |my )?corrections? (?:below|further (?:down|on)))/i;

/** A line that sends the reader elsewhere; a page footer going on to the next page ("p.1 / contd.
 *  on p.2", or "contd. on p. 2" written on page 1: `page`, where the line stands) does not. */
export function continuedElsewhere(line: string, page?: number): boolean {
  // (a column's end pointing to the next column is the page's reading order: "continued in column 2 →")
  if (!CONTINUED.test(line) || /\bcontinued\s+in\s+(?:the\s+)?(?:next\s+)?column\b/i.test(line)) return false;
  const to = /(?:on page|on p\.)\s*(\d{1,2})/i.exec(line);
  if (!to) return true;
  const from = Number(to[1]) - 1;
  if (page === from) return false;
  return !new RegExp(`\\b(?:p\\.|page)\\s*${from}\\b`, 'i').test(line.slice(0, to.index));
}

/**
 * `organisation`: a question's parts answered apart, a part answered in two places (or marked as continued
 * elsewhere), or answer text without a part label on a typed page (on OCR'd pages unlabelled text is
 * usually a misread label, which already sends the affected parts to review).
 */
export function organisationFinding(
  script: ExtractedScript,
  { questions, parts }: { questions: number; parts: number } = {
    questions: Number.POSITIVE_INFINITY,
    parts: 0,
  },
): string | null {
  // (on a scan, only where labels were read surely: a misread label puts a part out of order or
  // in two places)
  const surelyPlaced = (p: PartAnswer | undefined) =>
    !p || !readByOcr(p, script) || p.labelConf >= SURE_OCR_LABEL;
  const twice = Object.values(script.parts)
    // two places need text in both: a stray label read twice (one place empty) is no second answer
    // (a summary's row restating the answer, or giving the result its working led to, is no second
    // answer either: "Final answers" after the working)
    .filter(
      (p) =>
        p.occurrences - (p.summaryRows ?? 0) > 1 &&
        p.text.split('\n').filter((l) => l.trim()).length >= p.occurrences,
    )
    .filter(surelyPlaced)
    .map((p) => p.partId);
  if (twice.length) return `answered in more than one place: ${twice.join(', ')}`;
  const continued = Object.values(script.parts).find((p) =>
    p.lines.some((l) => continuedElsewhere(l.text, l.page)),
  );
  if (continued) return `part ${continued.partId} is continued elsewhere in the script`;
  // an order the student announced ("Q5 first, then 1 to 4") is organised, not scattered
  const announced = [
    ...script.unlabelled.map((l) => l.text),
    ...Object.values(script.parts).map((p) => p.text),
  ]
    .flatMap((t) => t.split('\n'))
    .some(isOrderNote);
  // far out of order is a question whose parts the reader must hunt for: its sub-parts apart,
  // with others between them; whole questions in another order, each in one place, read plainly
  // (an order the student announced, "Q5 first, then 1 to 4", is organised too)
  const question = (p: string) => /^\d+/.exec(p)?.[0] ?? p;
  // (a part left with a note, "not attempted, time over", at the end holds no answer out of order)
  const placed = script.order.filter(
    (id) => surelyPlaced(script.parts[id]) && !notAttempted(script.parts[id]?.text ?? ''),
  );
  // (a script set out in sections by the kind of work, "Computation sheet" then "Discussion", each in
  // the exam's order: a question whose parts stand one in each section is where its section says,
  // found without a hunt; the section's heading closes the answer before it)
  const rank = (id: string) => Number(question(id));
  const cuts = placed.flatMap((id, k) =>
    k > 0 && rank(id) < rank(placed[k - 1]) && sectionHeadingEnds(script.parts[placed[k - 1]]?.text ?? '')
      ? [k]
      : [],
  );
  // (each section holds three parts or more: one part after a heading-like last line, "Check", is
  // a part moved, not a section)
  const cutUp = [0, ...cuts].map((from, k) => placed.slice(from, [...cuts, placed.length][k]));
  const sections =
    cuts.length >= 1 && cuts.length <= 2 && cutUp.every((s) => s.length >= 3) ? cutUp : [placed];
  const split = [
    ...new Set(
      sections.flatMap((ids) => {
        const runs = ids.map(question).filter((q, i, all) => i === 0 || all[i - 1] !== q);
        return runs.filter((q, i) => runs.indexOf(q) !== i);
      }),
    ),
  ];
  if (split.length && !announced)
    return `parts of question ${split.join(', ')} answered apart (${placed.join(', ')})`;
  const typedPages = new Set(script.pages.filter((p) => p.source === 'text').map((p) => p.page));
  // answer text is worked: a note to the examiner ("I use a decimal comma", "Respected Sir, …") is
  // prose without an equation, an arrow or an operator, and is not an answer left unlabelled
  const typed = meaningfulUnlabelled({
    ...script,
    unlabelled: script.unlabelled.filter((l) => typedPages.has(l.page)),
  }).filter((t) => WORKED.test(t) && !isLegend(t));
  // worked text the segmenter could not place is mostly an introduction or a note the labels did
  // not reach (its part goes to a person already); as a flag it marks a correction or second
  // answer written outside any label ("I made a mistake above: C_t is …")
  if (typed.join(' ').replace(/[^A-Za-z0-9]/g, '').length >= 25 && typed.some((t) => SECOND_ANSWER.test(t)))
    return 'answer text without a part label';
  // answers numbered on past the exam's last question and up to its last part ("Ans-6" … "Ans-10",
  // "A11." of 5 questions, 11 parts), two such numbers at least: a running number in place of the exam's
  // part labels, which a reader must match to the parts
  const running = [
    ...new Set(
      [...script.unlabelled.map((l) => l.text), ...Object.values(script.parts).map((p) => p.text)]
        .flatMap((t) => t.split('\n'))
        .map((l) => Number(RUNNING_NUMBER.exec(l)?.[1]))
        .filter((n) => n > questions && n <= parts),
    ),
  ];
  if (running.length >= 2 && typedPages.size)
    return `answers numbered ${running.sort((x, y) => x - y).join(', ')}, past the exam's ${questions} questions, without its part labels`;
  return null;
}

/**
 * Whether an answer's text ends on a section's heading: a short title of capitalised words alone on
 * its line, perhaps numbered ("Discussion", "DISCUSSION", "(B) DISCUSSION", "Part II — Discussion",
 * "Written answers:"); not a sentence's end ("Hence proved.") or a value.
 */
function sectionHeadingEnds(text: string): boolean {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const last = lines.at(-1) ?? '';
  return (
    lines.length >= 2 &&
    last.length <= 32 &&
    /^(?:(?:part|section)\s+(?:[IVX]{1,4}|[A-D]|\d)\s*[—–:.-]?\s*|\(?[A-D]\)\s*)?[A-Z][A-Za-z]+(?:[ -][A-Za-z]+){0,2}\s*:?$/i.test(
      last,
    ) &&
    /^(?:\(?[A-D]\)\s*|(?:part|section)\s+\S+\s*[—–:.-]?\s*)?[A-Z]/.test(last)
  );
}

/** An answer's running number alone at a line's start: "Ans-10", "A11.", "Ans 7". */
// (not a value after a colon or an equals sign, "Ans: 18"; closed by a mark or the line's end, so "A 10
// % saving" is a sentence)
const RUNNING_NUMBER = /^\s*(?:ans(?:wer)?|a)\s*[-.#]?\s*(\d{1,2})\s*(?:[-.)}](?=\s|$)|$)/i;

/**
 * Sum over shared mistakes of ln(N / scripts sharing it) above which a pair is flagged. Calibrated,
 * with the other thresholds below, on @grader/testkit corpora (4 × 200 typed scripts, one rendered
 * batch of 24 mixed formats, the samples): 56 of 67 copied pairs found, no independent pair flagged;
 * independent pairs sharing three or more mistakes scored at most 7.59.
 */
const SURPRISE = 7.8;

function shingles(texts: string[]): Set<string> {
  const out = new Set<string>();
  for (const t of texts) {
    const words = t.toLowerCase().match(/[a-z]{3,}/g) ?? [];
    for (let i = 0; i + 4 <= words.length; i++) out.add(words.slice(i, i + 4).join(' '));
  }
  return out;
}

/** Word 4-grams, per part, of the answers where a script lost marks: where odd sentences show. */
function lostMarkShingles(g: GradedScript, perPart: Map<string, Set<string>>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [id, sh] of perPart) {
    const p = g.grade.parts[id];
    if (p && p.score < p.max) out.set(id, sh);
  }
  return out;
}

/**
 * The word sequences of a batch, once: per part, in answers that lost marks, in unlabelled text,
 * and how many scripts hold each (a sequence two scripts alone hold is rare).
 */
function batchShingles(graded: GradedScript[], scripts: ExtractedScript[] | undefined) {
  // every part's word sequences, right answers' too: copied words beside shared wrong values
  const perPart = graded.map((g) => new Map(Object.entries(g.texts).map(([id, t]) => [id, shingles([t])])));
  const lost = graded.map((g, i) => lostMarkShingles(g, perPart[i]));
  // unlabelled lines run on: a sentence broken over two lines is still one sentence
  const unl = graded.map((_, i) => shingles([scripts?.[i]?.unlabelled.map((l) => l.text).join(' ') ?? '']));
  const every = perPart.map((m, i) => {
    const all = new Set(unl[i]);
    for (const sh of m.values()) for (const w of sh) all.add(w);
    return all;
  });
  const shCount = new Map<string, number>();
  for (const s of every) for (const w of s) shCount.set(w, (shCount.get(w) ?? 0) + 1);
  const rare = (w: string) => (shCount.get(w) ?? 0) === 2;
  return { perPart, lost, unl, every, rare };
}

/** Fewer parts than this read under labels: a script whose labels were largely not read (a scan). */
const UNREAD_LABELS = 6;

/**
 * `similarity`: two scripts sharing the same unusual wrong answers (the same wrong value in three or
 * more parts) or the same odd sentences (word sequences, in answers that lost marks, found in no other
 * script of the batch). "Unusual" is measured on the batch: a wrong value or sentence that many
 * scripts share is a common mistake or the question's wording, not evidence of copying.
 */
export function similarityPairs(
  graded: GradedScript[],
  scripts?: ExtractedScript[],
  linked: Map<string, string> = new Map(),
): Array<{ a: number; b: number; shared: string[]; sentences: number }> {
  // how unusual a wrong answer is: ln(N / scripts with it); small batches count as ten scripts, so a
  // pair in a batch of two is judged as if the class were larger, not as certain copying
  const n = Math.max(graded.length, 10);
  const count = new Map<string, number>();
  const sets = graded.map((g) => new Set(Object.values(g.readings).flatMap((r) => r.wrong)));
  for (const s of sets) for (const w of s) count.set(w, (count.get(w) ?? 0) + 1);
  const idf = (w: string) => Math.log(n / (count.get(w) ?? 1));
  const { perPart, lost, unl, every, rare } = batchShingles(graded, scripts);
  const lostAll = lost.map((m) => new Set([...m.values()].flatMap((x) => [...x])));
  const rareValue = Math.max(2, Math.floor(graded.length / 20));
  const out: Array<{ a: number; b: number; shared: string[]; sentences: number }> = [];
  // only pairs that share a wrong answer or a rare sentence can be flagged: find them through an
  // index instead of comparing every pair (a class of 1,000 has half a million pairs)
  const holders = new Map<string, number[]>();
  const hold = (key: string, i: number) => {
    const l = holders.get(key);
    if (l) l.push(i);
    else holders.set(key, [i]);
  };
  sets.forEach((s, i) => {
    for (const w of s) hold(`w:${w}`, i);
  });
  every.forEach((s, i) => {
    for (const w of s) if (rare(w)) hold(`s:${w}`, i);
  });
  const candidates = new Set<number>();
  for (const list of holders.values()) {
    if (list.length > 200) continue; // a mistake half a large class makes is no evidence of copying
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) candidates.add(list[x] * graded.length + list[y]);
  }
  for (const key of [...candidates].sort((x, y) => x - y)) {
    {
      const a = Math.floor(key / graded.length);
      const b = key % graded.length;
      const shared = [...sets[a]].filter((w) => sets[b].has(w));
      const group = (part: string) => linked.get(part) ?? part;
      // per part, the most unusual shared wrong answer
      const byPart = new Map<string, number>();
      for (const w of shared) {
        const p = group(w.split(':')[0]);
        byPart.set(p, Math.max(byPart.get(p) ?? 0, idf(w)));
      }
      const surprise = [...byPart.values()].reduce((s, x) => s + x, 0);
      // the parts with evidence: a wrong value that (almost) only these two share, or a sentence of
      // that part found in no other script. A copier copies several parts; two students who happen
      // to phrase one answer alike share one.
      const evidence = new Set<string>();
      for (const w of shared) if ((count.get(w) ?? 0) <= rareValue) evidence.add(group(w.split(':')[0]));
      const sharedSentences: string[] = [];
      for (const [part, sh] of lost[a]) {
        const other = lost[b].get(part);
        if (!other) continue;
        const both = [...sh].filter((w) => rare(w) && other.has(w));
        sharedSentences.push(...both);
        if (both.length >= 3) evidence.add(group(part));
      }
      const sentences = sharedSentences.length;
      // text no part label claimed (a scan whose labels were not read): compare it with everything
      const unlabelledShared = [
        ...[...unl[a]].filter((w) => rare(w) && (lostAll[b].has(w) || unl[b].has(w))),
        ...[...unl[b]].filter((w) => rare(w) && lostAll[a].has(w)),
      ];
      // (that route is for scripts whose labels were not read, a scan's: beside answers read under
      // their labels, unlabelled text is a preamble — a class's shared conventions, "FORGET GATE
      // VECTOR (FGV, f_t), INPUT GATE VECTOR (IGV, i_t) …" — and copied answers show in the answers)
      const answered = (i: number) => Object.values(graded[i].texts).filter((t) => t.trim()).length;
      const labelsUnread = Math.min(answered(a), answered(b)) < UNREAD_LABELS;
      const viaUnlabelled = labelsUnread ? unlabelledShared.length : 0;
      const rareShared = shared.filter((w) => (count.get(w) ?? 0) <= rareValue).length;
      // common misconceptions repeat across a class; a copier's slips are theirs and the source's only
      const onlyTheirs = new Set(
        shared.filter((w) => (count.get(w) ?? 0) === 2).map((w) => group(w.split(':')[0])),
      );
      // … or copied words come with them (in any answer, right ones too: the values already point
      // at these two)
      let sentencesAnywhere = 0;
      for (const [part, sh] of perPart[a]) {
        const other = perPart[b].get(part);
        if (other) for (const w of sh) if (rare(w) && other.has(w)) sentencesAnywhere++;
      }
      const byValues =
        byPart.size >= 3 &&
        surprise >= SURPRISE &&
        (onlyTheirs.size >= 2 || sentences >= 3 || sentencesAnywhere >= 6);
      // many odd word sequences no other script has are copying even when the values differ (a
      // copier who redid the arithmetic): in the tune half of the free-form corpus, independent
      // pairs shared at most 11 such 4-word sequences, copied pairs up to 26
      // (with no unusual value shared, the words must include a copied sentence: a run of nine or
      // more words; two students of one class share short phrases, "the weighted sum are all fixed")
      const bySentences =
        (viaUnlabelled >= 8 && (rareShared >= 1 || longestRun(unlabelledShared) >= 9)) ||
        (sentences >= 8 && rareShared >= 2) ||
        (sentences >= 12 && rareShared >= 1) ||
        (sentences >= 15 && longestRun(sharedSentences) >= 9);
      // (with hardly a word in common, the unusual values must be many: in the free-form corpus, rounds
      // 1-46, copied pairs sharing fewer than four odd word sequences shared five unusual values or
      // more, the two independent pairs flagged so three and four — weak students' common slips)
      const byBreadth = evidence.size >= 3 && rareShared >= (sentencesAnywhere >= 4 ? 1 : 5);
      // two wrong values only these two wrote, with copied words (a dozen odd 4-word sequences)
      // anywhere in their answers: in the free-form corpus (rounds 1-12), 24 copied pairs and
      // one independent pair at most sharing 12 such sequences beside two such values (next: 0)
      // (or eight, beside three or more unusual wrong values: in the whole free-form corpus, rounds
      // 1-45, two copied pairs missed had 2 / 4 / 11 and 2 / 5 / 10 — only-theirs / unusual values /
      // sequences — and no independent pair with two only-theirs values and three unusual ones shared
      // more than 3 such sequences)
      const byTheirs =
        onlyTheirs.size >= 2 && (sentencesAnywhere >= 12 || (rareShared >= 3 && sentencesAnywhere >= 8));
      // the same wrong values in four or more parts, two of them written by these two alone, and
      // a copied sentence or several odd word sequences in the answers that lost marks (zm-03 and
      // zm-07: four wrong 1(a) positions, 3 × 2 for W_f, 198 twice, a nine-word sentence)
      const byMany =
        byPart.size >= 4 && rareShared >= 2 && (sentences >= 5 || longestRun(sharedSentences) >= 9);
      // many odd word sequences only these two share, anywhere in their answers, beside one unusual wrong
      // value they share: in the free-form corpus (rounds 1-107, 14,226 candidate pairs not copied),
      // such independent pairs shared at most 9 sequences; four copied pairs missed shared 19 to 34
      // (a copier who rewrote most values and kept the sentences: na-05 / na-10, ov-05 / ov-10)
      const byWords = sentencesAnywhere >= 15 && rareShared >= 1;
      if (byValues || bySentences || byBreadth || byTheirs || byMany || byWords)
        out.push({ a, b, shared, sentences: sentences + viaUnlabelled });
    }
  }
  return out;
}

/** The longest run of words that overlapping 4-word sequences make ("a b c d", "b c d e": 5). */
function longestRun(shingleList: string[]): number {
  const set = new Set(shingleList);
  const next = new Map<string, string[]>();
  for (const s of set) {
    const head = s.split(' ').slice(0, 3).join(' ');
    next.set(head, [...(next.get(head) ?? []), s]);
  }
  const memo = new Map<string, number>();
  const chain = (s: string, depth = 0): number => {
    const known = memo.get(s);
    if (known !== undefined) return known;
    if (depth > 200) return 1;
    const tail = s.split(' ').slice(1).join(' ');
    const best =
      1 + Math.max(0, ...(next.get(tail) ?? []).filter((n) => n !== s).map((n) => chain(n, depth + 1)));
    memo.set(s, best);
    return best;
  };
  let longest = 0;
  for (const s of set) longest = Math.max(longest, chain(s));
  return longest ? longest + 3 : 0;
}

/** What two scripts share, as shown to the TA who checks a `similarity` flag. */
export interface PairEvidence {
  /** the wrong values both wrote, rarest first, with how many scripts of the batch wrote each */
  values: { partId: string; value: string; scripts: number }[];
  /** word sequences (4 words) both wrote, in answers that lost marks or in unlabelled text, that no
   *  other script of the batch has: what `similarityPairs` counts as odd sentences */
  sentences: string[];
}

/** `part:item=value` (or `->value`, `~expr`, `:reject`) -> the part and the value as written. */
function splitWrong(w: string): { partId: string; value: string } {
  const i = w.indexOf(':');
  const rest = w.slice(i + 1);
  const m = /^[^=~>]*?(?:=|->|~)(.*)$/.exec(rest);
  return { partId: w.slice(0, i), value: m ? m[1] : rest };
}

/**
 * The evidence behind a pair of scripts of a batch (`a`, `b`: indexes), measured on the same batch
 * and with the same rarity rules as `similarityPairs`, so the marks a TA sees are the grader's own.
 */
export function pairEvidence(
  graded: GradedScript[],
  scripts: ExtractedScript[] | undefined,
  a: number,
  b: number,
): PairEvidence {
  const count = new Map<string, number>();
  const sets = graded.map((g) => new Set(Object.values(g.readings).flatMap((r) => r.wrong)));
  for (const s of sets) for (const w of s) count.set(w, (count.get(w) ?? 0) + 1);
  const values = [...sets[a]]
    .filter((w) => sets[b].has(w))
    .sort((x, y) => (count.get(x) ?? 0) - (count.get(y) ?? 0) || x.localeCompare(y))
    .map((w) => ({ ...splitWrong(w), scripts: count.get(w) ?? 0 }));
  const { lost, unl, rare } = batchShingles(graded, scripts);
  const sentences = new Set<string>();
  for (const [part, sh] of lost[a]) {
    const other = lost[b].get(part);
    if (other) for (const w of sh) if (rare(w) && other.has(w)) sentences.add(w);
  }
  const lostAll = lost.map((m) => new Set([...m.values()].flatMap((x) => [...x])));
  for (const w of unl[a]) if (rare(w) && (lostAll[b].has(w) || unl[b].has(w))) sentences.add(w);
  for (const w of unl[b]) if (rare(w) && lostAll[a].has(w)) sentences.add(w);
  return { values, sentences: [...sentences].sort() };
}

/**
 * Parts whose answers depend on each other through error carried forward (1b.ii on 1b.i, 3c on 3a/3b):
 * one mistake carried into the next part is one shared mistake, not two.
 */
export function linkedParts(rubric: Rubric): Map<string, string> {
  const root = new Map<string, string>(rubric.parts.map((p) => [p.id, p.id]));
  const find = (x: string): string => (root.get(x) === x ? x : find(root.get(x)!));
  for (const part of rubric.parts)
    for (const item of part.items) {
      if (item.type !== 'value' || !item.ecf) continue;
      for (const arg of Object.values(item.ecf.args)) {
        if (!('answer' in arg)) continue;
        const other = arg.answer.split('#')[0];
        if (root.has(other)) root.set(find(part.id), find(other));
      }
    }
  return new Map(rubric.parts.map((p) => [p.id, find(p.id)]));
}

export function applyFlags(
  graded: GradedScript[],
  scripts: ExtractedScript[],
  rubric: Rubric,
): ScriptGrade[] {
  const out = graded.map((g) => ({
    ...g.grade,
    flags: [...g.grade.flags],
    flagReasons: { ...g.grade.flagReasons },
  }));
  // (how many questions and parts the exam has: an answer numbered past them is a running number)
  const sizes = {
    questions: new Set(rubric.parts.map((p) => /^\d+/.exec(p.id)?.[0] ?? p.id)).size,
    parts: rubric.parts.length,
  };
  scripts.forEach((s, i) => {
    const h = headerFinding(s);
    if (h) {
      out[i].flags.push('header');
      out[i].flagReasons.header = h;
    }
    const o = organisationFinding(s, sizes);
    if (o) {
      out[i].flags.push('organisation');
      out[i].flagReasons.organisation = o;
    }
  });
  for (const { a, b, shared, sentences } of similarityPairs(graded, scripts, linkedParts(rubric))) {
    const parts = [...new Set(shared.map((w) => w.split(':')[0]))];
    const what = [
      parts.length ? `the same unusual wrong answers in ${parts.join(', ')}` : '',
      sentences ? 'the same unusual sentences' : '',
    ]
      .filter(Boolean)
      .join(' and ');
    for (const [x, y] of [
      [a, b],
      [b, a],
    ]) {
      if (!out[x].flags.includes('similarity')) out[x].flags.push('similarity');
      const msg = `shares ${what} with ${out[y].file || `script ${y + 1}`}`;
      out[x].flagReasons.similarity = out[x].flagReasons.similarity
        ? `${out[x].flagReasons.similarity}; ${msg}`
        : msg;
    }
  }
  return out;
}
