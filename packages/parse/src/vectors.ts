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
    if (j < 0) continue;
    const inner = s.slice(i + 1, j);
    if (/[{[(]/.test(inner)) continue;
    const values = numbersOnly(inner);
    if (values && values.length >= 2) {
      out.push({ values, raw: s.slice(i, j + 1), start: i, end: j + 1 });
      i = j;
    }
  }
  return out;
}

/** The numbers of `inner` when it holds nothing but numbers and separators (comma, semicolon, space, newline). */
function numbersOnly(inner: string): number[] | null {
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
