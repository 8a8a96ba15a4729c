export {
  createCoreExtractor,
  type Extractor,
  type FieldErrors,
  type GradingCore,
  isUnreadableFile,
  loadGradingCore,
  type RosterEntry,
} from './core.ts';
export { examFromRow } from './exam-def.ts';
export { refreshExamFlags } from './flags.ts';
export { storeGrade } from './grade-store.ts';
export { preparedGrader, processGrade, processIngest, type WorkerContext } from './processors.ts';
export { reconcile } from './reconciler.ts';
export { createWorker, type GraderWorker, type WorkerOptions } from './worker.ts';
