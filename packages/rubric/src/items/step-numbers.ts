// Numbers in an answer that name a statement, a step or an equation rather than a value: "4. Hence
// …", "Claim 2", "(8)" after "from", proof-style steps "(17)" and references to them.

/** A list item's number at a line's start ("4. Hence …"): the line start, its indent, the number. */
// (or in brackets, as proof-style steps are numbered: "(17) (15) has no trainable weight")
export const LIST_ITEM = /(^|\n)([ \t]*)(?:\d{1,2}[.)]|\(\d{1,2}\))(?=[ \t]+[\p{L}(])/gu;
/** Text numbered as a list: two lines or more start with an item's number. */
export const isList = (text: string) => (text.match(LIST_ITEM) ?? []).length >= 2;

/**
 * A table's rows numbered with bare numbers at their line starts ("1 e_kj = s·h_j 0", "2 softmax 0",
 * "3 C_k = …"): three or more, 1, 2, 3 … in order, each before a word or a bracket. Those numbers
 * count rows, not anything asked: blanked, the same length.
 */
const ROW_NUMBER = /(^|\n)([ \t]*)(\d{1,2})(?=[ \t]+[\p{L}(])/gu;
export function withoutRowNumbers(text: string): string {
  let run = 0;
  for (const m of text.matchAll(ROW_NUMBER)) if (Number(m[3]) === run + 1) run++;
  if (run < 3) return text;
  let want = 1;
  return text.replace(ROW_NUMBER, (m, a: string, b: string, n: string) => {
    if (Number(n) !== want || want > run) return m;
    want++;
    return `${a}${b}${' '.repeat(n.length)}`;
  });
}

/**
 * Whether a number names a statement ("Claim 2.2.", "by Lemma 3", "Step 4:") or a question ("Self-Q 1:",
 * a student's own small questions inside a part, "Q2. Why?"), not a value.
 */
export function statementNumber(text: string, x: { start: number }): boolean {
  // (or a list item's number: "4. Hence additional parameters = 0.", "2) The softmax …")
  const lineHead = text.slice(text.lastIndexOf('\n', x.start - 1) + 1, x.start);
  const listItem =
    ((/^[ \t]*$/.test(lineHead) && /^\d{1,2}[.)][ \t]+\p{L}/u.test(text.slice(x.start, x.start + 6))) ||
      (/^[ \t]*\($/.test(lineHead) && /^\d{1,2}\)[ \t]+[\p{L}(]/u.test(text.slice(x.start, x.start + 7)))) &&
    isList(text);
  // (or a question's number with its part after it, naming the part: "Result 2(a): …", "see 3 (b)")
  const partNamed = /^\d\s?\(\s*[a-h]\s*\)/.test(text.slice(x.start, x.start + 7));
  return (
    listItem ||
    partNamed ||
    /\b(?:claim|lemma|proposition|prop|theorem|thm|corollary|definition|defn|remark|step|case|eqn?|equation|section|§|(?:self-|sub-|mini-)?q)\.?\s*$/i.test(
      text.slice(Math.max(0, x.start - 14), x.start),
    )
  );
}

/** Whether a number is an equation's tag or a reference to one: "(8)" after "in", "from", "by",
 *  "see", "using", "eq.", or set at the end of its line after an equation ("… = 0.7  (3)"). */
export function equationRef(text: string, x: { start: number; end: number }): boolean {
  if (text[x.start - 1] !== '(' || text[x.end] !== ')' || !/^\d{1,2}$/.test(text.slice(x.start, x.end)))
    return false;
  const before = text.slice(Math.max(0, x.start - 16), x.start - 1);
  const lineEnd = text.indexOf('\n', x.end);
  const after = text.slice(x.end + 1, lineEnd < 0 ? undefined : lineEnd);
  return (
    /(?:\b(?:in|from|by|see|using|with|of|into|eqn?\.?|equation|and|to)|\(\d{1,2}\)\s*[-–—])\s*$/i.test(
      before,
    ) ||
    (/^[\s.,;]*$/.test(after) && /[=≈]/.test(text.slice(text.lastIndexOf('\n', x.start) + 1, x.start)))
  );
}

/** Steps numbered in brackets at line starts, two or more ("(17) …", "(18) …"). */
export const bracketSteps = (text: string) => (text.match(/(?:^|\n)[ \t]*\(\d{1,2}\)/g) ?? []).length >= 2;

/** In text numbered so, a bracketed step number anywhere refers to a step: "(15) has no trainable weight", "[(19)]". */
export const stepRef = (text: string, x: { start: number; end: number }) =>
  text[x.start - 1] === '(' && text[x.end] === ')' && x.end - x.start <= 2;
