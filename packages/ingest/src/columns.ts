// Two-column pages (LaTeX `twocolumn`, multicol): a gutter runs down the middle of the page that
// no word crosses except full-width lines (a title, the header). Each column is read top to bottom,
// the left before the right, between the full-width lines.
import type { Line } from '@grader/model';
import { notesBeside } from './beside.ts';
import { cellsOf, columnEdges, rowLines, stackedLabel } from './cells.ts';
import { buildLines, type LayoutWord, retext, rowOf, setReadingFrame } from './layout.ts';
import { median } from './median.ts';
import { mergedQuestionTable } from './merged-questions.ts';
import { isSummaryHeading } from './summary.ts';
import { findThreeGutters, threeColumnLines } from './three-columns.ts';

export interface Gutter {
  /** the x where the gutter runs */
  x: number;
  /** where the right column's first row starts: a title block above it spans the page */
  top: number;
}

/** Whether a word runs across the x of a gutter. */
export const crosses = (w: LayoutWord, x: number) => w.box.x < x && w.box.x + w.box.w > x;
/** Where the title or header at the top of the text ends: its top 12 %. */
function titleBandEnd(words: LayoutWord[]): number {
  const top = Math.min(...words.map((w) => w.box.y));
  return top + (Math.max(...words.map((w) => w.box.y + w.box.h)) - top) * 0.12;
}

/**
 * The gutter of a two-column page, or null: an x in the middle band crossed by few words, with
 * a good share of the words on each side and the right column running down much of the page.
 */
export function findGutter(words: LayoutWord[], pageWidth: number, pageHeight?: number): Gutter | null {
  return gutterOf(words, pageWidth, pageHeight) ?? gutterBelowBlock(words, pageWidth, pageHeight);
}

/**
 * Two columns below a block of full-width lines too tall for a title (an index of the answers, an
 * introduction across the page; LaTeX's multicols after them): the gutter of the text below the
 * block, its top at the block's foot. The block stands apart from the columns by a gap, and some of
 * its rows run across the gutter.
 */
function gutterBelowBlock(words: LayoutWord[], pageWidth: number, pageHeight?: number): Gutter | null {
  const body = words.filter(
    (w) => w.text.trim() && (pageHeight === undefined || w.box.y <= pageHeight * 0.93),
  );
  // (a table of the page's rows is read as one: Part | Method | Check | Result)
  if (body.length < 80 || tableRows(words)) return null;
  const rows = new Map<number, LayoutWord[]>();
  for (const w of body) rows.set(rowOf(w), [...(rows.get(rowOf(w)) ?? []), w]);
  const bands = [...rows.values()]
    .map((ws) => ({
      top: Math.min(...ws.map((w) => w.box.y)),
      bottom: Math.max(...ws.map((w) => w.box.y + w.box.h)),
      ws,
    }))
    .sort((a, b) => a.top - b.top);
  const textTop = bands[0].top;
  const textHeight = Math.max(...bands.map((b) => b.bottom)) - textTop;
  const height = median(body.map((w) => w.box.h));
  for (let k = 3; k < bands.length; k++) {
    if (bands[k].top - textTop > textHeight * 0.45) break;
    // (a gap: the block ends where its rows stop following each other at their pitch)
    if (bands[k].top - bands[k - 1].bottom < height * 0.8) continue;
    const below = body.filter((w) => w.box.y >= bands[k].top - 1);
    const g = gutterOf(below, pageWidth, pageHeight);
    // (nothing below the block runs across it: a single column's prose between displayed formulas
    // does; and each side holds lines of text down the page, not a small table's few rows)
    if (!g || below.some((w) => crosses(w, g.x))) continue;
    const sideRows = (left: boolean) =>
      new Set(below.filter((w) => w.box.x + w.box.w <= g.x === left).map(rowOf)).size;
    // (a right column as full as the left: beside a single column's prose, displayed formulas and
    // a table's cells leave the right half the emptier)
    if (sideRows(true) < 12 || sideRows(false) < sideRows(true) * 0.8) continue;
    // (a table's rows may leave the gutter clear between its cells: a few running across will do)
    if (bands.slice(0, k).filter((b) => b.ws.some((w) => crosses(w, g.x))).length >= 2)
      return { x: g.x, top: Math.max(g.top, bands[k].top - 2) };
  }
  return null;
}

