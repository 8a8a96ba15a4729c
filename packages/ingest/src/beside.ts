// Working set beside the answers (LaTeX \marginpar notes, a "Rough work" column of an office table,
// a box of working to the right of each answer): a right column that is no second column of text.
// Read after the left column, its notes would all land in the last part; each belongs beside the
// answer it stands level with.
import type { Line } from '@grader/model';
import { buildLines } from './layout.ts';
import { median } from './median.ts';

/**
 * The left column's lines with each note of the right column read after the left line it stands
 * beside, or null when the right column is a column of text. The right column is notes when none of
 * its lines opens with a part's label while the left's open with three or more, and it is narrow
 * (a margin) or falls into three or more blocks that each start level with the left's text.
 */
export function notesBeside(left: Line[], right: Line[], isLabel: (text: string) => boolean): Line[] | null {
  if (right.length < 2 || left.length < 3) return null;
  if (right.some((l) => isLabel(l.text))) return null;
  if (left.filter((l) => isLabel(l.text)).length < 3) return null;
  const byY = (a: Line, b: Line) => a.box.y - b.box.y || a.box.x - b.box.x;
  const ls = [...left].sort(byY);
  const rs = [...right].sort(byY);
  const h = median(ls.map((l) => l.box.h)) || 10;
  const rows = labelColumnRows(ls, rs, isLabel, h);
  if (rows) return rows;
  // blocks of the right column: lines parted by more than a line's height of space
  const blocks: Line[][] = [];
  for (const r of rs) {
    const last = blocks.at(-1)?.at(-1);
    if (last && r.box.y - (last.box.y + last.box.h) <= h) blocks.at(-1)?.push(r);
    else blocks.push([r]);
  }
  const extent = (xs: Line[]) =>
    Math.max(...xs.map((l) => l.box.x + l.box.w)) - Math.min(...xs.map((l) => l.box.x));
  const narrow = extent(rs) <= extent(ls) * 0.6;
  // (level: within a line of a left line's top, or inside the left text's rows)
  const level = (b: Line[]) =>
    ls.some((l) => b[0].box.y >= l.box.y - h && b[0].box.y <= l.box.y + l.box.h + h);
  const aligned = blocks.filter(level).length;
  // (a column as wide as the left one beside it is notes only when the left's lines are short
  // answers, not text filling its column to the gutter: two columns of a LaTeX page)
  // (nor when its own lines are justified to one edge: typeset text, continued from the left)
  const filled = (xs: Line[], by: number) => {
    const edge = Math.max(...xs.map((l) => l.box.x + l.box.w));
    return xs.filter((l) => l.box.x + l.box.w >= edge - by).length / xs.length;
  };
  const ragged = filled(ls, 12) < 0.3 && filled(rs, 4) < 0.35;
  if (
    !(narrow && aligned >= blocks.length * 0.75) &&
    !(ragged && blocks.length >= 3 && aligned >= blocks.length * 0.75)
  )
    return null;
  // each note after the last left line starting above it: a block's first line may stand a little
  // higher than the answer it is level with (a smaller size in a cell aligned at the top), its
  // other lines go with the answer lines they pass (one cell beside "(i) …" and "(ii) …"), but a
  // line finishing its sentence stays with it ("… no learnable weights. Only" / "requirement: …")
  const after = new Map<Line, Line[]>();
  const before: Line[] = [];
  for (const b of blocks) {
    let at = -1;
    for (const [k, r] of b.entries()) {
      const tol = k === 0 ? h * 0.4 : 0;
      if (k === 0 || !MID_SENTENCE.test(b[k - 1].text))
        for (const [i, l] of ls.entries()) if (i > at && l.box.y <= r.box.y + tol) at = i;
      if (at < 0) before.push(r);
      else after.set(ls[at], [...(after.get(ls[at]) ?? []), r]);
    }
  }
  const out: Line[] = [...before];
  for (const l of ls) {
    const notes = after.get(l) ?? [];
    // a heading of the notes level with the left's own ("Answer | Rough work"): one line, not a
    // heading of rough work to be left ungraded
    const head = notes.find(
      (r) => r === blocks[0][0] && blocks[0].length === 1 && Math.abs(r.box.y - l.box.y) <= 3,
    );
    if (head && !isLabel(l.text)) {
      out.push(...buildLines(l.page, [...(l.words ?? []), ...(head.words ?? [])]));
      out.push(...notes.filter((r) => r !== head));
    } else out.push(l, ...notes);
  }
  return out;
}

/** A line that stops mid-sentence: it ends on a word or a comma, not a full stop, a colon or maths. */
const MID_SENTENCE = /(?:\b[A-Za-z]{2,}|,)\s*$/;

/** A column heading over a table's cells: a word or two, no digits ("Part", "Answer", "Sub-part"). */
const COLUMN_HEADING = /^\s*[\p{L}.-]+(?:\s+[\p{L}.-]+)?\s*$/u;
/** The end of a label wrapped in its cell: a sub-part's letter or numeral alone ("(a)", "(b)-(ii)"). */
const LABEL_PIECE = /^\s*\(?[a-h]\)?(?:\s*-?\s*\(?[ivx]{1,4}\)?)?\s*$/i;

/**
 * An answer table whose left column holds only the parts' labels, each perhaps wrapped over its cell
 * ("2.1 Ques. 2, sub-part" over "(a)"), the answers in the column beside it: each answer line goes
 * with the label whose row it stands in, the rows parted halfway between one label and the next (a
 * label is set in the middle of its cell, its answer's lines above and below it). Null when a left
 * line is more than a label or a column's heading.
 */
function labelColumnRows(
  ls: Line[],
  rs: Line[],
  isLabel: (text: string) => boolean,
  h: number,
): Line[] | null {
  if (!ls.every((l) => isLabel(l.text) || COLUMN_HEADING.test(l.text) || LABEL_PIECE.test(l.text)))
    return null;
  // a label's cell: its lines one under another, no more than a line's space between them
  const cells: Line[][] = [];
  for (const l of ls) {
    const last = cells.at(-1)?.at(-1);
    if (last && l.box.y - (last.box.y + last.box.h) <= h * 0.5) cells.at(-1)?.push(l);
    else cells.push([l]);
  }
  if (cells.filter((c) => c.some((l) => isLabel(l.text))).length < 3) return null;
  const top = (c: Line[]) => c[0].box.y;
  const bottom = (c: Line[]) => Math.max(...c.map((l) => l.box.y + l.box.h));
  const out: Line[] = [];
  for (const [k, c] of cells.entries()) {
    const from = k === 0 ? -Infinity : (bottom(cells[k - 1]) + top(c)) / 2;
    const to = k === cells.length - 1 ? Infinity : (bottom(c) + top(cells[k + 1])) / 2;
    out.push(
      ...c,
      ...rs.filter((r) => {
        const mid = r.box.y + r.box.h / 2;
        return mid >= from && mid < to;
      }),
    );
  }
  return out;
}
