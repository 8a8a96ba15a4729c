// Regrades run as worker jobs: a rubric, parameter or exam-version edit answers 202 with its
// regrade; the exam stays on its current rubric version until the regrade is done, then switches
// with every grade at once. Progress arrives on the exam's event stream (`event: regrade`) and from
// GET /api/exams/:examId/regrades/:regradeId.
import { z } from 'zod';
import { RegradeSummary, StoredVersion } from './responses.ts';

export const RegradeStatus = z.enum(['queued', 'running', 'done', 'failed']);
export type RegradeStatus = z.infer<typeof RegradeStatus>;

/** One regrade: `apply` (a saved change) or `preview` (nothing stored but the summary). */
export const RegradeRun = z.object({
  id: z.string(),
  examId: z.string(),
  kind: z.enum(['apply', 'preview']),
  status: RegradeStatus,
  /** scripts graded so far, of `total` */
  done: z.number().int(),
  total: z.number().int(),
  /** the pending (then current) rubric version's number; null for a preview */
  rubricVersion: z.number().int().nullable(),
  /** the before/after summary, once done */
  summary: RegradeSummary.nullable(),
  /** why it failed */
  error: z.string().nullable(),
  createdAt: z.string().min(1),
  finishedAt: z.string().nullable(),
});
export type RegradeRun = z.infer<typeof RegradeRun>;

/** 202 to a rubric edit: the new version, pending until its regrade is done. */
export const RubricQueued = z.object({
  version: z.number().int(),
  rubricVersionId: z.string(),
  regrade: RegradeRun,
});
export type RubricQueued = z.infer<typeof RubricQueued>;
/** 202 to a parameter change: the keys before and after, the pending version and its regrade. */
export const ParametersQueued = RubricQueued.extend({ oldKeys: z.unknown(), newKeys: z.unknown() });
export type ParametersQueued = z.infer<typeof ParametersQueued>;
/** 202 to a preview request: the preview's regrade (its summary comes when done). */
export const PreviewQueued = z.object({ regrade: RegradeRun });
/** An exam-version change: the new list (pending while `regrade` runs; null: no rubric to regrade). */
export const VersionsQueued = z.object({
  versions: z.array(StoredVersion),
  rubricVersion: z.number().int(),
  regrade: RegradeRun.nullable(),
});
export const VersionsCreatedQueued = VersionsQueued.extend({
  created: z.array(z.string()),
  seed: z.number().optional(),
});
/** GET /api/exams/:examId/regrades/latest: the exam's newest saved change's regrade, if any */
export const LatestRegrade = z.object({ regrade: RegradeRun.nullable() });