function gutterOf(words: LayoutWord[], pageWidth: number, pageHeight?: number): Gutter | null {
  // a page number or running foot centred under both columns crosses the gutter: it is not text
  const foot = (w: LayoutWord) => pageHeight !== undefined && w.box.y > pageHeight * 0.93;
  const body = words.filter((w) => w.text.trim() && !foot(w));
  if (body.length < 40) return null;
  // rows of text (by the middle of their words); a gutter is crossed by few rows: a title, a header
  const rows = new Set(body.map(rowOf)).size;
  let best: { x: number; n: number } | null = null;
  const centre = pageWidth / 2;
  // a row whose words at x are only a word space apart is crossed too: an x in the space between
  // two words of one left-column line ("since the | dot product") is no gutter
  // (below the header: a header line may cross the gutter anyway)
  const titleEnd = titleBandEnd(body);
  const byRow = new Map<number, LayoutWord[]>();
  for (const w of body.filter((w) => w.box.y > titleEnd))
    byRow.set(rowOf(w), [...(byRow.get(rowOf(w)) ?? []), w]);
  // (a word space grows with the type: a large print's 20 pt sets its words 7 pt apart)
  const spaced = (ws: LayoutWord[], x: number) => {
    const left = ws.filter((w) => w.box.x + w.box.w <= x);
    const right = ws.filter((w) => w.box.x >= x);
    const before = Math.max(...left.map((w) => w.box.x + w.box.w));
    const after = Math.min(...right.map((w) => w.box.x));
    const size = Math.min(...[...left, ...right].map((w) => w.box.h));
    return after - before < Math.max(6, size * 0.45);
  };
  // (a place no row below the title crosses is preferred to one that a row there crosses however
  // the title rows fall: a centred header above the columns, "Name  Lalthanmawii Colney", crosses the
  // true gutter and must not pull the cut into the left column where a formula runs into the gutter)
  let open: { x: number; n: number } | null = null;
  for (let x = Math.round(pageWidth * 0.35); x <= pageWidth * 0.65; x += 2) {
    const crossing = body.filter((w) => crosses(w, x));
    const spacedRows = [...byRow.values()].filter(
      (ws) => !ws.some((w) => crosses(w, x)) && spaced(ws, x),
    ).length;
    const n = new Set(crossing.map(rowOf)).size + spacedRows;
    // of equally clear places, the one nearest the middle of the page
    const nearer = (b: { x: number; n: number } | null) =>
      !b || n < b.n || (n === b.n && Math.abs(x - centre) < Math.abs(b.x - centre));
    if (nearer(best)) best = { x, n };
    if (!crossing.some((w) => w.box.y > titleEnd) && spacedRows === 0 && nearer(open)) open = { x, n };
  }
  if (open && best && open.n > best.n) best = open;
  if (!best || best.n > rows * 0.08) return null;
  const x = best.x;
  if (proseAcross(byRow, x) >= 2) return null;
  const left = body.filter((w) => w.box.x + w.box.w <= x);
  const right = body.filter((w) => w.box.x >= x);
  if (left.length < body.length * 0.2 || right.length < 10) return null;
  // the right column must run down the page, not be a table's last column
  const span = (ws: LayoutWord[]) =>
    Math.max(...ws.map((w) => w.box.y + w.box.h)) - Math.min(...ws.map((w) => w.box.y));
  const textHeight = span(body);
  // (a short right column is a column still when it starts level with the top of the text: the
  // last answers of a one-page script)
  // (below a header of a few lines on the left: "Name - …", "Roll - …", the course line)
  const rightFromTop =
    Math.min(...right.map((w) => w.box.y)) - Math.min(...body.map((w) => w.box.y)) <
    Math.max(30, Math.min(80, textHeight * 0.1));
  // a justified left column (most of its rows end at one edge, just left of the gutter) beside
  // text at the top of the right half is two columns however little the right one holds (the
  // tail of an answer continued from the page before)
  // where each row (4 pt bands) of the right side starts, and where each of the left's starts and ends
  const band = (w: LayoutWord) => Math.round(w.box.y / 4);
  const rowStart = new Map<number, number>();
  for (const w of right) {
    const row = band(w);
    rowStart.set(row, Math.min(rowStart.get(row) ?? Number.POSITIVE_INFINITY, w.box.x));
  }
  const leftRow = new Map<number, { start: number; end: number }>();
  for (const w of left) {
    const row = band(w);
    const had = leftRow.get(row) ?? { start: Number.POSITIVE_INFINITY, end: Number.NEGATIVE_INFINITY };
    leftRow.set(row, { start: Math.min(had.start, w.box.x), end: Math.max(had.end, w.box.x + w.box.w) });
  }
  // (or, with ragged lines, when nothing on the page crosses the gutter, the right half's rows start
  // at one edge and a few of the left's reach an edge a gutter's width from it: a tail of prose
  // beside a column of short lines and displayed maths)
  const rightEdge = Math.min(...rowStart.values());
  const leftEnds = [...leftRow.values()].map((l) => l.end);
  const leftEdgeEnd = Math.max(...leftEnds);
  const ragged =
    best.n === 0 &&
    [...rowStart.values()].filter((s) => s - rightEdge <= 3).length >= 3 &&
    rightEdge - leftEdgeEnd < 15 &&
    leftEnds.filter((e) => leftEdgeEnd - e <= 3).length >= 3;
  const shortTail = rightFromTop && (justifiedBefore(left, x) || ragged) && span(left) >= textHeight * 0.7;
  if (right.length < body.length * 0.2 && !shortTail) return null;
  // (a column holds rows: the ends of two long lines of large print past a gap are none; a line's
  // subscripts, set lower in a smaller size, are no row of their own)
  const bodySize = median(body.map((w) => w.box.h));
  const tops = right.map((w) => w.box.y).sort((a, b) => a - b);
  const rightLines = tops.filter((y, k) => k === 0 || y - tops[k - 1] > bodySize * 0.6).length;
  if (rightLines < 3 && !shortTail) return null;
  if (
    (span(right) < textHeight * 0.4 && !(rightFromTop && span(right) >= textHeight * 0.2) && !shortTail) ||
    span(left) < textHeight * 0.4
  )
    return null;
  // rows with words on both sides are split by a real gutter, wider than a space between words
  // (justified single-column text also leaves a line of small gaps somewhere near the middle)
  const rowsOf = (ws: LayoutWord[]) => {
    const m = new Map<number, LayoutWord[]>();
    for (const w of ws) {
      const r = rowOf(w);
      m.set(r, [...(m.get(r) ?? []), w]);
    }
    return m;
  };
  const leftRows = rowsOf(left);
  if (labelColumn(leftRows, rowsOf(right), x)) return null;
  const gaps: number[] = [];
  for (const [r, ws] of rowsOf(right)) {
    const l = leftRows.get(r);
    if (!l) continue;
    gaps.push(Math.min(...ws.map((w) => w.box.x)) - Math.max(...l.map((w) => w.box.x + w.box.w)));
  }
  gaps.sort((a, b) => a - b);
  // (wider as the type grows: large print's word spaces are a third of its 20 pt)
  if (gaps.length && gaps[Math.floor(gaps.length / 2)] < Math.max(9, bodySize * 0.6)) return null;

  // and the right column's rows start at a common left edge (a column), not at scattered places
  // the column's edge is where most rows start (a centred title line may start elsewhere)
  const votes = new Map<number, number>();
  for (const x0 of rowStart.values()) votes.set(Math.round(x0 / 4), (votes.get(Math.round(x0 / 4)) ?? 0) + 1);
  const edge = 4 * [...votes.entries()].sort((a, b) => b[1] - a[1])[0][0];
  // (a centred header line the gutter cuts, "CS60010 CT | 3, 15/3/21" or "Zoya Mirza | 22PH29471",
  // runs across: above the left column's first line at its edge, its left half starts well in from
  // that edge and reaches the gutter; a smaller font on the line sits a row off, the roll beside a
  // large name)
  const leftEdge = Math.min(...left.map((w) => w.box.x));
  const leftTop = Math.min(...left.filter((w) => w.box.x - leftEdge < 12).map(band));
  const across = (row: number, x0: number) => {
    const near = [row - 1, row, row + 1].flatMap((r) => leftRow.get(r) ?? []);
    if (!near.length || row + 1 >= leftTop) return false;
    const start = Math.min(...near.map((l) => l.start));
    return start > leftEdge + (x - leftEdge) * 0.3 && x0 - Math.max(...near.map((l) => l.end)) < 24;
  };
  const atEdge = [...rowStart.entries()].filter(([, x0]) => Math.abs(x0 - edge) < 12);
  // (such a line still starts at the edge: it counts for the column, not for where it starts)
  // (nor does a line across the gutter, or whose two halves are a word space apart at it: a centred header,
  // "CS60010 CT | 3, 15/3/21", is one line however near its second half starts to the column's edge)
  // (rows here are the 4 pt bands of `rowStart`)
  const rowWords = new Map<number, LayoutWord[]>();
  for (const w of body) rowWords.set(band(w), [...(rowWords.get(band(w)) ?? []), w]);
  const bridged = (row: number) => {
    const ws = rowWords.get(row) ?? [];
    // (or a word of it runs across: "Ketan Prajapati | 22AE…" centred over the gutter, its words of
    // mixed sizes a row apart by their middles)
    const near = [row - 1, row, row + 1].flatMap((r) => rowWords.get(r) ?? []);
    if (near.some((w) => crosses(w, x))) return true;
    return ws.some((w) => w.box.x + w.box.w <= x) && ws.some((w) => w.box.x >= x) && spaced(ws, x);
  };
  const columnRows = atEdge.filter(([row, x0]) => !across(row, x0) && !bridged(row));
  // a column of displayed maths starts its rows anywhere; it still runs down the page beside the
  // other, and nothing but the title crosses between them
  // (a title of several lines at the top of the text may cross: nothing below it may)
  const crossingBeside = new Set(body.filter((w) => crosses(w, x) && w.box.y > titleEnd).map(rowOf)).size;
  const tall =
    span(right) >= textHeight * 0.7 &&
    span(left) >= textHeight * 0.7 &&
    (best.n <= 1 || crossingBeside === 0);
  // (a gutter no row below the title crosses, with text down much of both sides, is one however the
  // right column's rows start: a LaTeX page of short displayed formulas in each column)
  const clear = crossingBeside === 0 && span(right) >= textHeight * 0.4 && span(left) >= textHeight * 0.4;
  if (atEdge.length < rowStart.size * 0.4 && !tall && !clear) return null;
  let top = columnRows.length
    ? 4 * Math.min(...columnRows.map(([row]) => row)) - 2
    : Math.min(...right.map((w) => w.box.y)) - 2;
  // columns start near the top of the text (below a title); material that starts far down the
  // right half is a table or a displayed formula in a single-column page
  const textTop = Math.min(...body.map((w) => w.box.y));
  const nearTop = (y: number) => y - textTop <= Math.max(textHeight * 0.25, 120);
  // (below a header line so set aside, the right column starts at its first words, a centred
  // heading too: "IV (a)" centred in the column above the rows at its edge)
  const setAside = [...rowWords.keys()]
    .filter((row) => 4 * row <= top + 2 && bridged(row))
    .flatMap((row) => rowWords.get(row) ?? []);
  // (only where the columns started near the top already: a page of prose whose note runs across
  // is no two columns because a table's cell stands right of the middle below it)
  if (setAside.length && nearTop(top)) {
    const under = Math.max(...setAside.map((w) => w.box.y + w.box.h));
    const firstRight = right.filter((w) => w.box.y > under).map((w) => w.box.y);
    if (firstRight.length) top = Math.min(top, Math.min(...firstRight) - 2);
  }
  // columns of displayed maths whose first rows start off the column's edge: the right column
  // starts at its first row with nothing on the left (the header rows above have the left side)
  if (!nearTop(top) && tall) {
    const leftRowsSet = new Set(left.map(rowOf));
    const firstRightOnly = right.filter((w) => !leftRowsSet.has(rowOf(w))).map((w) => w.box.y);
    if (firstRightOnly.length) top = Math.min(top, Math.min(...firstRightOnly) - 2);
  }
  // (a question's heading that starts the right column level with the left column's text, hanging
  // left of the column's edge as labels do: "Note: I have answered Q3 …" beside "Section D — Question 4")
  const below = Math.max(
    Number.NEGATIVE_INFINITY,
    ...body.filter((w) => (crosses(w, x) || bridged(band(w))) && w.box.y < top).map((w) => w.box.y + w.box.h),
  );
  const allRows = new Map<number, LayoutWord[]>();
  for (const w of body) allRows.set(rowOf(w), [...(allRows.get(rowOf(w)) ?? []), w]);
  for (const [row, ws] of allRows) {
    const r = ws.filter((w) => w.box.x >= x).sort((a, b) => a.box.x - b.box.x);
    const y = Math.min(...ws.map((w) => w.box.y));
    if (y >= top || y <= below || !r.length || ws.some((w) => crosses(w, x))) continue;
    if (!ws.some((w) => w.box.x + w.box.w <= x && w.box.x - leftEdge < 12)) continue;
    if (HEADING_START.test(r.map((w) => w.text).join(' ')) && rowOf(r[0]) === row) top = y - 2;
  }
  // (with nothing crossing below the title, the right column starts with the text running up to
  // its first row at the edge without a break: a displayed formula opening the column, centred off
  // its edge, beside the left column's first lines; not a header's "Roll: …" standing above)
  if (crossingBeside === 0) {
    const rightTops = [...new Set(right.map((w) => w.box.y))].sort((a, b) => b - a);
    const height = median(body.map((w) => w.box.h));
    for (const y of rightTops) {
      // (level with the left column's first line at its edge or below: a header above stays one)
      if (y >= top || y <= below || y < leftTop * 4 - 4) continue;
      if (top - y > height * 2) break;
      top = y - 2;
    }
  }
  if (!nearTop(top)) return null;
  return { x, top };
}

