// @grader/jobs: the BullMQ side of the pipeline (see README.md): the ingest and grade processors,
// the reconciler and createWorker. The worker app runs it; the API's and the web's end-to-end
// tests start it in-process.

export {
  backfillPageImages,
  ingestRenderer,
  type PageRenderer,
  storePageImages,
} from './page-images.ts';
export {
  type AttemptInfo,
  preparedGrader,
  processGrade,
  processIngest,
  type WorkerContext,
} from './processors.ts';
export { reconcile } from './reconciler.ts';
export {
  gradeExamScripts,
  processRegrade,
  type RegradePlan,
  type RegradeRubric,
  type RegradeSummary,
  reconcileRegrades,
} from './regrade.ts';
export { processSplit } from './split.ts';
export { createWorker, type GraderWorker, type WorkerOptions } from './worker.ts';
