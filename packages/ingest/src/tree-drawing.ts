// An outline drawn as a tree, an outliner's or a mind map's export: each line opens with the tree's
// branches ("│   ├── (b) b_f is 3 x 1", "|   +-- Q.1-a", "‘-- 1.b", "⊢ Question 1 part a"). Blanked, the
// same length, the label on the branch opens its line. (Arrows and dashes alone are left: "→ 72" marks
// a result, "---- (Q2)" closes an answer.)
import type { Line } from '@grader/model';
import { blankedAt } from './layout.ts';

/** A branch's marks: box-drawing strokes, an ASCII tree's "+--", "\--", "`--", "|--", "|__" and "|". */
const BRANCH = String.raw`(?:[│┃├┣└┗┬┴┼┌╰╭⊢⌞∟]|[|+\\\`‘'][-─_]{2,}|[─━]+[►▶]?|\|(?=\s))`;
const PREFIX = new RegExp(String.raw`^(\s*)((?:${BRANCH}\s*)+)(?=\S)`);
/** Lines opening with branches that make the tree the script's way of writing. */
const MIN_LINES = 4;

/**
 * The lines with the tree's branches before their text blanked, where four lines or more open with
 * them; a table's rows ("| 1a | f_t = 3 |") and a line of branches alone are left as they are.
 */
export function withoutTreeDrawing(lines: Line[]): Line[] {
  const prefix = (l: Line) => {
    const m = PREFIX.exec(l.text);
    // (a table's row bars its cells on: "| 3a | W_f … |", "|  one bias  |")
    // (nor is a table's rule, "+------+------+": a branch stands before words)
    const rest = m ? l.text.slice(m[0].length) : '';
    if (!m || /\|/.test(rest) || !/[\p{L}\p{N}]/u.test(rest)) return null;
    return { at: m[1].length, length: m[2].length };
  };
  const found = lines.map(prefix);
  if (found.filter(Boolean).length < MIN_LINES) return lines;
  return lines.map((l, i) => {
    const f = found[i];
    return f ? blankedAt(l, f.at, f.length) : l;
  });
}
