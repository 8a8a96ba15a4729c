// Labels written as a config file's or a program's keys: "[q1_b_i]", "question_1.part_a:",
// "ans[1][b][i] =", "question[1].b.i", a hashtag "#Q1b_i". Their underscores and square brackets are
// the key's separators; read as a dot and round brackets ("(q1.b.i)", "ans(1)(b)(i)") the label
// reader takes them as it takes "Q1.b.i" and "Ans 1(b)(i)".
import type { Line } from '@grader/model';
import { findLabel, type PartTree } from './labels.ts';
import { retext } from './layout.ts';

/** A key at a line's start, or a hashtag near it: no spaces, an underscore or a square bracket in it. */
const KEY = /^(\s*)([^\s]*[_[\]][^\s]*?)(?=[:=]|\s|$)/;
const HASHTAG = /(?<=^\s*\S{0,12}\s+)#[A-Za-z]{0,8}\d[^\s]*?(?=[:=,]|\s|$)/;
/** Keys read as labels on this many lines make them the script's labels. */
const MIN_LINES = 2;

const asLabel = (key: string) => key.replace(/\[/g, '(').replace(/\]/g, ')').replace(/_/g, '.');

/** Where on the line a key stands that reads as an exam label once its separators are read so. */
function keyOf(text: string, tree: PartTree): { at: number; key: string } | null {
  const m = KEY.exec(text);
  const tag = m ? null : HASHTAG.exec(text);
  const at = m ? m[1].length : (tag?.index ?? -1);
  const key = m ? m[2] : tag?.[0];
  // (a bracketed number or label alone, "[2]", "[1b]", is the label reader's own to judge)
  if (!key || at < 0 || !/_|[^\s[\]]\[/.test(key)) return null;
  const before = findLabel(text.slice(at), tree);
  if (before && !before.weak) return null;
  const label = findLabel(asLabel(key) + text.slice(at + key.length), tree);
  return label && !label.weak && label.path.length > 0 ? { at, key } : null;
}

/**
 * The lines with their key labels read as labels, the same length (so word positions hold), when
 * the script writes two or more of them; any other script is returned as it is.
 */
export function withKeyLabels(lines: Line[], tree: PartTree): Line[] {
  const keys = lines.map((l) => keyOf(l.text, tree));
  if (keys.filter(Boolean).length < MIN_LINES) return lines;
  return lines.map((l, i) => {
    const k = keys[i];
    if (!k) return l;
    const text = l.text.slice(0, k.at) + asLabel(k.key) + l.text.slice(k.at + k.key.length);
    // (the words that spell the key, read the same way)
    return retext(
      l,
      text,
      l.words.map((w) => (k.key.includes(w.text) ? { ...w, text: asLabel(w.text) } : w)),
    );
  });
}
