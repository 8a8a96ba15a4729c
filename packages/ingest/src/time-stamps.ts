// The times a student logs while writing ("[10:42]", "(10:07)", "[10.07]", "Problem 3 (part a) 10:09", "(t+12 min)",
// "t+4 min"): no answer. Beside a label they hide it ("[5] (10:15)" reads as a step's number with a
// remark), and read as values they would be a part's numbers.
import type { Line } from '@grader/model';
import { blankedAt, retext } from './layout.ts';

/** A clock time: "10:42", "9:05" (hours and minutes, a colon between). */
const CLOCK = String.raw`(?:[01]?\d|2[0-3]):[0-5]\d`;
/** Minutes since the start: "t+12 min", "t + 4 min", "t+10" (two digits: "t+1" is an index). */
const SINCE = String.raw`t\s*\+\s*(?:\d{1,3}\s*min(?:utes?|s)?|\d{2,3})\b`;
const STAMP = String.raw`(?:${CLOCK}|${SINCE}|at\s+\d{1,3}\s*min(?:utes?|s)?)`;
/** A stamp in brackets, perhaps with a short remark: "(10:07)", "[10:01]", "(t+16, ∼10 min left)". */
const BRACKETED = new RegExp(
  String.raw`[([]\s*(?:begun|started|at|from)?\s*${STAMP}[^()[\]\n]{0,40}[)\]]`,
  'gi',
);
/** A stamp opening a line, "10:05 —", "t+1 min", or ending it after a label, "Problem 3 (part a) 10:09". */
const OPENING = new RegExp(String.raw`^\s*${STAMP}\s*(?:[—–-]{1,2}|:)?\s*`, 'i');
const CLOSING = new RegExp(String.raw`\s${STAMP}\s*$`, 'i');
/**
 * A clock time with a dot, in square brackets: "[10.07]" (a decimal is seldom bracketed so, and an
 * equation's number is in round ones, "eq. (10.41)"); hours of the day an exam is sat.
 */
const DOTTED = String.raw`\[\s*(?:0?[7-9]|1\d|2[0-3])\.[0-5]\d\s*\]`;
/** A clock time or minutes since the start, anywhere: how a script is seen to log its time. */
const ANY = new RegExp(String.raw`(?<![\d.:])${CLOCK}(?![\d:])|\b${SINCE}|${DOTTED}`, 'gi');
const DOTTED_ANY = new RegExp(DOTTED, 'g');

/**
 * The lines with the times a student logged blanked (the same length, so words keep their places): in
 * a script that logs three times or more, each stamp in brackets, and each opening or ending a line
 * (the blanks a line ends in dropped).
 */
export function withoutTimeStamps(lines: Line[]): Line[] {
  const logged = lines.reduce((n, l) => n + (l.text.match(ANY)?.length ?? 0), 0);
  if (logged < 3) return lines;
  return lines.map((l) => {
    let out = l;
    // (right to left, so the places found stay where they are)
    for (const m of [...l.text.matchAll(BRACKETED), ...l.text.matchAll(DOTTED_ANY)]
      .sort((a, b) => (a.index ?? 0) - (b.index ?? 0))
      .reverse())
      out = blankedAt(out, m.index ?? 0, m[0].length);
    const open = OPENING.exec(out.text);
    if (open?.[0].trim()) out = blankedAt(out, open.index, open[0].length);
    const close = CLOSING.exec(out.text);
    if (close && out.text.slice(0, close.index).trim()) out = blankedAt(out, close.index, close[0].length);
    // (nothing after a label but blanks: the label alone on its line, as written without the time)
    return out === l ? l : retext(out, out.text.trimEnd(), out.words);
  });
}
