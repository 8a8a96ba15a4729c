// Labels that number what the paper letters, or spell what it numbers: rewritten at a line's start
// into the paper's own form, the same length (positions in the line hold), for the label reader.
import type { PartTree } from './labels.ts';

const WORD_DIGITS: Record<string, string> = { one: '1', two: '2', three: '3', four: '4', five: '5' };
const ORDINAL_DIGITS: Record<string, string> = {
  first: '1',
  second: '2',
  third: '3',
  fourth: '4',
  fifth: '5',
};
const ROMANS = ['i', 'ii', 'iii', 'iv'];

// a question's mark before its number ("Q-", "Qn.", "Q.", "Prob.", "Question")
const Q_MARK = String.raw`(?:q|qn|qs|ques|question|prob|problem)\.?\s*[-#.]?\s*`;

/**
 * A question's number in words ("Q-three (c)", "Qn. Two (a)", "Q.Four pt. 2", "Prob. Three / bit (c)",
 * "Three-c", "One-b-i") or as an ordinal before its mark ("1st Q (b)(ii)"): the digit, padded to the
 * word's length. A bare word is read only before its part's letter ("Three-c", "Two (a)"): "One of
 * the gates" is a sentence.
 */
export function numberWordsAsDigits(line: string): string {
  // (a mark spelt in full, "Question one, part b, sub part one", is read in words elsewhere)
  const marked =
    /^(\s*(?:q|qn|qs|ques|prob)\.?\s*[-#.]?\s*)(one|two|three|four|five)(?=\s*(?:$|[-–—(.:,/]|\s(?:pt|part|sub|bit|item)\b))/i;
  const m = marked.exec(line);
  if (m) return m[1] + WORD_DIGITS[m[2].toLowerCase()].padEnd(m[2].length) + line.slice(m[0].length);
  const bare = /^(\s*)(one|two|three|four|five)(?=-[a-h](?:-[ivx]{1,4})?(?:[\s:.)]|$)|\s?\([a-h]\))/i.exec(
    line,
  );
  if (bare)
    return bare[1] + WORD_DIGITS[bare[2].toLowerCase()].padStart(bare[2].length) + line.slice(bare[0].length);
  // "1st Q (b)(ii)", "2nd Qn. (a)": the question's mark first, then its number
  const ordinal = /^(\s*)([1-5])(?:st|nd|rd|th)\s+(q|qn|ques)\.?(?=\s|$)/i.exec(line);
  if (ordinal) return `${ordinal[1]}Q${ordinal[2]}`.padEnd(ordinal[0].length) + line.slice(ordinal[0].length);
  const worded = /^(\s*)(first|second|third|fourth|fifth)\s+(q|qn|ques)\.?(?=\s|$)/i.exec(line);
  if (worded)
    return (
      `${worded[1]}Q${ORDINAL_DIGITS[worded[2].toLowerCase()]}`.padEnd(worded[0].length) +
      line.slice(worded[0].length)
    );
  return line;
}

/**
 * A question's lettered parts numbered in digits after its number ("Q 3 / 1", "Q1-2-i", "1.(2)-i",
 * "Q.4 pt. 2", "Question 1, item 2, sub-item 1"): the k-th part's letter in the digit's place and
 * the separators blanked, the same length. Only where the question has a k-th lettered part, and
 * only after a question's mark or with the part's number in brackets after a dot ("1.(2)"): "3-3 = 0"
 * is arithmetic.
 */
export function digitSubParts(line: string, tree: PartTree): string {
  const m = new RegExp(
    String.raw`^(\s*(?:${Q_MARK})?)(\d{1,2})(\s*(?:[./\-–]\s*|,?\s*(?:pt\.?|part|item|sub-?part)\s*|\s*,\s*(?:pt\.?|part|item)\s*)(?:\(\s*)?)([1-8])((?:\s*\))?)(?:(\s*(?:[./\-–]\s*|,?\s*(?:sub-?item|sub-?part|item)\s*)(?:\(\s*)?)([1-4]|iii|ii|iv|i)((?:\s*\))?))?(?=\s*$|\s*[:\-–—]|\s+[^\s+\-−×*·/=^.,)\]}0-9])`,
    'i',
  ).exec(line);
  if (!m) return line;
  const [whole, head, q, sep, k, close, sep2, r, close2] = m;
  const marked = head.trim() !== '';
  // ("1.(2)", the part's number in brackets after a dot; "3 -  (3)" is the question's marks)
  const bracketed = /^\.\(\s*$/.test(sep) && close.includes(')');
  if (!marked && !bracketed) return line;
  const kids = [...tree.childrenOf([q])];
  if (!kids.length || !kids.every((c) => /^[a-h]$/.test(c))) return line;
  const part = kids[Number(k) - 1];
  if (!part) return line;
  let out = head + q + ' '.repeat(sep.length) + part + ' '.repeat(close.length);
  if (r !== undefined) {
    const sub = /^\d$/.test(r) ? ROMANS[Number(r) - 1] : r.toLowerCase();
    if (!tree.childrenOf([q, part]).has(sub)) return line;
    // (the numeral fills the digit's place and the blanks after it: "2" becomes "ii")
    const room = sep2.length + r.length + (close2?.length ?? 0);
    if (room < sub.length) return line;
    out += (room > sub.length ? ` ${sub}` : sub).padEnd(room);
  }
  return out + line.slice(whole.length);
}

const PART_ORDINALS: Record<string, string> = { first: 'a', second: 'b', third: 'c', fourth: 'd' };

/**
 * A part named by a word between the question and its letter ("Prob. 3 / bit (c)", "Q3, pt. b"),
 * or by its place ("Part the second of Q1, (i)"), or the paper's last question ("The last question"):
 * the paper's label, the same length.
 */
export function partWords(line: string, tree: PartTree): string {
  const worded = new RegExp(
    String.raw`^(\s*${Q_MARK}\d{1,2})(\s*[,/\-–—]?\s*(?:bit|pt\.?|portion)\s*)(?=\(?[a-h]\)?(?:[\s:.)\-,]|$))`,
    'i',
  ).exec(line);
  if (worded) return worded[1] + ' '.repeat(worded[2].length) + line.slice(worded[0].length);
  const placed =
    /^(\s*)(?:part|pt\.?)\s+(?:the\s+)?(first|second|third|fourth)\s+of\s+(?:q|qn|question)\.?\s*(\d{1,2})\b/i.exec(
      line,
    );
  if (placed) {
    const part = PART_ORDINALS[placed[2].toLowerCase()];
    if (tree.childrenOf([placed[3]]).has(part))
      return `${placed[1]}Q${placed[3]} (${part})`.padEnd(placed[0].length) + line.slice(placed[0].length);
  }
  const last = /^(\s*)(?:the\s+)?(?:last|final)\s+question\b(?=\s*(?:$|[:\-–—.,(]))/i.exec(line);
  if (last) {
    const qs = [...tree.childrenOf([])].filter((q) => /^\d+$/.test(q)).map(Number);
    if (qs.length) return `${last[1]}Q${Math.max(...qs)}`.padEnd(last[0].length) + line.slice(last[0].length);
  }
  return line;
}

const CJK_NUMERALS: Record<string, string> = {
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

/**
 * A question or sub-question named in Chinese, Japanese or Korean at a line's start: "答1(a)",
 * "解 3", "問題2", "第二题", "문항 4" (answer, solution, question N) as "Q1(a)", "Q3", "Q2"; "小問(a)"
 * (sub-question) as its letter alone. The same length; an English label right after the same
 * question's ("第一题 Question 1 part b") is left to speak for it.
 */
export function cjkLabelWords(line: string): string {
  const ordinal = /^(\s*)第\s*([一二三四五六七八九]|\d{1,2})\s*[题題问問]\s*/.exec(line);
  if (ordinal) {
    const n = CJK_NUMERALS[ordinal[2]] ?? ordinal[2];
    const rest = line.slice(ordinal[0].length);
    const english = new RegExp(String.raw`^(?:q|qn|ques|question)\.?\s*${n}(?!\d)`, 'i').test(rest);
    return (
      (english ? '' : `Q${n}`)
        .padStart(ordinal[1].length + (english ? 0 : n.length + 1))
        .padEnd(ordinal[0].length) + rest
    );
  }
  const worded = /^(\s*)(?:解答|答案|问题|問題|答|解|问|問|题|題|문항|문제)\s*(\d{1,2})(?!\d)/.exec(line);
  if (worded) return `${worded[1]}Q${worded[2]}`.padEnd(worded[0].length) + line.slice(worded[0].length);
  const sub = /^(\s*)(?:小[問问题題]|소문항)\s*(?=[([]?[a-h][)\]]?)/i.exec(line);
  if (sub) return ' '.repeat(sub[0].length) + line.slice(sub[0].length);
  return line;
}

/**
 * A label AutoCorrect rewrote: "(c)" typed after a question's number or the word part becomes "©"
 * ("3©", "Question 3 part ©", "III. ©"): the letter again, the same length.
 */
export function autocorrectedLabels(line: string): string {
  return line.replace(
    /^(\s*(?:[A-Za-z.]{0,12}\s*)?(?:\d{1,2}|[IVX]{1,4})\.?\s*(?:,?\s*(?:part|pt\.?)\s*)?)©/i,
    '$1c',
  );
}