/** A part's heading in an answer's own word: "Soln. 2(a)", "Ans 3 (b)", "Question 4 part (a)". */
const COLUMN_HEADING =
  /^(?:soln?\.?|solution|ans(?:wer)?\.?|question|ques\.?|q\.?|part|problem)\s*\d{1,2}\s*[.(]?\s*[a-h]?\b/i;

/** A question's heading or a part's label opening a line: "Section D — Question 4", "Q4.", "(a)". */
const HEADING_START = /^(?:section|part|question|ques|problem|q\s*\.?\s*\d|\(?[a-h]\)|\d{1,2}\s*[.)])/i;

/**
 * How many rows of prose run on across `x` between text right of it (above and below): words spaced as
 * words are, through x ("Part B: When f_t = 1 the forget gate is fully | on so the cell forgets …", a
 * paragraph between tables of "Working | Answer"). Columns have none: text runs across them only in a
 * title above them or a summary below.
 */
function proseAcross(byRow: Map<number, LayoutWord[]>, x: number): number {
  const running = [...byRow.entries()].filter(([, ws]) => {
    if (!ws.some((w) => crosses(w, x))) return false;
    const near = ws
      .filter((w) => w.box.x + w.box.w > x - 100 && w.box.x < x + 100)
      .sort((a, b) => a.box.x - b.box.x);
    const chained = near.every((w, k) => k === 0 || w.box.x - (near[k - 1].box.x + near[k - 1].box.w) < 8);
    return chained && near.some((w) => w.box.x + w.box.w < x - 40) && near.some((w) => w.box.x > x + 40);
  });
  // (between the right column's own text: footnotes across the foot of a two-column page are below it;
  // their raised marks, a lone "t", are no text)
  const prose = new Set(running.map(([row]) => row));
  const rightRows = [...byRow.entries()]
    .filter(([row, ws]) => !prose.has(row) && ws.filter((w) => w.box.x > x).length >= 2)
    .map(([, ws]) => ws[0].box.y);
  return running.filter(([, ws]) => {
    const y = ws[0].box.y;
    return rightRows.some((r) => r < y) && rightRows.some((r) => r > y);
  }).length;
}

