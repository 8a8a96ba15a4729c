// What one part's answer text holds, computed once per part: its lines, equations, the arithmetic
// on the page (and what it evaluates to), and where each line sits on the page.
import type { ExtractedScript, PartAnswer, Region } from '@grader/model';
import {
  EQUATION_TAG,
  type Equation,
  type Expr,
  escapeRegExp,
  evaluate,
  evaluateNumeric,
  findEquations,
  findNumbers,
  foldOperatorLines,
  joinAsciiColumns,
  linearizeColumnVectors,
  linearizeFractions,
  mathRuns,
  normalizeMath,
  normalizeProse,
  parseExpr,
  parseNumber,
  subscriptsToTheirBase,
  symbolsOf,
  tokenize,
  tryParseExpr,
  type Value,
} from '@grader/parse';
import { basisVectors } from './basis-vectors.ts';
import { consoleWorking } from './console-output.ts';
import { citedAssumptions, type Glossary, withSizeSymbols } from './glossary.ts';
import { MODEL_SYMBOLS, withDefinitions } from './notation.ts';
import { sqlWorking } from './sql-output.ts';

const NO_GLOSSARY: Glossary = { sizes: new Map(), assumptions: new Map(), notation: [] };

export interface Computation {
  /** what the arithmetic evaluates to */
  value: Value;
  /** numbers stated as its result on the same chain (`= 0.58`), if any */
  stated: Value[];
  line: number;
  text: string;
  /** a sum of computed terms (`199²·3·16 + 199²·3·10`): what each term evaluates to */
  terms?: number[];
}

export interface Evidence {
  answer: PartAnswer;
  lines: string[];
  prose: string;
  /** the prose with the numbers the student named put for their names (`n + m`, n = 3 and m = 2 set above: `3 + 2`), where any are */
  instantiated?: string;
  equations: Equation[];
  computations: Computation[];
  /** lines that hold arithmetic or an equation the parser could not read (quoted when it matters) */
  unread: number[];
  region(line: number): Region[];
}

/** Round brackets opened and not closed in `text` (negative: more closed than opened). */
export const bracketDepth = (text: string): number =>
  (text.match(/\(/g)?.length ?? 0) - (text.match(/\)/g)?.length ?? 0);

