// The values the grader read in an answer, stored with each part grade (`parts[id].values`), so
// the review queue groups scripts by what they say, not by how the OCR spelled it.

import type { ExtractedScript, ScriptGrade } from '@grader/model';
import { findNumbers, lastVector } from '@grader/parse';

/**
 * The normalised value of an answer: its last vector (`{0.7,0.2,0.05}` and `[0.70, 0.20, 0.050]`
 * are both [0.7, 0.2, 0.05]), else the numbers it holds; null when it holds no number.
 */
export function answerValues(text: string): number[] | null {
  if (!text.trim()) return null;
  const v = lastVector(text);
  if (v) return v.map(tidy);
  const nums = findNumbers(text).map((n) => tidy(n.value));
  return nums.length ? nums : null;
}

/** 0.1 + 0.2 and 0.3 are the same reading. */
function tidy(n: number): number {
  return Number(n.toPrecision(12));
}

/**
 * The grade with each part's `values` filled from the extraction (a value the core already set is
 * kept). Every automatic grade passes through here before it is stored: grade jobs and regrades.
 */
export function withAnswerValues(grade: ScriptGrade, extraction: ExtractedScript): ScriptGrade {
  const parts: ScriptGrade['parts'] = {};
  for (const [id, p] of Object.entries(grade.parts)) {
    const text = extraction.parts?.[id]?.text;
    const values = p.values ?? (text === undefined ? null : answerValues(text));
    parts[id] = values ? { ...p, values } : p;
  }
  return { ...grade, parts };
}
