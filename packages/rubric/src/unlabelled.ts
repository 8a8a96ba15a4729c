import type { ExtractedScript } from '@grader/model';
import { partLabel } from './part-id.ts';

// Titles, page numbers and OCR crumbs are not answers: only text with some substance counts.
const FURNITURE =
  /class test|deep learning|cs\s?60010|^\s*(?:page|p\.?)\s*\d+\s*$|^\s*\d+\s*$|^\s*answers?\s*$|^\s*(?:answer\s*(?:script|sheet)|submitted\s+by|date|name|roll)\b/i;

// a note on the order of answers ("I am answering Question 5 first, then 1 to 4") is not an answer
const ORDER_NOTE =
  /\b(?:answers?|answer(?:ing|ed)|attempt(?:ing|ed)?|doing|did|done|solv(?:e|ed|ing)|writ(?:e|ing|ten))\b.{0,60}\b(?:first|later|after|before|order|end)\b|\b(?:not in (?:the )?(?:question |usual |given |same )?order|out of order|in (?:a )?different order)\b|\bq(?:uestion)?\.?\s*\d+\s*(?:\([^)]*\)\s*)?(?:first|before|last|later)\b|^\s*\(?first\s*(?:\(|$)/i;

/** Lines of text ingestion could not attach to a part that look like answer content. */
/** A note on the order the answers are given in ("Q3 answered first, then 1, 2, 4, 5"). */
export function isOrderNote(text: string): boolean {
  return ORDER_NOTE.test(text) && !/[=+*/^]/.test(text);
}

export function meaningfulUnlabelled(script: ExtractedScript): string[] {
  // the student's own name on a line of its own is header, not answer
  const name = script.header.name?.toLowerCase().replace(/\s+/g, ' ').trim();
  // (what the student struck out, "~~ROUGH — ignore~~ ~~199 × 199 = 39601~~", is no answer)
  const lines = script.unlabelled
    .map((l) => l.text.replace(/~~[^~]*~~/g, ' ').trim())
    .filter((t) => !FURNITURE.test(t) && !isOrderNote(t) && (!name || !t.toLowerCase().includes(name)));
  // a few short crumbs (stray marks read by OCR) are not an unlabelled answer
  const letters = lines.join(' ').replace(/[^A-Za-z0-9]/g, '').length;
  return letters >= 25 ? lines.filter((t) => t.replace(/[^A-Za-z0-9]/g, '').length >= 3) : [];
}

/**
 * The unlabelled line that refers to part `partId` ("In 1(b)(i) above I made a mistake", "see Q3 c"),
 * or null: text outside the answers that talks about a part may correct or complete it.
 */
export function referenceOutside(partId: string, script: ExtractedScript): string | null {
  for (const line of meaningfulUnlabelled(script)) {
    if (isOrderNote(line) || REVISION_LOG.test(line)) continue;
    if (namesPart(partId, line)) return line;
  }
  // (or a line of a later answer that corrects it: "# correction to q1_b_i : I forgot …" at the end
  // of Q5's, where its label was not read)
  for (const id of script.order.slice(script.order.indexOf(partId) + 1)) {
    const line = script.parts[id]?.lines.find(
      (l) => CORRECTS.test(l.text) && !REVISION_LOG.test(l.text) && namesPart(partId, l.text),
    );
    if (line) return line.text;
  }
  // (or a line below it, in another part's answer, saying what it becomes: a correction to 1(b)(i)
  // at the end that goes on "so 1 b ii - becomes h_t = …")
  const own = script.parts[partId]?.lines[0];
  if (own)
    for (const id of script.order) {
      if (id === partId) continue;
      const line = script.parts[id]?.lines.find(
        (l) =>
          (l.page > own.page || (l.page === own.page && l.box.y > own.box.y)) &&
          AMENDS.test(l.text) &&
          !REVISION_LOG.test(l.text) &&
          namesPart(partId, l.text),
      );
      if (line) return line.text;
    }
  return null;
}

/**
 * A document's revision history ("Revision history: v1 2:06 PM · v2 2:19 PM fixed tanh in 1(b)ii",
 * its wrapped entries "v3 (14:25) changed 4(a)"): edits made in place, which the answer already shows.
 */
const REVISION_LOG =
  /^\s*(?:revision|version|edit|change)\s*(?:history|log)\b|\bv\d{1,2}\s*\(?\d{1,2}[:.]\d{2}\b/i;

/** Words that say what an answer becomes once another is corrected: "so 1 b ii becomes …", "3(c) is now 75",
 *  "so 1b_ii also changes: h_t = …". */
// (not a note moving it: "move up (should be before 3 c)")
const AMENDS =
  /\bchanges?\s*:|\b(?:becomes?|changes?\s+to|is\s+now|now\s+(?:is|becomes)|should\s+(?:be|read)(?!\s+(?:before|after|above|below|under|placed|moved|written)\b))\b/i;

/** Words that set a line up as correcting an earlier answer. */
const CORRECTS = /\b(?:correct(?:ion|ed|ing)|redo(?:ne)?|re-?do|revis(?:ed|ion)|errat(?:um|a)|edit)\b/i;

/**
 * Whether `line` names part `partId` by its label: "1(b)(i)", "1b.i", "1.b", "Q1 b ii", "question 1 (b)",
 * a key's "q1_b_i" or "ans[1][b]".
 */
export function namesPart(partId: string, line: string): boolean {
  const { q, sub, roman } = partLabel(partId) ?? {};
  if (!q || !sub) return false;
  // (a sub-part named must be this one's)
  const ref = new RegExp(
    `(?:^|[^\\w.])(?:q(?:uestion|n)?\\.?\\s*)?${q}\\s*\\]?\\s*[._([]?\\s*(?:${sub})\\s*[)\\]]?(?:\\s*[._([]?\\s*([ivx]+)\\s*[)\\]]?)?(?![a-z0-9])`,
    'gi',
  );
  // (any of its mentions: "correction to 1b_i …, so 1b_ii also changes" names 1(b)(ii) second)
  return [...line.matchAll(ref)].some((m) => !(m[1] && roman && m[1].toLowerCase() !== roman));
}
