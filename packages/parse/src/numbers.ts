import { fixOcrDigits, normalizeMath } from './normalize.ts';

/** A number found in text; `start`/`end` index the normalised text the finder was given. */
export interface FoundNumber {
  value: number;
  raw: string;
  start: number;
  end: number;
}

// thousands with commas (3,088,878) or dots (3.088.878, OCR and European style), spaces (1 900 848, and
// India's lakh groups, 30 88 878), plain decimals,
// scientific notation (3.09e6). Digit look-alikes (O, l) are tolerated inside a token with a digit.
/** Digit groups set with spaces the Indian way, in lakhs and crores: `30 88 878`, `19 00 848`. */
export const LAKH_SPACED = String.raw`\d{1,2}(?: \d{2})+ \d{3}`;
const NUM_CORE = String.raw`(?:\d{1,3}(?: \d{3}){2,}(?![\d.,]\d| \d)|${LAKH_SPACED}(?![\d.,]\d| \d)|\d{1,2}(?:,\d{2})+,\d{3}(?![\d.,]\d)|\d{1,3}(?:,\d{3})+(?![\d.,]\d)|\d{1,3}(?:\.\d{3}){2,}(?!\d)|\d*\.\d+|\d+\.?)(?:[eE][-+]?\d+)?`;
const NUM_RE = new RegExp(
  // (a power of ten after a times sign written as x, "1.86 x 10^6", is the same number)
  String.raw`(?<![\w.])(-\s?)?(${NUM_CORE})(?:\s*[*x]\s*10\s*\^\s*\{?\s*(-?\d+)\s*\}?)?(?![\w])`,
  'g',
);

/** Parse one number written any usual way; null when the text is not exactly one number. */
export function parseNumber(text: string): number | null {
  const s = fixOcrDigits(normalizeMath(text).trim().replace(/\s+/g, ' '));
  const found = findNumbers(s);
  if (found.length !== 1) return null;
  const f = found[0];
  return f.start === 0 && f.end === s.length ? f.value : null;
}

function coreValue(core: string): number {
  if (/^\d{1,3}(,\d{3})+$/.test(core) || /^\d{1,2}(,\d{2})+,\d{3}$/.test(core))
    return Number(core.replace(/,/g, ''));
  // (only digit groups, in thousands or in lakhs, hold a space in a number NUM_CORE reads)
  if (core.includes(' ')) return Number(core.replace(/ /g, ''));
  if (/^\d{1,3}(\.\d{3}){2,}$/.test(core)) return Number(core.replace(/\./g, ''));
  return Number(core.replace(/\.$/, ''));
}

/**
 * Every number in `text`, left to right; positions index `normalizeMath(text)`.
 * A leading `-` counts as a sign only where it cannot be a binary minus (start, after an operator,
 * bracket, comma or `=`).
 */
export function findNumbers(text: string): FoundNumber[] {
  const s = ocrDigitsInText(normalizeMath(text));
  const out: FoundNumber[] = [];
  for (const m of s.matchAll(NUM_RE)) {
    const start = m.index ?? 0;
    let value = coreValue(m[2]);
    if (m[3] !== undefined) value *= 10 ** Number(m[3]);
    let sign = 1;
    let from = start;
    if (m[1]) {
      const before = s.slice(0, start).trimEnd();
      const prev = before[before.length - 1];
      const glued = !/\s$/.test(m[1]);
      const spaced = /\s$/.test(s.slice(0, start));
      if (
        prev === undefined ||
        /[=(,[{:;*/+<>]/.test(prev) ||
        /->$/.test(before) ||
        (glued && spaced && !/[\d)\]}]/.test(prev))
      )
        sign = -1;
      else from = start + m[1].length;
    }
    if (!Number.isFinite(value)) continue;
    out.push({
      value: sign * value,
      raw: s.slice(from, start + m[0].length),
      start: from,
      end: start + m[0].length,
    });
  }
  return out;
}

/** Replace OCR digit look-alikes inside number-like tokens, keeping the text length unchanged. */
export function ocrDigitsInText(text: string): string {
  return text.replace(/(?<![A-Za-z])[\dOolI][\dOolI.,]*(?![A-Za-z])/g, (tok) =>
    /\d/.test(tok) ? fixOcrDigits(tok) : tok,
  );
}

/** Two numbers equal within an absolute and/or relative tolerance (either one suffices when both given). */
export function closeTo(a: number, b: number, tol: { abs?: number; rel?: number } = {}): boolean {
  const abs = tol.abs ?? 0;
  const rel = tol.rel ?? 0;
  const d = Math.abs(a - b);
  if (d <= abs + 1e-12) return true;
  return rel > 0 && d <= rel * Math.max(Math.abs(a), Math.abs(b));
}
