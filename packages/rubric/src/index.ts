// @grader/rubric: the rubric format and grading. See README.md.

export { gradeBatch } from './batch.ts';
export { computeEcf, ECF_FUNCTIONS } from './ecf.ts';
export { applyFlags, headerFinding, linkedParts, organisationFinding, similarityPairs } from './flags.ts';
export { type GradedScript, type GradingContext, gradePart, gradeScript, type PartReading } from './grade.ts';
export { KeyError, type Keys, lookupPath, resolveKey } from './keys.ts';
export {
  checkRubric,
  loadRubric,
  loadRubricFile,
  parseRubric,
  RubricError,
  type RubricProblem,
} from './load.ts';
export * from './schema.ts';
export { scriptFromText, type TextScriptOptions } from './testing.ts';