/**
 * Whether `words` end at a justified column's edge within 40 pt left of `x`: ten rows or more (and
 * a tenth of them: displayed maths ends anywhere) flush with it, none beyond.
 */
function justifiedBefore(words: LayoutWord[], x: number): boolean {
  const ends = new Map<number, number>();
  for (const w of words) {
    const r = rowOf(w);
    ends.set(r, Math.max(ends.get(r) ?? 0, w.box.x + w.box.w));
  }
  // (the edge most rows reach: an overfull line may stick out past it)
  const all = [...ends.values()];
  const flushTo = (edge: number) => all.filter((e) => Math.abs(edge - e) <= 3).length;
  const edge = all
    .filter((e) => e >= x - 40 && e <= x)
    .reduce((b, e) => (flushTo(e) > flushTo(b) ? e : b), 0);
  if (edge < x - 40 || all.some((e) => e > x)) return false;
  const flush = flushTo(edge);
  return flush >= 10 && flush >= ends.size * 0.1;
}

/**
 * A page's lines in reading order, honouring two columns when there are. Full-width lines cut the
 * page into bands; within a band, the left column's lines come before the right column's.
 */
export function buildPageLines(
  page: number,
  words: LayoutWord[],
  pageWidth: number,
  pageHeight: number,
  /** a part's label opening a line: the right column of notes beside answers holds none */
  isLabel?: (text: string) => boolean,
): Line[] {
  const engineLines = words.some((w) => w.line !== undefined);
  // (a table of three columns, Part | Answer | Working, is read by its rows)
  const three = engineLines || tableRows(words) ? null : findThreeGutters(words, pageWidth, pageHeight);
  if (three) return threeColumnLines(page, words, three, pageWidth, pageHeight);
  const gutter = engineLines ? null : findGutter(words, pageWidth, pageHeight);
  if (!gutter) {
    const bands = engineLines ? [] : sideBySide(words, pageWidth);
    if (bands.length) return bandedLines(page, words, bands, pageWidth, pageHeight);
    const rows = engineLines ? null : tableRows(words);
    if (rows) return rows.flatMap((row) => rowLines(page, row));
    return (engineLines ? null : mergedQuestionTable(page, words)) ?? buildLines(page, words);
  }
  // running feet sit below both columns: they read as one full-width line (a running head above
  // them crosses the gutter or sits above the right column's top; a top band by height alone
  // would take a LaTeX page's first row, the header beside the right column's first line)
  // (a column's own last line can reach that low: it is a foot only when it stands apart from the
  // text above it, more than a line's spacing below its column's other lines)
  const low = (w: LayoutWord) => w.box.y > pageHeight * 0.93;
  const sideOf = (w: LayoutWord) => (w.box.x + w.box.w / 2 < gutter.x ? 'l' : 'r');
  // the bottom of the nearest text above a word, in its column
  const above = (w: LayoutWord) =>
    Math.max(
      Number.NEGATIVE_INFINITY,
      ...words
        .filter((o) => o !== w && sideOf(o) === sideOf(w) && o.box.y < w.box.y - w.box.h * 0.5)
        .map((o) => o.box.y + o.box.h),
    );
  // (a low row no word crosses, starting at both columns' own edges, is each column's last line,
  // not a foot: "∴ h_t ≈ (0.6044, 0, 0)" below a table on the left beside "∴ 72 parameters")
  const upper = words.filter((w) => !low(w) && !crosses(w, gutter.x));
  const colEdge = {
    l: Math.min(...upper.filter((w) => sideOf(w) === 'l').map((w) => w.box.x)),
    r: Math.min(...upper.filter((w) => sideOf(w) === 'r').map((w) => w.box.x)),
  };
  const lowRows = new Map<number, LayoutWord[]>();
  for (const w of words.filter(low)) lowRows.set(rowOf(w), [...(lowRows.get(rowOf(w)) ?? []), w]);
  const endRows = new Set(
    [...lowRows]
      .filter(([, ws]) => {
        if (ws.some((w) => crosses(w, gutter.x))) return false;
        const start = (side: 'l' | 'r') =>
          Math.min(...ws.filter((w) => sideOf(w) === side).map((w) => w.box.x));
        return (
          start('l') - colEdge.l < 20 &&
          start('l') >= colEdge.l - 3 &&
          start('r') - colEdge.r < 20 &&
          start('r') >= colEdge.r - 3
        );
      })
      .map(([r]) => r),
  );
  // (with the marks above or below them on those lines: a raised "⊤" is on its line's row too)
  const ends = words.filter((w) => endRows.has(rowOf(w)));
  const onColumnEnd = (w: LayoutWord) =>
    ends.some((e) => sideOf(e) === sideOf(w) && w.box.y < e.box.y + e.box.h && w.box.y + w.box.h > e.box.y);
  // (nor is a part's heading at its column's edge, set off by a heading's space: "Soln. 2(a)" at the
  // left column's foot, its answer at the right column's top)
  const lowHeading = (w: LayoutWord) => {
    const side = sideOf(w);
    const row = words
      .filter((o) => rowOf(o) === rowOf(w) && sideOf(o) === side)
      .sort((a, b) => a.box.x - b.box.x);
    const text = row.map((o) => o.text).join(' ');
    // (nor an equation displayed at the column's foot, "4 (15 + 3) = 72.": a running foot holds no maths)
    return (
      !row.some((o) => crosses(o, gutter.x)) &&
      ((Math.abs(row[0].box.x - colEdge[side]) < 3 && COLUMN_HEADING.test(text)) ||
        /\d\s*\)?\s*=\s*\d/.test(text))
    );
  };
  const edgeBand = (w: LayoutWord) =>
    low(w) &&
    !onColumnEnd(w) &&
    (crosses(w, gutter.x) || (w.box.y - above(w) > Math.max(6, w.box.h * 0.8) && !lowHeading(w)));
  // a title or header line that crosses the gutter is full-width as a whole: the roll number right
  // of the gutter belongs to the name line it stands on, not to the right column (below the title a
  // crossing formula takes only its own words: the other column's line beside it stays there)
  const titleEnd = titleBandEnd(words.filter((w) => !edgeBand(w)));
  const crossingRows = new Set(words.filter((w) => crosses(w, gutter.x) && w.box.y <= titleEnd).map(rowOf));
  const overflow = leftOverflow(words, gutter.x, colEdge.r, titleEnd);
  const foot = proseBelowColumns(
    words.filter((w) => !edgeBand(w) && !overflow.has(w)),
    gutter.x,
    colEdge.l,
    Math.max(...upper.filter((w) => sideOf(w) === 'r').map((w) => w.box.x + w.box.w)),
  );
  const spanning = (w: LayoutWord) =>
    (crosses(w, gutter.x) && !overflow.has(w)) ||
    crossingRows.has(rowOf(w)) ||
    edgeBand(w) ||
    w.box.y + w.box.h <= gutter.top ||
    w.box.y >= foot;
  const spanningWords = words.filter(spanning);
  const full = buildLines(page, spanningWords);
  const rest = words.filter((w) => !spanning(w));
  // (within two columns only a table filling them: a run of table rows beside prose would read
  // the prose rows across both columns)
  const rows = tableRows(rest, false);
  if (rows)
    return inReadingOrder(
      full,
      rows.flatMap((row) => rowLines(page, row)),
    );
  const left = buildLines(
    page,
    rest.filter((w) => w.box.x + w.box.w / 2 < gutter.x || overflow.has(w)),
  );
  const right = marginLabelsFirst(
    buildLines(
      page,
      rest.filter((w) => w.box.x + w.box.w / 2 >= gutter.x && !overflow.has(w)),
    ),
  );
  framedBeside(right, left, pageWidth, pageHeight);
  const notes = isLabel ? notesBeside(left, right, isLabel) : null;
  if (notes) return inReadingOrder(full, notes);
  // a summary of the answers set below both columns (its heading and rows in the left half, a row
  // running across): read after the right column, where a summary ends the script
  // (the right column ended above it; what stands right of the gutter below it are pieces of the
  // table's own rows, level with rows on the left)
  const summary = left.find(
    (l) =>
      isSummaryHeading(l.text) &&
      right.some((r) => r.box.y < l.box.y) &&
      right
        .filter((r) => r.box.y + r.box.h > l.box.y)
        .every((r) => left.some((o) => o.box.y > l.box.y && Math.abs(o.box.y - r.box.y) < 8)),
  );
  if (summary) {
    const below = (l: Line) => l.box.y >= summary.box.y - 1;
    return [
      ...inReadingOrder(
        full.filter((l) => !below(l)),
        [...left.filter((l) => !below(l)), ...right],
      ),
      ...[...left, ...full].filter(below).sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x),
    ];
  }
  return inReadingOrder(full, [...left, ...right]);
}

