// Reading a value item's answer (a number, vector or shape) out of the part's text.
import {
  closeTo,
  editsWithin,
  findDimensions,
  findNumbers,
  findNumberWords,
  findVectors,
  normalizeMath,
  normalizeProse,
  tokenize,
} from '@grader/parse';
import { bracketDepth, canonicalSymbol, compiled, type Evidence, tryEvaluate } from '../evidence.ts';
import { fmt, fmtNum, quote } from '../format.ts';
import { asNumbers, type Keys, resolveKey } from '../keys.ts';
import type { Part, ValueItem } from '../schema.ts';
import {
  bracketSteps,
  equationRef,
  isList,
  LIST_ITEM,
  statementNumber,
  stepRef,
  withoutRowNumbers,
} from './step-numbers.ts';

/** "So answer = 0", "answer 0", "Ans: zero", "Uttar - 0", "Result: 0": a count stated as the answer (not "Answer 2(b)") */
const STATED_ANSWER =
  /\b(?:final\s+)?(?:ans(?:wer)?|result|uttar|jawab)\b\s*(?:is|=|:|-|–|—)?\s*(\d[\d,]*|zero|none|nil)\b(?!\s*\(?[a-h]\)|[.,]\d|\s*[×x*^+\-/(])/gi;
/** Words that set a number up as a comparison, not the answer ("for comparison, a standard conv …"). */
const COMPARISON =
  /\b(?:compar(?:e|ed|ing|ison)|for reference|by contrast|in contrast|versus|vs\.?)(?![\w])/i;

/**
 * A work's year beside its authors or name ("Bahdanau et al. (2014)", "Hochreiter and Schmidhuber 1997",
 * "MobileNets (2017)") blanked, the same length: a citation, never a count.
 */
function withoutCitedYears(text: string): string {
  const blank = (_m: string, before: string, year: string) => before + ' '.repeat(year.length);
  return (
    text
      // (in brackets after a name: "Bahdanau et al. (2014)", "MobileNets (2017)")
      .replace(/(\b[A-Z][A-Za-z-]+(?:\s+et\s+al\.?)?,?\s*\()((?:19[5-9]|20[0-4])\d)(?=[a-z]?\))/g, blank)
      // (or after two names or "et al.": "Hochreiter and Schmidhuber 1997", "Howard et al. 2017")
      .replace(
        /(\b[A-Z][A-Za-z-]+\s+(?:et\s+al\.?|(?:and|&)\s+[A-Z][A-Za-z-]+),?\s+)((?:19[5-9]|20[0-4])\d)(?=[a-z]?[\s,.;:)]|$)/g,
        blank,
      )
  );
}

/**
 * The questions a student asks (an imagined examiner's, or their own: "Is it 60? No — the biases …",
 * "How many extra parameters? n, one per encoder state? No, …") blanked, the same length: a number
 * in a question is a candidate raised, not the answer. Kept when nothing numeric stands outside them
 * (a hedged answer, "W_f is 3 × 5?", is still the answer).
 */
function withoutQuestionsAsked(text: string): string {
  let asked = text;
  for (const q of text.matchAll(/\?/g)) {
    const at = q.index ?? 0;
    // (a sentence runs from a full stop, colon or question mark before a space, or its line's
    // start, to its question mark)
    const before = text.slice(0, at);
    const from = Math.max(
      before.lastIndexOf('\n') + 1,
      ...[...before.matchAll(/[.!?:;](?=\s)/g)].map((m) => (m.index ?? 0) + 1),
    );
    asked = asked.slice(0, from) + ' '.repeat(at + 1 - from) + asked.slice(at + 1);
  }
  if (asked === text) return text;
  return findNumbers(asked).length || findNumberWords(asked).length ? asked : text;
}

/**
 * A shape said in words ("3 rows and 5 columns", "3 rows, 5 cols") written as "3 × 5", padded to the
 * same length: the dimension reader takes it as it takes "3 x 5".
 */
const withRowsByColumns = (text: string) =>
  text.replace(
    /\b(\d{1,4})\s*rows?\s*(?:and|,|×|x|by)?\s*(\d{1,4})\s*col(?:umn)?s?\b/gi,
    (m, r: string, c: string) => `${r} × ${c}`.padEnd(m.length),
  );

/**
 * A mistake the student warns against ("Common mistake: taking only one gate ⇒ 15.", "Trap: a normal
 * convolution = 19,200,000"), its line blanked, the same length: a value named to be avoided is not the
 * answer. Kept when nothing numeric stands outside such lines.
 */
function withoutMistakesNamed(text: string): string {
  const named = text.replace(
    /^[ \t]*[([]?[ \t]*(?:(?:common|typical|usual)\s+)?(?:mistakes?|errors?|traps?|pitfalls?)(?:\s+to\s+avoid)?[ \t]*[)\]]?[ \t]*[:\-–—].*$/gim,
    (m) => ' '.repeat(m.length),
  );
  if (named === text) return text;
  return findNumbers(named).length ? named : text;
}

/**
 * A spreadsheet's cell formula copied beside its value ("TOTAL =D37+D39 3027102", "=SUM(C3,C5)",
 * "=4*C7"), blanked, the same length: its cell references are no numbers of the answer, and the value
 * the cell shows stands after it.
 */
const withoutCellFormulas = (text: string) =>
  text.replace(/(?<=^|\s)=(?=[A-Z]{1,2}\d{1,3}\b|[A-Z]{2,}\(|\d+\s*[*+]\s*[A-Z]{1,2}\d)\S+/g, (m) =>
    ' '.repeat(m.length),
  );

/**
 * A grid's row numbers down its side ("1 | extra parameters | 0", "7 | per gate | =C3*C4+C3 | 18"),
 * blanked, the same length: the index of a row whose first cell is words is no value of it.
 */
const withoutRowIndices = (text: string) =>
  text.replace(
    /^(\s*)(\d{1,2}\s*\|)(?=\s*[A-Za-z(])/gm,
    (_m, sp: string, n: string) => sp + ' '.repeat(n.length),
  );

/** Text blanked in place: spaces for its characters, its line breaks kept, so positions and lines hold. */
const blanked = (m: string) => m.replace(/[^\n]/g, ' ');

/**
 * An alternative the student weighed and turned down ("I considered answering 0 since …, but then …",
 * "I first wrote 60 but forgot the biases"), from its cue to the "but", blanked, the same length: a
 * value rejected is not the answer, even when no other number is left.
 */
function withoutRejected(text: string): string {
  const rejected = text.replace(
    /\b(?:(?:I\s+)?(?:considered|was\s+tempted|thought\s+(?:of|about))|(?:I\s+)?(?:first|initially|originally)\s+(?:wrote|put|said|had|thought|got))\b[^.;!?]{0,160}?(?=\bbut\b)/gi,
    blanked,
  );
  return rejected;
}

/**
 * A run of zeros alone ("= 00 (72)"; not a digit group's, "19 00 848"), which no student writes for a
 * number: a text layer's reading of digits its font maps to one glyph (a fallback font's Tamil digits all
 * read as ௦), blanked.
 */
const withoutZeroRuns = (text: string) =>
  text.replace(/(?<![\d.,:]\s?)0{2,}(?!\s?[\d.,:])/g, (m) => ' '.repeat(m.length));

/**
 * The paper's marks copied with the question ("(1 point) Compared with …", "[3 marks]"), blanked, the same
 * length: a mark is never the answer.
 */
const withoutMarksSaid = (text: string) =>
  text.replace(/[([{<]\s*\d{1,2}(?:\.5)?\s*(?:marks?|pts?|points?)\s*[)\]}>]/gi, (m) => ' '.repeat(m.length));

/**
 * The question's own words quoted before an answer ("“200 × 200 × 3, 4 × 4 filters, stride 1, padding
 * 1, 10 output channels”"), blanked, the same length: its numbers are the givens, not the answer. A
 * quotation that computes (`=`, `⇒`, `→`) is the student's own; kept, too, when nothing numeric
 * stands outside the quotations.
 */
function withoutQuotedGivens(text: string): string {
  const quoted = text.replace(/[“"]([^“”"]{1,240})[”"]/g, (m, inner: string) =>
    /\d/.test(inner) && !/[=⇒→]|->|=>/.test(inner) && inner.split('\n').length <= 3
      ? ' '.repeat(m.length)
      : m,
  );
  if (quoted === text) return text;
  return findNumbers(quoted).length || findNumberWords(quoted).length ? quoted : text;
}

/**
 * What is set aside in a part's text before its value is read, in this order: each pass blanks (or
 * rewrites, the same length) what is no answer of the part.
 */
const AS_READ: Array<(text: string) => string> = [
  withoutCitedYears,
  withoutCellFormulas,
  withoutRowIndices,
  withRowsByColumns,
  withoutMarksSaid,
  withoutZeroRuns,
  withoutQuotedGivens,
  withoutMistakesNamed,
  withoutRejected,
  withoutQuestionsAsked,
];

/**
 * Whether `approx` ("3.03 x 10^6", "3.1 million") is a number written before it (in `before`) rounded
 * to the figures it shows: a restatement of that number.
 */
/** Words and letters that scale a number said in round figures. */
// (on the number's own line: "3.09" ending one line and "million" opening the next are read apart)
const SCALES: [RegExp, number][] = [
  [/\d[ \t]*(?:million|mn|M)\b/i, 1e6],
  [/\d[ \t]*crore\b/i, 1e7],
  [/\d[ \t]*lakh\b/i, 1e5],
  [/\d[ \t]*(?:thousand|k)\b/i, 1e3],
];

function roundsEarlier(approx: string, before: string): boolean {
  const [x] = findNumbers(normalizeMath(`= ${approx}`));
  const figures = /^[\d.,]+/.exec(approx.trim())?.[0].replace(/[.,]/g, '').replace(/^0+/, '').length ?? 0;
  if (!x || !figures || x.value === 0) return false;
  // (at its scale: "3.089 mn" is 3,089,000, "30.89 lakh" 3,089,000)
  // (once: a number read already at its scale, "3.09 M" as 3,090,000, is not scaled again)
  const literal = Number.parseFloat(approx.replace(/,/g, ''));
  const scale = x.value === literal ? (SCALES.find(([re]) => re.test(approx))?.[1] ?? 1) : 1;
  const value = x.value * scale;
  const half = 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(value))) - figures + 1);
  return findNumbers(normalizeMath(before)).some(
    (y) => y.value !== value && Math.abs(y.value - value) <= half,
  );
}

/**
 * Whether position `at` of `text` lies inside a bracketed aside in words ("3 × 5 (a 3×2 block for
 * x_t beside a 3×3 block for h)"): what an aside computes explains the answer; it is not the answer.
 */
function inProseAside(text: string, at: number): boolean {
  const before = text.slice(0, at);
  if (bracketDepth(before) <= 0) return false;
  const open = before.lastIndexOf('(');
  const close = text.indexOf(')', at);
  const inside = text.slice(open, close < 0 ? undefined : close);
  return (inside.match(/\b[a-z]{3,}\b/gi)?.length ?? 0) >= 2;
}

/**
 * The plain word a cue spells when it is one (`depth ?wise` → `depthwise`, `multiplications?` →
 * `multiplication`), for finding it misspelt; null for a cue with other pattern syntax.
 */
function cueWord(cue: string): string | null {
  if (!/^[a-z ?]+$/i.test(cue)) return null;
  const w = cue.replace(/ \?/g, '').replace(/s\?$/, '');
  return /^[a-z]+$/i.test(w) ? w.toLowerCase() : null;
}

/**
 * Where in the part's text each dimension item's cues are, to give each its own shape. A cue that is
 * one long word is also found one slip away ("DEPTHWSE", "P0INTWISE": OCR, or a hurried hand).
 */
function cuePositions(prose: string, cues: string[]): number[] {
  const out: number[] = [];
  // (a cue broken over two lines, "197×197×10 after / pointwise", is still the cue: same positions)
  const flat = prose.replace(/\n/g, ' ');
  for (const c of cues) for (const m of flat.matchAll(compiled(c, 'gi'))) out.push(m.index ?? 0);
  const words = cues.map(cueWord).filter((w): w is string => w !== null && w.length >= 7);
  for (const m of prose.matchAll(/[a-z0-9]{6,}/gi)) {
    const w = m[0].toLowerCase().replace(/0/g, 'o').replace(/1/g, 'i');
    if (words.some((c) => Math.abs(c.length - w.length) <= 1 && editsWithin(c, w) <= 1))
      out.push(m.index ?? 0);
  }
  return out;
}

export interface Read {
  value: unknown;
  line: number;
  conf: number;
  note?: string;
  /**
   * The value read is not the one set equal to this item's name, though the part sets the name
   * equal to something (`h_t = ⎡ 0 ⎤ …` a column the text layer broke up, `o_t = [1, 0, 0]` read):
   * a wrong value read so is no confident 0
   */
  unnamed?: boolean;
}

function lineOfIndex(text: string, idx: number): number {
  return text.slice(0, idx).split('\n').length - 1;
}

/** A line that opens with the answer's mark: "Answer:", "Ans -", "Final answer =". */
const ANSWER_MARK = /^\s*(?:final\s+)?ans(?:wer)?\.?\s*(?:[:=\-–⇒→]|=>|->)\s*/i;

/** Words a student corrects a slip with: "it should be 0.05", "not 0.5", "Redone:", "my mistake". */
export const CORRECTION =
  /\b(?:should\s+(?:be|have\s+been|read)|not\s+\d|wrong|mistake|correct(?:ion|ed)|redo(?:ne)?|re-?done|oops|typo|slip)\b/i;

