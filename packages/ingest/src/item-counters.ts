// A counter a script sets before each of its own items: a thread's posts ("1/14", "(2/11)", "Tweet #3",
// "🧵 4.", "[10:02]"), a deck's cards ("CARD 01", "[C3]", "#07 —", "Index card 4 —"), each naming the
// exam's part after it ("1/14  Q1a -- …", "CARD 05 [ Q3(b) ]", "7)  re: Question 4 part a"). Read as
// labels, "5/14" would start question 5 and "Card 5" question 5 wherever they stand; blanked, the
// part's own label after them is read at the line's start.
import type { Line } from '@grader/model';
import { findLabel, type PartTree } from './labels.ts';
import { blankedAt } from './layout.ts';

/** Lines with the same counter before a label that make it the script's own. */
const MIN_LINES = 3;
/** A short word between a counter and its label ("re:", "for", "abt", "@prof", "Ans→"). */
const LEAD_WORD = /^\s*[@#]?[A-Za-z]{1,6}(?=\s|:|→|->)(?::|\s*(?:→|->))?/;
/** A counter: up to four words, the last holding a digit, and the marks after it; or a bullet. */
const COUNTERS = [
  /^(\s*(?:[^\s\d]{1,8}\s+){0,3}?[^\s\d]{0,8}\d[^\s]{0,7})((?:\s+[^\p{L}\p{N}\s]{1,3})*)(?=\s|$)/u,
  /^(\s*[•▪▸▶►➤◦‣∙])()(?=\s)/u,
];
/** A counter that is a plain number ("7)", "3.", "(4)"): the exam's questions are numbered so too. */
const PLAIN = /^[([]?#[.):\]]?$/;

type Counter = {
  /** the counter with its digits as "#", lower case ("card #", "(#/#)", "🧵 #.") */
  shape: string;
  /** its first number */
  n: number;
  /** characters from the line's start through the counter (and the words before the label) */
  cut: number;
  /** the question the label after it names, when one does */
  question: string | null;
};

/**
 * The counter at a line's start: at most four words, the last holding a digit, then any marks that
 * set it off ("—", "|", ">>"), and the label after it, past at most two short words.
 */
function counterOf(text: string, tree: PartTree): Counter | null {
  let first: Counter | null = null;
  // (or a bullet alone: "• abt Q1 a -", where "• abt Q1" would take the label's own number)
  for (const shape of COUNTERS) {
    const m = shape.exec(text);
    if (!m) continue;
    const own = m[1] + m[2];
    let cut = own.length;
    let label = findLabel(text.slice(cut), tree);
    for (let k = 0; k < 2 && !label; k++) {
      const word = LEAD_WORD.exec(text.slice(cut));
      if (!word) break;
      cut += word[0].length;
      label = findLabel(text.slice(cut), tree);
    }
    // (the label after it looks like one: a word or a letter first, "Q1a", "[ Q3(b) ]", or two
    // components, "3 a -"; a bracketed "(3)" after "1a." is the part's marks)
    const named =
      label &&
      !label.weak &&
      label.path.length > 0 &&
      (label.path.length > 1 || /^\s*[#[(]?\s*\p{L}/u.test(text.slice(cut)));
    // (nor is a counter the line's own label: "1a. (3) f_t …", "Question 1 part a"; a word before a
    // number, "Card 5", reads as one only by a guess)
    const whole = findLabel(text, tree);
    if (whole && !whole.weak && whole.conf >= 1 && whole.end >= own.length) continue;
    // (nor a section's number that names the same part as the label after it, "Sec. 1.1 (Q1 a)": the
    // script's own outline numbering, which labels its parts where no label follows, "Sec. 3.1 W_f …")
    if (
      whole &&
      !whole.weak &&
      label &&
      whole.path.length > 1 &&
      whole.path.join('.') === label.path.join('.')
    )
      continue;
    const c = {
      shape: m[1].trim().toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ') + m[2].replace(/\s+/g, ' '),
      n: Number(/\d+/.exec(m[1])?.[0]),
      cut: named ? cut : own.length,
      question: named ? label!.path[0] : null,
    };
    if (named) return c;
    first ??= c;
  }
  return first;
}

/**
 * The lines with the script's own item counters blanked, the same length (so word positions hold);
 * any other script is returned as it is. A counter shape counts when it stands before an exam label
 * on three lines or more; a plain number ("7)") only when it differs from the question it names on
 * two of them (its own count, not the question's number), and then only where a label follows.
 */
export function withoutItemCounters(lines: Line[], tree: PartTree): Line[] {
  const counters = lines.map((l) => counterOf(l.text, tree));
  const named = new Map<string, Counter[]>();
  for (const c of counters) if (c?.question) named.set(c.shape, [...(named.get(c.shape) ?? []), c]);
  const own = new Set(
    [...named]
      .filter(([shape, cs]) => {
        if (cs.length < MIN_LINES) return false;
        if (!PLAIN.test(shape)) return true;
        return cs.filter((c) => String(c.n) !== c.question).length >= 2;
      })
      .map(([shape]) => shape),
  );
  if (!own.size) return lines;
  return lines.map((l, i) => {
    const c = counters[i];
    if (!c || !own.has(c.shape) || (PLAIN.test(c.shape) && !c.question)) return l;
    const lead = l.text.length - l.text.trimStart().length;
    return blankedAt(l, lead, c.cut - lead);
  });
}
