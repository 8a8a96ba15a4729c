import { normalizeMath } from './normalize.ts';
import { ocrDigitsInText } from './numbers.ts';

export interface FoundDimension {
  dims: number[];
  raw: string;
  start: number;
  end: number;
  /**
   * true when the match sits inside arithmetic (`4 * (3 * 5 + 3)`): then `3 * 5` is more likely a
   * product being computed than a shape being stated.
   */
  inArithmetic: boolean;
}

const SEP = String.raw`\s*(?:\*|x|X|[-‐–]?by[-‐–]?)\s*`;
const TIMES_RE = new RegExp(String.raw`(?<![\w.^])(\d+)((?:${SEP}\d+(?!\d|\.\d))+)(?![\w]|\.\d|\s*\^)`, 'g');
const TUPLE_RE = /\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?(?:,\s*(\d+)\s*)?(,)?\s*\)/g;
// R^{3×5}, R^(3 x 5), R^3, and the same with the superscript lost in extraction: R3×5
const REAL_RE =
  /\bR\s*(?:\^\s*(?:\{([^}]*)\}|\(([^()]*)\)|(\d+(?:\s*[*xX]\s*\d+)*))|(\d+(?:\s*[*xX]\s*\d+)*)\b)/g;

// a linear map between spaces, R^5 -> R^3: its matrix is 3 × 5 (codomain by domain)
const MAP_RE = /\bR\s*\^?\s*\{?(\d+)\}?\s*->\s*R\s*\^?\s*\{?(\d+)\}?(?![\d*xX])/g;

/**
 * Shapes written as `3x5`, `3 × 5`, `3 by 5`, `199 × 199 × 3`, `(3, 5)`, `(3,)`, `R^{3×5}`, `R^3`, and
 * the map `R^5 -> R^3` (3 × 5).
 * Returned left to right; positions index the normalised text.
 */
