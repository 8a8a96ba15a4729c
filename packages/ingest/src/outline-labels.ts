// Parts numbered as a standard's or a thesis's sections: "1.1" for 1(a), "1.2.1" for 1(b)(i), "5.0"
// for question 5, dashed ("1-2-1", "3-3"), after a word ("A-1.1", "Part 1.1", "Sec. 3.1"), or alone on
// a line (a table's first cell wrapped under its "Part"). Alone, "4.2" could be a value: a script's
// section numbers are read as its labels only when several of them, each alone or before words, name
// the exam's parts in its order (each question's parts rising), and then in that script's numbering.
import type { Line } from '@grader/model';
import { findLabel, type PartTree } from './labels.ts';
import { blankedAt, retext } from './layout.ts';

/** A word a section number may follow: "A-1.1", "Part 1.1", "Sec. 3.1", "Answer 1.2.2". */
const PREFIX = String.raw`(?:(?:a|ans|answer|part|sec|section|q|qn|ques|question|soln?)\.?\s*[-–:]?\s*|[§¶]\s*)?`;
/** A section number at a line's start: question, then one or two sub-numbers, by dots or dashes. */
// (in square brackets too: "[5.0]")
const SECTION = new RegExp(
  String.raw`^(\s*)(${PREFIX}\[?)(\d)([.-])(\d)(?:\4(\d))?(?:\]|\.)?(?=(\s*)(.?))`,
  'iu',
);
/** After the number, what a label may stand before: the line's end, words, a colon, a dash, a bracket. */
const BEFORE_WORDS = /^$|^[\p{L}:\-–—)\]]/u;
/** A line holding only the word a wrapped table cell left above its number: "Part", "Section". */
const WORD_ALONE = /^\s*(?:part|sec\.?|section|answer|ans\.?|q|question)\s*$/i;
/** Fewer section numbers than this, alone or before words, make no numbering. */
const MIN_SECTIONS = 3;

type Section = { line: number; path: string[]; partId: string | null; length: number; alone: boolean };

/**
 * The exam path a section number names, each number the n-th child in the exam's order, a letter or a
 * roman numeral alike ("1.2.1" → 1, b, i; "5.0" → 5), or null.
 */
export function sectionPath(nums: number[], tree: PartTree): string[] | null {
  const path = [String(nums[0])];
  if (!tree.isNode(path)) return null;
  // ("5.0": the question itself, where it has no parts)
  if (nums[1] === 0) return nums.length === 2 && tree.childrenOf(path).size === 0 ? path : null;
  for (const n of nums.slice(1)) {
    const child = [...tree.childrenOf(path)][n - 1];
    if (!child) return null;
    path.push(child);
  }
  return path;
}

function sectionAt(text: string, line: number, tree: PartTree): Section | null {
  const m = SECTION.exec(text);
  if (!m) return null;
  const nums = [m[3], m[5], m[6]].filter((x) => x !== undefined).map(Number);
  const path = sectionPath(nums, tree);
  if (!path) return null;
  const after = m[8];
  // ("3-3   4 x (6 + 3) = 36": digits after a space may follow in a numbered script; "1.2×3" never)
  if (!m[7] && after && !BEFORE_WORDS.test(after)) return null;
  return {
    line,
    path,
    partId: tree.partId(path),
    length: m[0].length - m[1].length,
    alone: BEFORE_WORDS.test(after),
  };
}

/** Whether the sections, in the script's order, name each question's parts rising, each once. */
function rising(sections: Section[]): boolean {
  const last = new Map<string, string>();
  for (const s of sections) {
    const q = s.path[0];
    const key = s.path.join('.');
    const before = last.get(q);
    if (before !== undefined && before >= key) return false;
    last.set(q, key);
  }
  return true;
}

/**
 * The lines of a script that numbers its parts as sections, each section number rewritten as the
 * label it stands for ("1-2-1" → "Q1bi ", the same length, so word positions hold) and the word a
 * table cell wrapped above it dropped; any other script is returned as it is.
 */
export function withOutlineLabels(lines: Line[], tree: PartTree): Line[] {
  const found = lines.map((l, i) => sectionAt(l.text, i, tree)).filter((s): s is Section => s !== null);
  const strong = found.filter((s) => s.alone);
  if (strong.length < MIN_SECTIONS || new Set(strong.map((s) => s.path[0])).size < 2) return lines;
  if (!rising(strong)) return lines;
  // (a number before digits joins the numbering only where it keeps each question's parts rising)
  const taken: Section[] = [];
  for (const s of found) if (s.alone || rising([...taken, s].sort((a, b) => a.line - b.line))) taken.push(s);
  const out = [...lines];
  const gone = new Set<number>();
  for (const s of taken) {
    const l = lines[s.line];
    const lead = /^\s*/.exec(l.text)?.[0].length ?? 0;
    const label = `Q${s.path.join('')}`;
    if (label.length > s.length) continue;
    // (a line the label reader already reads as this part is left as it is)
    const read = findLabel(l.text, tree, []);
    if (read && read.path.join('.') === s.path.join('.')) continue;
    const blanked = blankedAt(l, lead, s.length);
    const dropped = l.words.filter((w) => !blanked.words.includes(w));
    const text = l.text.slice(0, lead) + label.padEnd(s.length) + l.text.slice(lead + s.length);
    out[s.line] = retext(l, text, [
      ...(dropped[0] ? [{ ...dropped[0], text: label }] : []),
      ...blanked.words,
    ]);
    const above = lines[s.line - 1];
    if (above && above.page === l.page && WORD_ALONE.test(above.text)) gone.add(s.line - 1);
  }
  return out.filter((_, i) => !gone.has(i));
}