// arithmetic on numbers: a sum, difference, quotient or power of numbers, or a function of one
// (a run of `×` alone is usually a shape, `199 × 199 × 3`)
const ARITHMETIC = /[\d)]\s*[-+/^]\s*[\d(]|[a-z]\s*\(\s*-?\d/i;

/** Each run of numbers and operators in a line, a bracket opened or closed by the prose around it set aside. */
function arithmeticRuns(line: string): string[] {
  return (line.match(/[-\d(][\d\s.,()+\-*/^]*[\d)]/g) ?? []).map((raw) => {
    let run = raw.trim();
    while (run.startsWith('(') && bracketDepth(run) > 0) run = run.slice(1).trim();
    while (run.endsWith(')') && bracketDepth(run) < 0) run = run.slice(0, -1).trim();
    return run;
  });
}

/**
 * The arithmetic in a line without `=` parses and evaluates (`4 × (15 + 3)`, `200 + 2(1) − 4`): every
 * run of numbers and operators in it, brackets of the prose around it set aside ("(… it would be
 * 60 + 12)", "Depthwise (3 filters of 4 × 4, …)").
 */
function evaluates(line: string): boolean {
  let any = false;
  for (const run of arithmeticRuns(line)) {
    if (!/[\d)]\s*[-+*/^]\s*[\d(]/.test(run)) continue;
    any = true;
    try {
      if (evaluateNumeric(parseExpr(run)) === null) return false;
    } catch {
      return false;
    }
  }
  // no arithmetic at all: a bracketed aside after a word ("Depthwise (3 filters …)"), not a call
  return any || !/[\d)]\s*[-+/^]\s*[\d(]/.test(line);
}

/**
 * A line whose maths is a general formula in letters, every run parsing and holding a letter but no
 * number beyond a small coefficient ("n_out = (n + 2p − f)/s + 1", "out = (H - K) + 1 # stride 1").
 */
function formulaOnly(line: string): boolean {
  // (set equal to a name: a line of letters alone may be a typeset index the layout broke, "(T)/(j) sk−1")
  if (!/=/.test(line)) return false;
  const runs = mathRuns([line]).filter((r) =>
    r.tokens.some((t) => t.t === 'op' && /^[-+*/^]$/.test(String(t.v))),
  );
  return (
    runs.length > 0 &&
    runs.every(
      (r) =>
        r.tokens.some((t) => t.t === 'sym') &&
        r.tokens.every((t) => t.t !== 'num' || (Number.isInteger(t.v) && (t.v as number) <= 2)) &&
        tryParseExpr(r.tokens.filter((t) => !(t.t === 'op' && t.v === '='))) !== null,
    )
  );
}

/**
 * The arithmetic standing in a line with no `=` (`4 x (3x5 + 3).` under a bare 72): each run of
 * numbers and operators that holds a sum, difference, quotient or power (a run of × alone is a
 * shape) and evaluates, with what it comes to.
 */
function bareArithmetic(line: string): Array<{ value: number; text: string }> {
  if (/[=≈]/.test(line)) return [];
  const out: Array<{ value: number; text: string }> = [];
  // (times written as a letter or a dot between numbers: `4 x (3x5 + 3)`)
  const text = normalizeMath(line).replace(/(?<=[\d)])\s*[x×·]\s*(?=[\d(])/g, '*');
  for (const run of arithmeticRuns(text)) {
    if (!/[\d)]\s*[-+/^]\s*[\d(]/.test(run) || (run.match(/\d+(?:\.\d+)?/g)?.length ?? 0) < 3) continue;
    try {
      const value = evaluateNumeric(parseExpr(run));
      if (typeof value === 'number' && Number.isFinite(value)) out.push({ value, text: run });
    } catch {
      // not arithmetic after all
    }
  }
  return out;
}

function hasArithmetic(e: Expr): boolean {
  // a negative number is a value, not a computation (`{-0.8, 0.2, 0.05}` is bare)
  if (e.k === 'neg') return e.a.k !== 'num';
  return e.k === 'bin' || e.k === 'call' || (e.k === 'vec' && e.items.some(hasArithmetic));
}

/**
 * The name an equation defines for a number: `let n = (200 + 2 − 4)/1 + 1 = 199`, `P_gate = 18`.
 * Never a model symbol (h, c, f, …; `f_t = 1` is a gate's value, not a name for a number).
 */
function nameDefined(eq: Equation): string | null {
  const first = eq.sides[0]?.expr;
  if (first?.k !== 'sym') return null;
  const base = first.name.split('_')[0];
  return MODEL_SYMBOLS.has(base) || MODEL_SYMBOLS.has(base.toUpperCase()) || /^[tkj]$/.test(base)
    ? null
    : first.name;
}

/**
 * A formula in letters whose letters are given numbers after it, and whose name is then given the
 * value it comes to: "O = (N + 2P − F)/S + 1", "with N = 200, P = 1, F = 4, S = 1: O = 199" — the
 * formula instantiated, a computation of that value.
 */
function instantiatedLater(equations: Equation[], named: Map<string, number>): Computation[] {
  const out: Computation[] = [];
  equations.forEach((eq, k) => {
    const [lhs, rhs] = eq.sides;
    if (eq.sides.length !== 2 || lhs.expr?.k !== 'sym' || !rhs.expr || !hasArithmetic(rhs.expr)) return;
    const syms = symbolsOf(rhs.expr);
    if (syms.size < 2 || syms.has(lhs.expr.name)) return;
    // (the letters' numbers and the name's value both after the formula; any letter, "F = 4" too)
    const later = new Map<string, { v: number; eq: Equation }>();
    for (const e of equations.slice(k + 1)) {
      const [a, b] = e.sides;
      if (e.sides.length === 2 && a.expr?.k === 'sym' && b.expr?.k === 'num' && !later.has(a.expr.name))
        later.set(a.expr.name, { v: b.expr.v, eq: e });
    }
    const stated = later.get(lhs.expr.name);
    if (!stated || ![...syms].every((n) => later.has(n))) return;
    const value = evaluateNamed(
      rhs.expr,
      new Map([...named, ...[...later].map(([n, x]) => [n, x.v] as const)]),
    );
    if (typeof value !== 'number') return;
    const result = stated.v;
    if (Math.abs(result - value) > 1e-6 * Math.max(1, Math.abs(value))) return;
    out.push({ value, stated: [result], line: stated.eq.line, text: `${eq.text}, ${stated.eq.text}` });
  });
  return out;
}

/** What `e` evaluates to, with the numbers the student named so far; null where a symbol is unnamed. */
function evaluateNamed(e: Expr, named: Map<string, number>): Value | null {
  const syms = symbolsOf(e);
  if (syms.size === 0) return evaluateNumeric(e);
  if (![...syms].every((n) => named.has(n))) return null;
  try {
    const v = evaluate(e, (n) => named.get(n) as number);
    return (typeof v === 'number' ? Number.isFinite(v) : v.every(Number.isFinite)) ? v : null;
  } catch {
    return null;
  }
}

/** The values of a sum's terms, where each is arithmetic of its own (`a·b + c·d`); null otherwise. */
function sumTerms(e: Expr, named: Map<string, number>): number[] | null {
  const terms: Expr[] = [];
  const walk = (x: Expr) => {
    if (x.k === 'bin' && x.op === '+') {
      walk(x.a);
      walk(x.b);
    } else terms.push(x);
  };
  walk(e);
  if (terms.length < 2 || !terms.every(hasArithmetic)) return null;
  const values = terms.map((t) => evaluateNamed(t, named));
  return values.every((v) => typeof v === 'number') ? (values as number[]) : null;
}

/**
 * A vector as MATLAB or Octave prints it, pasted from the command window: `ans =` (or `h_t =`) alone
 * on its line, then one number per line. Folded into `ans = [0.7; 0.2; 0.05]` on the name's line; the
 * number lines emptied, so lines keep their places.
 */
function printedColumns(lines: string[]): string[] {
  const out = [...lines];
  const single = /^\s*-?\d+(?:\.\d+)?(?:e[-+]?\d+)?\s*$/i;
  for (let i = 0; i < out.length; i++) {
    if (!/^\s*[A-Za-z][\w{}~]*\s*=\s*$/.test(out[i])) continue;
    const taken: number[] = [];
    let j = i + 1;
    for (; j < out.length && (single.test(out[j]) || (out[j].trim() === '' && taken.length === 0)); j++)
      if (single.test(out[j])) taken.push(j);
    if (taken.length < 2) continue;
    out[i] = `${out[i].trimEnd()} [${taken.map((k) => out[k].trim()).join('; ')}]`;
    for (const k of taken) out[k] = '';
    i = j - 1;
  }
  return out;
}

const NUMBER_WORD =
  '(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|sixteen|eighteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million)';
/** Maths said in words: a letter's subscript ("h sub t"), a decimal ("point six zero four"), an operator's word between two numbers' or letters' words ("four into nine", "C t minus one"). */
const SPOKEN = [
  /\b[A-Za-z]\s+sub\s+\w/i,
  new RegExp(`\\bpoint\\s+${NUMBER_WORD}\\b`, 'i'),
  new RegExp(
    `\\b(?:${NUMBER_WORD}|[A-Za-z])\\s+(?:into|times|plus|minus|divided by|over)\\s+(?:${NUMBER_WORD}|[A-Za-z])\\b`,
    'i',
  ),
];

/** A line saying its maths in words (see SPOKEN). */
function spokenMaths(line: string): boolean {
  return SPOKEN.some((re) => re.test(line));
}

/**
 * A table row's arithmetic and, in the next cell, the number it comes to, with no `=` between them
 * ("side   (200 − 4 + 2·1)/(1) + 1   199", "per gate: 3 · 5 + 3   18", "4 × (3 × 5 + 3) = 4 × 18   72"):
 * the `=` the cells stand for is written in, where the longest stretch before the number, starting at a
 * word, evaluates to it with two numbers and an operator at least. Other lines are kept.
 */
function cellEquals(line: string): string {
  const m = /^(.*\S)(\s+)(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s*)$/.exec(line);
  if (!m || /=\s*$/.test(m[1])) return line;
  const result = parseNumber(m[3]);
  if (result === null) return line;
  for (let k = 0; k < m[1].length; k++) {
    if (k > 0 && !/\s/.test(m[1][k - 1])) continue;
    const expr = normalizeMath(m[1].slice(k));
    if (!/[+\-−*/^]/.test(expr) || (expr.match(/\d+(?:\.\d+)?/g)?.length ?? 0) < 2) continue;
    // (a product of small whole numbers only is a shape's cells, "b_f   3 × 1   3", "W_f   3 × 5   15":
    // the shape stays the answer it is)
    if (
      /^\s*\d{1,2}(?:\s*\*\s*\d{1,2})+\s*$/.test(expr) &&
      (expr.match(/\d+/g) ?? []).every((n) => Number(n) <= 10)
    )
      continue;
    const value = tryEvaluate(expr);
    // (what stands before the arithmetic, a step's number or a cell's words, is set apart by a colon:
    // "4   199^{2} × 3 × 10   1188030" is step 4's computation, not 4 times it)
    const before = m[1].slice(0, k).trimEnd();
    const head = !before ? '' : /[:=]$/.test(before) ? `${before} ` : `${before}: `;
    if (value !== null && Math.abs(value - result) <= 1e-6 * Math.max(1, Math.abs(result)))
      return `${head}${m[1].slice(k)} = ${m[3]}${m[4]}`;
  }
  return line;
}

/** What arithmetic written as text evaluates to (digit groups read), or null. */
export function tryEvaluate(text: string): number | null {
  try {
    const v = evaluateNumeric(parseExpr(text.replace(/(?<=\d),(?=\d{3})/g, '')));
    return typeof v === 'number' ? v : null;
  } catch {
    return null;
  }
}

/**
 * A worksheet's blank, filled or not ("= __72__", "h_t = ___[0.197, 0, 0]___", "____"): its
 * underscores are no subscript (one underscore is), so they become spaces.
 */
export function withoutBlanks(line: string): string {
  return line.replace(TODO_NOTE, (m) => ' '.repeat(m.length)).replace(/_{2,}/g, (m) => ' '.repeat(m.length));
}

/**
 * A note of work left to do, "TODO -- f_t = 1 so the product of f's …", "[fill later]", "to be
 * completed": what the student meant to write, not what is written. Blank to the line's end.
 */
const TODO_NOTE =
  /(?:^|(?<=[\s:;,.(]))(?:TODO\b|to-?do\s*:|\[\s*fill(?:\s+in)?\s+later\s*\]|to be (?:completed|finished)\b).*$/i;

/**
 * What a student struck out is neither the answer nor its working: "~~…~~", "[struck: …]",
 * "(crossed out: …)" (to the end of the line when the bracket is not closed there), what an
 * aside says to ignore ("(please ignore [0.7, 0, 0])"), what an arrow back rejects ("… = 72
 * <- no") and what an arrow on says was crossed ("= 72 -> crossed, then 60") become blanks.
 */
export function withoutStruck(line: string): string {
  const blank = (m: string) => ' '.repeat(m.length);
  return (
    line
      .replace(/~~[^~\n]+~~/g, blank)
      .replace(/\(\s*(?:please\s+)?(?:ignore|disregard)\b[^()]*(?:\([^()]*\)[^()]*)*\)/gi, blank)
      // (also addressed to the examiner, in square brackets: "[Sir please ignore this line: 3 × 9 = 27 …]")
      .replace(
        /\[\s*(?:(?:sir|madam|ma'?am|examiner)\s*,?\s*)?(?:please\s+|kindly\s+|pls\s+)?(?:ignore|disregard)\b[^\]]*(?:\]|$)/gi,
        blank,
      )
      // (the mark set off by a dash as well as a colon: "[struck - sir please ignore this line: …]")
      .replace(
        /[[(]\s*(?:struck(?:\s+out)?|crossed(?:\s+out)?|strike(?:\s+out)?|scratched(?:\s+out)?|deleted|removed|del\.?)\s*(?::|\s[-–—]\s)[^\])]*(?:[\])]|$)/gi,
        blank,
      )
      // (what an arrow back from its end rejects: "4 x 18 = 72  <- no, see above")
      .replace(/^.*?(?=(?:<-+|←|<=+)\s*(?:no|not\s+this|wrong|incorrect|ignore|rejected)\b)/i, blank)
      // (what an arrow on says was crossed out, back to its "=": "= 72 -> crossed, then 4 x 15 = 60")
      .replace(
        /[^=:]*?(?:->|→|=>)\s*(?:crossed|struck|scratched|deleted|cut)(?:\s+(?:out|off))?\b[,;:]?(?:\s*(?:then|now|instead))?/gi,
        blank,
      )
  );
}

/**
 * A word processor's comments left visible ("[Comment PB1: changed from 0]", wrapped onto the next
 * line or two; "Comment SC1: …" set in the margin) are a reviewer's words, not the answer: blanks.
 */
export function withoutEditorComments(lines: string[]): string[] {
  const out = [...lines];
  const blank = (m: string) => ' '.repeat(m.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = out[i].replace(/^\s*Comment\s+[A-Z]{1,4}\d{1,2}\s*:.*$/, blank);
    // (the comment's id may wrap too: "[Comment" | "PB1: changed from 0]")
    const open =
      /\[\s*Comment\s+[A-Z]{1,4}\d{1,2}\s*:/.exec(out[i]) ??
      (/^\s*[A-Z]{1,4}\d{1,2}\s*:/.test(out[i + 1] ?? '') ? /\[\s*Comment\s*$/.exec(out[i]) : null);
    if (!open) continue;
    const close = out[i].indexOf(']', open.index);
    if (close >= 0) {
      out[i] =
        out[i].slice(0, open.index) + blank(out[i].slice(open.index, close + 1)) + out[i].slice(close + 1);
      i--; // (another comment on the same line)
      continue;
    }
    // wrapped: to the first "]" of the next line or two
    out[i] = out[i].slice(0, open.index) + blank(out[i].slice(open.index));
    const end = [1, 2].find((k) => i + k < out.length && out[i + k].includes(']'));
    if (end === undefined) continue;
    for (let k = 1; k < end; k++) out[i + k] = blank(out[i + k]);
    const c = out[i + end].indexOf(']') + 1;
    out[i + end] = blank(out[i + end].slice(0, c)) + out[i + end].slice(c);
  }
  return out;
}

/**
 * A line of x's typed under a line crosses it out ("h_t = o_t * tanh C_t" then "xxxxxxxxxxxx"): both
 * become blanks.
 */
function crossedOutLines(lines: string[]): string[] {
  const cross = (l: string) => /^\s*[xX]{8,}\s*$/.test(l);
  return lines.map((l, i) =>
    cross(l) || (i + 1 < lines.length && cross(lines[i + 1])) ? ' '.repeat(l.length) : l,
  );
}

/** An attempt's heading at a line start: "Attempt 1:", "Try #2 -", "First attempt:", "2nd try)". */
const ATTEMPT =
  /^\s*(?:(?:attempt|try)\s*(?:#|no\.?)?\s*(\d|one|two|three)|(first|second|third|1st|2nd|3rd)\s+(?:attempt|try))\s*[:.)\-–—]/i;
const ATTEMPT_NO: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  first: 1,
  second: 2,
  third: 3,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
};

/**
 * A part tried more than once under numbered headings ("Attempt 1: … WRONG", "Attempt 2: …"): the
 * last attempt is the answer, so the lines of the earlier ones become blanks (the exam's rule for a
 * part answered twice: the final answer counts).
 */
function withdrawnAttempts(lines: string[]): string[] {
  const heads = lines.flatMap((l, i) => {
    const m = ATTEMPT.exec(l);
    if (!m) return [];
    const w = (m[1] ?? m[2]).toLowerCase();
    return [{ i, n: ATTEMPT_NO[w] ?? Number(w) }];
  });
  const last = heads.at(-1);
  if (!last || heads.length < 2 || heads.some((h) => h.n >= last.n && h !== last)) return lines;
  return lines.map((l, i) => (i >= heads[0].i && i < last.i ? ' '.repeat(l.length) : l));
}

/**
 * A table or box drawn with box-drawing characters ("┌───┬───┐", "│ f_t │ 2 │"): its bars read as "|", so
 * the rows are read as rows of cells, and its rules as nothing (a rule of dashes would strike or set
 * apart what it frames). The same length, so positions hold.
 */
function asciiBoxes(line: string): string {
  if (!/[│┃║┌┐└┘├┤┬┴┼─━═╔╗╚╝╠╣╦╩╬]/.test(line)) return line;
  return line.replace(/[│┃║]/g, '|').replace(/[┌┐└┘├┤┬┴┼─━═╔╗╚╝╠╣╦╩╬]/g, ' ');
}

/**
 * A memory size beside a count ("18 × 4 B = 72 bytes (fp32)", "≈ 12 KB"): bytes are no count of
 * parameters or multiplications, so the size reads as a placeholder, not as a number that may answer.
 * (A lone "B" is a byte only on a line that speaks of storage.)
 */
function withoutStorageSizes(line: string): string {
  const sized = line.replace(/\d[\d,.]*\s*(?:bytes?|bits?|[KMGT]i?B|kB|[KMG]bytes?)(?![\w(])/g, '▢');
  if (!/\b(?:bytes?|fp(?:16|32|64)|int(?:4|8|16)|storage|memory|SRAM|DRAM)\b/i.test(line)) return sized;
  return sized.replace(/\d[\d,.]*\s*B(?![\w(])/g, '▢');
}

/**
 * A vector broken where its line or a table's cell wraps ("Ĉt = [0.7, 0.2," over "0.05]"): one line,
 * the second left blank so the lines keep their places (where the second holds the vector's end alone).
 */
function wrappedVectors(lines: string[]): string[] {
  const out = [...lines];
  for (let i = 0; i + 1 < out.length; i++) {
    const open = /[[(]\s*-?\d*\.?\d+(?:\s*,\s*-?\d*\.?\d+)*\s*,\s*$/.exec(out[i]);
    if (!open || /[\])]/.test(out[i].slice(open.index))) continue;
    const close = open[0].trimStart()[0] === '[' ? ']' : ')';
    const rest = new RegExp(`^\\s*-?\\d*\\.?\\d+(?:\\s*,\\s*-?\\d*\\.?\\d+)*\\s*\\${close}\\s*[.,;]?\\s*$`);
    // (a table's value cell wrapped around its neighbour cell's words: "Ct = [0.7, 0.2," | "add the
    // two parts" | "0.05]")
    const j = rest.test(out[i + 1])
      ? i + 1
      : /^[\sA-Za-z]+$/.test(out[i + 1]) && rest.test(out[i + 2] ?? '')
        ? i + 2
        : 0;
    if (!j) continue;
    out[i] = `${out[i].trimEnd()} ${out[j].trim()}`;
    out[j] = '';
  }
  return out;
}

/**
 * A formula continued on the next row of a table drawn with bars ("| dL/dc_t = dL/dc_(t+1) o f_(t+1) |"
 * then "| + dL/dh_t o o_t … |"): the two rows' bars are cell edges, not maths, so the formula reads
 * on. (A boxed answer alone, "| h_t = (0.604, 0, 0) |", keeps its bars.)
 */
function continuedRows(lines: string[]): string[] {
  const barred = (l: string) => /^\s*\|.*\|/.test(l);
  const inner = (l: string) => l.replace(/\|/g, ' ');
  const out = [...lines];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!barred(lines[i]) || !barred(lines[i + 1]) || !/^\s*[+\-−⊙*]/.test(inner(lines[i + 1]))) continue;
    out[i] = inner(lines[i]);
    out[i + 1] = inner(lines[i + 1]);
  }
  return out;
}

/**
 * A row of a table of working drawn with bars ("| 3 | depthwise mults = 199*199 * 3 * (4*4) | 1,900,848 |",
 * "| Step | Expression | Value |"): its step number is no value, and the value cell is what the
 * expression cell computes ("… = 199*199 * 3 * (4*4) = 1,900,848"). Other lines are kept.
 */
/**
 * A table row of counts whose last is the sum of the others ("forget   15   3   18", "f 9 3 12"):
 * the sum is the row's computation, read as "forget: 15 + 3 = 18".
 */
function rowSum(line: string): string {
  const m = /^(\s*[A-Za-z][^\d\n]{0,20}?)\s+((?:\d{1,6}\s+){2,}\d{1,7})\s*$/.exec(line);
  if (!m) return line;
  const nums = m[2].trim().split(/\s+/).map(Number);
  const last = nums.pop() ?? 0;
  if (last <= 0 || nums.reduce((a, b) => a + b, 0) !== last) return line;
  return `${m[1].trim()}: ${nums.join(' + ')} = ${last}`;
}

/**
 * A table row naming a quantity, then its three components in columns ("ht   0.6044   0   0" under
 * "comp. 1  comp. 2  comp. 3"): the row states that vector, read as "ht = (0.6044, 0, 0)". (A row
 * whose last is the sum of the others is a count's computation, read first by rowSum.)
 */
function namedRow(line: string): string {
  const m =
    /^\s*([A-Za-z](?:[A-Za-z~]|\u0303)?(?:_?\{?[tT](?:[-−+]1)?\}?|\([A-Za-z]_?\{?[tT](?:[-−+]1)?\}?\)))\s*[:|]?\s+([-−]?\d*\.?\d+)\s+([-−]?\d*\.?\d+)\s+([-−]?\d*\.?\d+)\s*\|?\s*$/.exec(
      line,
    );
  return m ? `${m[1]} = (${m[2]}, ${m[3]}, ${m[4]})` : line;
}

function tableRow(line: string): string {
  if (!/^\s*\|.*\|\s*$/.test(line)) return line;
  const cells = line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());
  if (cells.length < 2) return line;
  // (a row of numbers alone, "| 2 | 3 | 5 | 11 | 1 | 4 |" under a row of names, is the table's values:
  // no step number, no computation)
  if (cells.every((c) => /^[-−]?\d[\d.,]*$/.test(c))) return cells.join('   ');
  if (/^(?:step\s*)?\d{1,2}\.?$/i.test(cells[0])) cells.shift();
  const value = cells.at(-1) ?? '';
  const expr = cells.slice(0, -1).join('  ');
  const isValue = /^[-−]?[\d.,\s]+$|^[[({].*[\])}]$|^\d+\s*[x×]\s*\d+(?:\s*[x×]\s*\d+)?$/.test(value);
  const computes = /[=+\-−*×x·/^]\s*[\d(]|[\d)]\s*$/.test(expr);
  return cells.length >= 2 && isValue && computes ? `${expr} = ${value}` : cells.join('   ');
}

/**
 * A step's number at a line start ("1) same size as f_t", "Step 2: 3 × 5 + 3 = 18", "Step 4.3 dL/dc_t = …") counts the
 * steps of the answer: it is no value of it.
 */
function withoutStepNumber(line: string): string {
  return (
    line
      .replace(
        // (a list's bullet too: "• h_t = o_t * tanh(C_t)", "– C_t = …"; an en dash only before a word)
        // (a step numbered in square brackets before its words, "[2] Softmax … fixed", not R's "[1] 72")
        // (a working line's own number, "L4 Ct = …", "[s3] …", "(L12)", "Line 7: …": no name in it)
        /^(\s*)((?:step\s*)?\d{1,2}\)|L\d{1,3}[.:)]?(?=\s+(?!=))|[[(](?:L|s)\d{1,3}[\])]|line\s*\d{1,3}\s*:|step\s*\d{1,2}\s*[:.-]|step\s*\d{1,2}(?:\.\d{1,2})+\s*[:.-]?|[•◦▪▫‣●○■□➢►▸⁃∙]|–(?=\s+\p{L})|\[\d{1,2}\](?=\s+\p{L}))(?=\s)/iu,
        (_m, sp: string, n: string) => sp + ' '.repeat(n.length),
      )
      // (an element's name heading its arithmetic, "Ct[2] .5 × .4 + 0 × 0 = 0.2": a colon closes it,
      // so the index is not read as a vector multiplying the sum)
      .replace(/^(\s*[A-Za-z][\w~{}]*\[\d\])\s(?=\s*[\d.(])/, '$1:')
  );
}

/**
 * A diagonal matrix written as `diag(·)` is its vector acting element-wise: `diag(f_2) diag(f_3) … ∂L/∂c_T`
 * is the product of the forget gates, `diag(o_t ⊙ (1 − tanh²c_t))` the local derivative. Unwrapped, a
 * lone symbol bare (`f_2`), anything longer in brackets.
 */
function withoutDiag(line: string): string {
  return line.replace(/\bdiag\s*\(\s*((?:[^()]|\([^()]*\))*?)\s*\)/g, (_m, inner: string) =>
    /^[\p{L}\p{M}\p{N}_{}^′'~+\-−]+$/u.test(inner) ? inner : `(${inner})`,
  );
}

/**
 * An equation's tag set at its line's end ("… + dL/dc_{t+1} o f_{t+1}  (4a)", "(2.1)", "(*)") names
 * the equation: it is no factor of it. Blanked, the same length.
 */
function withoutEquationTag(line: string): string {
  // (a tag named as one alone on its line, "Eq. 6", as a table's column of equation numbers sets it
  // between the wrapped lines of its row's cell: "output 199 × 199 ×" / "Eq. 6" / "3")
  if (/^\s*(?:\(\s*(?:eqn?\.?\s*|e)\d{1,2}\s*\)|eqn?\.?\s*\(?\d{1,2}\)?)\s*$/i.test(line))
    return ' '.repeat(line.length);
  // (and one cited in the prose after what it names: "The score (3) is a pure dot product", "by equation (2)")
  line = line.replace(
    /(?<=\b(?:score|equation|eqn?\.?|formula|expression|relation|identity|definition)\s*)\(\d{1,2}\)(?!\s*[×x*·^])/gi,
    (m) => ' '.repeat(m.length),
  );
  return /=/.test(line)
    ? line
        .replace(new RegExp(String.raw`(?<=[\w)}\]'′])\s+${EQUATION_TAG}\s*$`, 'i'), (m) =>
          ' '.repeat(m.length),
        )
        // (or without brackets: "C_t = f_t ⊙ C_{t-1} + i_t ⊙ C~_t   Eq. 1")
        .replace(/(?<=[\w)}\]'′])\s+eqn?\.\s*\d{1,2}\s*$/i, (m) => ' '.repeat(m.length))
    : line;
}

/**
 * A word broken at a line's end with a hyphen is one word again ("which has no pa-" / "rameters."):
 * its tail moves up, so each line keeps its place. So is a number broken after one of its digit
 * groups' commas ("3,088," / "878").
 */
function dehyphenated(lines: string[]): string[] {
  const out = [...lines];
  for (let i = 0; i + 1 < out.length; i++) {
    // (a number broken after one of its digit groups' commas, "= 3,088," | "878": one number)
    const rest = /^\d{3}(?![\d.,])/.exec(out[i + 1].trimStart());
    if (rest && /(?<![\d.])\d{1,3}(?:,\d{2,3})+,$/.test(out[i].trimEnd())) {
      out[i] = `${out[i].trimEnd()}${rest[0]}`;
      out[i + 1] = out[i + 1].trimStart().slice(rest[0].length);
      continue;
    }
    const tail = /^([a-z]{2,})([.,;:)]?)(?=\s|$)/.exec(out[i + 1].trimStart());
    if (!tail || !/(?<![A-Za-z]-?)[A-Za-z]{2,}-$/.test(out[i].trimEnd())) continue;
    out[i] = `${out[i].trimEnd().slice(0, -1)}${tail[1]}${tail[2]}`;
    out[i + 1] = out[i + 1].trimStart().slice(tail[0].length);
  }
  return out;
}

export function analyse(answer: PartAnswer, glossary: Glossary = NO_GLOSSARY): Evidence {
  // typeset fractions (LaTeX) come as numerator / operator / denominator lines: fold them back
  // and a product or sum sign left on a line of its own goes back into its formula; column vectors
  // drawn in plain text, one entry per line, are read as vectors
  const folded = joinAsciiColumns(
    foldOperatorLines(
      answer.lines.length
        ? linearizeFractions(linearizeColumnVectors(subscriptsToTheirBase(answer.lines)))
        : answer.text.split('\n').map((text, from) => ({ text, from })),
    ),
  );
  const cleaned = withoutEditorComments(
    folded.map((l) =>
      withoutEquationTag(
        withoutStepNumber(withoutStruck(withoutBlanks(withoutStorageSizes(asciiBoxes(withoutDiag(l.text)))))),
      ),
    ),
  );
  const lines = dehyphenated(
    withSizeSymbols(
      withDefinitions(
        continuedRows(
          printedColumns(
            wrappedVectors(
              consoleWorking(sqlWorking(basisVectors(crossedOutLines(withdrawnAttempts(cleaned))))),
            ),
          ),
        )
          .map(tableRow)
          .map(cellEquals)
          .map(rowSum)
          .map(namedRow),
        glossary.notation,
      ),
      glossary.sizes,
    ),
  );
  const equations = findEquations(lines);
  const computations: Computation[] = [];
  const named = new Map<string, number>();
  for (const eq of equations) {
    const values = eq.sides.map((s) => (s.expr ? evaluateNamed(s.expr, named) : null));
    eq.sides.forEach((s, i) => {
      const v = values[i];
      if (v === null || !s.expr || !hasArithmetic(s.expr)) return;
      // at least two numbers: `3 × 5` alone is a shape, not a computation, when nothing follows it
      // (a number the student named counts as one: `n^2 × 16`, n = 199 above)
      const nums = s.tokens.filter((t) => t.t === 'num').length + symbolsOf(s.expr).size;
      if (nums < 2 && !s.tokens.some((t) => t.t === 'func')) return;
      const stated = values.filter(
        (x, j) => j !== i && x !== null && eq.sides[j].expr && !hasArithmetic(eq.sides[j].expr!),
      ) as Value[];
      const terms = sumTerms(s.expr, named);
      computations.push({ value: v, stated, line: eq.line, text: eq.text, ...(terms ? { terms } : {}) });
    });
    const name = nameDefined(eq);
    const last = values[values.length - 1];
    if (name && typeof last === 'number' && eq.sides.length > 1) named.set(name, last);
  }
  computations.push(...instantiatedLater(equations, named));
  // arithmetic standing alone on a line, no result stated (`4 x (3x5 + 3).` under `72`): what it
  // comes to is computed (three numbers at least: `3 + 2` alone is a remark)
  lines.forEach((raw, line) => {
    for (const a of bareArithmetic(raw))
      computations.push({ value: a.value, stated: [], line, text: a.text });
  });
  // a table's row: a product and, in the next cell, what it comes to, with no `=` between them
  // ("Depthwise   199 × 199 × 3 × 4 × 4   1,900,848", "199^{2} × 3 × 10   1188030"): the arithmetic
  // evaluates, so it is a computation
  lines.forEach((raw, line) => {
    const t = normalizeMath(raw);
    // named counts listed, then their total ("W_f = 15, b_f = 3, total = 18"): the sum, where the
    // total is what the counts add to
    const listed = /^(?:\W*[A-Za-z][\w{}~^]*\s*[=:]\s*\d+\s*[,;]\s*){2,}total\s*[=:]\s*(\d+)\s*\.?\s*$/i.exec(
      t,
    );
    if (listed) {
      const counts = [...t.slice(0, t.toLowerCase().lastIndexOf('total')).matchAll(/[=:]\s*(\d+)/g)].map(
        (m) => Number(m[1]),
      );
      const total = Number(listed[1]);
      if (counts.reduce((a, b) => a + b, 0) === total)
        computations.push({ value: total, stated: [total], line, text: `${counts.join(' + ')} = ${total}` });
    }
    // (times typed as a letter x between numbers, "198 x 198 x 16 x 3", as ×)
    const tx = t.replace(/(\d\s*)x(?=\s*\d)/g, '$1*');
    for (const m of tx.matchAll(
      // (its cells parted by a bar too: "198 x 198 x 16 x 3 | 1881792")
      /((?:\d[\d,]*(?:\.\d+)?(?:\^\{?\d\}?)?\s*\*\s*)+\d[\d,]*(?:\.\d+)?)(?:\s+|\s*\|\s*)(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d.,*])/g,
    )) {
      const value = tryEvaluate(m[1]);
      const result = parseNumber(m[2]);
      if (value === null || result === null || Math.abs(value - result) > 1e-6 * Math.max(1, result))
        continue;
      if (computations.some((c) => c.line === line && c.value === value)) continue;
      computations.push({ value, stated: [result], line, text: m[0] });
    }
    // a table's cells run together ("199 × 199 × 10   199 × 199 × 3 × 10 = 1,188,030": the shape,
    // then the count; "199×199×3   199^{2} · 16 · 3 = 1900848"): the product after a cell's last
    // number, where it comes to what is stated
    for (const m of t.matchAll(
      /(?<=\d\s+)((?:\d[\d,]*(?:\.\d+)?(?:\^\{?\d\}?)?\s*\*\s*)+\d[\d,]*(?:\.\d+)?)\s*=\s*(\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3}){2,}|\d+(?:\.\d+)?)(?![\d.,*])/g,
    )) {
      const value = tryEvaluate(m[1]);
      const result = parseNumber(m[2]);
      if (value === null || result === null || Math.abs(value - result) > 1e-6 * Math.max(1, result))
        continue;
      if (computations.some((c) => c.line === line && c.value === value)) continue;
      // (the run-together reading, which evaluates to something else, was no computation)
      const merged = computations.findIndex((c) => c.line === line && c.text.endsWith(m[0]));
      if (merged >= 0) computations.splice(merged, 1);
      computations.push({ value, stated: [result], line, text: m[0] });
    }
    // what each number counts, said between the numbers ("4 gates x 6 = 24", "4 × 18 params = 72"):
    // the arithmetic without the words, where it comes to what is stated
    // (or where each comes from, "3 from HS + 2 from x = 5")
    const unitless = t
      .replace(
        // (the words may list what they count in brackets: "4 matrices (f, i, o, C~) x 15 = 60")
        /(\d)\s+(?:(?:from|for|of|in)\s+[A-Za-z][\w~]*|(?:[A-Za-z]{3,}\s+){0,2}[A-Za-z]{3,}(?:\s*\([^()\d]{1,30}\))?)\s*(?=(?:[x×*·+]|=)\s*[\d(])/g,
        '$1 ',
      )
      .replace(/(\d\s*)[x×](\s*[\d(])/g, '$1*$2');
    if (unitless === t) return;
    const sides = unitless.split('=');
    for (let k = 0; k + 1 < sides.length; k++) {
      const whole = /[\d(][\d\s.,()*+]*$/.exec(sides[k].trimEnd())?.[0];
      // (inside a bracket it opened, "3 × 5 (3 + 2 = 5)": the sum in the bracket)
      const open = whole ? whole.split('(').length - whole.split(')').length : 0;
      const lhs = whole && open > 0 ? whole.slice(whole.lastIndexOf('(') + 1) : whole;
      // (a sentence's full stop after it is no decimal point: "4 matrices × (3 × 5) = 60.")
      const rhs = /^\s*(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d,*]|\.\d)/.exec(sides[k + 1])?.[1];
      if (!lhs || !rhs || !/[*+]/.test(lhs)) continue;
      const value = tryEvaluate(lhs);
      const result = parseNumber(rhs);
      if (value === null || result === null || Math.abs(value - result) > 1e-6 * Math.max(1, result))
        continue;
      if (computations.some((c) => c.line === line && c.value === value)) continue;
      // (a piece of it read alone, "(15 + 3) = 72", was no computation)
      const piece = computations.findIndex(
        (c) => c.line === line && lhs.replace(/\s/g, '').endsWith(c.text.split('=')[0].replace(/\s/g, '')),
      );
      if (piece >= 0) computations.splice(piece, 1);
      computations.push({ value, stated: [result], line, text: `${lhs.trim()} = ${rhs}` });
    }
  });
  for (const c of productsBesideCounts(lines))
    if (!computations.some((o) => o.line === c.line)) computations.push(c);
  computations.push(...columnTotals(lines));
  // lines with mathematics that no fully-parsed equation covers
  // lines with arithmetic that neither a parsed equation nor an evaluation accounts for, and
  // equations whose formula side could not be parsed
  const understood = new Set<number>();
  const garbled = new Set<number>();
  for (const eq of equations) {
    // (a side holding a step in brackets, "W (3×2 = 6) + b (3)", is read with the step set aside: the
    // step is an equation of its own)
    const step = /\([^()]*=[^()]*\)/g;
    const readable = (s: { text: string; expr: Expr | null }) =>
      s.expr !== null ||
      !/[-+*/^]/.test(s.text.replace(/\b[a-z]+-[a-z]+\b/gi, '')) ||
      (s.text.replace(step, ' ') !== s.text &&
        tryParseExpr(tokenize(normalizeMath(s.text.replace(step, ' ')))) !== null);
    const ok = !eq.cut && eq.sides.every(readable);
    for (let i = eq.line; i <= eq.lastLine; i++) (ok ? understood : garbled).add(i);
  }
  const unread = lines
    .map((l, i) => ({ l: normalizeMath(l), i }))
    .filter(({ l, i }) => {
      if (garbled.has(i)) return true;
      // (a TeX command of two arguments left over is a fraction-like term not read, though an
      // equation before it parsed: `… o_t * (1 - tanh^2(c_t))` then `+ \pdv{L}{c_{t+1}} …`;
      // one of one argument, `\hat{y}`, only decorates a letter)
      if (/\\[A-Za-z]{2,}\s*\{(?:[^{}]|\{[^{}]*\})*\}\s*\{/.test(l)) return true;
      // (maths said in words, "h sub t is o sub t into tanh of C sub t", "four into nine = 36", "tanh of
      // point seven is about point six zero four": read by a person, not by the parser)
      if (spokenMaths(lines[i])) return true;
      // (empty brackets beside numbers, "( ) ( e7/5−1 )": a typeset fraction's or matrix's pieces the
      // layout could not put back together)
      // (not a blank left at a line's end to fill in: "4 × 8 = 32 (     )")
      if (/\(\s*\)(?=\s*\S)/.test(l) && /\d/.test(l) && !/[A-Za-z]\(\s*\)/.test(l)) return true;
      // (a column vector's middle or bottom pieces with no top piece in the part, "⎢0.2⎥ + ⎢0⎥" over
      // "⎣0⎦ ⎣0.05⎦": its first rows were shared out to the answer above)
      if (/[⎢⎣⎜⎝]/.test(lines[i]) && !lines.some((x) => /[⎡⎛]/.test(x))) return true;
      // (a vector's numbers cut from its head, "0.05)" alone, or a head left open, "C_t = (0.7, 0.2,":
      // a table cell wrapped where the lines of its row were shared out otherwise)
      if (
        /^\s*-?\d[\d.,\s-]*[)\]}]\s*$/.test(l) ||
        /[([{]\s*-?\d[\d.]*\s*,(?:\s*-?\d[\d.]*\s*,)*\s*$/.test(l)
      )
        return true;
      if (understood.has(i)) return false;
      // shapes and spaces are values, not working: `3 × 1`, `R^{3×5}`, `(3, 5)` (set apart by a mark
      // that is no letter: "3 × 1 (3 values)" is no function of 3)
      const t = l
        .replace(/(\d)\s*-\s*(?=[a-z])/gi, '$1 ')
        .replace(/\bR\s*\^?\s*\{?\s*\d+(?:\s*[*x]\s*\d+)*\s*\}?/gi, ' ▢ ')
        .replace(/\d+(?:\s*[*x]\s*\d+)+/g, ' ▢ ');
      // (a general formula in letters that parses, "n_out = (n + 2p − f)/s + 1" after a word the run
      // does not take for its name, is read: no arithmetic left over)
      if (formulaOnly(l)) return false;
      return ARITHMETIC.test(t) && !evaluates(l);
    })
    .map(({ i }) => i);
  return {
    answer,
    lines,
    // (an assumption of the script's own that the answer cites is read with it, as words)
    prose: normalizeProse([...lines, citedAssumptions(lines.join('\n'), glossary)].join('\n')),
    ...instantiate(lines, named),
    equations,
    computations,
    unread,
    region: (i: number) => {
      const l = answer.lines[folded[i]?.from ?? i];
      return l ? [{ page: l.page, box: l.box }] : answer.regions.slice(0, 1);
    },
  };
}

/** The answer's prose with each name the student gave a number replaced by it, where that changes it. */
function instantiate(lines: string[], named: Map<string, number>): { instantiated?: string } {
  if (!named.size) return {};
  const text = withSizeSymbols(lines, new Map([...named].map(([name, v]) => [name, String(v)]))).join('\n');
  return text === lines.join('\n') ? {} : { instantiated: normalizeProse(text) };
}

/**
 * A product alone on its line beside the count it comes to, on the line above or below ("60 weights"
 * over "4 × 15"): the count worked out.
 */
function productsBesideCounts(lines: string[]): Computation[] {
  const out: Computation[] = [];
  lines.forEach((raw, line) => {
    const product = /^\W*((?:\d+\s*[x×*·]\s*)+\d+)\W*$/.exec(normalizeMath(raw))?.[1];
    const value = product ? tryEvaluate(product.replace(/[x×·]/g, '*')) : null;
    if (value === null || !Number.isInteger(value)) return;
    const beside = [lines[line - 1], lines[line + 1]].some(
      (l) => l !== undefined && findNumbers(normalizeMath(l)).some((n) => n.value === value),
    );
    if (beside) out.push({ value, stated: [value], line, text: `${product} = ${value}` });
  });
  return out;
}

/** A table's column of counts and the total row they add to ("W_f 3x5 15" … "Total 60"): the sum. */
function columnTotals(lines: string[]): Computation[] {
  const out: Computation[] = [];
  lines.forEach((raw, line) => {
    const total = /^\W*(?:total|sum|overall)\b\D*(\d+)\D*$/i.exec(normalizeMath(raw))?.[1];
    if (total === undefined) return;
    const cells: number[] = [];
    for (let i = line - 1; i >= 0; i--) {
      const l = normalizeMath(lines[i] ?? '');
      if (/^[\s|+\-=_:]*$/.test(l)) continue;
      const last = /(\d+)\W*$/.exec(l);
      if (!last || !/[A-Za-z]/.test(l)) break;
      cells.push(Number(last[1]));
    }
    if (cells.length >= 2 && cells.reduce((a, b) => a + b, 0) === Number(total))
      out.push({
        value: Number(total),
        stated: [Number(total)],
        line,
        text: `${cells.reverse().join(' + ')} = ${total}`,
      });
  });
  return out;
}

/** The canonical name of a symbol written in the rubric (`dL/dc_t` -> `d(l)/d(c_t)`). */
export function canonicalSymbol(s: string): string {
  const t = tokenize(s);
  return t.length === 1 && t[0].t === 'sym' ? t[0].v : s.toLowerCase();
}

const REGEX_CACHE = new Map<string, RegExp>();
/** Rubric patterns are compiled once per process, not once per answer. */
export function compiled(pattern: string, flags: string): RegExp {
  const key = `${flags}/${pattern}`;
  let re = REGEX_CACHE.get(key);
  if (!re) {
    re = new RegExp(pattern, flags);
    REGEX_CACHE.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}

export function matchesAny(patterns: string[], prose: string): RegExpExecArray | null {
  for (const p of patterns) {
    const m = compiled(p, 'i').exec(prose);
    if (m) return m;
  }
  return null;
}

/** Index of the line whose text contains a prose match (for evidence), or 0. */
export function lineOfMatch(ev: Evidence, match: string): number {
  const i = ev.lines.findIndex((l) => normalizeProse(l).includes(match.slice(0, 20)));
  return Math.max(i, 0);
}

/**
 * Whether the normalised prose writes a product of indexed copies of `symbol`: two factors side by
 * side (`f_t f_{t-1} ... f_2`, `f_{t+1} * f_{t+2}`), a product sign over it (`prod_{k=2}^{T} f_k`),
 * or a power with a symbolic exponent (`f^{T-1}`).
 */
export function writesProductOf(prose: string, symbol: string, lines?: string[]): boolean {
  const b = escapeRegExp(symbol.toLowerCase());
  // (an index in brackets too, as typed: "f(2)*f(3)*...*f(T)", "f[2]f[3]")
  const idx = String.raw`_?(?:\{[^{}]{1,8}\}|\([a-z0-9+\-−]{1,5}\)|\[[a-z0-9+\-−]{1,5}\]|[a-z0-9](?:[-+]\d)?)`;
  const factor = String.raw`(?<![a-z\\])${b}${idx}`;
  // (a spaced x is a product sign too: "f_T x f_{T-1} x ... x f_2"; pdfTeX's centred dots come out
  // as "* * *")
  const gap = String.raw`\s*\)?\s*(?:(?:\*\s*){1,3}|(?<=\s)x(?=\s)\s*)?(?:\.{2,}\s*(?:(?:\*|x(?=\s))\s*)?)?\(?\s*`;
  // (the second factor glued on to the first, as a text layer flattens subscripts: "ftft-1")
  const sideBySide = new RegExp(`${factor}${gap}${b}${idx}(?![a-z])`);
  // pdfTeX's display ∏ comes out of the text layer as the letter Y (Q in text style) with its
  // upper limit glued to it: "YT fk"
  // (between the sign and the factor its limits, not a sentence's end nor another gate's factor:
  // "∏ i_t. When f_t = 1 …" is a product of input gates)
  const filler = String.raw`(?:(?!\.\s|(?<![a-z\\])[iogch]_?\{?[tkj2-9]\}?(?![a-z]))[^\n]){0,24}?`;
  const productSign = new RegExp(
    String.raw`(?:(?<![a-z])prod(?![a-z])${filler}|(?<![a-z\\_^])[yq]\s?t(?![a-z])[\s\S]{0,30}?)(?<![a-z\\])${b}(?:_\{?[^{}\s]{1,6}\}?|[tkji]|\d)?(?![a-z])`,
  );
  const power = new RegExp(String.raw`(?<![a-z\\])${b}(?:${idx})?\s*\^\s*[({]?\s*[a-z]`);
  // (two factors side by side on one line: "… + f_T)" ending a line and "f_t = 1 …" opening the
  // next are no product)
  const adjacent = lines ? lines.some((l) => sideBySide.test(normalizeProse(l))) : sideBySide.test(prose);
  return adjacent || productSign.test(prose) || power.test(prose);
}

/**
 * Whether the prose states the size of one of `names` as `value`: `h_{t-1} ∈ R^3`, `c_t is 3`,
 * `hidden size 3`, `gates ∈ R3`. The first number after the name (within the clause) must be the
 * value on its own, not an operand (`3 + 2`) or a factor of a shape (`R^{3×5}`).
 */
// (a name as another's argument, "b(f) in R^3", is the index of that one: b_f's size, not f's)
export function statesSizeOf(prose: string, names: string[], value: number): boolean {
  for (const n of names) {
    const name =
      n.length === 1
        ? // (not a subscript spaced from its letter: "b f = 3" is b_f, no size of f)
          String.raw`(?<![a-z\\_{^]|[a-z]\(|(?:^|[^a-z])[a-z] )${escapeRegExp(n)}(?:_\{?[a-z0-9+-]{1,4}\}?|t(?:[-+]1)?)?(?![a-z])`
        : String.raw`\b${escapeRegExp(n)}s?\b`;
    for (const m of prose.matchAll(new RegExp(name, 'g'))) {
      // (a part's label, a letter alone after its question's number: "should be before 3 c")
      if (m[0].length === n.length && /\d\s?$/.test(prose.slice(0, m.index))) continue;
      const clause = prose
        .slice((m.index ?? 0) + m[0].length)
        .split(/[.;,\n]|\band\b/)[0]
        .slice(0, 40);
      const num = /(?<![\d.])(\d+(?:\.\d+)?)/.exec(clause.replace(/\br\s*\^?\s*\{?(?=\d)/g, ' '));
      if (!num || Number(num[1]) !== value) continue;
      const before = clause.slice(0, num.index).trimEnd();
      const after = clause.slice(num.index + num[0].length);
      if (/[-+*/x]$/.test(before) || /^\s*\}?\s*[-+*/x×]/.test(after)) continue;
      return true;
    }
  }
  return false;
}

/** Whether an answer was read by OCR (from a scanned or photographed page), not from a text layer. */
export function readByOcr(answer: PartAnswer, script: ExtractedScript): boolean {
  const ocrPages = new Set(script.pages.filter((p) => p.source !== 'text').map((p) => p.page));
  return answer.lines.length ? answer.lines.some((l) => ocrPages.has(l.page)) : answer.conf < 0.95;
}
