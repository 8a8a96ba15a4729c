// Works a script cites ("[5] Howard, A. et al. (2017). MobileNets."): their list is no answer, and the
// numbers citing them in the answers ("(MobileNets [5])", "= 199 [7]") are no part of the maths.
import type { Line } from '@grader/model';
import { retext } from './layout.ts';

/**
 * A heading over a list of works cited, alone on its line: "References", "Bibliography", "Works cited",
 * "Refs:". What follows is no answer: its "(2017)" is a year, not a count.
 */
const REFERENCES =
  /^[\s\-—–=_*~#|.[(]*(?:references?|bibliography|works\s+cited|refs?\.?|sources|literature\s+cited)[\s\-—–=_*~#|.:)\]]*$/i;

/** Initials before a surname: "S. ", "M.-T. ". */
const INITIALS = String.raw`(?:\p{Lu}\.\s*(?:-?\p{Lu}\.\s*)*)?`;

/**
 * A work cited: "[5] Howard, A. et al. (2017)", "[1] S. Hochreiter, J. Schmidhuber, …", "[2] Gers &
 * Schmidhuber, 2000", a year beside a venue, a year in brackets — its "[5]" is no label.
 */
const CITED_WORK = new RegExp(
  String.raw`^\s*[[(]?\d{1,2}[\]).]\s*${INITIALS}\p{Lu}[\p{L}'’.-]+(?:,|\s+(?:&|and|et\s+al\b))|\b(?:19|20)\d{2}[a-z]?\b.*\b(?:journal|proc|conf|arxiv|press|vol|pp)\b|\(\s*(?:19|20)\d{2}[a-z]?\s*\)`,
  'iu',
);

/** Works cited run together on a line with no heading ("[1] Hochreiter & Schmidhuber 1997. [2] Gers, …"). */
const CITED_WORKS = new RegExp(
  String.raw`(?:\[\d{1,2}\]\s*${INITIALS}\p{Lu}[\p{L}'’.-]+(?:,|\s+(?:&|and|et\s+al\b)|\s+\p{Lu})[^[]*){2,}`,
  'u',
);

/** A line that opens a list of works: its heading, or several works run together with none. */
export function startsWorksList(text: string): boolean {
  return REFERENCES.test(text) || CITED_WORKS.test(text);
}

/** A line that cites works as a list does: one work, or several run together. */
export function listsWorks(text: string): boolean {
  return CITED_WORK.test(text) || CITED_WORKS.test(text);
}

/** A line of a list of works that starts a work: "[5] R. Jozefowicz, …", or one cited in any form. */
export function startsNumberedWork(text: string): boolean {
  return /^\s*\[\d{1,2}\]/.test(text) || CITED_WORK.test(text);
}

/** The numbers of the works a script lists (none when it lists none). */
function citedNumbers(lines: Line[]): Set<number> {
  const listed = lines.some((l) => startsWorksList(l.text));
  const out = new Set<number>();
  if (!listed) return out;
  const entry = new RegExp(String.raw`\[(\d{1,2})\]\s*${INITIALS}\p{Lu}[\p{L}'’.-]+`, 'gu');
  for (const l of lines) {
    if (!/^\s*\[\d{1,2}\]/.test(l.text) && !CITED_WORKS.test(l.text)) continue;
    for (const m of l.text.matchAll(entry)) out.add(Number(m[1]));
  }
  return out;
}

/**
 * The lines with the numbers citing the script's own list of works blanked ("(MobileNets [5])" →
 * "(MobileNets    )": the same length, so word positions hold), the list's own entries untouched. A
 * script that lists no works is returned as it is.
 */
export function withoutCitations(lines: Line[]): Line[] {
  const cited = citedNumbers(lines);
  if (!cited.size) return lines;
  // (after a word, a number or a bracket, never after `=`, an operator or a superscript: `h = [5]`)
  const citation = /(?<=[\p{L}\d).,:]\s*)\[(\d{1,2}(?:\s*[,–-]\s*\d{1,2})*)\]/gu;
  const isCited = (inner: string) => inner.split(/\s*[,–-]\s*/).every((n) => cited.has(Number(n)));
  return lines.map((l) => {
    if (startsNumberedWork(l.text) || CITED_WORKS.test(l.text)) return l;
    const text = l.text.replace(citation, (m, inner: string) => (isCited(inner) ? ' '.repeat(m.length) : m));
    if (text === l.text) return l;
    const words = l.words.filter((w) => {
      const m = /^\[(\d{1,2}(?:[,–-]\d{1,2})*)\][.,;:)]*$/.exec(w.text);
      return !(m && isCited(m[1]));
    });
    return retext(l, text, words);
  });
}