/** A part's label as a margin note sets it: "4(b)", "5", "1(b)(ii)", "Q3". */
const MARGIN_LABEL = /^(?:q\.?)?\d{1,2}(?:\(?[a-h]\)?)?(?:\(?[ivx]{1,4}\)?)?$/i;

/**
 * The right column's lines with a label in its outer margin read first ("Following only the
 * cell-state path,  4(b)"): LaTeX sets a \marginpar there, in a smaller size, right of the column's
 * right edge, as it sets the left column's in the left margin, where they open their lines already.
 */
function marginLabelsFirst(lines: Line[]): Line[] {
  const marginal = (l: Line) => {
    const last = l.words.at(-1);
    if (!last || l.words.length < 2 || !MARGIN_LABEL.test(last.text)) return false;
    return last.box.h < median(l.words.slice(0, -1).map((w) => w.box.h)) * 0.9;
  };
  const edge = Math.max(
    Number.NEGATIVE_INFINITY,
    ...lines.filter((l) => !marginal(l)).map((l) => l.box.x + l.box.w),
  );
  return lines.map((l) => {
    const last = l.words.at(-1);
    if (!last || !marginal(l) || last.box.x < edge + 2) return l;
    const body = l.text.slice(0, l.text.lastIndexOf(last.text)).trimEnd();
    return retext(l, `${last.text} ${body}`, [last, ...l.words.slice(0, -1)]);
  });
}

/**
 * Where prose across the whole page starts below both columns (LaTeX's text after
 * `\end{multicols}`, a letter's P.S. under two columns of answers), or +Infinity. From that row
 * down, text stands right of the gutter only in rows that run across it, none of the right column's
 * own, and at least two of them run from the left column's edge to near the right column's.
 */
function proseBelowColumns(words: LayoutWord[], gutterX: number, leftEdge: number, rightEnd: number): number {
  const rows = new Map<number, LayoutWord[]>();
  for (const w of words) if (w.text.trim()) rows.set(rowOf(w), [...(rows.get(rowOf(w)) ?? []), w]);
  const sorted = [...rows.entries()].sort((a, b) => b[0] - a[0]);
  let top = Number.POSITIVE_INFINITY;
  let across = 0;
  for (const [, ws] of sorted) {
    const start = Math.min(...ws.map((w) => w.box.x));
    const end = Math.max(...ws.map((w) => w.box.x + w.box.w));
    // (a row of raised or lowered marks only, an accent or a subscript, belongs to the row beside it)
    if (end <= gutterX || ws.every((w) => w.text.trim().length <= 3 && !crosses(w, gutterX))) continue;
    if (!ws.some((w) => crosses(w, gutterX))) break;
    // (a display formula centred across the page runs over the gutter too, short of both edges)
    if (start <= leftEdge + 20 && end >= rightEnd - 40) across++;
    top = Math.min(...ws.map((w) => w.box.y));
  }
  return across >= 2 ? top - 1 : Number.POSITIVE_INFINITY;
}

/**
 * A left column's formula running into the gutter ("… C_k = ∑" with its "α_kj h_j" set past the
 * gutter, short of the right column's edge): the words glued to a left-column word on its row
 * (no space between), the first starting before the right column's edge. They are the left
 * line's, not a full-width line that would cut both columns there.
 */
function leftOverflow(
  words: LayoutWord[],
  gutterX: number,
  rightEdge: number,
  titleEnd: number,
): Set<LayoutWord> {
  const out = new Set<LayoutWord>();
  const byRow = new Map<number, LayoutWord[]>();
  for (const w of words) if (w.box.y > titleEnd) byRow.set(rowOf(w), [...(byRow.get(rowOf(w)) ?? []), w]);
  for (const [r, ws] of byRow) {
    // (a raised or lowered piece of the formula sits a row off: its neighbours' words count too)
    const near = [...ws, ...(byRow.get(r - 1) ?? []), ...(byRow.get(r + 1) ?? [])];
    const start = ws
      .filter((w) => w.box.x + w.box.w > gutterX && w.box.x < rightEdge - 0.5)
      .sort((a, b) => a.box.x - b.box.x);
    for (const w of start) {
      if (out.has(w)) continue;
      const glued = (a: LayoutWord, b: LayoutWord) =>
        b.box.x - (a.box.x + a.box.w) < 2.5 && b.box.x >= a.box.x;
      const leftWord = near.find((u) => u.box.x + u.box.w <= gutterX + 1 && glued(u, w));
      if (!leftWord) continue;
      // (and on along the run, while no space parts it)
      let last = w;
      out.add(w);
      for (const next of near.filter((o) => o.box.x > w.box.x).sort((a, b) => a.box.x - b.box.x)) {
        if (!glued(last, next)) break;
        out.add(next);
        last = next;
      }
    }
  }
  return out;
}

