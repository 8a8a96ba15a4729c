// Page furniture: what a page carries besides the answers (page numbers, running heads and feet,
// "contd. on next page" notes, "— end —"), kept out of every answer.
import type { Line, PageInfo } from '@grader/model';
import { readingFrame } from './layout.ts';

/** An address, or a date with its clock time: what a browser prints at a page's head or foot. */
const STAMP = /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?\b/i;
const BROWSER_PRINT =
  /\bhttps?:\/\/\S+|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?\b/i;

/** Page furniture: "Page 1", "1", "P.1", "- 2 -", "1 of 2" near the top or bottom edge. */
export function isFurniture(line: Line, page: PageInfo): boolean {
  const t = line.text.trim();
  // (a printed page's head or foot set in the page itself, where a saved web page puts it: nothing but
  // its address and page count, or its time stamp with the page count or the site's title)
  if (
    /^(?:https?:\/\/\S+)(?:\s+\d{1,2}\s*(?:\/|of)\s*\d{1,2})?$/i.test(t) ||
    (STAMP.test(t) && (new RegExp(PAGE_OF.source, 'i').test(t) || /\s\|\s/.test(t)) && !/[=+×*]/.test(t))
  )
    return true;
  const { box, height } = readingFrame(line, page);
  const nearEdge = box.y > height * 0.9 || box.y + box.h < height * 0.08;
  if (!nearEdge) return false;
  // a running head on a later page repeats the student's roll number
  if (page.page > 1 && box.y + box.h < height * 0.08 && /\b\d{2}[A-Z]{2}\d{5}\b/.test(t)) return true;
  // a browser's printed head or foot: the page's address, or the moment it was printed ("15/03/2021,
  // 11:47  CS60010: Class Test 3 | Moodle", "https://moodle…/view.php?id=48213   1/2")
  if (BROWSER_PRINT.test(t)) return true;
  const m = /^[-–—\s]*(p+(?:age|g)?\.?\s*)?([0-9Il]{1,3})(\s*(?:of|\/)\s*[0-9]{1,3})?[-–—\s]*$/i.exec(t);
  if (!m) return false;
  // a bare number is the page's number only when it is near it: "5" heading the top of page 2 is
  // question 5
  const n = Number(m[2].replace(/[Il]/g, '1'));
  return Boolean(m[1] || m[3]) || Math.abs(n - page.page) <= 1;
}

/** "page 2 of 3", "pg 1/3", "p. 1 of 3", "Page 2/2": a page's place in the script. */
const PAGE_OF = /\b(?:page|pg\.?|p\.)\s*\d{1,2}\s*(?:of|\/)\s*\d{1,2}\b/gi;
/** "contd. on next page", "(contd. from pg 1)", "continued overleaf", "P.T.O." */
const CONTINUED =
  /\b(?:contd|cont'?d|continued|cont)\b\.?(?:\s*(?:on|from|to|in|overleaf))?(?:\s*(?:the\s+)?(?:next|previous|prev|last|following)?\s*(?:page|pg|p|sheet|side)?\.?\s*\d{0,2})?|\bp\.?\s?t\.?\s?o\b\.?/gi;
/** "— end —", "*** END ***", "---- end of answers ----", "— End of answer script —" */
// (decorated with dashes or stars only: "end)." closes a sentence that ran on from the line above)
const END = /^[\s\-—–=_*~#|.]*(?:the\s+)?end[\s\-—–=_*~#|.!]*$/i;
/** "--- page 2 ---", "==== Page 3 ====": a typed page's break, marked by hand between rules */
const PAGE_MARK = /^\s*[-—–=_*~#|]{2,}\s*(?:page|pg\.?|p\.)\s*\d{1,2}\s*[-—–=_*~#|]{2,}\s*$/i;
const END_OF =
  /\b(?:the\s+)?end\s+of\s+(?:the\s+|my\s+)?(?:answers?|answer\s+script|script|paper|test|exam)\b/gi;
const ROLL = /\b\d{2}[A-Z]{2}\d{5}\b/gi;
const COURSE = /\bCS\s?\d{5}\b|\bCT\s?[-–]?\s?(?:3|III)\b|\b\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{2,4}\b/gi;

// (one test each, without the global flag the replacements above need)
const MARKED = new RegExp([PAGE_OF, CONTINUED, END_OF].map((re) => re.source).join('|'), 'i');
const HEADER_FIELD = new RegExp(`${ROLL.source}|${COURSE.source}`, 'i');

/** What is left of a line once its page numbers, notes, roll, course and punctuation are taken out. */
function residue(text: string): string {
  return text
    .replace(PAGE_OF, ' ')
    .replace(CONTINUED, ' ')
    .replace(END_OF, ' ')
    .replace(ROLL, ' ')
    .replace(COURSE, ' ')
    .replace(/\b(?:name|roll(?:\s*no)?|no)\b\.?:?/gi, ' ')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** At most four words of letters: a student's name, or nothing. */
const nameOrNothing = (rest: string) => rest === '' || /^(?:\p{L}+\s?){1,4}$/u.test(rest);

/**
 * A running head or foot, or a note between pages: a line with a page's place ("pg 1/3") or a
 * "contd." note, or a later page's top line with the roll or course, holding nothing else but a
 * name; or an end marker. Wherever it stands on the page: an office document's "footer" is wherever
 * its page broke. (The header on page 1 is read from the page's raw lines, not from these.)
 */
export function isRunningLine(line: Line, page: PageInfo): boolean {
  const t = line.text.trim();
  // (a note sending the reader elsewhere is the student's: "(contd. later)", "contd. on page 4")
  if (/\b(?:later|after|at\s+the\s+end|below|above|see|in\s+q)/i.test(t)) return false;
  for (const m of t.matchAll(/\b(on|to|from)\s+(?:page|pg|p)\.?\s*(\d{1,2})\b/gi)) {
    const to = Number(m[2]);
    if (to !== (m[1].toLowerCase() === 'from' ? page.page - 1 : page.page + 1)) return false;
  }
  if (END.test(t) || PAGE_MARK.test(t)) return true;
  const marked = MARKED.test(t);
  const { box, height } = readingFrame(line, page);
  const laterHead = page.page > 1 && box.y + box.h < height * 0.12 && HEADER_FIELD.test(t);
  return (marked || laterHead) && nameOrNothing(residue(t));
}

/** The lines of a script that are page furniture. */
export function furnitureOf(lines: Line[], pageOf: Map<number, PageInfo>): Set<Line> {
  const out = new Set<Line>();
  let lowest = 0;
  for (const l of lines) {
    const p = pageOf.get(l.page);
    if (p && (isFurniture(l, p) || isRunningLine(l, p) || headerOutOfOrder(l, p, lowest))) out.add(l);
    if (l.page === 1 && p) lowest = Math.max(lowest, readingFrame(l, p).box.y / readingFrame(l, p).height);
  }
  return out;
}

/**
 * Page 1's header line read after the answers below it (a header box beside a two-column page's
 * first column): the roll or course and nothing else but a name, at the top of page 1, where the
 * reading had already gone down a third of the page. (In its place, it is the header.)
 */
function headerOutOfOrder(line: Line, page: PageInfo, lowest: number): boolean {
  if (page.page !== 1 || lowest < 0.33) return false;
  const { box, height } = readingFrame(line, page);
  const t = line.text.trim();
  return box.y + box.h < height * 0.15 && HEADER_FIELD.test(t) && nameOrNothing(residue(t));
}