export function findDimensions(text: string): FoundDimension[] {
  // PyTorch's shape, "torch.Size([3, 5])": the tuple it holds, blanked around to keep positions;
  // MATLAB's, "size(W_f) = [3 5]": a tuple too, the same length
  const s = ocrDigitsInText(normalizeMath(text))
    .replace(
      /\bsize\(\s*\[([\d\s,]+)\]\s*\)/gi,
      (m, inner: string) =>
        `${' '.repeat(m.indexOf('['))}(${inner})${' '.repeat(m.length - m.lastIndexOf(']') - 1)}`,
    )
    // a shape's key with its list, "\"depthwise_out\": [199, 199, 3]", "out_shape: [199, 199, 10]": a
    // tuple too, the same length
    .replace(
      /((?:shape|out(?:put)?|size|dims?)\w*"?\s*[:=]\s*)\[(\s*\d+\s*,\s*\d+\s*(?:,\s*\d+\s*)?)\]/gi,
      (_m, lead: string, inner: string) => `${lead}(${inner})`,
    )
    .replace(
      /(\bsize\s*\([^()]{1,16}\)\s*=\s*)\[\s*(\d+)(\s+|\s*,\s*)(\d+)\s*\]/gi,
      (m, lead: string, a: string, sep: string, b: string) =>
        `${lead}(${a},${' '.repeat(Math.max(0, sep.length - 1))}${b})`.padEnd(m.length, ' '),
    );
  const out: FoundDimension[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (a: number, b: number) => taken.some(([x, y]) => a < y && b > x);

  for (const m of s.matchAll(MAP_RE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    out.push({ dims: [Number(m[2]), Number(m[1])], raw: m[0], start, end, inArithmetic: false });
    taken.push([start, end]);
  }
  for (const m of s.matchAll(REAL_RE)) {
    const body = m[1] ?? m[2] ?? m[3] ?? m[4];
    const dims = body
      .split(/\s*(?:\*|x|X|,)\s*/)
      .filter(Boolean)
      .map(Number);
    if (!dims.length || dims.some((d) => !Number.isInteger(d))) continue;
    const start = m.index ?? 0;
    if (overlaps(start, start + m[0].length)) continue;
    out.push({ dims, raw: m[0], start, end: start + m[0].length, inArithmetic: false });
    taken.push([start, start + m[0].length]);
  }
  for (const m of s.matchAll(TIMES_RE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (overlaps(start, end)) continue;
    const dims = [m[1], ...m[2].split(new RegExp(SEP)).filter(Boolean)].map(Number);
    // (within the shape's own line: a bullet "•" read as `*` starts the next line, not a product;
    // one at the start of this line is no operator either)
    const before = s.slice(Math.max(0, start - 3), start).replace(/^[^\n]*\n/, '');
    const lineStart = s.lastIndexOf('\n', start - 1) + 1;
    const bulleted = /^\s*\*\s*$/.test(s.slice(lineStart, start));
    const after = s.slice(end, end + 3).replace(/\n[\s\S]*$/, '');
    // a shape that fills its own brackets ("= 3 (3 x 1)") is a shape, unless an operator sits
    // outside them ("4*(3*5 + 3)" never fills them; "2 * (3 x 5)" is arithmetic)
    // (an "i.e." before it, which normalising leaves as ";", still leaves it its brackets: "3 (i.e. 3 x 1)")
    const own = /\(\s*;?\s*$/.test(before) && /^\s*\)/.test(after);
    const outside =
      own &&
      (/[+\-/*×·]\s*\(\s*;?\s*$/.test(s.slice(Math.max(0, start - 8), start)) ||
        /^\s*\)\s*[+\-/*×·^]/.test(s.slice(end, end + 6)));
    // Markdown bold around it ("W_f : **3 × 5**") is no product either
    const bold = /\*\*$/.test(before) && /^\*\*/.test(after);
    // (nor does a bracket of words it closes: "3 (a column 3 x 1)")
    const opener = s.lastIndexOf('(', start);
    const inside = opener >= 0 ? s.slice(opener + 1, start) : '';
    const aside = /^\s*\)/.test(after) && /[A-Za-z]{3,}/.test(inside) && !/[+\-/*×·=\n]/.test(inside);
    // (a dash set apart after a symbol, no equals before it, names the symbol's shape when the shape
    // ends the line: "b_f - 3 x 1"; a table's row, "bf – 3 × 1 3", may be its cells' arithmetic)
    const lineEnd = s.indexOf('\n', end);
    const named =
      /(?:^|[\s:,;])[A-Za-z][\w{}]*\s+[-–—]\s+$/.test(s.slice(lineStart, start)) &&
      !/=/.test(s.slice(lineStart, start)) &&
      /^\s*[.;,]?\s*(?:\(.*)?$/.test(s.slice(end, lineEnd < 0 ? undefined : lineEnd));
    const inArithmetic = bold
      ? false
      : own
        ? outside
        : (!bulleted && !named && /[+\-/(*]\s*$/.test(before)) ||
          (!aside && /^\s*(?:[+/)*]|-(?!>))/.test(after));
    out.push({ dims, raw: m[0], start, end, inArithmetic });
    taken.push([start, end]);
  }
  for (const m of s.matchAll(TUPLE_RE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (overlaps(start, end)) continue;
    const dims = [m[1], m[2], m[3]].filter((x) => x !== undefined).map(Number);
    // `(3)` alone is a parenthesised number, not a shape; `(3,)` is.
    if (dims.length === 1 && !m[4]) continue;
    // `(200 + 2 - 4)` never matches; `(3, 5)` after a function name is a call, not a shape
    // (but R's `c(3, 5)` builds the vector it holds: "dim(W_f) == c(3, 5)")
    const call = /[A-Za-z]\s*$/.test(s.slice(Math.max(0, start - 1), start));
    if (call && !/(?<![\w.])c$/.test(s.slice(Math.max(0, start - 3), start))) continue;
    out.push({ dims, raw: m[0], start, end, inArithmetic: false });
    taken.push([start, end]);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Shapes are equal when their sizes are, ignoring trailing 1s (`3` ≡ `3 × 1` ≡ `(3,)`). */
export function sameShape(a: number[], b: number[]): boolean {
  const trim = (d: number[]) => {
    const x = [...d];
    while (x.length > 1 && x[x.length - 1] === 1) x.pop();
    return x;
  };
  const x = trim(a);
  const y = trim(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}
