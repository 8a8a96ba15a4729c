// A table whose question numbers stand in merged cells: a word processor's "Q | Part | Answer"
// table, each question's cell spanning its sub-parts' rows with the number centred in it, each
// part's label centred in its own row:
//
//   |   | (a)    | f_t → 3 …             |
//   | 1 | (b) i  | Step 1 … Step 2 …     |      read line by line, "1" heads (b) i and the
//   |   | (b) ii | h_t = …               |      (a) above it goes to the question before
//
// Each row is read as its label then its cells, and each question's number heads the first row of
// the rows its cell spans: those that centre it.
import type { Line } from '@grader/model';
import { cellsOf, columnEdges, rowLines } from './cells.ts';
import { buildLines, type LayoutWord, rowOf } from './layout.ts';

/** A question's number alone in its cell: "1", "2.", "Q3". */
const QUESTION = /^(?:q\.?)?\d{1,2}[.)]?$/i;
/** A table's heading cell in the label column. */
const HEADING = /^(?:q(?:\.|uestion)?(?:\s*no\.?)?|part|sub-?part|item|answers?|working|marks?)$/i;

const mid = (w: LayoutWord) => w.box.y + w.box.h / 2;

interface Row {
  top: number;
  bottom: number;
  words: LayoutWord[];
  label: LayoutWord[];
}

/** The x where most of `xs` start, within 4 pt, with how many start there. */
function commonEdge(xs: number[]): { x: number; n: number } | null {
  let best: { x: number; n: number } | null = null;
  for (const x of xs) {
    const n = xs.filter((o) => Math.abs(o - x) <= 4).length;
    if (!best || n > best.n || (n === best.n && x < best.x)) best = { x, n };
  }
  return best;
}

/**
 * The page's lines when it holds such a table, in reading order (lines above and below it as they
 * read); null when it does not, or when every question's number already stands on its first row
 * (a list numbered down the margin reads right line by line).
 */
