// Roman numerals as students number questions (IV) and sub-parts (iv) with them.

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10 };

/** A roman numeral's value, in either case ("IV" and "iv" are 4). */
export function romanValue(r: string): number {
  const s = r.toLowerCase();
  return [...s].reduce((sum, c, k) => {
    const v = ROMAN[c];
    return sum + (k + 1 < s.length && ROMAN[s[k + 1]] > v ? -v : v);
  }, 0);
}
