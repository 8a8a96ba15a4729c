// Line numbers in the margin (pleading paper, a listing): every line opens with its number, 1, 2, 3 …
// down the page ("12 | Q3(b) b_f is 3 x 1", "[12]", "012", "12."). They number lines, not questions:
// read as labels, line 5 would start question 5.
import type { Line } from '@grader/model';
import { blankedAt } from './layout.ts';

/** A line number at a line's start: "12", "12 |", "12.", "12:", "[12]", "[ 2]", "012". */
const NUMBER = /^(\s*)(\[\s*(\d{1,3})\s*\]|(\d{1,3})\s*[|.:]?)(?=\s|$)/;
/** A run of lines numbered one after another at least this long is a margin's numbering. */
const MIN_RUN = 8;
/** The share of the script's lines such runs must hold. */
const MIN_SHARE = 0.5;

/**
 * The lines with their margin's line numbers blanked, the same length (so word positions hold), where
 * most of the script's lines stand in runs numbered 1, 2, 3 … (restarting on a page, or running on);
 * any other script is returned as it is.
 */
export function withoutMarginNumbers(lines: Line[]): Line[] {
  const found = lines.map((l) => {
    const m = NUMBER.exec(l.text);
    return m ? { lead: m[1].length, length: m[2].length, n: Number(m[3] ?? m[4]) } : null;
  });
  const numbered = new Set<number>();
  let run: number[] = [];
  const close = () => {
    if (run.length >= MIN_RUN) for (const i of run) numbered.add(i);
    run = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const f = found[i];
    const prev = run.length ? found[run[run.length - 1]] : null;
    if (f && prev && f.n === prev.n + 1) run.push(i);
    else {
      close();
      if (f) run.push(i);
    }
  }
  close();
  if (numbered.size < lines.length * MIN_SHARE) return lines;
  return lines.map((l, i) => {
    const f = found[i];
    if (!f || !numbered.has(i)) return l;
    // (the words that were the number go: "12", "|", "[12]", "[", "2]")
    return blankedAt(l, f.lead, f.length);
  });
}
