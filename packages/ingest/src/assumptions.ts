// A script's own numbered lists of assumptions or notation ("Assumptions", then "1. Biases are
// included …"), set out before the answers: their numbers are list items, not question labels.
import type { Line } from '@grader/model';
import { headedLists } from '@grader/parse';

/**
 * The item lines of numbered lists right under such a heading in the first third of the script
 * (an item's text run on to the next line is set in from the item's marker).
 */
export function assumptionItems(lines: Line[]): Set<Line> {
  const within = Math.max(12, Math.ceil(lines.length / 3));
  const texts = lines.map((l) => l.text);
  const marked = (i: number) => /^\s*(?:\(?(?:[ivx]{1,4}|\d{1,2}|[a-h])[.)]|A\d{1,2}\.?)\s/i.test(texts[i]);
  const runsOn = (j: number) => {
    let k = j - 1;
    while (k >= 0 && !marked(k)) k--;
    return k >= 0 && lines[j].box.x > lines[k].box.x + 4;
  };
  return new Set(headedLists(texts, within, runsOn).map((it) => lines[it.index]));
}
