// Three-column pages (LaTeX `multicols{3}`, a newspaper's columns): two gutters, near a third and two
// thirds of the page, that no word crosses below the masthead. Each column is read top to bottom, left
// to right; read as one or two columns, a line would join words of three answers.
import type { Line } from '@grader/model';
import { crosses, findGutter, framedBeside, type Gutter, inReadingOrder } from './columns.ts';
import { buildLines, type LayoutWord } from './layout.ts';

const centre = (w: LayoutWord) => w.box.x + w.box.w / 2;

/**
 * The two gutters of a three-column page, or null: each is a two-column page's gutter within the
 * two thirds of the page it divides (the left and middle columns, the middle and right ones), near
 * a third and two thirds of the page's width.
 */
export function findThreeGutters(
  words: LayoutWord[],
  pageWidth: number,
  pageHeight: number,
): [Gutter, Gutter] | null {
  const twoThirds = (pageWidth * 2) / 3;
  const first = findGutter(
    words.filter((w) => centre(w) < twoThirds),
    twoThirds,
    pageHeight,
  );
  if (!first) return null;
  const shift = pageWidth / 3;
  const second = findGutter(
    words.filter((w) => centre(w) >= shift).map((w) => ({ ...w, box: { ...w.box, x: w.box.x - shift } })),
    twoThirds,
    pageHeight,
  );
  if (!second) return null;
  const gutters: [Gutter, Gutter] = [first, { x: second.x + shift, top: second.top }];
  // (near a third and two thirds of the page, columns of like widths: a two-column page whose right
  // column holds a table has a gap inside the table, not a gutter)
  const [a, b] = gutters.map((g) => g.x / pageWidth);
  if (a < 0.27 || a > 0.4 || b < 0.6 || b > 0.73) return null;
  // (of like widths, as a page's columns are set: two columns of answers with notes beside them have a
  // middle "column" twice as wide as the others)
  const left = Math.min(...words.map((w) => w.box.x));
  const right = Math.max(...words.map((w) => w.box.x + w.box.w));
  const widths = [gutters[0].x - left, gutters[1].x - gutters[0].x, right - gutters[1].x];
  return Math.max(...widths) <= Math.min(...widths) * 1.35 ? gutters : null;
}

/**
 * The page's lines, columns left to right, each top to bottom, between the lines that run across a
 * gutter (the masthead, a header, a running foot).
 */
export function threeColumnLines(
  page: number,
  words: LayoutWord[],
  [a, b]: [Gutter, Gutter],
  pageWidth: number,
  pageHeight: number,
): Line[] {
  const top = Math.max(a.top, b.top);
  const spanning = (w: LayoutWord) => crosses(w, a.x) || crosses(w, b.x) || w.box.y + w.box.h <= top;
  const full = buildLines(page, words.filter(spanning));
  const rest = words.filter((w) => !spanning(w));
  const [left, middle, right] = [
    rest.filter((w) => centre(w) < a.x),
    rest.filter((w) => centre(w) >= a.x && centre(w) < b.x),
    rest.filter((w) => centre(w) >= b.x),
  ].map((ws) => buildLines(page, ws));
  // (labels judged at their own column's edge)
  framedBeside(middle, left, pageWidth, pageHeight);
  framedBeside(right, left, pageWidth, pageHeight);
  return inReadingOrder(full, [...left, ...middle, ...right]);
}
