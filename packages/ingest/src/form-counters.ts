// A form's own counter over each answer box: "Question 3 of 11 (1 mark)", "Item 4 of 12", "Q 7/11",
// a template that numbers every box in a run of its own (a declaration may take its first). Read as a
// label, "Question 3" would start question 3 wherever 1(b)(ii) is answered; blanked, with the marks
// after it and a counter wrapped onto the next line in a narrow cell ("Question 11" / "of 12 (2
// marks)"), the student's own label in the box is read, or the box goes unlabelled to a person.
import type { Line } from '@grader/model';
import type { PartTree } from './labels.ts';
import { blankedAt } from './layout.ts';

/** Counters read on this many lines make them the form's. */
const MIN_LINES = 3;
const WORD = String.raw`(?:question|ques\.?|qn\.?|q\.?|item|box|response)`;
const MARKS = String.raw`(?:\s*[([]\s*\d{1,2}(?:\.5)?\s*(?:marks?|pts?|points?)\s*[)\]])?`;
/** "Question 3 of 11 (1 mark)", "Item 4/12": the counter and its total. */
const WHOLE = new RegExp(String.raw`^(\s*${WORD}\s*(\d{1,2})\s*(?:of|/)\s*(\d{1,2})\b${MARKS})`, 'i');
/** "Question 11" closing its line, the total on the next: "of 12 (2 marks)". */
const HEAD = new RegExp(String.raw`^\s*${WORD}\s*(\d{1,2})\s*$`, 'i');
const TAIL = new RegExp(String.raw`^(\s*of\s*(\d{1,2})\b${MARKS})`, 'i');
/** "Item 6 (5 marks)" alone on its line, no total: the form's when its run goes past the paper's questions. */
const ALONE = new RegExp(String.raw`^\s*${WORD}\s*(\d{1,2})\s*[.:)]?${MARKS}\s*$`, 'i');

export function withoutFormCounters(lines: Line[], tree: PartTree): Line[] {
  // (a total no larger than the paper's questions may be the paper's own numbering: "Question 2 of 5")
  // (the paper's last question's number: its questions need not run 1 to n)
  const questions = Math.max(
    tree.childrenOf([]).size,
    ...[...tree.childrenOf([])].map(Number).filter(Number.isFinite),
  );
  const cuts = new Map<number, number>();
  lines.forEach((l, i) => {
    const m = WHOLE.exec(l.text);
    if (m && Number(m[3]) > questions && Number(m[2]) <= Number(m[3])) {
      cuts.set(i, m[1].length);
      return;
    }
    const next = lines[i + 1];
    const t = next && HEAD.test(l.text) ? TAIL.exec(next.text) : null;
    if (t && Number(t[2]) > questions && Number(HEAD.exec(l.text)![1]) <= Number(t[2])) {
      cuts.set(i, l.text.length);
      cuts.set(i + 1, t[1].length);
    }
  });
  // (a run of its own, "Item 1" … "Item 8" in order, past the paper's last question; one item per
  // part of the paper is a portal's numbering, which names the part: portal-numbers.ts reads it)
  const parts = tree.leavesUnder([]).length;
  const alone = lines.flatMap((l, i) => {
    const m = cuts.has(i) ? null : ALONE.exec(l.text);
    return m ? [{ i, n: Number(m[1]) }] : [];
  });
  if (
    alone.length >= MIN_LINES &&
    Math.max(...alone.map((a) => a.n)) > questions &&
    Math.max(...alone.map((a) => a.n)) !== parts &&
    alone.every((a, k) => k === 0 || a.n > alone[k - 1].n)
  )
    for (const a of alone) cuts.set(a.i, lines[a.i].text.length);
  const counters = [...cuts.keys()].filter((i) => !cuts.has(i - 1)).length;
  if (counters < MIN_LINES) return lines;
  return lines.map((l, i) => (cuts.has(i) ? blankedAt(l, 0, cuts.get(i)!) : l));
}
