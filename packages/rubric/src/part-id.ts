// Part ids as a rubric writes them ("1a", "1b.ii", "5"), taken apart for matching labels on the page.

/** The question number of a part id ("1b.ii" → "1"), or undefined for an id that does not start with one. */
export const questionNumber = (partId: string): string | undefined => /^\d+/.exec(partId)?.[0];

/** A part id's question, letter and roman numeral ("1b.ii" → 1, b, ii), or null for another form. */
export function partLabel(partId: string): { q: string; sub?: string; roman?: string } | null {
  const m = /^(\d+)([a-z])?(?:\.([ivx]+))?$/i.exec(partId);
  return m ? { q: m[1], sub: m[2], roman: m[3] } : null;
}
