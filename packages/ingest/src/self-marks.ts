// The marks a student gives itself as it writes ("self-mark: 3/3", "My marks (expected): 3/3 — total
// till now = 9", "[confidence: 70%, expect 2/3 – not sure about 3 vs 12]", "running tally: 5/5"): no
// answer. Read as one, the running total (9) would be 3(c)'s count and "3 vs 12" 1(a)'s positions.
import type { Line } from '@grader/model';
import { blankedAt } from './layout.ts';

/** Words that say a number is the student's own estimate of its marks. */
const SELF =
  /\b(?:self[-\s]?(?:marks?|assess\w*|score|grade|check(?=\s*:))|self\s*:|my\s+marks?|marks?\s+(?:expected|i\s+expect)|expected\s+(?:marks?|total|score)|expect(?=\s+\d)|i'?d\s+give\s+myself|give\s+myself|(?:running\s+)?tally|running(?:\s+total)?\s*:|total\s+till\s+now|(?:sum|total)\s+so\s+far|so\s+far\s*:?(?=\s*\d)|confidence\s*[:=]?\s*\d{1,3}\s*%)/i;
/** A mark out of a part's or the paper's marks: "3/3", "0.5 / 1", "16.5/20", "2 out of 3". */
const OUT_OF = /\b\d{1,2}(?:\.5)?\s*(?:\/|out\s+of)\s*\d{1,2}\b|\d{1,3}\s*%/;
/** The estimate as a bare mark after its words and a colon: "[expected marks: 1]", "Self grade: 2". */
const SELF_MARK = new RegExp(String.raw`${SELF.source}\s*[:=]\s*\d{1,2}(?:\.5)?(?![\d.,]*\s*[×x*+\-/])`, 'i');
/** The paper's marks for the part restated before an estimate: "(worth 1 + 1)", "Marks: 2.", "(3 marks)". */
const PAPER_MARKS =
  /\(\s*worth\s+\d{1,2}(?:\s*\+\s*\d{1,2})*\s*\)|\bmarks?(?:\s+on\s+(?:the\s+)?paper)?\s*[:\-–—]?\s*\d{1,2}(?:\s*\+\s*\d{1,2})*(?!\d)|[([]\s*\d{1,2}\s+marks?\s*[)\]]/i;
/** A mark out of the part's, ticked, alone on its line: "-> 3/3 ✓", "(2 marks) -- 2/2 ✓". */
const TICKED =
  /^\s*(?:[([]\s*\d{1,2}\s+marks?\s*[)\]])?\s*(?:[-–—>→]+\s*)?\d{1,2}(?:\.5)?\s*\/\s*\d{1,2}\s*[✓✔✗✘]/;
/** An estimate of a mark after them: "→ my guess 2.5", "Probably 2/2", "— I think 2 out of 3", "-- probably 1 here". */
const ESTIMATE =
  /\b(?:my\s+guess|probably|i\s+think|i'?d\s+say)\s*[:\-–—]?\s*(\d{1,2}(?:\.5)?)(?!\d|[,.]\d)/i;

/**
 * The lines with the students' own marks blanked: from where the estimate starts to the line's end
 * (the whole line when nothing of the answer stands before it, "-> I think 2/3 (…) sum so far: 2").
 */
export function withoutSelfMarks(lines: Line[]): Line[] {
  return lines.map((l) => {
    if (TICKED.test(l.text)) return blankedAt(l, 0, l.text.length);
    const paper = PAPER_MARKS.exec(l.text);
    const guess = paper ? ESTIMATE.exec(l.text.slice(paper.index + paper[0].length)) : null;
    // (an estimate no larger than the marks it is out of: "(3 marks): I think 72 parameters" is an answer)
    const outOf = paper ? (paper[0].match(/\d+/g) ?? []).reduce((a, n) => a + Number(n), 0) : 0;
    if (paper && guess && Number(guess[1]) <= outOf) {
      const at = /[\d=]/.test(l.text.slice(0, paper.index)) ? paper.index : 0;
      return blankedAt(l, at, l.text.length - at);
    }
    const said = SELF.exec(l.text);
    if (!said || !(OUT_OF.test(l.text) || SELF_MARK.test(l.text))) return l;
    const mark = OUT_OF.exec(l.text);
    let at = Math.min(said.index, mark && mark.index < said.index ? mark.index : said.index);
    // (no answer before it: arrows, brackets and words only, "-> I think", "[")
    if (!/[\d=]/.test(l.text.slice(0, at))) at = 0;
    return blankedAt(l, at, l.text.length - at);
  });
}

/** A mark scheme's code: method, accuracy, independent marks ("M1", "A1", "B1", "dM1"), and its words. */
const SCHEME = String.raw`(?:d?[MABE][1-4]|ft|f\.t\.|cao|c\.a\.o\.|oe|o\.e\.|AG|dep|isw|awrt)`;
/**
 * The codes a mark scheme writes after a line of working, closing the line: "= 60 M1 A1", "72 (M1)",
 * "[M1 A1 ft]", "B1 cao". At least one a mark's code, so "oe" alone stays a word.
 */
// (brackets in pairs: "(Appendix, A3)" cites an appendix's item, its bracket opened before)
const CODES = String.raw`${SCHEME}(?:\s*[,;]?\s*${SCHEME})*`;
const SCHEME_TAIL = new RegExp(String.raw`(?:\s+(?:\(\s*${CODES}\s*\)|\[\s*${CODES}\s*\]|${CODES}))+\s*$`);
const SCHEME_MARK = /\b(?:d?[MABE][1-4])\b/;

/**
 * The lines with a mark scheme's codes closing them blanked (a student annotating its working as an
 * A-level mark scheme does): read with the line, "60 M1 A1" is 60 million and more.
 */
export function withoutSchemeMarks(lines: Line[]): Line[] {
  return lines.map((l) => {
    const m = SCHEME_TAIL.exec(l.text);
    if (!m || !SCHEME_MARK.test(m[0]) || !l.text.slice(0, m.index).trim()) return l;
    return blankedAt(l, m.index, m[0].length);
  });
}