/** A right column's lines are indented from their column's edge, not the page's: labels are judged there. */
export function framedBeside(right: Line[], left: Line[], pageWidth: number, pageHeight: number): void {
  const shift = Math.min(...right.map((l) => l.box.x)) - Math.min(...left.map((l) => l.box.x));
  if (!Number.isFinite(shift)) return;
  for (const l of right)
    setReadingFrame(l, {
      box: { ...l.box, x: l.box.x - shift },
      width: pageWidth - shift,
      height: pageHeight,
    });
}

/** Full-width lines cut the page into bands; within a band, `ordered`'s lines in their order. */
export function inReadingOrder(full: Line[], ordered: Line[]): Line[] {
  const out: Line[] = [];
  const mid = (l: Line) => l.box.y + l.box.h / 2;
  let from = Number.NEGATIVE_INFINITY;
  for (const f of [...full, null]) {
    const to = f ? mid(f) : Number.POSITIVE_INFINITY;
    out.push(...ordered.filter((l) => mid(l) >= from && mid(l) < to));
    if (f) out.push(f);
    from = to;
  }
  return out;
}

/**
 * A table whose cells sit side by side (Part | Answer | Working), not two columns of text: the
 * page's words fall into rows separated by strips no word enters, and most rows have words on
 * both sides. A label centred in a tall row then still comes before its row's other cells.
 * Null when the words are not such a table (two columns of text share no such strips). Each row
 * comes as its cells, left to right.
 */
export function tableRows(words: LayoutWord[], partial = true): LayoutWord[][][] | null {
  const sorted = [...words].filter((w) => w.text.trim()).sort((a, b) => a.box.y - b.box.y);
  if (sorted.length < 20) return null;
  // the space between two lines of one cell (their pitch less their height; lines of an office
  // table overlap, LaTeX's leave a little); rows are parted by a strip clearly wider than that
  const height = median(sorted.map((w) => w.box.h));
  // main-size words' tops, those of one line together: the pitch is the usual step between them
  // (taken down the page's commonest left edge: the lines of one column, not a label between them)
  // (every column's edge: the commonest alone may be the label column, one line per row, whose
  // steps are the rows' heights)
  const lefts = new Map<number, number>();
  for (const w of sorted) lefts.set(Math.round(w.box.x / 2), (lefts.get(Math.round(w.box.x / 2)) ?? 0) + 1);
  const top = Math.max(...lefts.values());
  const columns = [...lefts.entries()].filter(([, n]) => n >= Math.max(3, top * 0.3)).map(([e]) => e);
  // (the commonest step, to the half point: labels centred between lines add odd ones)
  const steps = new Map<number, number>();
  for (const edge of columns) {
    const tops: number[] = [];
    for (const w of sorted.filter((w) => w.box.h >= height * 0.85 && Math.round(w.box.x / 2) === edge))
      if (!tops.length || w.box.y - tops[tops.length - 1] > height * 0.6) tops.push(w.box.y);
    for (const [i, t] of tops.slice(1).entries()) {
      const d = Math.round((t - tops[i]) * 2) / 2;
      if (d > height * 0.6) steps.set(d, (steps.get(d) ?? 0) + 1);
    }
  }
  const pitch = [...steps.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? height * 1.2;
  const strip = pitch - height + Math.max(2, pitch * 0.2);
  // rows from the main-size words (sub- and superscripts sit lower or higher and would bridge
  // the strip between rows); the small ones then join the row they sit in
  const main = (w: LayoutWord) => w.box.h >= height * 0.85;
  const rows: TableRow[] = [];
  for (const w of sorted.filter(main)) {
    const last = rows.at(-1);
    if (last && w.box.y < last.bottom + strip) {
      last.words.push(w);
      last.bottom = Math.max(last.bottom, w.box.y + w.box.h);
    } else rows.push({ words: [w], top: w.box.y, bottom: w.box.y + w.box.h });
  }
  if (!rows.length) return null;
  for (const w of sorted.filter((x) => !main(x))) {
    const mid = w.box.y + w.box.h / 2;
    const dist = (r: (typeof rows)[number]) =>
      mid < r.top ? r.top - mid : mid > r.bottom ? mid - r.bottom : 0;
    rows.reduce((a, b) => (dist(b) < dist(a) ? b : a)).words.push(w);
  }
  // a row with a narrow first cell (the part's label) beside the others: two columns of text
  // are each about half the page wide
  const width = (ws: LayoutWord[]) =>
    Math.max(...ws.map((w) => w.box.x + w.box.w)) - Math.min(...ws.map((w) => w.box.x));
  const edges = columnEdges(sorted);
  let sided = rows.filter((r) => {
    const cells = cellsOf(r.words, edges);
    // (a label, not a bullet or a dash before each line of a list)
    return (
      cells.length >= 2 &&
      width(cells[0]) <= width(r.words) * 0.25 &&
      cells[0].some((w) => /[A-Za-z0-9]/.test(w.text)) &&
      cells[0].map((w) => w.text).join('').length <= 16 &&
      new Set(cells[0].map(rowOf)).size <= 3
    );
  });
  // (a table on part of the page, prose below it: its rows, three or more in a run, are the table;
  // the page's other rows read as lines)
  const mixed = sided.length < rows.length * 0.6;
  if (mixed && !partial) return null;
  const inBlock = new Set<(typeof rows)[number]>();
  let run: typeof rows = [];
  const close = () => {
    if (run.length >= 3) for (const r of run) inBlock.add(r);
    run = [];
  };
  for (const r of rows) {
    if (sided.includes(r)) run.push(r);
    else close();
  }
  close();
  if (mixed) sided = sided.filter((r) => inBlock.has(r));
  if (sided.length < 4) return null;
  // and reading by rows is what a line-by-line reading gets wrong: a third column beside the
  // answer (working, reasons), or labels set between the answer's lines (centred in the row)
  const offGrid = (r: { words: LayoutWord[] }) => {
    const [label, ...others] = cellsOf(r.words, edges);
    const y = Math.min(...label.map((w) => w.box.y));
    return !others.flat().some((w) => Math.abs(w.box.y - y) < height * 0.3);
  };
  // (a third column counts where the label stands apart from its answer, not where a column edge
  // of a small table lower down runs between "Q1" and "b) ii) h_t = …" on one line of text)
  const apart = (r: { words: LayoutWord[] }) => {
    const [label] = cellsOf(r.words, edges);
    const row = rowOf(label[0]);
    const line = r.words.filter((w) => rowOf(w) === row).sort((a, b) => a.box.x - b.box.x);
    // a gap wider than a space near the row's left, where a label column ends
    const left = Math.min(...r.words.map((w) => w.box.x));
    const limit = left + width(r.words) * 0.3;
    return line.some((w, k) => {
      const end = k > 0 ? line[k - 1].box.x + line[k - 1].box.w : Number.POSITIVE_INFINITY;
      return end <= limit && w.box.x - end >= 8;
    });
  };
  const wide = sided.filter((r) => cellsOf(r.words, edges).length >= 3 && apart(r)).length;
  // a "label cell" whose neighbour starts with the rest of the label ("Q1" | "b) ii) h_t = …") is
  // the start of a line of text, not a column of labels
  const cutLabel = sided.filter((r) => {
    const next = cellsOf(r.words, edges)[1];
    const first = [...next].sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x)[0];
    return /^\(?(?:[a-h]|[ivx]{1,4})\)/i.test(first?.text ?? '');
  }).length;
  if (cutLabel >= sided.length / 3) return null;
  // (or a label set over two or three lines of its cell, "2" over "(b)": read line by line, its
  // pieces would open the answer's lines)
  const stacked = (r: { words: LayoutWord[] }) =>
    stackedLabel(buildLines(0, cellsOf(r.words, edges)[0]).map((l) => l.text));
  if (wide < sided.length * 0.5 && sided.filter((r) => offGrid(r) || stacked(r)).length < sided.length * 0.5)
    return null;
  // and the cell beside the label starts at one x in nearly every row of several lines (a heading
  // row, "part | answer | working", centres its words): a column of the table
  const lines = (r: { words: LayoutWord[] }) => new Set(r.words.map(rowOf)).size;
  const tall = sided.filter((r) => lines(r) >= 2);
  const starts = tall.map((r) => Math.min(...cellsOf(r.words, edges)[1].map((w) => w.box.x)));
  const at = median(starts);
  if (starts.filter((x) => Math.abs(x - at) <= 10).length < Math.max(4, tall.length * 0.75)) return null;
  // rows of several lines (rows of one line read right as lines already, and a table's heading
  // rows are such), none a whole column of text that happens to share no gap with its neighbour
  if (tall.length < Math.max(4, sided.length * 0.4) || sided.some((r) => lines(r) > 40)) return null;
  // (a cell spanning rows, a time or marks column centred beside them, bridges their strips: in a
  // table, each label of a label cell holding several opens a row of its own)
  return rows.flatMap((r) =>
    !mixed || inBlock.has(r) ? apartAtLabels(r, edges).map((p) => cellsOf(p.words, edges)) : [[r.words]],
  );
}

