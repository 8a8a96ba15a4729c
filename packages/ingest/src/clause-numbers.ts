// A report's paragraph numbers ("2.2.1  The dot product …", "3.4  Each of the four blocks …", "¶2.1"):
// a script that numbers its paragraphs decimally writes "3.2" for a paragraph, which may lie in any
// question's answer ("2.2  Soln. 3(a): W_f …"), not for question 3's part (b).
import type { Line } from '@grader/model';
import { findLabel, type PartTree } from './labels.ts';
import { retext } from './layout.ts';
import { sectionPath } from './outline-labels.ts';

/** A decimal number at a line's start, before a space: "2.2  Additional …", "¶2.1.1 …", "3.4. Each …". */
const AT_START = /^(\s*)((?:[¶§]\s*)?(\d{1,2}(?:\.\d{1,2}){1,3})\.?)(?=\s|$)/u;
/** One after a label, before a word: "II.(b)  2.2 Zero." (not a value: "(b) 0.5 × 0.4 = 0.2"). */
const AFTER_LABEL = /^\s*[1-9]\d?(?:\.\d{1,2}){1,3}\.?\s+\p{L}/u;
/** One cited in the text: "see ¶2.1", "per clause 3.1.1 above", "Unrolling clause 5.1", "(§4.2)". */
const CITED =
  /(?:[¶§]\s*|\b(?:clause|para(?:graph)?\.?|sec(?:tion)?\.?)\s+)\d{1,2}(?:\.\d{1,2}){1,3}(?!\.?\d)/giu;

/**
 * Whether a decimal number can be read as a label of the exam: "3.2" → 3, b; "1.2.1" → 1, b, i; and
 * below a part, an item of it ("1.1.3" under 1(a), "5.2" under question 5). Not "3.4" where question 3
 * has three parts, nor "1.3" where question 1 has two.
 */
function namesPart(num: string, tree: PartTree): boolean {
  const nums = num.split('.').map(Number);
  for (let k = 1; k <= nums.length; k++) {
    const path = sectionPath(nums.slice(0, k), tree);
    if (!path) return false;
    // (numbers past a part are items of it)
    if (k < nums.length && tree.partId(path) !== null) return true;
  }
  return true;
}

/**
 * Whether the script numbers its paragraphs, not its parts: numbers at line starts that name no part
 * of the exam ("3.4" where question 3 has three parts, "1.3" where question 1 has two), in two
 * questions or more. (One question's steps numbered on, "1.1 … 1.2 … 1.3" under 1(b), are no
 * report; nor is a decimal value wrapped to a line's start, "0.05]".)
 */
export function numbersParagraphs(lines: Line[], tree: PartTree): boolean {
  const impossible = new Map<string, string>();
  for (const l of lines) {
    const m = AT_START.exec(l.text);
    if (m && !m[3].startsWith('0') && !namesPart(m[3], tree)) impossible.set(m[3], m[3].split('.')[0]);
  }
  return impossible.size >= 2 && new Set(impossible.values()).size >= 2;
}

/**
 * The lines with a paragraph-numbered script's numbers blanked, the same length (so word positions
 * hold): at line starts ("2.2  Soln. 3(a): …" reads as "     Soln. 3(a): …") and where cited ("see
 * ¶2.1"), since neither is a label nor a value. Any other script is returned as it is.
 */
export function withoutParagraphNumbers(lines: Line[], tree: PartTree): Line[] {
  if (!numbersParagraphs(lines, tree)) return lines;
  const blank = (s: string) => ' '.repeat(s.length);
  return lines.map((l) => {
    // (or right after a part's label: "II.(b)  2.2 Zero. …")
    const label = findLabel(l.text, tree);
    const at = label && AFTER_LABEL.test(l.text.slice(label.end)) ? label.end : 0;
    const text = (
      l.text.slice(0, at) +
      l.text.slice(at).replace(AT_START, (_m, sp: string, num: string) => sp + blank(num))
    ).replace(CITED, (m) => m.replace(/[¶§]?\s*\d[\d.]*$/u, (n) => blank(n)));
    if (text === l.text) return l;
    // (the words that were numbers go too: what is left of them is the words of the text)
    const words = l.words.filter(
      (w) => !/^[¶§]?\d{1,2}(?:\.\d{1,2}){1,3}\.?[,;:)]*$/u.test(w.text) || !text.includes(w.text),
    );
    return retext(l, text, words);
  });
}
