// A prefix a script sets before every label (a newspaper's dateline "Kharagpur, Q3(a) — …", a form's
// "Response: Q2(b) …"): the label after it is read where labels are read, at the line's start.
import type { Line } from '@grader/model';
import { findLabel, type PartTree } from './labels.ts';
import { retext } from './layout.ts';

/** A few words then a comma or colon at a line's start: "Kharagpur, ", "KHARAGPUR, ", "Response: ". */
const PREFIX = /^\s*(\p{Lu}[\p{L}.'-]*(?:\s+\p{L}[\p{L}.'-]*){0,2})\s*[,:]\s+/u;
/** The same prefix before a label on this many lines makes it the script's dateline. */
const MIN_LINES = 3;

/**
 * The lines with the script's dateline dropped before the labels it precedes, word boxes and all;
 * any other script is returned as it is.
 */
export function withoutDatelines(lines: Line[], tree: PartTree): Line[] {
  const labelled = new Map<string, number>();
  const at = lines.map((l) => {
    const m = PREFIX.exec(l.text);
    if (!m) return null;
    const key = m[1].toLowerCase();
    const label = findLabel(l.text.slice(m[0].length), tree);
    // (a question's number after it, with its title, "RE: 3 — W_f, b_f, total": a heading, read as one
    // once the prefix is known to be the script's)
    const question = /^(\d{1,2})(?=\s|$)/.exec(l.text.slice(m[0].length))?.[1];
    if (!label || label.weak || label.path.length === 0)
      return question && tree.isNode([question]) ? { key, cut: m[0], question: true } : null;
    labelled.set(key, (labelled.get(key) ?? 0) + 1);
    return { key, cut: m[0], question: false };
  });
  if (![...labelled.values()].some((n) => n >= MIN_LINES)) return lines;
  return lines.map((l, i) => {
    const d = at[i];
    if (!d || (labelled.get(d.key) ?? 0) < MIN_LINES) return l;
    const dropped = d.cut.trim().split(/\s+/).length;
    const words = l.words.slice(dropped);
    // (a question's number then reads as its heading, "Q3 — …")
    if (d.question)
      return retext(l, `Q${l.text.slice(d.cut.length)}`, [
        ...(words[0] ? [{ ...words[0], text: `Q${words[0].text}` }] : []),
        ...words.slice(1),
      ]);
    return retext(l, l.text.slice(d.cut.length), words);
  });
}
