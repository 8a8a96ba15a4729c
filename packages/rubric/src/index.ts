// @grader/rubric: the rubric format and grading. See README.md.
import type { ExtractedScript, PartAnswer, ScriptGrade } from '@grader/model';
import { gradeBatch as gradeBatchFilled } from './batch.ts';
import { type PairEvidence, pairEvidence } from './flags.ts';
import {
  type GradedScript,
  type GradingContext,
  gradePart as gradePartFilled,
  gradeScript as gradeScriptFilled,
  type PartReading,
  type PreviousGrading,
} from './grade.ts';
import { preparePart, prepareRubric } from './load.ts';
import type { Part, Rubric } from './schema.ts';

export { computeEcf, ECF_FUNCTIONS } from './ecf.ts';
export {
  applyFlags,
  headerFinding,
  linkedParts,
  organisationFinding,
  type PairEvidence,
  pairEvidence,
  similarityPairs,
} from './flags.ts';
export { unchangedParts } from './incremental.ts';
export {
  KeyError,
  type Keys,
  lookupPath,
  renderTemplate,
  resolveKey,
  roundKey,
  TemplateError,
  type TemplateMode,
  type TemplateValues,
} from './keys.ts';
export {
  checkRubric,
  checkRubricValues,
  loadRubric,
  loadRubricFile,
  parseRubric,
  preparePart,
  prepareRubric,
  RubricError,
  type RubricIssue,
  type RubricProblem,
  type RubricValues,
} from './load.ts';
export * from './schema.ts';
export { scriptFromText, type TextScriptOptions } from './testing.ts';
export {
  assignVersion,
  betterVersion,
  type GradingVersion,
  gradeVersionedBatch,
  type VersionAssignment,
  type VersionClaim,
  type VersionedScript,
  valuesRight,
} from './versions.ts';
export type { GradedScript, GradingContext, PartReading, PreviousGrading };

// The grading entry points fill the rubric's templates in for the context's keys and parameters
// first (memoised: once per rubric and parameter set), so the grading code sees plain strings.

/** Grade one extracted script (no batch flags: see gradeBatch). */
export function gradeScript(
  rubric: Rubric,
  ctx: GradingContext,
  script: ExtractedScript,
  file?: string,
  previous?: PreviousGrading,
): GradedScript {
  return gradeScriptFilled(prepareRubric(rubric, ctx), ctx, script, file, previous);
}

/** Grade a batch of extracted scripts and compute the script-level flags across it. */
export function gradeBatch(
  rubric: Rubric,
  ctx: GradingContext,
  scripts: Array<{ file: string; script: ExtractedScript }>,
): ScriptGrade[] {
  return gradeBatchFilled(prepareRubric(rubric, ctx), ctx, scripts);
}

/** What scripts `a` and `b` of a batch share (the `similarity` flag's evidence), judged on the batch. */
export function similarityEvidence(
  rubric: Rubric,
  ctx: GradingContext,
  scripts: Array<{ file: string; script: ExtractedScript }>,
  a: number,
  b: number,
): PairEvidence {
  const filled = prepareRubric(rubric, ctx);
  const graded = scripts.map((s) => gradeScriptFilled(filled, ctx, s.script, s.file));
  return pairEvidence(
    graded,
    scripts.map((s) => s.script),
    a,
    b,
  );
}

/** Grade one part (`answers`: the values read so far, for error carried forward). */
export function gradePart(
  part: Part,
  answer: PartAnswer | undefined,
  script: ExtractedScript,
  ctx: GradingContext,
  answers: Map<string, unknown>,
): ReturnType<typeof gradePartFilled> {
  return gradePartFilled(preparePart(part, ctx), answer, script, ctx, answers);
}
