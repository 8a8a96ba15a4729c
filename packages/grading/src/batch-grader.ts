// A regrade's grader: every script graded once, one at a time (the caller yields between them), and
// the flags that compare scripts with each other (similarity) computed once over the whole batch at
// the end. The result equals `prepare` per script with `batchFlags` over the batch (what a grade job
// and the exam's flag refresh store), without grading every script a second time for the flags.
import { computeKeys, type Exam, examParameters } from '@grader/exam';
import type { ExtractedScript, ScriptGrade } from '@grader/model';
import { applyFlags, type GradedScript, gradeScript, parseRubric } from '@grader/rubric';

export interface BatchGrader {
  /** grade one script now (its batch flags come with `finish`) */
  add(extraction: ExtractedScript, fileName: string): void;
  /** every added script's grade, in order, with the flags across the batch */
  finish(): ScriptGrade[];
}

/** The batch grader of an exam without versions (with versions: grade with `prepare`). */
export function createBatchGrader(
  exam: Exam,
  parameters: Record<string, unknown>,
  yaml: string,
): BatchGrader {
  const rubric = parseRubric(yaml);
  const overrides = parameters as Parameters<typeof computeKeys>[1];
  const ctx = {
    keys: computeKeys(exam, overrides),
    params: examParameters(exam, overrides),
    reviewThreshold: exam.reviewThreshold,
  };
  const graded: GradedScript[] = [];
  const scripts: ExtractedScript[] = [];
  return {
    add(extraction, fileName) {
      graded.push(gradeScript(rubric, ctx, extraction, fileName));
      scripts.push(extraction);
    },
    finish: () => applyFlags(graded, scripts, rubric),
  };
}
