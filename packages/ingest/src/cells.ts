// A table's cells: a row's words parted by x-strips no word enters (or by the table's column edges),
// and a row read cell by cell.
import type { Line } from '@grader/model';
import { buildLines, type LayoutWord, rowOf, unionBox } from './layout.ts';

/**
 * A label set over two or three lines of its cell, "2" / "(b)", "1" / "(b)" / "ii": one label in
 * pieces (not two labels, "2 (b)" / "3 (a)", of rows a table without rules runs together).
 */
export function stackedLabel(lines: string[]): boolean {
  return (
    lines.length >= 2 &&
    lines.length <= 3 &&
    /^\s*(?:q\.?\s*)?\d{1,2}[.)]?\s*$/i.test(lines[0]) &&
    lines.slice(1).every((l) => /^\s*\(?(?:[a-h]|[ivx]{1,4})[.)]?(?:\s*\(?[ivx]{1,4}[.)]?)?\s*$/i.test(l))
  );
}

/** One line of a cell's lines: a stacked label's pieces, or a word its narrow cell broke ("Subjec" / "t"). */
function joined(page: number, lines: Line[], sep: string): Line {
  return {
    page,
    text: lines.map((l) => l.text.trim()).join(sep),
    box: unionBox(lines.map((l) => l.box)),
    conf: Math.min(...lines.map((l) => l.conf)),
    words: lines.flatMap((l) => l.words),
  };
}

/** A table row's lines: a row of one line as it reads, a taller one cell by cell (the label first). */
export function rowLines(page: number, cells: LayoutWord[][]): Line[] {
  if (new Set(cells.flat().map(rowOf)).size < 2) return buildLines(page, cells.flat());
  const [first, ...others] = cells;
  let label = buildLines(page, first);
  if (others.length && stackedLabel(label.map((l) => l.text))) label = [joined(page, label, ' ')];
  else if (
    others.length &&
    label.length === 2 &&
    /\p{L}$/u.test(label[0].text.trim()) &&
    /^\s*\p{Ll}{1,3}\s*$/u.test(label[1].text)
  )
    label = [joined(page, label, '')];
  return [...label, ...others.flatMap((c) => buildLines(page, c))];
}

/** A table row's cells, left to right: words parted by an x-strip no word of the row enters. */
export function cellsOf(row: LayoutWord[], edges: number[] = []): LayoutWord[][] {
  const byX = [...row].sort((a, b) => a.box.x - b.box.x);
  // a column edge of the table that no word of this row crosses parts cells however narrow the gap
  // (and on every line with words on both sides, leaves more than a space there: an edge a long
  // line merely happens not to cross is no column)
  const open = edges.filter((x) => {
    if (row.some((w) => w.box.x < x - 1 && w.box.x + w.box.w > x + 1)) return false;
    const lines = new Map<number, LayoutWord[]>();
    for (const w of row) lines.set(rowOf(w), [...(lines.get(rowOf(w)) ?? []), w]);
    return [...lines.values()].every((ws) => {
      const before = ws.filter((w) => w.box.x + w.box.w <= x + 1);
      const after = ws.filter((w) => w.box.x >= x - 1);
      if (!before.length || !after.length) return true;
      return Math.min(...after.map((w) => w.box.x)) - Math.max(...before.map((w) => w.box.x + w.box.w)) >= 6;
    });
  });
  const cells: { words: LayoutWord[]; right: number }[] = [];
  for (const w of byX) {
    const last = cells.at(-1);
    // wider than a space between words, or across an edge: another cell
    const across = last && open.some((x) => last.right <= x + 1 && w.box.x >= x - 1);
    if (last && !across && w.box.x < last.right + 8) {
      last.words.push(w);
      last.right = Math.max(last.right, w.box.x + w.box.w);
    } else cells.push({ words: [w], right: w.box.x + w.box.w });
  }
  return cells.map((c) => c.words);
}

/**
 * A table's column edges: left edges where many words start (lines of a column) and hardly any
 * word crosses (a header line above the table may).
 */
export function columnEdges(words: LayoutWord[]): number[] {
  const starts = new Map<number, number[]>();
  for (const w of words) {
    const k = Math.round(w.box.x / 2);
    starts.set(k, [...(starts.get(k) ?? []), w.box.x]);
  }
  const margin = Math.min(...words.map((w) => w.box.x));
  return [...starts.values()]
    .filter((xs) => xs.length >= 3)
    .map((xs) => Math.min(...xs))
    .filter((x) => x > margin + 4)
    .filter((x) => words.filter((w) => w.box.x < x - 1 && w.box.x + w.box.w > x + 1).length <= 3);
}
