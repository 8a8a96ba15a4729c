// @grader/grading: the grading pipeline assembled once (see README.md). The worker's jobs, the API
// and the CLI all take extraction, grading and the exam-wide flags from here.
export { type BatchKeys, type BatchScript, gradeExtractedBatch } from './batch.ts';
export {
  createCoreExtractor,
  type Extractor,
  type GradingCore,
  type Issue,
  isUnreadableFile,
  loadGradingCore,
  type RosterEntry,
} from './core.ts';
export { examFromRow } from './exam-row.ts';
export { refreshExamFlags, refreshFlagsIfBatchComplete } from './flags.ts';
export { answerValues, withAnswerValues } from './values.ts';
