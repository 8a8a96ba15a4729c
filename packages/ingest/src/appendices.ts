// Working set apart in appendices at the end ("APPENDIX A (Q1)", "Appendix B -- working for I(b) and
// III", "Annexure II (Q3 c)"), the answers pointing to it ("[working in App. A.2]", "see Annexure IV"):
// an appendix is no part's answer, whichever answer it follows on the page.

import { APPENDIX_HEADING } from '@grader/parse';

/** A later heading that gives answers again: "Errata", "Addendum", "Correction to 1(b)(i)", "P.S.". */
const AFTERWORD = /^\s*(?:errata|erratum|addend(?:um|a)|corrigend(?:um|a)|correction\b|p\.\s*s\.)/i;

/**
 * The script's lines apart from its appendices: from the first appendix heading on, to an errata or
 * addendum after them (answers given again, read as answers), or the end. The labels inside an
 * appendix ("A.2 (for 1(b)(i))") head no answer.
 */
export function withoutAppendices<L extends { text: string }>(lines: L[]): { lines: L[]; appendices: L[] } {
  const start = lines.findIndex((l) => APPENDIX_HEADING.test(l.text));
  if (start < 0) return { lines, appendices: [] };
  const after = lines.findIndex((l, i) => i > start && AFTERWORD.test(l.text));
  const end = after < 0 ? lines.length : after;
  return { lines: [...lines.slice(0, start), ...lines.slice(end)], appendices: lines.slice(start, end) };
}
