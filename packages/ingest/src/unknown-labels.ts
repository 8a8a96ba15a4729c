// A label for a part the exam does not have: "1 c -" where question 1 has (a) and (b), "3(d)",
// "1(b)(iii)". A student numbering a part wrongly still answers
// something; read as more of the answer above, its lines would be graded there.
import type { PartTree } from './labels.ts';

/** A question's number (with its mark, or bare before a letter) and the sub-part letters after it. */
const SHAPED =
  /^\s*(?:(?:q|qn|ques|question|problem|prob|ans|answer|soln?|sol)\.?\s*)?(\d{1,2})\s*[-.(/]?\s*(?:\(?([a-h])\)?(?:\s*[-.(/]?\s*\(?([ivx]{1,4})\)?)?)?\s*[-.:)]?\s*(?=$|[-–—:]\s|\s{2,}|\s[A-Za-z])/i;

/**
 * Whether `text` opens with a label naming no part of the exam: a letter its question does not have
 * (only of a question whose parts are lettered: question 5's own "5 (a)" numbers its steps) or a
 * numeral its part does not have.
 */
export function unknownLabel(text: string, tree: PartTree): boolean {
  const m = SHAPED.exec(text);
  if (!m) return false;
  const [, q, letter, roman] = m;
  const questions = tree.childrenOf([]);
  // (a number past the paper's last question may be a running number, "Sol. 11" for the 11th part,
  // read by its own pass: only a letter or numeral the question lacks is unknown here)
  if (!questions.has(q)) return false;
  if (!letter) return false;
  const kids = tree.childrenOf([q]);
  if (!kids.size || ![...kids].every((c) => /^[a-h]$/.test(c))) return false;
  if (!kids.has(letter.toLowerCase())) return true;
  if (!roman) return false;
  const subs = tree.childrenOf([q, letter.toLowerCase()]);
  return subs.size > 0 && !subs.has(roman.toLowerCase());
}