export function mergedQuestionTable(page: number, words: LayoutWord[]): Line[] | null {
  const ws = words.filter((w) => w.text.trim());
  if (ws.length < 40) return null;
  const bands = new Map<number, LayoutWord[]>();
  for (const w of ws) bands.set(rowOf(w), [...(bands.get(rowOf(w)) ?? []), w]);
  for (const b of bands.values()) b.sort((a, c) => a.box.x - c.box.x);
  // the question column: numbers that start their line, a cell's gap before the next word
  const candidates = ws.filter((w) => {
    if (!QUESTION.test(w.text.trim())) return false;
    const line = bands.get(rowOf(w)) ?? [];
    const k = line.indexOf(w);
    return k === 0 && (line.length === 1 || line[1].box.x - (w.box.x + w.box.w) >= 8);
  });
  const qEdge = commonEdge(candidates.map((w) => w.box.x));
  if (!qEdge || qEdge.n < 2) return null;
  const qs = candidates.filter((w) => Math.abs(w.box.x - qEdge.x) <= 4).sort((a, b) => a.box.y - b.box.y);
  // the label column and the answers' column: where the other lines start, right of the numbers
  const starts = [...bands.values()]
    .map((b) => b.filter((w) => !qs.includes(w))[0])
    .filter((w): w is LayoutWord => w !== undefined && w.box.x > qEdge.x + 8);
  const aEdge = commonEdge(starts.map((w) => w.box.x));
  if (!aEdge) return null;
  // (a label centred in its cell starts anywhere between the two columns)
  const inLabels = (w: LayoutWord) => w.box.x > qEdge.x + 8 && w.box.x < aEdge.x - 8;
  if (starts.filter(inLabels).length < 3) return null;
  // nothing else starts in the question column between the numbers (a margin of text would)
  const first = qs[0].box.y;
  const last = qs[qs.length - 1].box.y;
  if (
    ws.some((w) => !qs.includes(w) && Math.abs(w.box.x - qEdge.x) <= 4 && w.box.y > first && w.box.y < last)
  )
    return null;
  // each label: the words from the label column up to a cell's gap, before the answers
  const labelOf = new Map<number, LayoutWord[]>();
  for (const [b, line] of bands) {
    const rest = line.filter((w) => !qs.includes(w));
    if (!rest.length || !inLabels(rest[0])) continue;
    const cell = [rest[0]];
    for (const w of rest.slice(1)) {
      const prev = cell[cell.length - 1];
      if (w.box.x >= aEdge.x - 2 || w.box.x - (prev.box.x + prev.box.w) >= 8) break;
      cell.push(w);
    }
    const text = cell.map((w) => w.text).join(' ');
    if (text.length > 16) return null;
    labelOf.set(b, cell);
  }
  // (labels that carry their question's number, "1.a", "3.b", need no merged cell: numbered
  // headings beside them are sections of another layout)
  const cells = [...labelOf.values()];
  if (cells.filter((c) => /^\d/.test(c[0].text)).length * 2 >= cells.length) return null;
  const labels = new Set(cells.flat());
  // rows: the other words' lines, parted where the gap between lines is clearly wider than usual
  const body = ws.filter((w) => !qs.includes(w) && !labels.has(w));
  const height = [...body.map((w) => w.box.h)].sort((a, b) => a - b)[Math.floor(body.length / 2)] ?? 10;
  const main = body.filter((w) => w.box.h >= height * 0.85).sort((a, b) => a.box.y - b.box.y);
  // lines of main-size words (sub- and superscripts, accents join the row they sit in after),
  // each at its words' middle top
  const lines: { top: number; words: LayoutWord[] }[] = [];
  for (const w of main) {
    const l = lines.at(-1);
    if (l && w.box.y - l.words[0].box.y < height * 0.5) l.words.push(w);
    else lines.push({ top: w.box.y, words: [w] });
  }
  for (const l of lines)
    l.top = [...l.words.map((w) => w.box.y)].sort((a, b) => a - b)[Math.floor(l.words.length / 2)];
  // (the commonest step between lines: the lines of one cell; rows part wider)
  const steps = new Map<number, number>();
  for (const [i, l] of lines.slice(1).entries()) {
    const d = Math.round(l.top - lines[i].top);
    steps.set(d, (steps.get(d) ?? 0) + 1);
  }
  const pitch = [...steps.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? height * 1.2;
  const rows: Row[] = [];
  lines.forEach((l, i) => {
    const r = rows.at(-1);
    const bottom = Math.max(...l.words.map((w) => w.box.y + w.box.h));
    if (r && i > 0 && l.top - lines[i - 1].top < pitch * 1.35) {
      r.words.push(...l.words);
      r.bottom = Math.max(r.bottom, bottom);
    } else rows.push({ top: l.top, bottom, words: [...l.words], label: [] });
  });
  const nearest = (y: number) =>
    rows.reduce((a, b) => {
      const d = (r: Row) => (y < r.top ? r.top - y : y > r.bottom ? y - r.bottom : 0);
      return d(b) < d(a) ? b : a;
    });
  for (const w of body.filter((x) => x.box.h < height * 0.85)) nearest(mid(w)).words.push(w);
  for (const cell of [...labelOf.values()].sort((a, b) => a[0].box.y - b[0].box.y)) {
    const r = nearest(mid(cell[0]));
    // (a label of two lines, "Part A" over "(depthwise)"; two labels far apart in one row: not
    // this kind of table)
    const prev = r.label.at(-1);
    if (prev && cell[0].box.y - prev.box.y > pitch * 1.35) return null;
    r.label.push(...cell);
  }
  // (a heading row, "Q | Part | Answer", and rows above the table read as they are)
  const labelled = rows.filter((r) => r.label.length && !HEADING.test(r.label.map((w) => w.text).join(' ')));
  if (labelled.length < 3) return null;
  const tableTop = labelled[0].top;
  // a row without a label is a paragraph of a labelled row's cell, above or below it: the one whose
  // label it leaves better centred (a boxed formula's spacing parts a cell's paragraphs too)
  const table: Row[] = labelled.map((r) => ({ ...r, words: [...r.words] }));
  const off = (r: Row) => Math.abs((r.top + r.bottom) / 2 - mid(r.label[0]));
  const joined = (r: Row, o: Row): Row => ({
    ...r,
    top: Math.min(r.top, o.top),
    bottom: Math.max(r.bottom, o.bottom),
    words: [...r.words, ...o.words],
  });
  for (const r of rows) {
    if (r.top < tableTop || labelled.includes(r)) continue;
    const below = table.findIndex((t) => t.top > r.top);
    const above = below < 0 ? table.length - 1 : below - 1;
    const cost = (k: number) =>
      k < 0 || k >= table.length ? Number.POSITIVE_INFINITY : off(joined(table[k], r)) - off(table[k]);
    const k = cost(above) <= cost(below) ? above : below;
    if (k >= 0) table[k] = joined(table[k], r);
  }
  const groups = centredGroups(
    table,
    qs.map((q) => mid(q)),
    pitch,
  );
  if (!groups) return null;
  // the numbers must need moving: one at least is not on its first row's line
  if (
    groups.every(
      (g, k) => g.from < table.length && Math.abs(mid(qs[k]) - mid(table[g.from].label[0])) < height,
    )
  )
    return null;
  const out: Line[] = [];
  const before = rows.filter((r) => r.top < tableTop);
  out.push(...buildLines(page, [...before.flatMap((r) => [...r.words, ...r.label])]));
  const heads = new Map(groups.map((g, k) => [g.from, qs[k]]));
  const edges = columnEdges(body);
  table.forEach((r, i) => {
    const q = heads.get(i);
    // the number moved onto its first row's label line
    const moved = q ? [{ ...q, box: { ...q.box, y: r.label[0].box.y, h: r.label[0].box.h } }] : [];
    // (its cells one by one, as a table row reads: the working, then an answer column beside it)
    out.push(...buildLines(page, [...moved, ...r.label]), ...rowLines(page, cellsOf(r.words, edges)));
  });
  return out;
}

/** A label that starts a question's sub-parts: "(a)", "a", "Part A", "i.". */
const FIRST = /^(?:(?:sub-?)?part\s*)?\(?(?:a|i)(?:[).:\s]|$)/i;

/**
 * Which rows each question's number heads: consecutive runs, the k-th starting at `from`, that
 * centre the numbers best (a run's middle nearest its number, the number within the run), a
 * run's sub-parts starting at (a) and not again inside it; rows before the first run continue a
 * question from the page before. Null when no such runs exist.
 */
function centredGroups(rows: Row[], qy: number[], pitch: number): { from: number }[] | null {
  const n = rows.length;
  const m = qy.length;
  if (m > n) return null;
  const first = rows.map((r) => FIRST.test(r.label.map((w) => w.text).join(' ')));
  const lettered = first.some(Boolean);
  const cost = (k: number, a: number, b: number) => {
    const top = rows[a].top;
    const bottom = rows[b].bottom;
    if (qy[k] < top - 4 || qy[k] > bottom + 4) return Number.POSITIVE_INFINITY;
    let c = Math.abs((top + bottom) / 2 - qy[k]);
    if (lettered && !first[a]) c += pitch;
    for (let i = a + 1; i <= b; i++) if (first[i]) c += 2 * pitch;
    return c;
  };
  // best[k][i]: the least cost of runs 0..k-1 over rows before i, run k-1 ending at row i-1
  const best: number[][] = Array.from({ length: m + 1 }, () => Array(n + 1).fill(Number.POSITIVE_INFINITY));
  const from: number[][] = Array.from({ length: m + 1 }, () => Array(n + 1).fill(-1));
  for (let i = 0; i <= n; i++) best[0][i] = 0; // rows 0..i-1 continue the page before
  for (let k = 1; k <= m; k++)
    for (let i = 1; i <= n; i++)
      for (let s = k - 1; s < i; s++) {
        const c = best[k - 1][s] + cost(k - 1, s, i - 1);
        if (c < best[k][i]) {
          best[k][i] = c;
          from[k][i] = s;
        }
      }
  if (!Number.isFinite(best[m][n])) return null;
  const out: { from: number }[] = [];
  for (let k = m, i = n; k > 0; k--) {
    out.unshift({ from: from[k][i] });
    i = from[k][i];
  }
  return out;
}
