// Marks a student copies from the question paper beside a part's label ("1(a) [3 marks]", "Q 2/b —
// (1)", "(b)      [1]"): the paper's marks, not the start of the answer.
import type { Line } from '@grader/model';

// (a count may be a sum, as the paper splits a question's marks: "[3 + 2]", "<1+1+1 marks>", "[3 + 2 = 5 points]")
const COUNT = String.raw`\d{1,2}(?:\.5)?(?:\s*\+\s*\d{1,2}(?:\.5)?)*(?:\s*=\s*\d{1,2}(?:\.5)?)?`;
// (before them a label's dash or colon, or a leader of dots: "2b ... 1 mark")
const LEAD = String.raw`^\s*(?:[-–—:|]|\.{2,}|…)?\s*`;
/** "[3 marks]", "(2 M)", "{1 pt}", "<1 mark>", "3 marks", "[3 + 2]": marks said with their word or summed */
const SAID = String.raw`(?:[([{<]\s*${COUNT}\s*(?:marks?|m|pts?|points?)\s*[)\]}>]|[[<]\s*\d{1,2}(?:\s*\+\s*\d{1,2})+(?:\s*=\s*\d{1,2})?\s*[\]>]|\d{1,2}(?:\.5)?\s*marks?\b)`;
const WORDED = new RegExp(`${LEAD}${SAID}\\s*[-–—:.]?`, 'i');
/** Marks said with their word closing a line or a heading ("=== Q1(b) [2 marks] ===", "5 ... 3 marks"). */
export const TRAILING_MARKS = new RegExp(`\\s+(?:(?:\\.{2,}|…)\\s*)?${SAID}\\s*$`, 'i');
const TRAILING_BARE = /\s+[([{]\s*\d{1,2}(?:\.5)?\s*[)\]}]\s*$/;
/** "[1]", "(3)", "{2}": a bare bracketed number, marks only where the script does it habitually */
const BARE = /^\s*[-–—:|]?\s*[([{]\s*(\d{1,2})(?:\.5)?\s*[)\]}](?=\s|$)\s*[-–—:.]?/;

/** How many characters at the start of `rest` (after a label) are marks said with their word: 0 when none. */
export function wordedMarksAfter(rest: string): number {
  return WORDED.exec(rest)?.[0].length ?? 0;
}

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
  const worded = wordedMarksAfter(rest);
  if (worded) return worded;
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

/**
 * A line's text without the marks closing it ("3 -  (3)" -> "3 -", "5 ... 3 marks" -> "5"), or null
 * when none close it. A bare "(3)" counts only where the script does it habitually (`habit`).
 */
export function withoutTrailingMarks(text: string, habit: boolean): string | null {
  // (the label's own dash stays: "3 -" heads question 3 where a bare "3" may be a count)
  let cut = text.replace(TRAILING_MARKS, '');
  if (habit) cut = cut.replace(TRAILING_BARE, '');
  return cut !== text && cut.trim() ? cut : null;
}
