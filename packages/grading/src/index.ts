// @grader/grading: the grading pipeline assembled once (see README.md). The worker's jobs, the API
// and the CLI all take extraction, grading and the exam-wide flags from here.
export { type BatchKeys, type BatchScript, gradeExtractedBatch } from './batch.ts';
export { type BatchGrader, createBatchGrader, type StoredGrading } from './batch-grader.ts';
export {
  createCoreExtractor,
  type Extractor,
  type GradingCore,
  type Issue,
  isUnreadableFile,
  loadGradingCore,
  type PreviousRubric,
  type Readings,
  type RosterEntry,
  type SimilarityEvidence,
  VersionsUnusableError,
} from './core.ts';
export { examFromRow } from './exam-row.ts';
export { refreshExamFlags, refreshFlagsIfBatchComplete } from './flags.ts';
export { rosterVersionOf, rosterVersions } from './roster-versions.ts';
export { answerValues, withAnswerValues } from './values.ts';
export {
  checkExamVersions,
  type DrawRequest,
  drawExamVersions,
  examAt,
  type StoredVersion,
  StoredVersionSchema,
  storedVersions,
  toStored,
  type VersionsProblem,
  type VersionsResult,
  versionPaper,
} from './versions.ts';
