// A heading whose part is named in brackets at its end ("Position matching  [part (a)]", "CAPTION:
// Dot-product attention  [Question 2]"): the tag is the heading's label, read where labels are read.
import type { Line } from '@grader/model';
import { findLabel, type PartTree } from './labels.ts';
import { retext } from './layout.ts';

/** "[part (a)]", "[part (b) i]", "[Question 3]", "[Q 4(b)]" ending a line (a label and nothing else: "[Q2(a) steps 1–3]" cites one). */
const TAG_AT_END =
  /\s+(\[\s*(?:part|question|qn|q\.?)\s*(?=[\d(a-h])(?:\d{1,2})?\s*(?:\(?[a-h]\)?)?\s*(?:\(?(?:i{1,3}|iv)\)?)?\s*\])\s*$/i;

/**
 * The lines with a heading's closing tag moved to its start ("part (a): Position matching"), word
 * boxes and all. A line that computes (`=`) before the tag keeps it: "… = 0.6044  [part (b) ii]" names
 * the answer it closes, which trailing labels read.
 */
export function headingTagsFirst(lines: Line[], tree: PartTree): Line[] {
  // (where most tags close a computation, the script tags its answers' lines, not headings: all are
  // read as trailing labels, together)
  const tagged = lines.flatMap((l) => {
    const m = TAG_AT_END.exec(l.text);
    return m ? [/[=≈]/.test(l.text.slice(0, m.index))] : [];
  });
  if (tagged.length >= 3 && tagged.filter(Boolean).length > tagged.length / 2) return lines;
  return lines.map((l) => {
    const m = TAG_AT_END.exec(l.text);
    if (!m || /[=≈]/.test(l.text.slice(0, m.index))) return l;
    // (a heading labelled at its start already, "2.2 Additional parameters [Q2(b)]", says it twice)
    if (findLabel(l.text, tree)) return l;
    const lead = /^\s*/.exec(l.text)?.[0] ?? '';
    const rest = l.text.slice(lead.length, m.index);
    if (!rest.trim()) return l;
    const tagWords = m[1].split(/\s+/).length;
    const words = [...l.words.slice(-tagWords), ...l.words.slice(0, -tagWords)];
    // (its brackets dropped: "[Question 1]" over sub-parts reads as a citation's "[1]" would)
    return retext(l, `${lead}${m[1].slice(1, -1).trim()}: ${rest}`, words);
  });
}
