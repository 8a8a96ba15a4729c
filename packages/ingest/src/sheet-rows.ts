// A spreadsheet copied into a script: column letters across the top ("A  B  C  D"), row numbers down
// the side ("4  (a) W_f  C2 x C3  3 × 5", "23  5 - output side …"). A row's number numbers the sheet's
// row, not a question: read as a label, row 2 over "(a) W_f" would start question 2's part (a).
import type { Line } from '@grader/model';
import { blankedAt } from './layout.ts';

/** The sheet's column letters, in order from A, alone on their line (cells may be ruled: "| A | B |"). */
export const COLUMN_LETTERS = /^\s*\|?\s*A\s*\|?\s+B(?:\s*\|?\s+([C-P]))*\s*\|?\s*$/;
/** A row's number opening its line, a cell's rule after it perhaps: "4", "4 |", "12|". */
const ROW = /^(\s*)(\d{1,3})(\s*\|)?(?=\s|$)/;
/** Lines between two numbered rows (a cell's text wrapped): at most this many. */
const WRAPPED = 2;

/**
 * The lines with the row numbers of the sheets in them blanked, the same length (so word positions
 * hold): under a line of column letters, the rows numbered one after another (from any number: a
 * sheet copied in pieces goes on counting). Where no line of column letters stands, a run of three
 * rows or more numbered from 1, each with a cell's rule after its number ("1 | e_kj = …").
 */
export function withoutSheetRows(lines: Line[]): Line[] {
  const blank = new Map<number, number>();
  const take = (from: number, fromOne: boolean) => {
    const run: number[] = [];
    let expect: number | null = null;
    let gap = 0;
    for (let i = from; i < lines.length; i++) {
      const m = ROW.exec(lines[i].text);
      const n = m ? Number(m[2]) : null;
      if (n !== null && (expect === null ? !fromOne || n === 1 : n === expect)) {
        run.push(i);
        expect = n + 1;
        gap = 0;
        continue;
      }
      if (COLUMN_LETTERS.test(lines[i].text) || ++gap > WRAPPED || expect === null) break;
    }
    return run;
  };
  for (let i = 0; i < lines.length; i++) {
    if (COLUMN_LETTERS.test(lines[i].text)) {
      for (const k of take(i + 1, false)) blank.set(k, 0);
      continue;
    }
    if (blank.has(i) || !/^\s*1\s*\|/.test(lines[i].text)) continue;
    const run = take(i, true).filter((k) => ROW.exec(lines[k].text)?.[3]);
    if (run.length >= 3) for (const k of run) blank.set(k, 0);
  }
  if (!blank.size) return lines;
  return lines.map((l, i) => {
    if (!blank.has(i)) return l;
    const m = ROW.exec(l.text);
    return m ? blankedAt(l, m[1].length, m[2].length + (m[3]?.length ?? 0)) : l;
  });
}
