import { evaluate, symbolsOf, tryParseExpr } from './expr.ts';
import { normalizeMath } from './normalize.ts';
import { findNumbers, ocrDigitsInText } from './numbers.ts';

export interface FoundVector {
  values: number[];
  raw: string;
  /** index in the normalised text (line breaks kept) */
  start: number;
  end: number;
}

// Tall brackets drawn from pieces (⎡ ⎢ ⎣ ...) as PDF text extraction gives them.
const BRACKET_PIECES: Record<string, string> = {
  '⎡': '[',
  '⎢': '',
  '⎣': '',
  '⎤': ']',
  '⎥': '',
  '⎦': '',
  '⎛': '(',
  '⎜': '',
  '⎝': '',
  '⎞': ')',
  '⎟': '',
  '⎠': '',
  '│': '',
  '⎧': '{',
  '⎨': '',
  '⎩': '',
  '⎫': '}',
  '⎬': '',
  '⎭': '',
};

const OPEN_CLOSE: Record<string, string> = { '{': '}', '[': ']', '(': ')' };

/**
 * Vectors and sets written with numbers only: `{0.7, 0.2, 0.05}`, `[0.7 0.2 0.05]`, `(0.7; 0.2; 0.05)`,
 * a bracket spanning several lines (column vector), or a column of bare numbers between tall
 * brackets. A bracket whose content has anything but numbers and separators is not a vector here
 * (use the expression evaluator for `{1 × 0.2 + 1 × 0.5, ...}`). Needs at least two elements.
 */
export function findVectors(text: string): FoundVector[] {
  let s = normalizeMath(text);
  s = s.replace(/[⎡⎢⎣⎤⎥⎦⎛⎜⎝⎞⎟⎠│⎧⎨⎩⎫⎬⎭]/g, (c) => BRACKET_PIECES[c] ?? '');
  s = ocrDigitsInText(s);
  const out: FoundVector[] = [];
  for (let i = 0; i < s.length; i++) {
    const close = OPEN_CLOSE[s[i]];
    if (!close) continue;
    let j = s.indexOf(close, i + 1);
    // a bracket closed by another kind on its own line (`[0.7, 0.2, 0.05}`: a handwritten `]` OCR'd)
    if (j < 0 || s.slice(i, j).includes('\n')) {
      const other = /^[^\n\]})]*[\]})]/.exec(s.slice(i + 1));
      if (other) j = i + other[0].length;
    }
    // (a bracket never closed at the answer's very end: a line run off the page's edge, "= (0.6044, 0, 0")
    if (j < 0 && /^[^\n{[(]*$/.test(s.slice(i + 1))) {
      const values = numbersOnly(s.slice(i + 1).replace(/[.\s]+$/, ''));
      if (values && values.length >= 2) out.push({ values, raw: s.slice(i), start: i, end: s.length });
      break;
    }
    if (j < 0) continue;
    const inner = s.slice(i + 1, j);
    if (/[{[(]/.test(inner)) {
      // components in exact form, "(tanh(7/10), 0, 0)", "[e^{-1}, 1/2]": their values
      const nested = exactComponents(s, i);
      if (nested) {
        out.push({ values: nested.values, raw: s.slice(i, nested.end), start: i, end: nested.end });
        i = nested.end - 1;
      }
      continue;
    }
    const values = numbersOnly(inner);
    if (values && values.length >= 2) {
      out.push({ values, raw: s.slice(i, j + 1), start: i, end: j + 1 });
      i = j;
    }
  }
  return out;
}

/**
 * A bracket on one line whose comma-separated components are each a number or arithmetic that
 * evaluates (functions, fractions, powers of e) with at least one bracket inside: the values and
 * where it ends. Not a function's arguments (`max(0.2, 0.5)`: a letter before the bracket).
 */
function exactComponents(s: string, open: number): { values: number[]; end: number } | null {
  if (/[\p{L}\d_]$/u.test(s.slice(0, open))) return null;
  let depth = 0;
  let close = -1;
  for (let k = open; k < s.length && s[k] !== '\n'; k++) {
    if (OPEN_CLOSE[s[k]]) depth++;
    else if (/[)\]}]/.test(s[k]) && --depth === 0) {
      close = k;
      break;
    }
  }
  if (close < 0 || OPEN_CLOSE[s[open]] !== s[close]) return null;
  const comps: string[] = [];
  let from = open + 1;
  depth = 0;
  for (let k = open + 1; k < close; k++) {
    if (OPEN_CLOSE[s[k]]) depth++;
    else if (/[)\]}]/.test(s[k])) depth--;
    else if (depth === 0 && /[,;]/.test(s[k])) {
      comps.push(s.slice(from, k));
      from = k + 1;
    }
  }
  comps.push(s.slice(from, close));
  if (comps.length < 2) return null;
  const values = comps.map(componentValue);
  return values.every(Number.isFinite) ? { values, end: close + 1 } : null;
}

/** One component's value: a number as written, else arithmetic with no symbol but e (NaN otherwise). */
function componentValue(component: string): number {
  const c = component.trim();
  const n = findNumbers(c);
  if (n.length === 1 && n[0].start === 0 && n[0].end === c.length) return n[0].value;
  const e = tryParseExpr(c.replace(/\{/g, '(').replace(/\}/g, ')'));
  if (!e || [...symbolsOf(e)].some((x) => x !== 'e')) return Number.NaN;
  try {
    const v = evaluate(e, () => Math.E);
    return typeof v === 'number' ? v : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** The numbers of `inner` when it holds nothing but numbers and separators (comma, semicolon, space, newline). */
function numbersOnly(inner: string): number[] | null {
  // components written as exact fractions, "(7/10, 1/5, 1/20)": their values
  const comps = inner.split(/[,;]/).map((c) => c.trim());
  if (comps.length >= 2 && comps.some((c) => /^-?\d*\.?\d+\s*\/\s*\d*\.?\d+$/.test(c))) {
    const values = comps.map(componentValue);
    return values.every(Number.isFinite) ? values : null;
  }
  const nums = findNumbers(inner);
  if (nums.length === 0) return null;
  let rest = '';
  let at = 0;
  for (const n of nums) {
    rest += inner.slice(at, n.start);
    at = n.end;
  }
  rest += inner.slice(at);
  if (!/^[\s,;]*$/.test(rest)) return null;
  // thousands separators in a list like {1,200,300} are ambiguous: findNumbers reads them as one number,
  // which is the common case in answers (counts), so keep it.
  return nums.map((n) => n.value);
}

/** The last vector in the text (answers usually end with the result), or null. */
export function lastVector(text: string): number[] | null {
  const v = findVectors(text);
  return v.length ? v[v.length - 1].values : null;
}
