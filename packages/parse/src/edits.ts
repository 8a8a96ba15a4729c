// How far a written word is from a wanted one, as OCR and hurried hands bend words.

/**
 * Fewest edits (insertions, deletions, substitutions at `sub`'s cost, 1 by default) to find `want`
 * anywhere in `text`: the start and end in `text` are free. OCR splits and joins words ("can
 * didate", "theinputgate") and slips a letter ("autput", "cel").
 */
export function editsWithin(
  want: string,
  text: string,
  sub: (a: string, b: string) => number = (a, b) => (a === b ? 0 : 1),
): number {
  let prev = new Array<number>(text.length + 1).fill(0);
  for (let i = 1; i <= want.length; i++) {
    const cur = [i];
    for (let j = 1; j <= text.length; j++)
      cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + sub(want[i - 1], text[j - 1])));
    prev = cur;
  }
  return Math.min(...prev);
}