type TableRow = { words: LayoutWord[]; top: number; bottom: number };

/**
 * A row whose label cell holds two labels or more ("3(a)" / "3(b)", a cell of another column spanning
 * both rows bridged the strip between them): one row per label, parted at the widest strip no word
 * enters between a label and the next. The row as it is when no such strip is found.
 */
function apartAtLabels(row: TableRow, edges: number[]): TableRow[] {
  const [first, ...others] = cellsOf(row.words, edges);
  if (!others.length) return [row];
  const labels = buildLines(0, first).filter((l) => CELL_LABEL.test(l.text.trim()));
  if (labels.length < 2) return [row];
  const cuts: number[] = [];
  for (const [k, next] of labels.slice(1).entries()) {
    const from = labels[k].box.y + labels[k].box.h;
    const spans = row.words
      .map((w) => [w.box.y, w.box.y + w.box.h] as const)
      .filter(([a, b]) => b > from && a < next.box.y)
      .sort((a, b) => a[0] - b[0]);
    let at = from;
    let best: { y: number; width: number } | null = null;
    for (const [a, b] of [...spans, [next.box.y, next.box.y] as const]) {
      if (a > at && (!best || a - at > best.width)) best = { y: (a + at) / 2, width: a - at };
      at = Math.max(at, b);
    }
    if (!best) return [row];
    cuts.push(best.y);
  }
  const parts = [...cuts, Number.POSITIVE_INFINITY].map((cut, k) =>
    row.words.filter((w) => {
      const mid = w.box.y + w.box.h / 2;
      return mid < cut && (k === 0 || mid >= cuts[k - 1]);
    }),
  );
  if (parts.some((ws) => !ws.length)) return [row];
  return parts.map((ws) => ({
    words: ws,
    top: Math.min(...ws.map((w) => w.box.y)),
    bottom: Math.max(...ws.map((w) => w.box.y + w.box.h)),
  }));
}

/** A part's label opening a grid's left cell: "Qn 1 → a", "Q.2 (b)", "Ans 3", "1(b)(ii)", "4 a" (not "0.7" or "199"). */
const CELL_LABEL = /^(?:(?:q(?:n|ues|uestion)?|ans(?:wer)?)\.?\s*\d{1,2}\b|\(?\d{1,2}\s*[.)]?\s*\(?[a-h]\b)/i;

/**
 * The left side of a would-be gutter is a narrow column of part labels, each beside its answer on
 * the right ("Qn 1 → a → match" | "f_t = 4, …"): a grid to read by its rows, not two columns of text.
 */
function labelColumn(left: Map<number, LayoutWord[]>, right: Map<number, LayoutWord[]>, x: number): boolean {
  const all = [...left.values(), ...right.values()].flat();
  const leftEdge = Math.min(...all.map((w) => w.box.x));
  const rightEnd = Math.max(...all.map((w) => w.box.x + w.box.w));
  if (x - leftEdge > (rightEnd - leftEdge) * 0.35) return false;
  const text = (ws: LayoutWord[]) =>
    [...ws]
      .sort((a, b) => a.box.x - b.box.x)
      .map((w) => w.text)
      .join(' ');
  const labelled = [...left].filter(([r, ws]) => CELL_LABEL.test(text(ws)) && right.has(r)).length;
  return labelled >= 4 && labelled >= left.size * 0.35;
}

/** A label's start, as a word: "a)", "(b)", "ii.", "2.", "Ans", "Q3", "Question", "Part". */
// (the whole word: "0.2" in a table's cell is a number, not "0." heading a question)
const LABEL_WORD =
  /^(?:\(?[a-h]\)|\(?[ivx]{1,4}[.):]|\d{1,2}[.):]|ans(?:wer)?[.:]?|q\.?\d{0,2}[.):]?|question|part)$/i;

