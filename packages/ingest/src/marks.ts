// Marks a student copies from the question paper beside a part's label ("1(a) [3 marks]", "Q 2/b —
// (1)", "(b)      [1]"): the paper's marks, not the start of the answer.
import type { Line } from '@grader/model';

/** "[3 marks]", "(2 M)", "{1 pt}", "3 marks": marks said with their word, after a label's dash or colon */
const WORDED =
  /^\s*[-–—:|]?\s*(?:[([{]\s*\d{1,2}(?:\.5)?\s*(?:marks?|m|pts?|points?)\s*[)\]}]|\d{1,2}(?:\.5)?\s*marks?\b)\s*[-–—:.]?/i;
/** "[1]", "(3)", "{2}": a bare bracketed number, marks only where the script does it habitually */
const BARE = /^\s*[-–—:|]?\s*[([{]\s*(\d{1,2})(?:\.5)?\s*[)\]}](?=\s|$)\s*[-–—:.]?/;

/** Whether the text after a label starts with a bare bracketed number ("(1) No extra …"). */
export function bareMarksAfter(rest: string): boolean {
  return BARE.test(rest);
}

/**
 * How many characters at the start of `rest` (a line's text after its label) are the part's marks:
 * 0 when none. A bare "(1)" counts only when `habit` (two labels or more carry one) and it does not
 * open an enumeration ("(1) c_t → h_t … (2) …", `next` the following line).
 */
export function marksAfterLabel(rest: string, habit: boolean, next = ''): number {
  const worded = WORDED.exec(rest);
  if (worded) return worded[0].length;
  const bare = habit ? BARE.exec(rest) : null;
  if (!bare) return 0;
  const following = new RegExp(`[([{]\\s*${Number(bare[1]) + 1}\\s*[)\\]}]`);
  if (following.test(rest.slice(bare[0].length)) || following.test(next.slice(0, 6))) return 0;
  return bare[0].length;
}

/** A line that holds only marks ("[1]", "(3 marks)"): how they are written, or null. */
export function marksOnly(text: string): 'worded' | 'bare' | null {
  const worded = WORDED.exec(text);
  if (worded && !text.slice(worded[0].length).trim()) return 'worded';
  const bare = BARE.exec(text);
  return bare && !text.slice(bare[0].length).trim() ? 'bare' : null;
}

/** `b` sits on `a`'s row, to its right: a label's marks written at the page's right edge. */
export function onRowOf(a: Line, b: Line | undefined): boolean {
  if (!b || b.page !== a.page || b.box.x < a.box.x + a.box.w) return false;
  return Math.abs(b.box.y + b.box.h / 2 - (a.box.y + a.box.h / 2)) < Math.max(a.box.h, b.box.h) / 2;
}

/** A line's text without the marks closing it ("3 -  (3)" -> "3 -"), or null when none close it. */
export function withoutTrailingMarks(text: string): string | null {
  // (the label's own dash stays: "3 -" heads question 3 where a bare "3" may be a count)
  const cut = text.replace(/\s+[([{]\s*\d{1,2}(?:\.5)?\s*(?:marks?|m|pts?|points?)?\s*[)\]}]\s*$/i, '');
  return cut !== text && cut.trim() ? cut : null;
}
