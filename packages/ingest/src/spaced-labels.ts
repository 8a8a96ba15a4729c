// Labels set letter-spaced for emphasis: "Q U E S T I O N 1", "A n s 1 ( b ) ( i i )", soul's \so{},
// CSS letter-spacing. Each character is a word of its own, so no label reads. Closed up where the
// letters spell a label's word, with what follows of single characters ("1 ( b ) ( i i )"), the line
// reads "QUESTION 1", "Ans 1(b)(ii)". Letters spelling anything else (a vector "1 0 0", "f i o") stay.
import type { Line } from '@grader/model';
import { retext } from './layout.ts';

/** The words a label opens with, closed up. */
const LABEL_WORD = /^(?:question|ques|qn|q|answer|ans|solution|soln|sol|part|problem|prob|exercise|ex)$/i;
/** Single characters separated by single spaces at the line's start: at least three. */
const SPACED = /^(\s*)((?:\S ){2,}\S)(?=\s{2,}|\s*$)|^(\s*)((?:\S ){2,}\S)(?= \S{2,})/;

export function withSpacedLabelsClosed(lines: Line[]): Line[] {
  return lines.map((l) => {
    // (a question's number alone, its point spaced off: "1 .")
    const bare = /^(\s*\d{1,2}) ([.)])(\s*)$/.exec(l.text);
    if (bare) return retext(l, `${bare[1]}${bare[2]} ${bare[3]}`);
    const m = SPACED.exec(l.text);
    if (!m) return l;
    const lead = m[1] ?? m[3] ?? '';
    const run = m[2] ?? m[4] ?? '';
    const word = /^\p{L}+/u.exec(run.replace(/ /g, ''))?.[0] ?? '';
    const after = run.replace(/ /g, '').slice(word.length);
    // (after the word only a label's number, letters and brackets; "Q" alone spaced is no word:
    // "Q = K V" is maths)
    if (!LABEL_WORD.test(word) || !/^[\w().:-]*$/.test(after) || (word.length < 3 && !/^\d/.test(after)))
      return l;
    // (the word, a space, then the label's number and brackets closed up: "Ans 1(b)(ii)")
    const closed = `${word} ${after}`.trimEnd();
    const rest = l.text.slice(lead.length + run.length);
    return retext(l, `${lead}${closed}${' '.repeat(run.length - closed.length)}${rest}`);
  });
}
