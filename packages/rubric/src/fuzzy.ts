// Words OCR (or a hurried hand) bends a letter of: found within a few edits.

/**
 * Fewest edits to find `phrase` anywhere in `text` (both letters only): OCR splits and joins words
 * ("can didate", "theinputgate") and slips a letter ("autput", "cel").
 */
export function editsWithin(phrase: string, text: string): number {
  let prev = new Array<number>(text.length + 1).fill(0);
  for (let i = 1; i <= phrase.length; i++) {
    const cur = [i];
    for (let j = 1; j <= text.length; j++)
      cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (phrase[i - 1] === text[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return Math.min(...prev);
}

/**
 * The plain word a cue spells when it is one (`depth ?wise` → `depthwise`, `multiplications?` →
 * `multiplication`), for finding it misspelt; null for a cue with other pattern syntax.
 */
export function cueWord(cue: string): string | null {
  if (!/^[a-z ?]+$/i.test(cue)) return null;
  const w = cue.replace(/ \?/g, '').replace(/s\?$/, '');
  return /^[a-z]+$/i.test(w) ? w.toLowerCase() : null;
}