/** Two values, element by element, the same to rounding (0.604 and 0.6044). */
const sameToRounding = (a: number[], b: number[]) =>
  a.length === b.length && a.every((x, i) => closeTo(x, b[i], { abs: 0.005, rel: 0.005 }));

/** Whether a line writes a value among its numbers, shapes or vectors (to rounding). */
function writesValue(line: string, value: unknown): boolean {
  const want = asNumbers(value);
  if (!want?.length) return false;
  const same = (got: number[]) => sameToRounding(got, want);
  return want.length === 1
    ? findNumbers(line).some((n) => same([n.value]))
    : findDimensions(line).some((d) => same(d.dims)) || findVectors(line).some((v) => same(v.values));
}

/** A line opening with its answer set between arrows, ">> 3,120,000 << …", as a box sets it apart. */
// (the opening arrows may be gone, read as a quote's mark: "3,120,000 << …")
const BOXED_LINE = /^\s*(?:>>\s*)?([^<>\n]*\d[^<>\n]*?)\s*<<(.*)$/;

/** Read the student's value for a value item out of the part's text. */
export function readValue(item: ValueItem, part: Part, ev: Evidence, keys: Keys, ocr = false): Read | null {
  const first = readAnswer(item, part, ev, keys) ?? (ocr ? keyInOcrNumbers(item, ev, keys) : null);
  // a count read as a fraction ("tanh(0.05) ≈ 0.05" set after a count's working, another part's
  // note): no count; the answer is read without that line, and a person checks it
  const key = item.shape === 'number' ? resolveKey(item.key, keys) : undefined;
  const fraction =
    first !== null &&
    typeof first.value === 'number' &&
    !Number.isInteger(first.value) &&
    typeof key === 'number' &&
    Number.isInteger(key) &&
    key >= 10;
  const again = fraction
    ? readAnswer(
        item,
        part,
        restrict(ev, (i) => i !== first.line),
        keys,
      )
    : null;
  const read0 =
    fraction && again
      ? {
          ...again,
          conf: Math.min(again.conf, 0.6),
          note: `a fraction read after it (${fmt(first.value)}) is no count`,
        }
      : first;
  // (a shape with a side of 0 is no shape: "0 × 0" read off drawing or a list's marks, a person reads it)
  const zeroSide =
    read0 !== null && item.shape === 'dimension' && (asNumbers(read0.value) ?? []).some((v) => v === 0);
  const read =
    zeroSide && read0
      ? { ...read0, conf: Math.min(read0.conf, 0.5), note: 'a side of 0 is no shape' }
      : read0;
  // (OCR'd, a zero beside a matrix sized in the model's letters, "W is d x d so d odditional parame
  // ters (the basic model … needs none)": the count's own words may be what OCR spoilt, a person
  // reads which is the answer; a text layer's words are as written)
  if (read && ocr && read.value === 0 && /(?<![\w.])[a-z]\s*[x×*]\s*[a-z](?![\w(])/i.test(ev.prose))
    return { ...read, conf: Math.min(read.conf, 0.5) };
  // (OCR'd, two lines that open "Answer:" under one label, the first giving another number: the next
  // part's answer under a label OCR did not read, or a second answer — a person reads which counts)
  // (so, on any page, a line boxed or marked as the answer above the working the value is read from,
  // ">> 3,120,000 << … 200x200x3" over working that reaches 199 and 3,088,878: two answers of this
  // item's shape, and the student never says which stands — no correction between them)
  const marks = ev.lines.flatMap((l, i) => (ANSWER_MARK.test(l) || BOXED_LINE.test(l) ? [i] : []));
  const markedOther = (mark: number) => {
    if (!read) return null;
    const earlier = readAnswer(
      item,
      part,
      restrict(
        ev,
        (i) => i === mark,
        () => false,
        (l) => l.replace(ANSWER_MARK, '').replace(BOXED_LINE, '$1 $2'),
      ),
      keys,
    );
    if (!earlier) return null;
    // (the mark's line writing the value read too, "Answer: total = 3,057,912; … = 198", is one answer)
    if (!ocr && writesValue(ev.lines[mark], read.value)) return null;
    // (OCR: any other reading; a text layer: another value of the same shape, past rounding)
    if (ocr) return JSON.stringify(earlier.value) !== JSON.stringify(read.value) ? earlier : null;
    const [a, b] = [asNumbers(earlier.value), asNumbers(read.value)];
    return a && b && a.length === b.length && !sameToRounding(a, b) ? earlier : null;
  };
  const before = ocr
    ? marks.length >= 2
      ? [marks[0]]
      : []
    : // (only the marks that open the part, an answer stated before its working: a mark among the
      // working, "Answer = 18 per gate", is a step's)
      marks.filter(
        (m) =>
          read &&
          m < read.line &&
          ev.lines.slice(0, m).every((l, j) => marks.includes(j) || l.trim() === '') &&
          !ev.lines.slice(m + 1, read.line + 1).some((l) => CORRECTION.test(l)),
      );
  for (const mark of before) {
    const earlier = markedOther(mark);
    if (read && earlier)
      return {
        ...read,
        conf: Math.min(read.conf, 0.5),
        note: `an answer marked before it gives ${fmt(earlier.value)}`,
      };
  }
  // (on the answer's line or after it: "total = … = 2250922" / "total mult = 2250922 (or 3027102)")
  const both =
    read && read.conf > 0.5
      ? (ev.lines
          .slice(read.line)
          .map((l) => alternatives(l, ev))
          .find((x) => x !== null) ?? null)
      : null;
  if (read && both)
    return {
      ...read,
      conf: 0.5,
      note: `two answers are left standing (${both}): a person reads which counts`,
    };
  // (the answer offered as an alternative to one given above it, "h_t = [0.604, 0.197, 0.05]" then
  // "or if o_t is also multiplied then h_t = [0.604, 0, 0]": both stand, a person reads which counts)
  if (read && read.conf > 0.5 && /^\s*(?:or|alternatively)\b/i.test(ev.lines[read.line] ?? '')) {
    const above = readAnswer(
      item,
      part,
      restrict(ev, (i) => i < read.line),
      keys,
    );
    if (above && JSON.stringify(above.value) !== JSON.stringify(read.value))
      return {
        ...read,
        conf: 0.5,
        note: `two answers are left standing (${fmt(above.value)}, then "${quote(ev.lines[read.line])}"): a person reads which counts`,
      };
  }
  // a number read on a line, then carried on into another result below it ("Total MACs = 3,088,878." /
  // "computations = 2 × 3,088,878 = 6,177,756"): which is the answer is a person's call
  // (a count stated alone on its line, not worked out there: small numbers recur in any working)
  const stated =
    read !== null &&
    typeof read.value === 'number' &&
    Math.abs(read.value) >= 1000 &&
    findNumbers(normalizeMath(ev.lines[read.line] ?? '')).length === 1;
  const onward =
    read && read.conf > 0.5 && stated
      ? carriedOn(
          ev.equations.filter((o) => o.line > read.line),
          read.value as number,
        )
      : undefined;
  if (read && onward) return { ...read, conf: 0.5, note: `the answer goes on to ${onward}` };
  // a count of one digit read after the part computed a count of two digits or more, of the key's
  // order ("4 gates × (9 + 3) = 48", then the question's own "∂L/∂c1" copied below it; not an output
  // size, 199, before a count of millions): the answer is likely that count
  const computed =
    read &&
    typeof read.value === 'number' &&
    typeof key === 'number' &&
    key >= 10 &&
    Math.abs(read.value) < 10
      ? ev.computations.find(
          (c) =>
            c.line < read.line &&
            typeof c.value === 'number' &&
            Number.isInteger(c.value) &&
            c.value >= Math.max(10, key / 100),
        )
      : undefined;
  if (read && read.conf > 0.5 && computed)
    return { ...read, conf: 0.5, note: `the part computes ${fmt(computed.value)} before it` };
  // a count stated first, opening the answer ("0. With dot products nothing new is learnt …"), and
  // another read from the prose after it ("… the slides' 4 encoder states …"): a person reads which
  const opening = item.shape === 'number' ? openingCount(ev.lines) : null;
  if (
    read &&
    read.conf > 0.5 &&
    opening &&
    opening.line < read.line &&
    typeof read.value === 'number' &&
    read.value !== opening.value &&
    !/=/.test(ev.lines[read.line] ?? '')
  )
    return { ...read, conf: 0.5, note: `the answer opens with ${fmt(opening.value)}` };
  // a count read off the end of a product with no result ("after pointwise = 197 × 197 × 10"): a
  // factor of a shape or of working, not the count; the count is elsewhere (a table's cell)
  if (read && read.conf > 0.6 && item.shape === 'number' && lastFactor(ev.lines[read.line] ?? '', read.value))
    return { ...read, conf: 0.6, note: 'the number read is the last factor of a product' };
  // (a count read off a symbol's exponent, "(C) d^{2}": an expression's power, not the count)
  if (
    read &&
    read.conf > 0.5 &&
    item.shape === 'number' &&
    exponentOnly(ev.lines[read.line] ?? '', read.value)
  )
    return { ...read, conf: 0.5, note: 'the number read is a symbol’s exponent' };
  return read;
}

/** A count alone at the answer's start, then its sentence: "0. With …", "0 — nothing new", "72: four gates …". */
function openingCount(lines: string[]): { value: number; line: number } | null {
  const line = lines.findIndex((l) => l.trim() !== '');
  // (a number alone on the line may be a marks column's: "1" above "0 additional parameters")
  const m = line >= 0 ? /^\s*(\d{1,7})\s*[.:—–-]\s+\p{Lu}/u.exec(lines[line]) : null;
  // (a "1." opening is a list's first item as often as a count)
  return m && m[1] !== '1' ? { value: Number(m[1]), line } : null;
}

/** Whether every place the value stands on the line is a letter's exponent ("d^{2}", "n^2"). */
function exponentOnly(line: string, value: unknown): boolean {
  const text = normalizeMath(line);
  const at = findNumbers(text).filter(
    (n) => typeof value === 'number' && closeTo(n.value, value, { rel: 1e-9 }),
  );
  // (a symbol's: one letter, perhaps indexed, or a bracket — Markdown's bold, "is ** 54 **", reads
  // "is^54" after a word)
  return (
    at.length > 0 &&
    at.every((n) =>
      /(?:(?<![A-Za-z])[A-Za-z](?:_\{?\w{1,3}\}?)?|\))\s*\^\s*\{?\s*$/.test(text.slice(0, n.start)),
    )
  );
}

/**
 * A number stated before the equations that make it up: two or more equations after its line end
 * in results that add up to it, and the last number written is one of those results (its parts
 * worked out below it, the total not written again).
 */
function statedBeforeItsParts(
  nums: Array<{ value: number; start: number }>,
  text: string,
  ev: Evidence,
): Read | null {
  const last = nums[nums.length - 1];
  for (const n of nums.slice(0, -1)) {
    const at = lineOfIndex(text, n.start);
    const results = ev.equations
      .filter((eq) => eq.line > at && eq.sides.slice(0, -1).some((s) => s.tokens.some((t) => t.t === 'num')))
      .map((eq) => eq.sides[eq.sides.length - 1].tokens)
      .filter((end) => end.length === 1 && end[0].t === 'num')
      .map((end) => end[0].v as number);
    if (
      results.length >= 2 &&
      n.value > 0 &&
      closeTo(
        results.reduce((a, b) => a + b, 0),
        n.value,
        { rel: 1e-9 },
      ) &&
      results.some((r) => closeTo(r, last.value, { rel: 1e-9 }))
    )
      return { value: n.value, line: at, conf: 0.9 };
  }
  return null;
}

/** Whether `value` is the last number on `line` and a factor of a product written before it. */
function lastFactor(line: string, value: unknown): boolean {
  const text = normalizeMath(line);
  const last = findNumbers(text).pop();
  if (!last || typeof value !== 'number' || !closeTo(last.value, value, { rel: 1e-9 })) return false;
  return (
    /\d\s*(?:[×*·]|\bx)\s*$/.test(text.slice(0, last.start)) && /^[\s.,;)\]]*$/.test(text.slice(last.end))
  );
}

/**
 * Two answers left standing on a line: "total mult = 2250922 (or 3027102)", "h_t =
 * {0.7,0,0} / {0.604,0,0}", "Total parameters = 18 / 72" (two results of the part's own working
 * with a slash between them and nothing after: no division). What is quoted, or null.
 */
