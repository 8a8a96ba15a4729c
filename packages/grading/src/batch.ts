import type { ExtractedScript, ScriptGrade } from '@grader/model';
import {
  type GradingContext,
  type GradingVersion,
  gradeBatch,
  gradeVersionedBatch,
  type Rubric,
} from '@grader/rubric';
import { withAnswerValues } from './values.ts';

/** One readable script of a batch. */
export interface BatchScript {
  file: string;
  script: ExtractedScript;
  /** the roster's exam version for the script's student, when grading with versions */
  rosterVersion?: string | null;
}

/** What a batch is graded on: one parameter set, or each script on its own exam version. */
export type BatchKeys =
  | { ctx: GradingContext }
  | { versions: readonly GradingVersion[]; reviewThreshold: number };

/**
 * Grade a batch of extracted scripts together: every script's parts, then the script-level flags
 * across the batch (`similarity` compares every script with every other). With versions, each
 * script is graded on its own version's keys and rubric (roster, else the code written on it, else
 * the first version) and gets the `version` flag when that is in doubt. `rubric` is the rubric as
 * loaded: it is filled in for the keys here. The order of the result is the order of `scripts`;
 * each part carries the values read in its answer (`withAnswerValues`).
 */
export function gradeExtractedBatch(
  rubric: Rubric,
  on: BatchKeys,
  scripts: readonly BatchScript[],
): ScriptGrade[] {
  const grades =
    'versions' in on
      ? gradeVersionedBatch(rubric, on.versions, on.reviewThreshold, scripts)
      : gradeBatch(
          rubric,
          on.ctx,
          scripts.map((s) => ({ file: s.file, script: s.script })),
        );
  // every path (CLI, grade job, regrade) gets each part's values for the review groups here
  return grades.map((g, i) => withAnswerValues(g, scripts[i].script));
}