/** A question's own label, as a word: "2.", "Ans", "Q3", "Question", "Part". */
const QUESTION_WORD = /^(?:\d{1,2}[.):]|ans(?:wer)?[.:]?|q\.?\d{0,2}[.):]?|question|part)$/i;

/** A question's label opening a row: "3.", "5", "Ans 4 (a)", "Q2 b)" (not "4 × 15 = 60"). */
const QUESTION_START =
  /^\s*(?:(?:ans(?:wer)?|q(?:uestion)?)\.?\s*(\d{1,2})\b|(\d{1,2})[.)]?\s*$|(\d{1,2})[.)]\s)/i;

/** A band of rows holding two answers side by side, parted at `x`. */
export interface SideBySide {
  top: number;
  bottom: number;
  x: number;
}

/**
 * Answers set side by side on a page that is not two columns throughout ("1.  a) i f_t 4      2.  a)
 * e_kj = …", two tables beside each other, full-width answers below): bands of rows where, past a
 * gutter's gap in the middle of the page, a label starts the right half at least twice, and no word
 * crosses that gutter. Each band is read as two columns, left before right.
 */
export function sideBySide(words: LayoutWord[], pageWidth: number): SideBySide[] {
  const rows = new Map<number, LayoutWord[]>();
  for (const w of words.filter((w) => w.text.trim())) rows.set(rowOf(w), [...(rows.get(rowOf(w)) ?? []), w]);
  const sorted = [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, ws]) => ws.sort((a, b) => a.box.x - b.box.x));
  // where a label starts a row's right half after a gutter's gap
  const labelAt = (ws: LayoutWord[]) => {
    for (let k = 1; k < ws.length; k++) {
      const gap = ws[k].box.x - (ws[k - 1].box.x + ws[k - 1].box.w);
      const x = ws[k].box.x;
      if (gap >= 40 && x > pageWidth * 0.25 && x < pageWidth * 0.75 && LABEL_WORD.test(ws[k].text)) return x;
    }
    return null;
  };
  const bands: SideBySide[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const x0 = labelAt(sorted[i]);
    // (a band opens with a question's label on the right, "2.", "Ans 2 (a)": not a list laid out
    // across a row, "i. f_t → 6    ii. i_t → 7")
    if (x0 === null) continue;
    // (a word naming a label, "Ans", "Question", is one only with its number: "Ans 2 (a)", not a
    // table's "Answer" column heading)
    const at = sorted[i].findIndex((w) => w.box.x === x0);
    const opener = sorted[i][at]?.text ?? '';
    const named = /^(?:ans(?:wer)?|q|question|part)[.:]?$/i.test(opener);
    if (!QUESTION_WORD.test(opener) || (named && !/^\(?[\dA-Ea-e]/.test(sorted[i][at + 1]?.text ?? '')))
      continue;
    const cut = x0 - 4;
    // (no word crosses the gutter, nor does a run of words a space apart reach well into the right
    // half: a full-width line; a left line spilling a word or two past it still reads as the left's)
    const clear = (ws: LayoutWord[]) => {
      if (ws.some((w) => crosses(w, cut))) return false;
      let end = Number.NEGATIVE_INFINITY;
      for (const w of ws) {
        if (w.box.x < cut || w.box.x - end < Math.max(8, w.box.h)) end = Math.max(end, w.box.x + w.box.w);
        else break;
      }
      return end < cut + 40;
    };
    let j = i;
    let labelled = 0;
    let leftRows = 0;
    while (j < sorted.length && clear(sorted[j])) {
      const at = labelAt(sorted[j]);
      if (at !== null && Math.abs(at - x0) <= 12) labelled++;
      if (sorted[j].some((w) => w.box.x + w.box.w <= cut)) leftRows++;
      j++;
    }
    if (labelled >= 2 && leftRows >= 2) {
      // (a new question starting the left half starts a new pair of answers: "1. | 2." then "3. | 4.")
      let from = i;
      let question: string | undefined;
      const push = (to: number) => {
        const ws = sorted.slice(from, to).flat();
        if (ws.length)
          bands.push({
            top: Math.min(...ws.map((w) => w.box.y)),
            bottom: Math.max(...ws.map((w) => w.box.y + w.box.h)),
            x: cut,
          });
        from = to;
      };
      for (let k = i; k < j; k++) {
        const left = sorted[k]
          .filter((w) => w.box.x + w.box.w <= cut)
          .map((w) => w.text)
          .join(' ');
        const m = QUESTION_START.exec(left);
        const q = m ? (m[1] ?? m[2] ?? m[3]) : undefined;
        if (q === undefined || q === question) continue;
        if (question !== undefined) push(k);
        question = q;
      }
      push(j);
    }
    i = j - 1;
  }
  return bands;
}

/** A page's lines with each side-by-side band read left half first, then right. */
function bandedLines(
  page: number,
  words: LayoutWord[],
  bands: SideBySide[],
  pageWidth: number,
  pageHeight: number,
): Line[] {
  const mid = (w: LayoutWord) => w.box.y + w.box.h / 2;
  const bandOf = (w: LayoutWord) => bands.find((b) => mid(w) >= b.top && mid(w) <= b.bottom);
  const out = buildLines(
    page,
    words.filter((w) => !bandOf(w)),
  );
  for (const b of bands) {
    const inside = words.filter((w) => bandOf(w) === b);
    // (a left line running a word or two past the gutter, a word space apart, stays whole: "(0.7, 0, 0)")
    const leftHalf = new Set<LayoutWord>();
    const byRow = new Map<number, LayoutWord[]>();
    for (const w of inside) byRow.set(rowOf(w), [...(byRow.get(rowOf(w)) ?? []), w]);
    for (const ws of byRow.values()) {
      ws.sort((p, q) => p.box.x - q.box.x);
      ws.forEach((w, k) => {
        const prev = ws[k - 1];
        const near = prev && leftHalf.has(prev) && w.box.x - (prev.box.x + prev.box.w) < Math.max(8, w.box.h);
        if (w.box.x + w.box.w / 2 < b.x || near) leftHalf.add(w);
      });
    }
    const left = buildLines(
      page,
      inside.filter((w) => leftHalf.has(w)),
    );
    const right = buildLines(
      page,
      inside.filter((w) => !leftHalf.has(w)),
    );
    framedBeside(right, left, pageWidth, pageHeight);
    const halves = [...left, ...right];
    // (the band's lines stand where the band does, among the page's other lines)
    const at = out.findIndex((l) => l.box.y + l.box.h / 2 > b.top);
    out.splice(at < 0 ? out.length : at, 0, ...halves);
  }
  return out;
}
