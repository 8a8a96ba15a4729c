// A script's own numbered lists of assumptions or notation, set out before its answers
// ("Assumptions", then "1. Biases are included …", "A2. …", "(iii) …"): read by ingestion, so their
// numbers are not taken for question labels, and by grading, so an answer citing one is read with it.

/**
 * An appendix's heading at a line's start, where a script keeps working apart from its answers:
 * "APPENDIX A (Q1)", "Appendix II", "Annexure I (Q1 b)" (not "Appendix 2 = …").
 */
export const APPENDIX_HEADING =
  /^\s*(?:appendix|annex(?:ure)?)\s*~?\s*(?:[A-H]|[IVX]{1,4}|\d{1,2})\b(?!\s*[=+×*])/i;

/** "Assumptions", "Notation and conventions (used throughout)", "Conventions:", "Glossary" */
export const LIST_HEADING =
  /^[\s#=*_\-—–|]*(?:(?:my\s+)?assumptions?(?:\s+made)?|notations?|conventions?|notation\s+(?:and|&)\s+(?:conventions?|assumptions?)|glossary|symbols(?:\s+used)?|definitions)(?:\s*\([^)]{0,40}\))?[\s#=*_\-—–|.:]*$/i;
/** A list item's marker: "1.", "(2)", "A1.", "(iii)", "b)" */
const ITEM = /^\s*(?:\(([ivx]{1,4}|\d{1,2}|[a-h])\)|([ivx]{1,4}|\d{1,2}|[a-h])[.)]|A(\d{1,2})\.?)\s+(\S.*)$/i;

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'];
/** The place of a marker in its sequence (1 for "1", "i", "a", "A1"). */
export function ordinal(marker: string): number {
  const m = marker.toLowerCase();
  if (/^\d+$/.test(m)) return Number(m);
  if (ROMAN.includes(m)) return ROMAN.indexOf(m) + 1;
  return m.charCodeAt(0) - 96;
}

export interface ListItem {
  /** index of the item's line in the lines given */
  index: number;
  /** its place in the list, from 1 */
  n: number;
  /** its text after the marker */
  text: string;
}

/**
 * The items of the numbered lists right under such a heading among the first `within` lines: items
 * numbered from one, each the next; `runsOn(i)` says whether line `i`, with no marker, is an item's
 * text run on (its items continue after it). The list ends at the first line that is neither.
 */
export function headedLists(
  texts: string[],
  within = texts.length,
  runsOn: (i: number) => boolean = () => false,
): ListItem[] {
  const out: ListItem[] = [];
  for (let i = 0; i < Math.min(texts.length, within); i++) {
    if (!LIST_HEADING.test(texts[i])) continue;
    let expect = 1;
    for (let j = i + 1; j < texts.length; j++) {
      const m = ITEM.exec(texts[j]);
      const marker = m && (m[1] ?? m[2] ?? m[3]);
      if (m && marker && ordinal(marker) === expect) {
        out.push({ index: j, n: expect++, text: m[4] });
        continue;
      }
      if (expect > 1 && !marker && runsOn(j)) continue;
      break;
    }
  }
  return out;
}
