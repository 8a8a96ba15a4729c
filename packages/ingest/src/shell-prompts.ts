// Answers written as a terminal session, each part run as a command: "$ ./judge 1b.ii", "$ python3
// solve.py 3c". The prompt and the command are no answer, and before a label they hide it: blanked
// (the same length), so the label opens its line. ("%" opens MATLAB's comments: no prompt.)
import type { Line } from '@grader/model';
import { blankedAt } from './layout.ts';

/** A shell's prompt, its command and its options, before what the command is given. */
const COMMAND =
  /^\s*\$\s+(?:\.{0,2}\/)?[A-Za-z_][\w.\-/]*(?:\s+[\w.\-/]+\.(?:py|sh|js|m|out|exe))?(?:\s+--?[\w-]+)*\s+(?=\S)/;

/** The lines with each command's prompt and name blanked, where three lines or more open with one. */
export function withoutShellPrompts(lines: Line[]): Line[] {
  const found = lines.map((l) => COMMAND.exec(l.text));
  if (found.filter(Boolean).length < 3) return lines;
  return lines.map((l, i) => {
    const m = found[i];
    return m ? blankedAt(l, m.index, m[0].length) : l;
  });
}
