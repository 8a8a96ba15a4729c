// Whether an answer OCR read is read well enough that the marks it loses are the student's, not the
// reader's. Handwriting OCR loses a boxed result ("3 X 18 =" with the 54 gone), glues words to
// numbers ("saWis3x5." for "W_f is 3 × 5."), reads a struck-out slip as a letter ("3 *M 6") and
// drops whole lines; any of these in a part that lost marks sends it to a person. A part read
// cleanly — every line sure, nothing garbled, no ink left unread beside it — is graded as read.
import type { PartAnswer } from '@grader/model';
import { closeTo } from '@grader/parse';
import { fmtNum, quote } from './format.ts';
import type { PartOutcome } from './items/types.ts';
import { asNumbers, resolveKey } from './keys.ts';

/** Below this line confidence an OCR'd line may say something else (tuned on the handwriting tune half). */
export const CLEAN_LINE_CONF = 0.8;

/** Function names, which are glued to their argument in maths ("tanh0.7"), not garbled words. */
const FUNCTIONS = /tanh|sech|sigma|sigmoid|softmax|exp|log|sqrt|prod|sum|dim/gi;

/** Why the reading of an answer is not to be trusted, or null when it reads cleanly. */
export function uncleanReading(answer: PartAnswer): string | null {
  if (!answer.lines.length) return 'its lines were not kept';
  for (const l of answer.lines) {
    if (l.unread) return `ink next to "${quote(l.text)}" was not read`;
    if (l.conf < CLEAN_LINE_CONF) return `"${quote(l.text)}" was read with low confidence`;
    const garbled = garbledToken(l.text);
    if (garbled) return `"${quote(garbled)}" is garbled`;
    // a line that stops at an operator lost what followed it (a boxed result, the end of a sum)
    if (/[=+×*·/−]\s*$/.test(l.text)) return `"${quote(l.text)}" breaks off`;
    // a letter or two between numbers in arithmetic: a struck-out slip or a misread digit ("3 *M 6")
    const slip = /\d\s*[*×·+=/−-]\s*[A-Za-z]{1,2}\s+\d/.exec(l.text);
    if (slip) return `"${quote(slip[0])}" is garbled`;
    // a decimal whose point OCR parted from its digits, inside a vector or after an equals sign
    // ("=[0. 7, 0.2, 0.05]"): a number it cannot read as written
    const split = /[[(,=]\s*\d+\.\s+\d/.exec(l.text);
    if (split) return `"${quote(split[0])}" is garbled`;
  }
  return null;
}

/**
 * A token in which a word and a number ran together: three letters or more against a digit
 * ("saWis3x5.", "ha3entries"). Maths keeps such runs short (`h_t-1`, `dc1`, `3x5`, `R^5`) or names
 * a function.
 */
function garbledToken(line: string): string | null {
  for (const token of line.split(/\s+/)) {
    const t = token.replace(FUNCTIONS, ' ');
    if (/[A-Za-z]{3,}\d|\d[A-Za-z]{3,}/.test(t)) return token;
  }
  return null;
}

/**
 * A wrong number OCR read where the key differs from it in one digit a pen and OCR confuse (12
 * for 72, 197 for 199): a 7 read as 1 gives the first; the student who forgot the padding, the
 * second. Which one the page says is for a person — unless the student's own arithmetic gets to
 * the number read (`200 − 4 + 1 = 197` evaluates), which settles the reading.
 */
export function misreadOfKey(outcome: PartOutcome): string | null {
  const { part, results, ctx } = outcome;
  for (const [k, item] of part.items.entries()) {
    const r = results[k];
    if (item.type !== 'value' || !r || r.awarded >= r.max) continue;
    const key = asNumbers(resolveKey(item.key, ctx.grading.keys));
    // a count read as one letter where the key is a number: a handwritten 0 read as D or O, a 1 as I
    if (typeof r.value === 'string' && /^\s*[A-Za-z]\s*$/.test(r.value) && key?.length === 1)
      return `"${r.value.trim()}" may be a misread of ${fmtNum(key[0])}`;
    const read = asNumbers(r.value);
    // a shape with some of its numbers lost ("3 x 1" read as "1"): the key's own numbers, fewer of
    // them (a vector's size is a column's too: 3 is 3 × 1, and "1" may be what is left of it)
    const shapes = key ? (item.shape === 'dimension' && key.length === 1 ? [key, [...key, 1]] : [key]) : [];
    const whole = shapes.find(
      (k) =>
        read &&
        read.length < k.length &&
        k.some((_, i) => read.every((x, j) => k[i + j] !== undefined && closeTo(x, k[i + j], { rel: 1e-9 }))),
    );
    if (read && whole)
      return `${read.map(fmtNum).join(' × ')} may be ${whole.map(fmtNum).join(' × ')} with a part unread`;
    if (!read || !key || read.length !== key.length) continue;
    const slips = read.filter((x, i) => oneDigitApart(x, key[i]));
    if (!slips.length || read.some((x, i) => x !== key[i] && !oneDigitApart(x, key[i]))) continue;
    const computed = (x: number) =>
      ctx.ev.computations.some(
        (c) =>
          typeof c.value === 'number' &&
          closeTo(c.value, x, { rel: 1e-9 }) &&
          c.stated.some((s) => s === c.value),
      );
    if (slips.every(computed)) continue;
    return `${slips.map(fmtNum).join(', ')} may be a misread of ${key
      .filter((x, i) => x !== read[i])
      .map(fmtNum)
      .join(', ')}`;
  }
  return null;
}

/** Digits a pen and OCR confuse (a 7 without its bar is a 1; an open 9 is a 4). */
const CONFUSED = new Set([
  '17',
  '06',
  '08',
  '09',
  '38',
  '56',
  '58',
  '49',
  '27',
  '68',
  '89',
  '14',
  '35',
  '79',
]);

/** Two whole numbers written with as many digits, differing in one of them, by digits often confused. */
function oneDigitApart(a: number, b: number): boolean {
  const x = String(a);
  const y = String(b);
  if (x === y || x.length !== y.length || !/^\d+$/.test(x) || !/^\d+$/.test(y)) return false;
  const diff = [...x].flatMap((c, i) => (c !== y[i] ? [[c, y[i]].sort().join('')] : []));
  return diff.length === 1 && CONFUSED.has(diff[0]);
}