function alternatives(line: string, ev: Evidence): string | null {
  const or = /(?:-?\d[\d,]*(?:\.\d+)?|[)\]}])\s*\(\s*or\s+[-\d.[{(][^()]*\)/i.exec(line);
  if (or) return or[0].trim();
  // (two vectors, each a bracketed list: a fraction's brackets, "(200 + 2 − 4)/(1)", are none)
  const vectors = /[[{(][^()[\]{}]*,[^()[\]{}]*[\]})]\s*\/\s*[[{(][^()[\]{}]*,[^()[\]{}]*[\]})]/.exec(line);
  if (vectors) return line.trim();
  const nums = /=\s*(\d[\d,]*(?:\.\d+)?)\s*\/\s*(\d[\d,]*(?:\.\d+)?)\s*\.?\s*$/.exec(line);
  if (!nums) return null;
  const results = new Set(ev.computations.flatMap((c) => c.stated.filter((x) => typeof x === 'number')));
  const [a, b] = [nums[1], nums[2]].map((x) => Number(x.replace(/,/g, '')));
  return results.has(a) && results.has(b) ? `${nums[1]} / ${nums[2]}` : null;
}

/**
 * A shape or vector OCR could not read as one (`199x199a3`, `199 x 199 10`: a handwritten `×` read
 * as a letter or lost): a line of OCR'd text whose numbers, after its last `:` or `=`, are exactly
 * the key's, in order, is read as the key — of several hypotheses, only the one the numbers spell.
 * Never on a text layer, never for a lone number (an OCR slip can make one), and only when nothing
 * else was read.
 */
function keyInOcrNumbers(item: ValueItem, ev: Evidence, keys: Keys): Read | null {
  if (item.shape === 'number') return null;
  const key = resolveKey(item.key, keys);
  const want = asNumbers(key);
  if (!want || want.length < 2) return null;
  for (let i = ev.lines.length - 1; i >= 0; i--) {
    const tail = ev.lines[i].split(/[:=]/).pop() ?? '';
    const nums = (tail.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
    if (nums.length === want.length && nums.every((x, k) => closeTo(x, want[k], { rel: 1e-9 })))
      return {
        value: key,
        line: i,
        conf: 0.79,
        note: 'read by its numbers (OCR lost the signs between them)',
      };
  }
  return null;
}

function readAnswer(item: ValueItem, part: Part, ev: Evidence, keys: Keys): Read | null {
  const read = readFrom(item, part, ev, keys);
  // "check: a normal conv would be 197 × 197 × 480 = 18,628,320": a line that checks the answer
  // after it is given is not the answer, when one is read without it
  // (a check's sentence may wrap onto the next line: "For comparison, … = 19,008,480⏎multiplications,
  // so … about 6 times cheaper.")
  const checks: boolean[] = [];
  // (one that ends in its verdict, "… = 39601 ok", "✓", does not go on, unless a bracket it opened
  // does: "✓ (Full conv:" then "39601 × 480 ≈ 1.9 × 10^7.)")
  ev.lines.forEach((l, i) => {
    checks.push(
      i > 0 &&
        (CHECK.test(l) ||
          (checks[i - 1] &&
            (bracketDepth(ev.lines[i - 1]) > 0 ||
              // (a check's heading introduces what follows it: "Comparison with a normal convolution …:")
              (CHECK.test(ev.lines[i - 1]) && /:\s*$/.test(ev.lines[i - 1])) ||
              !/(?:[.!?:✓✔]|\b(?:ok(?:ay)?|correct|matches|fine|good|yes))\s*\)?\s*$/i.test(
                ev.lines[i - 1],
              )))),
    );
  });
  if (read === null || !checks[read.line] || read.line === 0) return read;
  // (a check that arrives at the answer already written above it confirms that answer)
  const above = findNumbers(normalizeMath(ev.lines.filter((_, i) => !checks[i]).join('\n')));
  // (a distinctive number: a single digit read off a check, "≈ 3.1M", is in any working above)
  const v = read.value;
  if (
    typeof v === 'number' &&
    (Math.abs(v) >= 10 || !Number.isInteger(v)) &&
    above.some((n) => closeTo(n.value, v, { rel: 1e-9 }))
  )
    return read;
  const unchecked = readFrom(
    item,
    part,
    restrict(ev, (i) => !checks[i]),
    keys,
  );
  return unchecked ?? read;
}

/** The evidence of some lines only (the others blanked, their statements dropped); `edit` rewrites
 *  a kept line. */
function restrict(
  ev: Evidence,
  keepLine: (i: number) => boolean,
  keepStatement: (line: number) => boolean = keepLine,
  edit: (l: string, i: number) => string = (l) => l,
): Evidence {
  return {
    ...ev,
    lines: ev.lines.map((l, i) => (keepLine(i) ? edit(l, i) : '')),
    equations: ev.equations.filter((e) => keepStatement(e.line)),
    computations: ev.computations.filter((c) => keepStatement(c.line)),
  };
}

function readFrom(item: ValueItem, part: Part, ev: Evidence, keys: Keys): Read | null {
  // a "Rough work" section at the end holds scratch sums for any part (tanh(0.7) under Q5): the
  // answer is read from what comes before it
  // (so does a note of extras after the answer: "Extra: a normal convolution would need …")
  const rough = ev.lines.findIndex((l) => ROUGH.test(l) || EXTRA.test(l));
  if (rough > 0) {
    const read = readAnswer(
      item,
      part,
      restrict(ev, (i) => i < rough),
      keys,
    );
    if (read) return read;
  }
  // "first try: d … better answer: 0": what the student marks as their final answer is the answer
  const marked = finalMarker(ev.lines, part.items.filter((i) => i.type === 'value').length === 1);
  if (marked !== null) {
    const read = readAnswer(
      item,
      part,
      restrict(
        ev,
        (i) => (marked.clause || marked.only ? i === marked.line : i >= marked.line),
        (line) => line > marked.line,
        (l, i) =>
          i !== marked.line ? l : marked.clause ? clauseOf(l.slice(marked.end)) : l.slice(marked.end),
      ),
      keys,
    );
    // (a shape's answer is a shape: "**Final answer:** 19008480" marks the count of a part that asks
    // for shapes too, not the shapes)
    const sides = asNumbers(resolveKey(item.key, keys))?.length ?? 0;
    const shapeless =
      item.shape === 'dimension' && sides >= 2 && !(Array.isArray(read?.value) && read.value.length >= 2);
    if (read && !shapeless) return read;
  }
  // "= 3,088,878 ≈ 3.09 million": the rounded restatement after the exact value is not the answer
  // (nor an order of magnitude, "≈ 10^6"); on a line of its own too, "Result: total ~ 3.03 x 10^6",
  // when a number above rounds to it
  const raw = AS_READ.reduce((t, pass) => pass(t), ev.lines.join('\n'));
  const text = normalizeMath(
    raw
      .replace(
        /(?:≈|~|approx\.?)\s*([\d.,]+\s*(?:\^\s*\{?\s*\d+\s*\}?|million|mn|lakh|crore|thousand|[mk]\b|[×x*]\s*10\s*\^?\s*\{?\s*\d+\s*\}?)?)/gi,
        (m, approx: string, at: number) => {
          const before = raw.slice(0, at);
          return /\d\s*$/.test(before) || roundsEarlier(approx, before) ? blanked(m) : m;
        },
      )
      .replace(
        // (and after an equals sign in a scaled form, "total = 3057912 = 3.06e6", "= 30.89 lakh", when a
        // number before it rounds to it: the exact value is the answer)
        /=\s*(\d[\d.,]*\s*(?:e[+-]?\d{1,2}\b|[×x*]\s*10\s*\^?\s*\{?\s*\d+\s*\}?|million|mn|lakh|crore|thousand|[MK]\b))/g,
        (m, approx: string, at: number) => (roundsEarlier(approx, raw.slice(0, at)) ? blanked(m) : m),
      )
      .replace(
        // (and said again in words at a scale, "i.e. 3.089 mn multiplications", "about 3.1 million")
        // (or in a bracket after it, "3,057,912 multiplications (3.058 mn)")
        /(?:\b(?:i\.\s?e\.|that is|about|roughly|around|nearly|or)\s*,?|\()\s*(\d[\d.,]*\s*(?:million|mn|lakh|crore|thousand|M\b))/gi,
        (m, approx: string, at: number) => (roundsEarlier(approx, raw.slice(0, at)) ? blanked(m) : m),
      ),
  );
  if (item.shape === 'vector') {
    const vs = findVectors(text);
    const want = asNumbers(resolveKey(item.key, keys));
    const n = want?.length ?? 0;
    const sized = vs.filter((v) => !n || v.values.length === n);
    // a vector on a line that assigns another quantity (`h_t = … = (0.6044, 0.1974, 0.05)` written
    // under C_t) is not this item's answer, when one that is not is there
    const names = item.names.map(canonicalSymbol);
    const assigns = new Map<number, string>();
    for (const eq of ev.equations) {
      const lhs = eq.sides[0]?.tokens;
      if (!lhs?.length || eq.sides.length < 2) continue;
      // (a left side with no symbol, `2 = …` from "Step1 + Step2 = …", names nothing)
      if (!lhs.some((t) => t.t === 'sym' || t.t === 'func')) continue;
      // `tanh(C_t) = (0.604, 0.197, 0.05)` and `f_t ⊙ C_{t-1} = …` are steps, not C_t itself; an
      // equation broken after its `=` assigns on the lines it runs to
      // (prose before the symbol names it still: "take). So C_t = (0.7, 0.2, 0.05)")
      const last = lhs[lhs.length - 1];
      const proseBefore =
        last.t === 'sym' &&
        lhs.slice(0, -1).every((t) => t.t === 'word' || (t.t === 'op' && /^[).,;:]$/.test(t.v)));
      const name = proseBefore ? last.v : eq.sides[0].text;
      for (let i = eq.line; i <= eq.lastLine; i++) if (!assigns.has(i) || i > eq.line) assigns.set(i, name);
    }
    // the symbol set equal to this very vector ("… = (0.604, 0, 0) since o_t = (1, 0, 0)")
    // (a symbol: a letter with a subscript, `o_t`, `ot`, `C~_t`; not a word such as "Step2")
    const directSymbol = (v: { start: number }): string | null => {
      const before = text.slice(text.lastIndexOf('\n', v.start - 1) + 1, v.start);
      const symbol = (s: string | undefined) =>
        s !== undefined && /^[A-Za-z]~?(?:_\{?[\w+-]{1,5}\}?|[a-z0-9]{0,2})~?$/.test(s) ? s : undefined;
      // (or a subscripted symbol a word or two before it: "h_t unchanged = (0.6044, 0, 0)", its
      // subscript flattened too, "ht unchanged = …")
      const direct =
        symbol(/(?:^|[\s,;:(])([A-Za-z][\w{}~^+-]*)\s*=\s*$/.exec(before)?.[1]) ??
        /(?:^|[\s,;:(])([A-Za-z]~?(?:_\{?[\w+-]{1,5}\}?|t(?=\s))~?)(?:\s+[a-z]{2,}){1,2}\s*=\s*$/.exec(
          before,
        )?.[1];
      return direct !== undefined ? canonicalSymbol(direct) : null;
    };
    // a vector set equal to another quantity (`o_t = [1, 0, 0]` under h_t) is never this item's
    // answer, even when this item's own is not read: the symbol alone before it in its clause
    // (not the end of a chain, "h_t = o_t ⊙ tanh C_t = (0.6044, 0, 0)")
    // another quantity's vector said to stay as it was, after a correction of this one: "ht stays (0.604,
    // 0, 0) since …", "(ht in (b)(ii) does not change, it is still {0.6044, 0, 0}.)"
    const kept = (v: { start: number }): boolean => {
      const before = text.slice(Math.max(0, v.start - 80), v.start);
      const m =
        /(?:^|[\s,;:(–-])([A-Za-z]~?(?:_\{?[\w+-]{1,5}\}?|t(?=\s)))\s[^=.]{0,40}?\b(?:stays|remains|is\s+still|still|unchanged|does\s*n[o']t\s+change)\b[^=.]{0,12}$/i.exec(
          before,
        );
      return m !== null && names.length > 0 && !names.includes(canonicalSymbol(m[1]));
    };
    const notOthers = sized.filter((v) => {
      if (kept(v)) return false;
      const d = directSymbol(v);
      if (d === null || !names.length || names.includes(d)) return true;
      const clause =
        text
          .slice(text.lastIndexOf('\n', v.start - 1) + 1, v.start)
          .split(/[,;:]/)
          .pop() ?? '';
      return !/^\s*(?:(?:so|then|thus|hence|and|where|with|since|here|given|also)\s+)?\S+\s*=\s*$/i.test(
        clause,
      );
    });
    const own = sized.filter((v) => {
      if (kept(v)) return false;
      const before = text.slice(text.lastIndexOf('\n', v.start - 1) + 1, v.start);
      const direct = directSymbol(v);
      if (direct !== null && names.length) return names.includes(direct);
      // a sentence about another quantity ("h_t in (ii) is unchanged, (0.604, 0, 0), because …")
      const said = tokenize(before.split(/[=≈]/).pop() ?? '');
      const syms = said.filter((t) => t.t === 'sym').map((t) => t.v);
      if (
        names.length &&
        said.filter((t) => t.t === 'word').length >= 2 &&
        syms.length &&
        !syms.some((x) => names.includes(x))
      )
        return false;
      const a = assigns.get(lineOfIndex(text, v.start));
      return a === undefined || names.includes(a);
    });
    // an operand of a sum or product written out (`= (0.2, 0.2, 0) + (0.5, 0, 0.05)`) is a step,
    // not a result, when a vector that is no operand is there
    const operand = (v: { start: number; end: number }) =>
      /(?:[+\-−·×⊙∘]|(?<!\*)\*)\s*$/.test(lineBefore(text, v.start)) ||
      /^\s*(?:[+\-−·×⊙∘]|\*(?!\*))/.test(text.slice(v.end));
    // (`h_t = (1, 0, 0) ⊙ (…) = (0.6044, 0, 0)`: the operand named h_t yields to the result)
    const named = own.length && names.length ? own : notOthers;
    const literal =
      [named.filter((v) => !operand(v)), notOthers.filter((v) => !operand(v))].find((vs) => vs.length) ??
      named;
    // a vector answered with one number (`C_t = 0.4 + 0.55 = 0.95`: a dot product for ⊙), the
    // quantity's last statement: the answer, over the givens restated above it
    const scalar = [...ev.equations].reverse().find((eq) => {
      const lhs = eq.sides[0].tokens.filter(
        (t) => t.t !== 'word' && !(t.t === 'op' && /^[.:]$/.test(String(t.v))),
      );
      const last = eq.sides[eq.sides.length - 1].tokens;
      return names.includes(nameOf(lhs) ?? '') && last.length === 1 && last[0].t === 'num';
    });
    const scalarRead = scalar && {
      value: [scalar.sides[scalar.sides.length - 1].tokens[0].v],
      line: scalar.line,
      conf: 0.9,
    };
    // no bracketed vector: a line of the quantity's own that ends in an unbracketed list of as many
    // numbers ("C_t = 0.2+0.5 , 0.2+0 , 0+0.05 = 0.7, 0.2, 0.05"), or a column vector whose brackets
    // the text layer dropped ("h_t ≈ 0.6044 0 0")
    const listEnd = new RegExp(
      `[=≈]\\s*(-?\\d*\\.?\\d+(?:(?:\\s*,\\s*|\\s+)-?\\d*\\.?\\d+){${Math.max(0, n - 1)}})\\s*\\.?\\s*$`,
    );
    const listLine =
      !literal.length && n > 1
        ? text
            .split('\n')
            .map((l, i) => ({ l, i }))
            .reverse()
            .find(({ l }) => {
              const first = tokenize(l).find((t) => t.t === 'sym');
              return first !== undefined && names.includes(first.v as string) && listEnd.test(l);
            })
        : undefined;
    if (listLine)
      return {
        value: listEnd
          .exec(listLine.l)![1]
          .split(/\s*,\s*|\s+/)
          .map(Number),
        line: listLine.i,
        conf: 0.9,
      };
    // vectors of arithmetic (`{1 × 0.2 + 1 × 0.5, ...}`) when no literal result is written
    if (literal.length) {
      const v = literal[literal.length - 1];
      if (scalarRead && scalarRead.line > lineOfIndex(text, v.start)) return scalarRead;
      const distinct = new Set(literal.slice(-2).map((x) => x.values.join(',')));
      // the lines of equations that set this item's own name (`h(t) = {1, 0, 0} x 0.74 = …`)
      const nameLines = ev.equations
        .filter((eq) => {
          const lhs = eq.sides[0]?.tokens.filter((t) => t.t !== 'word') ?? [];
          return eq.sides.length > 1 && names.includes(canonicalSymbol(nameOf(lhs) ?? ''));
        })
        .flatMap((eq) => Array.from({ length: eq.lastLine - eq.line + 1 }, (_, k) => eq.line + k));
      const line = lineOfIndex(text, v.start);
      // (the last addend of a sum that ends its line, `= (0.2, 0.2, 0) + (0.5, 0, 0.05)`, no vector after
      // it: the sum was not written, or its line not read, and the addend is no answer to grade surely)
      const addend = /\+\s*$/.test(lineBefore(text, v.start)) && /^[\s.]*(?:\n|$)/.test(text.slice(v.end));
      // (a vector of arithmetic whose result is written after it but not read whole, "= (0.7, 0.2)"
      // from a column vector's rows: what the student wrote may differ from what it comes to)
      const cut =
        /\d\s*[-+*×·(]/.test(v.raw) &&
        vs.some((w) => w.start > v.end && w.values.length !== n && /=\s*$/.test(lineBefore(text, w.start)));
      // (the argument of a function the chain ends in, "= (1, 0, 0) × tanh(0.7, 0.2, 0.05)": the formula
      // put in with numbers and never evaluated; what it comes to is not written)
      const argument =
        /\b(?:tanh|sigmoid|sigma|σ|exp|softmax)\s*\(?\s*$/i.test(lineBefore(text, v.start)) &&
        /^\s*\)?\s*[.,;]?\s*(?:\n|$)/.test(text.slice(v.end)) &&
        !vs.some((w) => w.start > v.end);
      return {
        value: v.values,
        line,
        conf: addend || cut || argument ? 0.5 : distinct.size > 1 && literal.length > 1 ? 0.9 : 0.95,
        ...(argument
          ? {
              note: `the formula is written with numbers ("${quote(lineBefore(text, v.end))}") but never evaluated`,
            }
          : {}),
        unnamed: names.length > 0 && !own.includes(v) && nameLines.length > 0 && !nameLines.includes(line),
      };
    }
    const evals = ev.computations.filter(
      (c) => Array.isArray(c.value) && (!n || (c.value as number[]).length === n),
    );
    // (a result written after it but not read whole: a person reads it, as for a vector of arithmetic below)
    if (evals.length) {
      const last = evals[evals.length - 1];
      const cut = last.stated.some((x) => Array.isArray(x) && x.length !== (last.value as number[]).length);
      return { value: last.value, line: last.line, conf: cut ? 0.5 : 0.85 };
    }
    return scalarRead ?? null;
  }
  if (item.shape === 'dimension') {
    // (an arrow after it, "==> pointwise …" on the next line, is no equation it starts)
    const shapes = findDimensions(text).filter(
      (d) => !d.inArithmetic && !/^\s*=(?![=>])/.test(text.slice(d.end)),
    );
    // (a filter's own shape, "Each filter is 4 × 4 × 3", is no output, where another shape is written)
    // (nor is the input's, "Input : 200 x 200 x 3, filter 4 x 4, …": the given restated)
    // (nor a shape in an aside naming the filters after it: "[1 × 1 × 3, 10 filters]", "(1×1×3 kernel)";
    // a table's cell, "Pointwise 1×1×3, 10 filters   199 × 199 × 10", keeps its place in the row)
    const filter = (d: { start: number; end: number }) =>
      /\b(?:filters?|kernels?)\s*(?:(?:is|are|of|has|size|shape)\s*){0,2}[:=]?\s*$|^\s*(?:the\s+)?(?:input|given)(?:\s+(?:image|size|shape|volume|map))?\s*[:=]?\s*$/i.test(
        text.slice(text.lastIndexOf('\n', d.start - 1) + 1, d.start),
      ) ||
      (/[[(]\s*$/.test(text.slice(0, d.start)) &&
        /^\s*(?:,\s*\d+\s*)?(?:filters?|kernels?)\b/i.test(text.slice(d.end)));
    const dims = shapes.some((d) => !filter(d)) ? shapes.filter((d) => !filter(d)) : shapes;
    const siblings = part.items.filter((x): x is ValueItem => x.type === 'value' && x.shape === 'dimension');
    let cands = dims;
    if (siblings.length > 1) {
      const want = asNumbers(resolveKey(item.key, keys));
      const lenOk = dims.filter((d) => !want || d.dims.length === want.length);
      // every value item's cues claim the text after them (a "multiplications" line is not a shape)
      const cued = part.items.filter((x): x is ValueItem => x.type === 'value' && x.cues.length > 0);
      const cueAt = new Map(cued.map((s) => [s.id, cuePositions(text.toLowerCase(), s.cues)]));
      // (the shape items' own cues: the stages a row or a table's header names)
      const stageCues = [...cueAt].filter(([id]) => siblings.some((x) => x.id === id));
      const owner = (d: { start: number; end: number }) => {
        // a cue right after the shape names it: "199 × 199 × 3 (depthwise)", "199 × 199 × 10 after
        // pointwise" (a bare "Pointwise" after it starts the next answer: "… × 3 Pointwise output: …")
        // (a bracketed cue may start the next line: "… 200 × 200 × 10" / "(pointwise)."; an "After
        // pointwise = …" there starts the next statement)
        const tail = /^(?:[ \t]{0,2}\n?[ \t]{0,2}\([ \t]?|[ \t]{0,2}(?=(?:after|for)\b))/i.exec(
          text.slice(d.end),
        )?.[0].length;
        // (or its stage in a bracket's few words: "197x197x3 (after dw), 197x197x10 (after pw)")
        const said =
          tail === undefined
            ? undefined
            : tail +
              (/^(?:(?:after|for|in|of|the|from)\s+){1,2}/i.exec(text.slice(d.end + tail))?.[0].length ?? 0);
        // ("… × 3 After pointwise: 199 × 199 × 10": a cue followed by its own value opens the next
        // statement, as a heading does)
        const opensNext =
          tail !== undefined &&
          /^(?:after|for)\s+(?:the\s+)?[\w-]+(?:\s+(?:output|layer|step|stage|conv\w*))?\s*[:=]\s*\d/i.test(
            text.slice(d.end + tail),
          );
        if (tail !== undefined && !opensNext)
          for (const [id, ps] of cueAt)
            if (ps.includes(d.end + tail) || ps.includes(d.end + said!)) return id;
        // (a table set across, a column per stage: "      Depthwise       Pointwise" over
        // "Output  199 × 199 × 3  199 × 199 × 10": the k-th shape of the row is the k-th cue's)
        const from = text.lastIndexOf('\n', d.start - 1) + 1;
        const to = text.indexOf('\n', d.end) < 0 ? text.length : text.indexOf('\n', d.end);
        const row = lenOk.filter((x) => x.start >= from && x.end <= to);
        // (the stages named in the header only: a row naming one, "Pointwise: 10 filters of 1×1×3,
        // output 199 × 199 × 10", is a sentence, and so is a header line of prose)
        // (a count's cue in the row names no stage: "answer: 3,120,000 mults, outputs 200x200x3 and
        // 200x200x10")
        const rowNamesOne = stageCues.some(([, ps]) => ps.some((q) => q >= from && q < to));
        if (row.length >= 2 && !rowNamesOne) {
          let end = from - 1;
          for (let up = 0; up < 6 && end > 0; up++) {
            const start = text.lastIndexOf('\n', end - 1) + 1;
            const heads = stageCues
              .map(([id, ps]) => ({ id, at: ps.find((q) => q >= start && q < end) }))
              .filter((h): h is { id: string; at: number } => h.at !== undefined)
              .sort((a, b) => a.at - b.at);
            const words = text.slice(start, end).match(/[a-z]{2,}/gi)?.length ?? 0;
            if (heads.length === row.length && words <= heads.length * 3 + 2)
              return heads[row.findIndex((x) => x.start === d.start)].id;
            end = start - 1;
          }
          // (with no header: a row listing one shape per stage, "outputs 200x200x3 and 200x200x10",
          // lists them in the question's order)
          const listed = row.every(
            (x, k) => k === 0 || /^\s*(?:,|;|\/|&|and)\s*$/i.test(text.slice(row[k - 1].end, x.start)),
          );
          if (row.length === siblings.length && listed)
            return siblings[row.findIndex((x) => x.start === d.start)].id;
        }
        // (a shape said to be "the output" is a shape item's, though a count's cue came after the
        // shape item's: "ten 1 x 1 x 3 filters … = 1,188,030 multiplications, and the output is
        // 199 x 199 x 10")
        const output = /\boutputs?\s*(?:is|=|:|size|shape)?\s*(?:of\s+)?$/i.test(
          text.slice(Math.max(0, d.start - 24), d.start),
        );
        const shapes = new Set(siblings.map((x) => x.id));
        let best: string | null = null;
        let bestAt = -1;
        for (const [id, ps] of cueAt)
          if (!output || shapes.has(id))
            for (const p of ps) if (p <= d.start && p > bestAt) [best, bestAt] = [id, p];
        return best;
      };
      const mine = lenOk.filter((d) => owner(d) === item.id);
      if (mine.length) cands = mine;
      else {
        // no cues: the n-th shape of the right length belongs to the n-th dimension item
        const idx = siblings.findIndex((s) => s.id === item.id);
        const unowned = lenOk.filter((d) => owner(d) === null);
        cands = unowned[idx] ? [unowned[idx]] : [];
      }
    }
    // a shape inside a bracketed aside ("3 × 5 (it is a 3×2 block for x_t and a 3×3 block for
    // h_{t-1} side by side)") explains the answer; it is not the answer
    // a shape written right after another quantity's name ("W_f : 3 × 5, b_f : 3 × 1", "U_f is
    // 3 × 3") is that quantity's, not this item's answer
    const own = item.names.map(canonicalSymbol);
    const notOthers = cands.filter((d) => {
      // (the name may end the line before: "so b_f is" / "5 × 1")
      const before = text
        .slice(Math.max(0, d.start - 32), d.start)
        .split('\n')
        .slice(-2)
        .join(' ');
      // (a space of vectors before it names no quantity: "W_f maps R^5 to R^3 and its dimension is 3 x 5")
      const syms = tokenize(before.replace(/(?<![A-Za-z])[Rℝ]\s*\^\s*\{?[\d\s×x*]+\}?/g, ' ')).filter(
        (t) => t.t === 'sym',
      );
      const last = syms[syms.length - 1];
      return last === undefined || own.includes(last.v as string) || /\d\s*[*x×]?\s*$/.test(before.trim());
    });
    if (own.length && notOthers.length) cands = notOthers;
    // (every shape written is another quantity's, and of fewer dimensions than the key's — "f_t ∈ R^3"
    // where W_f's matrix was asked — the item's own nowhere: a wrong one read among them is for a person)
    const keyDims = asNumbers(resolveKey(item.key, keys))?.length ?? 0;
    const othersOnly = own.length > 0 && cands.length > 0 && notOthers.length === 0;
    // the shape set right after the item's own name ("W_f : [3 x 5] check [3 x 5][5 x 1] -> [3 x 1]",
    // "W_f ∈ R^{3×5}"): the answer, over the shapes of a check or a derivation around it
    const ownNamed = cands.filter((d) => {
      const line = text.slice(text.lastIndexOf('\n', d.start - 1) + 1, d.start);
      const toks = tokenize(line.replace(/(?:\s|:|=|\(|\[|\*|\{|\^|\bis\b|∈|\bin\b|\bR\b)*$/u, ''));
      const last = toks[toks.length - 1];
      // (one block of it, "W_f is 3x2 (for x_t), … together it is 3x5", is not the whole)
      const qualified = /^\s*\((?:for|of|on|from|only|the)\b/i.test(text.slice(d.end));
      return last?.t === 'sym' && own.includes(last.v as string) && !qualified;
    });
    if (own.length && ownNamed.length) cands = ownNamed;
    const plain = cands.filter((d) => !inProseAside(text, d.start));
    if (plain.length) cands = plain;
    // a filter's shape ("3 filters [4x4x1]", "1 × 1 × 3 kernels") describes the operation, not a result
    // (nor does the input it is applied to: "… of 1x1x3 applied on the 198x198x3 map")
    // (nor is a run of factors that starts at a stride's or a padding's value: "stride 1 × 199 × 3",
    // a table cell wrapped under "→ 199")
    const results = cands.filter(
      (d) =>
        !describesFilter(text, d) &&
        !describesInput(text, d) &&
        !(
          d.dims[0] <= 4 &&
          /\b(?:stride|padding|pad)\s*[:=]?\s*$/i.test(text.slice(Math.max(0, d.start - 12), d.start))
        ),
    );
    // (only a filter's shape found: the result is written some way not read, a person reads it)
    const d = (results.length ? results : cands).at(-1);
    if (d)
      return {
        value: d.dims,
        line: lineOfIndex(text, d.start),
        conf: results.length ? 0.95 : 0.5,
        ...(othersOnly && d.dims.length < keyDims
          ? {
              unnamed: true,
              note: `no shape is written as ${item.names[0]}'s own: the one read is another's`,
            }
          : {}),
      };
    // a shape given as one number (`b_f is 3`); not a time index (`h_{t-1}`) nor a number inside an
    // aside that explains it (`b_f = 5 (added along with [h_{t-1}, x_t])`)
    const counted = findNumbers(text).filter(
      (x) => Number.isInteger(x.value) && x.value > 0 && !/[a-z]\s*[-+]\s*$/i.test(text.slice(0, x.start)),
    );
    const unexplained = counted.filter((x) => !inProseAside(text, x.start));
    const nums = unexplained.length ? unexplained : counted;
    if (nums.length === 1 || (nums.length && siblings.length === 1)) {
      const x = nums[nums.length - 1];
      // one number where a shape was written with `×` is a shape we failed to read, not an answer
      const garbled = /\d\s*\*/.test(text);
      // (the last of several numbers, for a matrix's shape, in text that never names the matrix — a
      // grid of sizes, "dim xt 2 / dim ct 3 / dim[ht−1, xt] 5" — is a guess: a person reads it)
      const named = tokenize(text).some((t) => t.t === 'sym' && own.includes(t.v as string));
      const guessed = nums.length > 1 && keyDims >= 2 && own.length > 0 && !named;
      return {
        value: [x.value],
        line: lineOfIndex(text, x.start),
        conf: garbled || guessed ? (guessed ? 0.5 : 0.6) : nums.length === 1 ? 0.9 : 0.75,
      };
    }
    return null;
  }
  // a result set apart from the working that gives it: a table's answer cell centred between its
  // working's lines ("per gate: 15 + 3 = 18" / "72" / "4 gates (f, i, o, C̃): 4 × 18"), a bare number
  // that a product left unworked at a line's end comes to (the one bare number of the part: a table
  // of counts, "1,900,848" / "1,188,030" each beside its product, ends in its total elsewhere)
  const lines = text.split('\n');
  const bares = lines.flatMap((l, k) => {
    const bare = /^\s*(\d{1,3}(?:,\d{3})+|\d+)\s*$/.exec(l);
    return bare ? [{ k, value: Number(bare[1].replace(/,/g, '')) }] : [];
  });
  if (bares.length === 1) {
    const { k, value } = bares[0];
    const worked = lines.some((o, j) => {
      const tail = j !== k ? /(?:^|[:=]\s*)(\d+(?:\s*[*]\s*\(?[\d\s*+]+\)?)+)\s*$/.exec(o) : null;
      return tail !== null && tryEvaluate(tail[1]) === value;
    });
    if (worked && value > 1) return { value, line: k, conf: 0.9 };
  }
  // number; a rounded restatement in brackets ("(≈ 3.06 million)", "(approx. 3.1M)") is not the answer,
  // also when it wraps onto the next line ("(≈ 3.09⏎million)")
  const stated = text.replace(
    /\(\s*(?:[=~]|approx\w*\.?|about|roughly|around|i\.?e\.?)[^()\n]*(?:\n[^()\n]*)?\)/gi,
    blanked,
  );
  const dimsSpans = findDimensions(stated).map((d) => [d.start, d.end] as const);
  let nums = findNumbers(stated).filter(
    (x) =>
      !dimsSpans.some(([a, b]) => x.start >= a && x.end <= b) &&
      !equationRef(stated, x) &&
      !statementNumber(stated, x) &&
      // (a share, "depthwise ~62%", is no count; a MATLAB comment opening the next line is no share)
      !/^[ \t]*%/.test(stated.slice(x.end)),
  );
  // the model's sizes put into a general formula after the count ("In general 4 n_h(n_h + n_x) with
  // n_h = 3, n_x = 2"): givens and the formula's coefficient, not the answer, when other numbers are there
  const unsized = nums.filter(
    (x) => !sizeGiven(stated, x) && !/^\s*[*·×]?\s*[A-Za-z]_?\{?[A-Za-z]\}?\s*\(/.test(stated.slice(x.end)),
  );
  if (unsized.length) nums = unsized;
  // "(The biases add another 4 × 3 = 12, but those are not weights.)": not the answer
  const plainNums = nums.filter((x) => !inProseAside(stated, x.start));
  if (plainNums.length) nums = plainNums;
  // nor a count opening a bracket that names what a factor above counts: "4 × (3 × 5) = 60
  // (4 matrices Wf, Wi, Wo, WC)"
  const factorNamed = (x: { start: number; end: number; value: number }) =>
    /\(\s*$/.test(stated.slice(0, x.start)) &&
    /^\s*[a-z]{3,}/i.test(stated.slice(x.end)) &&
    new RegExp(`(?<![\\d.])${x.value}\\s*\\*`).test(stated.slice(0, x.start));
  if (nums.some((x) => !factorNamed(x))) nums = nums.filter((x) => !factorNamed(x));
  // (nor a number of a comparison the student adds, "Bonus comparison: standard convolution = … =
  // 19,200,000", "a standard conv would need …", where the answer stands elsewhere)
  const compared = (x: { start: number }) =>
    COMPARISON.test(stated.slice(stated.lastIndexOf('\n', x.start - 1) + 1, x.start));
  if (nums.some((x) => !compared(x))) nums = nums.filter((x) => !compared(x));
  if (item.cues.length) {
    const pos = cuePositions(text.toLowerCase(), item.cues);
    const after = nums.filter((x) => pos.some((p) => p <= x.start));
    if (after.length) nums = after;
  }
  if (item.numberWords) {
    // the count the student states as the answer ("So answer = 0", "answer 0", "Ans: 0") wins over a
    // letter that only looks like a model size in words of another language ("Dot product e kono
    // weight nei": Bengali "e" is "in")
    const answered = [...text.matchAll(STATED_ANSWER)].pop();
    if (answered) {
      const w = answered[1].toLowerCase();
      const value = /^(?:zero|none|nil)$/.test(w) ? 0 : findNumbers(w)[0]?.value;
      if (value !== undefined) return { value, line: lineOfIndex(text, answered.index ?? 0), conf: 0.95 };
    }
    // a count given as a formula in the model's sizes ("2n extra parameters", "parameters = d^2",
    // "n × m extra parameters"): a nonzero count, whatever n is
    // (the first such count that is not a word: "a weight for each state … So n extra parameters")
    const symbolic = [
      ...text.matchAll(
        /(?:^|[\s=(])((?:\d+\s*\*?\s*)?[a-z](?:_\{?[a-z0-9]{1,3}\}?)?(?:\s*[*^]\s*\{?[a-z0-9]+\}?(?:_\{?[a-z0-9]{1,3}\}?)?)*(?:\s*[+]\s*[a-z0-9]+(?:_\{?[a-z0-9]{1,3}\}?)?(?:\s*[*^]\s*\{?[a-z0-9]+\}?(?:_\{?[a-z0-9]{1,3}\}?)?)*)*)\s+(?:\w+\s+|(?:addi|lear|trai)\w*\s+[a-z]{1,5}\s+)?(?:parameters?|params?|weights?)\b|(?:parameters?|params?)\s*(?:=|\bare\b|\bis\b)\s*((?:\d+\s*\*?\s*)?(?:[a-z]|[a-z]{2}(?=\s*[*×·^]))(?:\s*[*^+×·]\s*\{?[a-z0-9]+\}?)*)(?![\w(])|(?:#|\b(?:extra|additional|new|added|count|total)\b)[^=\n]{0,20}=(?:[^=\n]*=|[^=]{0,30}=)*\s*((?:\d+\s*[*×·]?\s*)?[a-z](?:_\{?[a-z0-9]{1,3}\}?|[a-z](?=\s*[*×·]))?(?:(?:\s*[*^+×·]\s*|\s+x\s+)\{?[a-z0-9]+\}?(?:_\{?[a-z0-9]{1,3}\}?)?)*)\s*\.?\s*$|(?:^|[\s=(⇒→])([a-z]{1,2}(?:\s*[*×·x]\s*[a-z]{1,2})+)\s+(?:extra|additional|new)\b/gim,
      ),
    ].find(
      (m) =>
        !/^(?:no|any|the|a|an|of|extra|new|more|additional|o)$/i.test(
          (m[1] ?? m[2] ?? m[3] ?? m[4]).trim(),
        ) &&
        // (a subscripted size only in a formula, "d_a*d_s + d_a": "e_kj lo weight", "h_j all param-free"
        // name quantities, not a count)
        !(m[1] && /_/.test(m[1]) && !/[*^+]/.test(m[1])),
    );
    // (OCR parts the word before "parameters": "n additio nal parameters")
    // (a lone O is a handwritten 0 as OCR reads it, not a model size: "O additional parameters")
    // (a count that is all the text says: "n", "2d^2 + d", a pick's clause)
    // (with an aside in brackets after it: "d^2 (W_a matrix)")
    const bare = /^\s*((?:\d+\s*\*?\s*)?[a-z](?:\s*[*^+]\s*\{?[a-z0-9]+\}?)*)\s*(?:\([^()\n]*\))?\s*$/i.exec(
      text,
    )?.[1];
    // ("#extra = d × d = d^{2}": a chain ending in the model's sizes, on a line naming the count)
    // ("⇒ ds × dh extra": a product of sizes, their subscripts flattened, before "extra")
    const sym = symbolic?.[1] ?? symbolic?.[2] ?? symbolic?.[3] ?? symbolic?.[4] ?? bare;
    // (a count stated after it is the answer the student settled on: "At first I thought … so d x d
    // extra. But … plain dot product. Extra parameters = 0.")
    const after = symbolic ? (symbolic.index ?? 0) + symbolic[0].length : text.length;
    const settled =
      /(?:parameters?|params?|weights?)\s*(?:=|:|is|are)\s*(?:0|zero|none|nil)\b|\b(?:0|zero)\s+(?:extra|additional|new)\s+(?:parameters?|params?|weights?)\b/i.exec(
        text.slice(after),
      );
    if (symbolic && settled) return { value: 0, line: lineOfIndex(text, after + settled.index), conf: 0.9 };
    if (
      sym &&
      /[a-z]/i.test(sym) &&
      !/^(?:no|any|the|a|an|of|extra|new|more|additional|o)$/i.test(sym.trim())
    ) {
      // a count said in words before it ("No extra weights are needed (0) … n attention weights"):
      // two readings, a person's call
      const before = symbolic ? text.slice(0, symbolic.index) : '';
      // (a competing reading is a zero: "one weight for every encoder state" counts something else)
      const other = findNumberWords(before).some((w) => w.value === 0) || /(?<![\w.])0(?![\w.])/.test(before);
      // (the zero stated as the count, "0 additional parameters.", "Zero.", and the formula only in a
      // view set aside after it, "(The group thought attention adds n^2 parameters, but that is only if
      // we use a learnt W_a …)", "A learnt score … would add d^{2}": the zero; not a size defined with
      // "if", "if the encoder has n steps, … = n × m")
      const zeroCount =
        /(?<![\w.])0(?![\w.])\s*(?:additional|extra|new)?\s*(?:parameters?|params?)\b|(?:parameters?|params?)\s*(?:=|:|is|are)\s*(?:0|zero)\b|^[\s.:–—-]*(?:zero|0)\b/im.test(
          before,
        );
      const setAside = /\b(?:would|only if|thought|but that|not what)\b/i.test(
        sentenceAt(text, symbolic?.index ?? 0),
      );
      if (other && symbolic && zeroCount && setAside)
        return { value: 0, line: lineOfIndex(text, symbolic.index ?? 0), conf: 0.9 };
      // (the formula given as the count itself, "additional parameters = ds × dh", after a part said
      // to have none, "the softmax … have no parameters": the student's count, not a second reading)
      const named =
        symbolic?.[2] !== undefined &&
        !zeroCount &&
        /\b(?:extra|additional|new|added)\s*$/i.test(text.slice(0, symbolic.index));
      return {
        value: sym.trim(),
        line: lineOfIndex(text, symbolic?.index ?? 0),
        conf: other && !named ? 0.5 : 0.9,
      };
    }
    // (a list item's number, "4. Hence additional parameters = 0.", counts nothing: blanked, the
    // same length, before the lines are joined into prose)
    // (a list: two lines or more numbered so; "Answer: 0. Each score …" cut after its marker is none)
    // (so do a table's rows numbered with bare numbers, "1 e_kj = s·h_j  0", "2 softmax  0", …)
    const unlisted = withoutRowNumbers(
      isList(text)
        ? text.replace(
            LIST_ITEM,
            (m, a: string, b: string) => `${a}${b}${' '.repeat(m.length - a.length - b.length)}`,
          )
        : text,
    );
    // a count said next to "parameters" wins over other numbers in the explanation
    const near = [
      // (not a number ending the line above: "1⏎0 additional parameters", a marks column's 1)
      // (the whole number: "16⏎more parameters" is not its "1" before a word "6")
      // (nor a number glued to a name, a working line's "L9" or a weight's "W2")
      ...unlisted.matchAll(
        /(?<![\p{L}\d_.,])(-?\d[\d,.]*)(?![\d,.])(?![ \t]*\n)\s*(?:\w+\s+){0,2}(?:parameters?|params?|weights?)\b/giu,
      ),
    ].find((m) => !statementNumber(unlisted, { start: m.index ?? 0 }));
    if (near) {
      const v = findNumbers(near[1]);
      if (v.length) return { value: v[0].value, line: lineOfIndex(text, near.index), conf: 0.95 };
    }
    // otherwise the count said first ("Zero: ...", "Answer: 0. ...", "None, because ...")
    const words = findNumberWords(unlisted);
    const prose = normalizeProse(unlisted);
    const steps = bracketSteps(text);
    const digits = findNumbers(prose).filter(
      (x) =>
        !/[a-z]-$/.test(prose.slice(0, x.start)) &&
        !equationRef(prose, x) &&
        !statementNumber(prose, x) &&
        !(steps && stepRef(prose, x)),
    );
    const first = [
      ...words.map((w) => ({ value: w.value, at: w.index, end: w.index, digit: false })),
      ...digits.map((d) => ({ value: d.value, at: d.start, end: d.end, digit: true })),
    ].sort((a, b) => a.at - b.at)[0];
    // a number that is an operand or counts something else ("3 + 2 = 5", "3 filters (4×4×1)") is
    // no count of parameters: the answer may not be this text's (a person reads it)
    const counted =
      first?.digit &&
      (/(?<!\*)[+\-−×*·/^]\s*$|\bx\s*$/.test(prose.slice(Math.max(0, first.at - 3), first.at)) ||
        /^\s*(?:[+\-−×*·/^]\s*(?:\d|\(|[a-z](?![a-z]))|x\s*\d|filters?\b|elements?\b|gates?\b|channels?\b|rows?\b|columns?\b|entries\b)/.test(
          prose.slice(first.end),
        ));
    // (a count said in words, "nothing extra", where the part works out another count after it,
    // "3 × 3 = 9 additional parameters": the words may be said of something else, a person reads it)
    // (a count of parameters: the sum's result followed by what it counts, on its line or the next;
    // another question's arithmetic, "3 + 2 = 5" for W_f, counts nothing here)
    const counts = (c: { line: number }) =>
      /\d\s*(?:\w+\s+){0,2}(?:parameters?|params?|weights?)\b/i.test(
        `${ev.lines[c.line] ?? ''} ${ev.lines[c.line + 1] ?? ''}`,
      );
    const worked =
      first && !first.digit
        ? ev.computations.find(
            (c) =>
              counts(c) &&
              c.stated.some((s) => typeof s === 'number' && s !== first.value && Number.isInteger(s)),
          )
        : undefined;
    if (first && worked)
      return {
        value: first.value,
        line: 0,
        conf: 0.5,
        note: `the part also works out another count ("${quote(ev.lines[worked.line] ?? worked.text)}")`,
      };
    if (first) return { value: first.value, line: 0, conf: counted ? 0.5 : 0.9 };
  }
  if (!nums.length) return null;
  // the key stated as the result of a computation is the answer, even when other numbers (its parts,
  // a check) follow it; alternatives are not preferred this way (60 and 18 are steps towards 72)
  const wanted = [resolveKey(item.key, keys)]
    .map((v) => asNumbers(v))
    .filter((v): v is number[] => v?.length === 1)
    .map((v) => v[0]);
  for (const eq of ev.equations) {
    const last = eq.sides[eq.sides.length - 1];
    if (last.tokens.length !== 1 || last.tokens[0].t !== 'num') continue;
    const v = last.tokens[0].v;
    if (
      eq.sides.slice(0, -1).some((s) => s.tokens.some((t) => t.t === 'num')) &&
      wanted.some((w) => closeTo(v, w, { rel: 1e-9 }))
    ) {
      // the key only as a case the student set aside ("If biases are also counted it would be
      // 60 + 12 = 72") beside another computed result (4 × 15 = 60): which is the answer is a
      // person's call
      // (the sentence may start on the line before: "… If biases are also counted it becomes⏎60 + 4 × 3 = 72")
      // (or be one of several on the line: "… matrices only. Including biases: 60 + 4 · 3 = 72.")
      const ends = /[.!?](?:\s|$)/;
      const own = (ev.lines[eq.line] ?? '').split(ends);
      const at = own.findIndex((x) =>
        findNumbers(normalizeMath(x)).some((n) => closeTo(n.value, v as number, { rel: 1e-9 })),
      );
      const sentence = at > 0 ? own[at] : `${(ev.lines[eq.line - 1] ?? '').split(ends).pop()} ${own[0]}`;
      const other = hypothetical(sentence)
        ? ev.equations.find((o) => {
            const end = o.sides[o.sides.length - 1].tokens;
            return (
              o !== eq &&
              !hypothetical(ev.lines[o.line] ?? '') &&
              end.length === 1 &&
              end[0].t === 'num' &&
              !wanted.some((w) => closeTo(end[0].v as number, w, { rel: 1e-9 })) &&
              o.sides.slice(0, -1).some((s) => s.tokens.some((t) => t.t === 'num'))
            );
          })
        : undefined;
      if (other) {
        const alt = other.sides[other.sides.length - 1].tokens[0].v;
        return {
          value: v,
          line: eq.line,
          conf: 0.5,
          note: `the answer is given two ways: ${fmtNum(alt as number)}, and ${fmtNum(v as number)} only as a case set aside`,
        };
      }
      // the key carried on into a later result with a symbol ("P_total = T · P_step = 72 T"): that
      // is the student's answer, not the key; a person reads it
      const key = wanted.find((w) => closeTo(v as number, w, { rel: 1e-9 }))!;
      // (or into a later computation of another number: "4 × 18 = 72 … so my total is 72 + 3 = 75")
      const onward =
        ev.lines
          .slice(eq.lastLine + 1)
          .map((l) => normalizeMath(l))
          .map((l) => new RegExp(`=\\s*(${key}\\s*(?:\\*\\s*)?[A-Za-z](?![A-Za-z(]))`).exec(l)?.[1])
          .find((x) => x !== undefined) ??
        carriedOn(
          ev.equations.filter((o) => o.line > eq.lastLine),
          key,
        );
      // (or an answer marked after it that is another number: "… 4 x 18 = 72 but question asks
      // about W_f. Ans = 18 (72 if all gates are counted)", "… adds 3 more. ⇒ total = 75")
      // (not a list of answers with the key among them, "Final: 3 × 5; 3; 72", nor a shape)
      // (on the key's own line after it too: "4 × 18 = 72   total = 60 + 3 = 63")
      const keyLine = normalizeMath(ev.lines[eq.lastLine] ?? '');
      const keyAt = findNumbers(keyLine)
        .filter((n) => closeTo(n.value, key, { rel: 1e-9 }))
        .pop();
      const marked = [keyAt ? keyLine.slice(keyAt.end) : '', ...ev.lines.slice(eq.lastLine + 1)]
        .map(
          (l) =>
            // (a word or two naming what the total counts: "Total multiplications = 3,088,788"; or an
            // implication's total, "=> total 78", "∴ 78")
            (/\b(?:ans(?:wer)?|final(?:\s+answer)?|total(?:\s+(?:no\.\s+of\s+)?[a-z]{3,}){0,2})\s*(?:is|[:=-])\s*(\d[^\n]*)/i.exec(
              normalizeMath(l),
            ) ?? /^\s*(?:=>|⇒|∴|->|→)\s*(?:(?:the\s+)?total\s*)?(\d[^\n]*)$/i.exec(normalizeMath(l)))?.[1],
        )
        .map((rest) => {
          if (!rest) return undefined;
          // (up to the sentence's end: "= 3,088,788. Output after depthwise = 199×199×3")
          const plain = rest.split(/\.\s/)[0].replace(/\([^()]*\)/g, ' ');
          const nums = findNumbers(plain);
          if (!nums.length || nums.some((n) => closeTo(n.value, key, { rel: 1e-9 }))) return undefined;
          if (/^\s*[*x]\s*\d/.test(plain.slice(nums[0].end))) return undefined;
          // (a computation marked: its result, "total = 60 + 3 = 63")
          return (/=/.test(plain) ? nums[nums.length - 1] : nums[0]).value;
        })
        .find((x) => x !== undefined);
      if (onward || marked !== undefined)
        return {
          value: v,
          line: eq.line,
          conf: 0.5,
          note: onward
            ? `the answer goes on to ${onward}`
            : `the answer marked is ${fmtNum(marked as number)}`,
        };
      return { value: v, line: eq.line, conf: 0.95 };
    }
  }
  // the result written first and its working after it, each side coming to it ("60 = 4 × 15 = 4 ×
  // (3 × 5)", "72 = 4 × 18"), no line after it computing or totalling anything: that number is the answer
  for (let i = ev.lines.length - 1; i >= 0; i--) {
    const sides = normalizeMath(ev.lines[i] ?? '').split(/(?<![<>=!])=(?!=)/);
    if (sides.length < 2) continue;
    const head = findNumbers(sides[0]);
    const later = ev.lines.slice(i + 1).some((l) => /=\s*-?\d|\btotal\b/i.test(normalizeMath(l ?? '')));
    if (later || head.length !== 1 || sides[0].replace(/[\d,.\s]/g, '') !== '') break;
    const v = head[0].value;
    const rest = sides.slice(1).map((sd) => sd.trim().replace(/[.;,]$/, ''));
    if (rest.every((sd) => /[+\-−×*·/]/.test(sd) && closeTo(tryEvaluate(sd) ?? Number.NaN, v, { rel: 1e-6 })))
      return { value: v, line: i, conf: 0.9 };
    break;
  }
  // the answer stated first, its working in brackets after it on the line ("72 [ (3x5 + 3) = 18 per
  // block x 4 ; 60 wts + 12 biases ]"): the bracket explains the number before it
  // (not a product's first factor, "4 x (3x3 + 3)", nor a line the next one goes on from, "= 4 x 12")
  const [head, next] = text.split('\n');
  const lead = /^\s*(\d[\d,]*(?:\.\d+)?)\s*(?:(?!x\b)[a-z]{2,}\s*)?(?:\[(.*)\]|\((.*)\))\s*$/i.exec(head);
  if (
    wanted.length &&
    lead &&
    /\d\s*(?:[=+×*·]|x\s*\d)/i.test(lead[2] ?? lead[3]) &&
    !/^\s*[=+\-−×*·/]/.test(next ?? '')
  ) {
    const v = findNumbers(lead[1])[0];
    if (v) return { value: v.value, line: 0, conf: 0.9 };
  }
  // the answer stated first, alone, its working after it on its line or the next ("72" then
  // "= 4*(3*5+3)", "72   4 sets (W, b): 4 × (15 + 3) = 4 × 18"): the head's number, when the working
  // after it evaluates to it (not a product's first factor, "72 × 4 …")
  // (anywhere after it: "Answer: 36 parameters" then "Working:" and bullets, "9 x 4 = 36" the last)
  // (or after its mark, "Answer: 3,057,912 multiplications", the total row of a table below restating it)
  const mark = ANSWER_MARK.exec(text)?.[0] ?? '';
  const first = /^\s*(\d[\d,]*(?:\.\d+)?)(?=[ \t]*\n|[ \t]+(?![*×x+\-−/^=.,:]))/.exec(
    text.slice(mark.length),
  );
  if (first) {
    const v = findNumbers(first[1])[0]?.value;
    // (a product written with x, × or ·, "9 x 4 = 36", as the evaluator's *)
    const after = text.slice(mark.length + first[0].length);
    const rest = normalizeMath(after).replace(/(?<=\d)\s*[x×·]\s*(?=[\d(])/g, ' * ');
    const reaches = [...rest.matchAll(/[\d(][\d\s.,()*+\-−^]*[\d)]/g)].some((m) => {
      if (!/\d\s*[*+^]\s*[\d(]/.test(m[0])) return false;
      const x = tryEvaluate(m[0].replace(/−/g, '-'));
      return v !== undefined && x !== null && closeTo(x, v, { rel: 1e-9 });
    });
    const restated =
      mark !== '' &&
      after.split('\n').some((l) => {
        const row = normalizeMath(l);
        const ns = findNumbers(row);
        return (
          TOTAL_ROW.test(row) && ns.length === 1 && v !== undefined && closeTo(ns[0].value, v, { rel: 1e-9 })
        );
      });
    if ((reaches || restated) && v !== undefined) return { value: v, line: 0, conf: 0.9 };
  }
  // a total on a row of its own ("Total 3,088,878", a table's last row) followed only by checks of its
  // parts ("199² = 39,601. 39,601 × 48 = 1,900,848", a note's verification, "a standard conv would
  // need …"): no sum after it and no other total, so the row is the answer
  // (a sheet's row keeps its value, its cell formula set aside: "TOTAL =D37+D39 3027102")
  const rowText = (l: string | undefined) => normalizeMath(withoutCellFormulas(l ?? ''));
  const rowAt = ev.lines.findLastIndex(
    (l) => TOTAL_ROW.test(rowText(l)) && findNumbers(rowText(l)).length === 1,
  );
  // (after the working it totals: a total stated first, before its counts, is read below)
  const workedAbove = ev.lines
    .slice(0, Math.max(0, rowAt))
    .some((l) => /=\s*-?\d/.test(normalizeMath(l ?? '')));
  if (rowAt >= 0 && rowAt < ev.lines.length - 1 && workedAbove) {
    const total = findNumbers(rowText(ev.lines[rowAt]))[0].value;
    const after = ev.lines.slice(rowAt + 1);
    // (a sum after it coming to another count of its size is a second total: "3,120,000 … 1,900,848 +
    // 1,188,030 = 3,088,878"; the output size's "(200 + 2 − 4)/1 + 1 = 199" is not)
    const anotherSum = after.some((l) => {
      const line = normalizeMath(l ?? '');
      const last = findNumbers(line).at(-1)?.value;
      return (
        /\+/.test(line) && last !== undefined && last >= total / 2 && !closeTo(last, total, { rel: 1e-9 })
      );
    });
    // (nor a word of a total or a correction after it with another number than the row's: "…, total" /
    // "3027102" says the row's again)
    const restated = after.join('\n');
    const otherWord = [
      ...restated.matchAll(
        /\b(?:total|altogether|overall|in all|answer|final|correct\w*|actually|instead|wrong|mistake)\b/gi,
      ),
    ].some((m) => {
      const next = findNumbers(normalizeMath(restated.slice((m.index ?? 0) + m[0].length)))[0]?.value;
      return next === undefined || !closeTo(next, total, { rel: 1e-9 });
    });
    if (!anotherSum && !otherWord) return { value: total, line: rowAt, conf: 0.9 };
  }
  // the total stated before its working: the number the results of the equations after it add up to
  // ("Total multiplications? → 3,120,000" over "depthwise = … = 1,920,000", "pointwise = … = 1,200,000")
  const summed = statedBeforeItsParts(nums, text, ev);
  if (summed) return summed;
  // the last number written: trusted when it is the part's only number or ends an equation
  // (`= 72`); otherwise it may be an operand of working we could not follow
  const x = nums[nums.length - 1];
  // (a count said per channel, per pixel, per gate after a total worked out above it, "Total = 1862832 +
  // 1164270 = 3027102" then "By stages: … = 620944 per channel …": a step again, the total the answer)
  const perUnit = (n: { end: number }) =>
    /^\s*(?:[a-z]+\s+){0,2}?per\s+(?:output\s+|input\s+)?(?:channel|pixel|filter|gate|position|location|map|unit|element|neuron)s?\b/i.test(
      stated.slice(n.end),
    );
  if (perUnit(x)) {
    const at = lineOfIndex(text, x.start);
    const total = workedTotal(ev, (eq) => eq.lastLine < at && !/\bper\s/i.test(ev.lines[eq.lastLine] ?? ''));
    if (total) return total;
  }
  // (a small number alone on its line after working that computed another — "4 × 9 = 36
  // parameters" then "1 ✓" — is a marks column's, the marks the student expects: no result)
  const marksBeside = (n: { value: number }) =>
    Number.isInteger(n.value) &&
    n.value <= part.points &&
    ev.computations.some((c) => typeof c.value === 'number' && c.value > part.points) &&
    !ev.computations.some((c) => typeof c.value === 'number' && closeTo(c.value, n.value, { rel: 1e-9 }));
  // (nor is a step's result alone on the last line after working that went on from it to another: "one
  // gate = 3×2 + 3 = 9", "4 × 9 = 36", then "9" — a table's next row number, or a restatement: a person reads it)
  const stepAgain = (n: { value: number; start: number; end: number }) => {
    const at = lineOfIndex(text, n.start);
    // (alone on its line: nothing but the number)
    if ((ev.lines[at] ?? '').trim() !== text.slice(n.start, n.end).trim()) return false;
    const step = ev.computations.find(
      (c) => c.line < at && c.stated.some((v) => typeof v === 'number' && closeTo(v, n.value, { rel: 1e-9 })),
    );
    return (
      step !== undefined &&
      ev.computations.some(
        (c) =>
          c.line > step.line &&
          c.line < at &&
          c.stated.some((v) => typeof v === 'number' && !closeTo(v, n.value, { rel: 1e-9 })),
      )
    );
  };
  const lineStart = text.lastIndexOf('\n', x.start - 1) + 1;
  const lineEnd = text.indexOf('\n', x.end) < 0 ? text.length : text.indexOf('\n', x.end);
  const resultLike =
    nums.length === 1 ||
    /=\s*$/.test(text.slice(lineStart, x.start)) ||
    // set apart as the result: alone on its line, boxed or after "Ans:", "Total:", "⇒"
    (standsAlone(text.slice(lineStart, x.start), text.slice(x.end, lineEnd)) && !marksBeside(x)) ||
    // the end of a line after an implication ("4 gates ⇒ 72", "so 72", "… = 12 ⇒ Ans: 72")
    (/(?:=>|⇒|∴|->|→|\bso|\bhence|\bthus|\btherefore|\bgives)\s*(?:(?:the\s+)?(?:final\s+)?(?:ans(?:wer)?|total|result)\s*(?:is|[:=-])?\s*)?$/i.test(
      text.slice(lineStart, x.start),
    ) &&
      /^[\s.)\]]*(?:params?|parameters?|weights?|mult\w*)?[\s.✓✔]*$/i.test(text.slice(x.end, lineEnd))) ||
    // the count a sentence ends with, in its unit ("… so the LSTM cell has 54 parameters.")
    (/\b(?:has|have|gives?|get|gets|makes?|is|are|comes? to|needs?|requires?)\s*(?:a total of\s*|in total\s*)?$/i.test(
      text.slice(lineStart, x.start),
    ) &&
      /^\s*(?:params?|parameters?|weights?|multiplications?|mults?)\b(?:\s+in total)?\s*[.!]?\s*$/i.test(
        text.slice(x.end, lineEnd),
      )) ||
    // the count followed by the word that says it is the whole ("72 total", "3,088,878 in total"), or
    // in its unit on a line of final answers ("Final: Wf 5×3, bf 3×1, 72 parameters")
    /^\s*(?:(?:params?|parameters?|weights?|mult\w*)\s+)?(?:in\s+)?(?:total|overall|altogether)\b[\s.)]*$/i.test(
      text.slice(x.end, lineEnd),
    ) ||
    (/^\W*(?:final(?:\s+answers?)?|answers?|ans)\b\s*[:=-]/i.test(text.slice(lineStart, x.start)) &&
      /^\s*(?:params?|parameters?|weights?|multiplications?|mults?)\b\s*[.!]?\s*$/i.test(
        text.slice(x.end, lineEnd),
      )) ||
    // the value an equation above ends in, written again as the answer (not as an operand of a sum
    // left without its result, "total = 1,862,832 + 1,164,270")
    (!/[+\-−×*·/]\s*$/.test(text.slice(lineStart, x.start)) &&
      nums.some(
        (n) => n !== x && closeTo(n.value, x.value, { rel: 1e-9 }) && /=\s*$/.test(lineBefore(text, n.start)),
      )) ||
    // what a computation on its line comes to, as the line's last number ("four gates: 4 × 9   36", whose
    // small product the table-row reading leaves as it is)
    ev.computations.some(
      (c) =>
        c.line === lineOfIndex(text, x.start) &&
        c.stated.some((v) => typeof v === 'number' && closeTo(v, x.value, { rel: 1e-9 })) &&
        /^\s*\.?\s*$/.test(text.slice(x.end, lineEnd)),
    );
  if (!resultLike) {
    // a total stated on a line of its own ("Total 3,088,878", a table's last row; "Total: 72"), the
    // last such line: the answer, though "Total = …" named a step before it
    for (let i = ev.lines.length - 1; i >= 0; i--) {
      const line = normalizeMath(ev.lines[i] ?? '');
      const ns = findNumbers(line);
      if (ns.length === 1 && TOTAL_ROW.test(line)) return { value: ns[0].value, line: i, conf: 0.9 };
    }
    // a total computed on its own line ("Total = 1,881,792 + 1,176,120 = 3,057,912") with only a
    // restatement of sizes after it: the total is the answer
    const total = workedTotal(ev);
    if (total) return total;
  }
  // (a count in FLOPs counts the additions too: beside a count of multiplications or MACs, which of the
  // two is the answer is a person's call)
  const flops =
    /\bflops?\b/i.test(text.slice(lineStart, lineEnd)) && /\b(?:macs?|mults?|multiplications?)\b/i.test(text);
  if (flops)
    return {
      value: x.value,
      line: lineOfIndex(text, x.start),
      conf: 0.5,
      note: 'the count is given in FLOPs (additions counted too) beside a count of multiplications',
    };
  // (the last number the result of a step that an equation above goes on from, "3 × 18 = 54" over
  // "each gate 15 + 3 = 18", as a table of Answer | Working reads: which is the answer is a person's call)
  const xLine = lineOfIndex(text, x.start);
  const onward = /=\s*$/.test(text.slice(lineStart, x.start))
    ? resultsFrom(ev.equations, x.value).filter((r) => r.line < xLine)
    : [];
  if (onward.length)
    return {
      value: x.value,
      line: xLine,
      conf: 0.5,
      note: `${fmtNum(x.value)} is written last, but an equation above goes on from it to ${fmtNum(onward[0].value)}`,
    };
  return { value: x.value, line: xLine, conf: resultLike && !stepAgain(x) ? 0.95 : 0.6 };
}

/**
 * The results of the equations that take `v` as an operand of a sum or a product and come to another
 * number: `3 × 18 = 54` for 18 (each equation's last side a lone number).
 */
function resultsFrom(equations: Evidence['equations'], v: number): Array<{ value: number; line: number }> {
  const same = (u: unknown) => typeof u === 'number' && closeTo(u, v, { rel: 1e-9 });
  return equations.flatMap((eq) => {
    const end = eq.sides[eq.sides.length - 1].tokens;
    if (end.length !== 1 || end[0].t !== 'num' || same(end[0].v)) return [];
    // (a sum or a product: a ratio or a difference compares, "3,088,878 / 199² = 78")
    const operand = eq.sides.slice(0, -1).some((sd) => {
      const ops = sd.tokens.filter((t) => t.t === 'op').map((t) => String(t.v));
      return (
        sd.tokens.some((t) => t.t === 'num' && same(t.v)) &&
        ops.some((o) => o === '+' || o === '*') &&
        !ops.some((o) => /^[/÷−-]$/.test(o))
      );
    });
    return operand ? [{ value: end[0].v as number, line: eq.line }] : [];
  });
}

/**
 * A later sum that adds to `key` ("72 + 3 = 75"), or a last product of it by a count ("4 × 72 = 288"):
 * its result, the count the student went on to.
 * (Only a sum: a ratio or a difference with the key compares it with something, "19,008,480 /
 * 3,088,878 ≈ 6.2".)
 */
function carriedOn(later: Evidence['equations'], key: number): string | undefined {
  const isKey = (v: unknown) => typeof v === 'number' && closeTo(v, key, { rel: 1e-9 });
  const eq = later.find((o, k) => {
    const end = o.sides[o.sides.length - 1].tokens;
    return (
      end.length === 1 &&
      end[0].t === 'num' &&
      !isKey(end[0].v) &&
      o.sides.slice(0, -1).some((s) => {
        const nums = s.tokens.filter((t) => t.t === 'num');
        const ops = s.tokens.filter((t) => t.t === 'op').map((t) => String(t.v));
        if (!nums.some((t) => isKey(t.v)) || ops.some((op) => /^[/÷−-]$/.test(op))) return false;
        // (or, in the last equation, the key times a small count: "4 gates = 4 × 72 = 288")
        const counted =
          k === later.length - 1 &&
          nums.length === 2 &&
          ops.length === 1 &&
          ops[0] === '*' &&
          nums.some(
            (t) => !isKey(t.v) && Number.isInteger(t.v) && (t.v as number) >= 2 && (t.v as number) <= 16,
          );
        return ops.includes('+') || counted;
      })
    );
  });
  return eq ? fmtNum(eq.sides[eq.sides.length - 1].tokens[0].v as number) : undefined;
}

/** The last "final answer:", "better answer:", "corrected answer:" written, when one is: where on its line it ends. */
function finalMarker(
  lines: string[],
  oneValue: boolean,
): { line: number; end: number; clause: boolean; only?: boolean } | null {
  // (a draft, then its fair copy: "Draft: … = 72" then "Final: … = 60", "Rough:" then "Fair:")
  const draft = lines.findIndex((l) => DRAFT.test(l));
  for (let i = lines.length - 1; i >= 0; i--) {
    const m =
      /\b(?:final|better|corrected|revised|correct)\s+answer\s*(?:is\b)?\s*[:=\-–]?/i.exec(lines[i]) ??
      (draft >= 0 && i > draft ? FAIR.exec(lines[i]) : null) ??
      // a line that starts "Answer:" after the working, in a part that asks for one value (in one
      // that asks for several, it gives one of them: "Answer: total = …")
      (oneValue ? ANSWER_MARK.exec(lines[i]) : null) ??
      // "FINAL" on a line of its own after a first attempt ("Final: total = …" is only a total)
      /^\s*[[(*_-]*\s*final\s*[\])*_:]*\s*$/i.exec(lines[i]);
    // (an "Ans ⇒ 60 parameters" line holding its number is the answer by itself: the lines after it
    // explain it, "There are 4 weight matrices …")
    // (an answer stated first, its working or a correction after it, "Answer: C_t = (0.7, 0.2, 0.4)" then
    // "… = 0.05 (not 0.4). Hence C_t = …", goes on to the lines after it)
    // (in a part asking for one value only: "Final Answer: depthwise 199×199×3, pointwise 199×" wraps on)
    // (the arrow's mark only, "Ans ⇒", a coaching box's: "Ans: W_f takes the input x_t (2-dim) and …"
    // wraps on)
    const only =
      m !== null &&
      oneValue &&
      /^\s*(?:final\s+)?ans(?:wer)?\.?\s*(?:⇒|→|=>|->)/i.test(lines[i]) &&
      !/[=+\-−×*·,([]\s*$/.test(lines[i]) &&
      /\d/.test(lines[i].slice(m.index + m[0].length)) &&
      !lines.slice(i + 1).some((l) => /=/.test(l));
    if (m) return { line: i, end: m.index + m[0].length, clause: false, only };
    // a pick between candidates ("Either 0 or n — I will go with n, because …"): the clause after it
    // ("I keep 60.", "I go with 199", in a part that asks for one value: where it asks for several,
    // "… so I keep 198" picks one number among them, not every answer)
    // ("I am going with", "I'm sticking to"; "I trust 36", "I stand by 60", "I take the answer as 60"
    // where one value is asked)
    const pick =
      /\bI(?:\s+will|'ll|\s+would|'d)\s+(?:go\s+(?:with|for)|take|pick|choose|stick\s+with|keep)\b\s*:?/i.exec(
        lines[i],
      ) ??
      (oneValue
        ? (/\bI(?:\s+am|'m)\s+(?:going\s+(?:with|for)|taking|picking|choosing|sticking\s+(?:with|to)|keeping)\b\s*:?/i.exec(
            lines[i],
          ) ??
          /\bI\s+(?:go\s+(?:with|for)|pick|choose|stick\s+with|keep|trust|stand\s+by|settle\s+(?:on|for)|take\s+(?:the\s+answer|my\s+answer|it)\s+(?:as|to\s+be))\b\s*:?/i.exec(
            lines[i],
          ))
        : null);
    if (pick) {
      // (the pick's value set on the next line, a box under "… I am going with", nothing after it on its own)
      const end = pick.index + pick[0].length;
      const next = lines.findIndex((l, k) => k > i && l.trim() !== '');
      if (lines[i].slice(end).trim() === '' && next > i && next <= i + 2 && /\d/.test(lines[next]))
        return { line: next, end: 0, clause: true };
      return { line: i, end, clause: true };
    }
  }
  return null;
}

/**
 * The last total worked out on a line of its own ("Total = 1,881,792 + 1,176,120 = 3,057,912"), its
 * result the line's last number ("4 x 15 = 60 and bias 3, total 63" totals 63), where `where` allows it.
 */
function workedTotal(
  ev: Evidence,
  where: (eq: Evidence['equations'][number]) => boolean = () => true,
): Read | null {
  const total = [...ev.equations].reverse().find((eq) => {
    const end = eq.sides[eq.sides.length - 1].tokens;
    const onLine = findNumbers(normalizeMath(ev.lines[eq.lastLine] ?? ''));
    return (
      end.length === 1 &&
      end[0].t === 'num' &&
      eq.sides.slice(0, -1).some((sd) => sd.tokens.some((t) => t.t === 'num')) &&
      /\b(?:total|altogether|overall|in all)\b/i.test(ev.lines[eq.line] ?? '') &&
      closeTo(onLine[onLine.length - 1]?.value ?? Number.NaN, end[0].v as number, { rel: 1e-9 }) &&
      where(eq)
    );
  });
  return total
    ? { value: total.sides[total.sides.length - 1].tokens[0].v as number, line: total.line, conf: 0.9 }
    : null;
}

/** A draft's heading at a line's start: "Draft:", "Rough -", "Scratch:", "Attempt 1:", "First try:". */
const DRAFT =
  /^\s*[[(*_]*\s*(?:draft|rough(?:\s+work)?|scratch|attempt\s*(?:1|one|i)|first\s+(?:try|attempt))\b\s*[\])*_]*\s*[:\-–]/i;
/** Its fair copy's heading: "Final:", "Fair copy -", "Clean answer:", "Attempt 2:", "Second try:". */
const FAIR =
  /^\s*[[(*_]*\s*(?:final|fair(?:\s+copy)?|clean(?:\s+(?:answer|copy))?|attempt\s*(?:2|two|ii)|second\s+(?:try|attempt))\b\s*[\])*_]*\s*[:\-–]/i;

/** A pick's clause: what follows it up to a comma, a full stop or a reason ("n, because …": n). */
const clauseOf = (s: string) => s.split(/[,;]|\.(?:\s|$)|\b(?:because|since|as|so)\b/i)[0];

/** A heading for scratch work ("Rough work", "Scratch:") or side calculations ("Appendix",
 *  "APPENDIX A (side calculation for Q1(b)(ii))"), on its own line. */
const ROUGH =
  /^\s*[[(*_#=-]*\s*(?:rough(?:\s+(?:work|space|calculations?))?|scratch(?:\s*(?:work|pad))?|appendix(?:\s+[A-Z0-9]{1,2}\b)?(?:\s*\([^()]*(?:\([^()]*\)[^()]*)*\))?)\s*[\])*_#=:-]*\s*$/i;

/**
 * A note of quantities nobody asked for, at a line's start: "Extra:", "Bonus -", "Not asked:", "Beyond the
 * question:", a note comparing with a standard convolution ("Chef's note: much cheaper than normal convolution, …").
 */
const EXTRA =
  /^\s*[[(*_]*\s*(?:extras?|bonus|side\s+note|not\s+asked(?:\s+for)?|beyond\s+(?:the\s+)?question|for\s+interest|(?:just\s+)?for\s+comparison)\b\s*[\])*_]*\s*[:\-–]|^\s*(?:[\w’']+\s+)?note\s*:.*\b(?:than|vs\.?|versus|compared\s+(?:to|with))\s+(?:a\s+|the\s+)?(?:normal|standard|regular|ordinary|full|plain)\s+conv/i;

/** Whether a shape is a filter's or kernel's, as the words next to it say. */
function describesFilter(text: string, d: { start: number; end: number }): boolean {
  const before = text.slice(Math.max(0, d.start - 24), d.start);
  const after = text.slice(d.end, d.end + 16);
  // (or the operation itself: "a standard 4×4×3 convolution")
  return (
    /\b(?:filters?|kernels?|windows?)\s*(?:of\s+(?:size\s+)?|sized?\s+|:\s*)?[[(]?\s*$/i.test(before) ||
    /^\s*[\])]?\s*(?:filters?|kernels?|windows?|conv\w*)\b/i.test(after)
  );
}

/**
 * Whether a shape names what an operation is applied to ("10 filters applied on the 198x198x3 map",
 * "run over the 199 × 199 × 3 input"): its input, not its result.
 */
function describesInput(text: string, d: { start: number; end: number }): boolean {
  const before = text.slice(Math.max(0, d.start - 16), d.start);
  const after = text.slice(d.end, d.end + 20);
  return (
    /\b(?:on|over|to|onto)\s+(?:the|a|an|this|that|each)?\s*[[(]?\s*$/i.test(before) &&
    /^\s*[\])]?\s*(?:input|(?:feature\s*)?maps?|volume|image|tensor)\b/i.test(after)
  );
}

/** The symbol a left side names: `C_t`, or `C(t)` / `C(t-1)` (the time index in brackets). */
function nameOf(lhs: { t: string; v: unknown }[]): string | null {
  if (lhs.length === 1 && lhs[0].t === 'sym') return lhs[0].v as string;
  const [s, open, ...rest] = lhs;
  const close = rest.pop();
  if (s?.t !== 'sym' || open?.v !== '(' || close?.v !== ')' || !rest.length) return null;
  const index = rest.map((x) => String(x.v)).join('');
  return /^[a-z](?:[+-]\d)?$/.test(index) ? canonicalSymbol(`${s.v}_{${index}}`) : null;
}

/** A row stating a total and nothing else: "Total 3,088,878", "Total: 72", "total multiplications 3,088,878". */
const TOTAL_ROW =
  /^\s*(?:the\s+)?(?:grand\s+)?total\b[^=\d\n]{0,30}?[:=]?\s*-?\d[\d,. ]*\s*(?:[a-z.]+\s*)?$/i;

/** A line that checks an answer already given ("check: …", "sanity check -", "verify: …", "check by
 *  nines: …", "digit sum check: …"), or sets
 *  it beside something else ("Side remark: GRU …", "Compare normal conv: …", "For a GRU it is 54",
 *  "[standard conv would be …]"). */
// (or a line that sets the answer against a normal convolution mid-sentence, "… 3.1 ms per image, vs
// ≈ 19 ms for a normal 4×4" wrapping onto "conv (… = 19,008,480 MACs)")
const CHECK =
  /^\s*[[(*_-]*\s*(?:(?:(?:sanity|quick|cross|rough|ballpark|plausibility)[\s-]?|(?:order[\s-]of[\s-]magnitude|dimension(?:al)?|unit|limit(?:ing)?[\s-]case)\s+)?(?:check(?:ing)?|verif(?:y|ication)|cross-?check)(?:\s+by\s+[a-z ]{1,20}?|\s*\([^)\n]{1,30}\))?|sanity)\b\s*[\])*_]*\s*[:=\-–—]|^\s*[[(*_-]*\s*(?:casting\s+out\s+nines|(?:digit[\s-]?sum|last[\s-]digit|nines)(?:\s+check)?)\b[^:\n]{0,20}[:=\-–—]|^\s*[[(]?\s*(?:(?:for|in)\s+comparison|compared?\s+(?:to|with)|comparison\s+(?:to|with))\b|^\s*[[(*_]*\s*(?:(?:side[\s-]?)?remark|aside|bonus|note|by the way|btw)\s*[\])*_]*\s*[.:\-–—]|^\s*[[(]?\s*compare\b|^\s*[[(]?\s*(?:for|in|with)\s+(?:an?\s+|the\s+)?(?:gru|vanilla rnn|simple rnn|plain rnn|standard conv\w*|normal conv\w*|regular conv\w*|full conv\w*)\b|^\s*[[(]?\s*(?:an?\s+|the\s+)?(?:standard|normal|regular|full|ordinary|plain)\s+conv\w*\b.{0,40}?\b(?:would|is|needs?|costs?|takes?|has)\b|\b(?:vs\.?|versus)\s.{0,40}\b(?:standard|normal|regular|full|ordinary|plain)\s+(?:\d\s*[×x*]\s*\d)?\s*(?:conv\w*)?\s*$/i;

/** A line that states a case rather than the answer ("if … it would be", "otherwise", "including … would"). */
function hypothetical(line: string): boolean {
  // ("Including biases: …" opening its sentence, after a count without them)
  return /\b(?:if|would|otherwise|alternatively)\b|^\s*(?:including|counting|with)\s+(?:the\s+)?bias(?:es)?\s*[:,]/i.test(
    line,
  );
}

/** The sentence around character `at`: from the last `.`, `;`, `!` or `?` before it to the next. */
function sentenceAt(text: string, at: number): string {
  const start = Math.max(...['.', ';', '!', '?'].map((c) => text.lastIndexOf(c, at))) + 1;
  const ends = ['.', ';', '!', '?'].map((c) => text.indexOf(c, at)).filter((i) => i >= 0);
  return text.slice(start, ends.length ? Math.min(...ends) : text.length);
}

/** The text of the line before character `at`, up to it. */
const SIZE_SYMBOL = String.raw`[A-Za-z](?:_?\{?[A-Za-z0-9]{1,3}\}?)?`;
/** "with n_h = 3, n_x =", "where d =": the line before a size set in a general formula. */
const SIZES_SET = new RegExp(
  String.raw`(?:\b(?:with|where|for|taking|putting|setting|here|let)\b)\s*(?:${SIZE_SYMBOL}\s*=\s*\d+\s*(?:,|\band\b)\s*)*${SIZE_SYMBOL}\s*=\s*$`,
  'i',
);

/** A small size set equal to a symbol after "with", "where", "for" …: "with n_h = 3, n_x = 2", "where d = 3". */
function sizeGiven(text: string, x: { start: number; end: number; value: number }): boolean {
  if (!Number.isInteger(x.value) || x.value > 16) return false;
  return SIZES_SET.test(lineBefore(text, x.start)) && /^\s*(?:$|[,;.)]|\band\b)/.test(text.slice(x.end));
}

function lineBefore(text: string, at: number): string {
  return text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
}

/** A number with nothing around it on its line but a box, a result word or a unit. */
function standsAlone(before: string, after: string): boolean {
  const lead =
    /^[\s│|┃║[(]*(?:(?:so|hence|thus|therefore|=>|⇒|∴|->|→)?\s*(?:the\s+)?(?:final\s+)?(?:in\s+)?(?:ans(?:wer)?|total|result|altogether|all\s+together)?\s*(?:is|comes\s+to|[:=-])?)?[\s│|┃║[(]*$/i;
  const tail =
    /^[\s│|┃║\])]*(?:(?:mult\w*|multiplications?|params?|parameters?|weights?)(?:\s+in\s+total)?)?[\s│|┃║\]).✓✔]*$/i;
  return lead.test(before) && tail.test(after);
}
