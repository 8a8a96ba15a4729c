// Regrades on the API side: the API never grades. It records a regrade (`regrades` row), enqueues
// the job (`regrade` queue, run by @grader/jobs on the worker) and reports progress. A saved change
// is one `apply` regrade with its pending rubric version; a preview is a `preview` regrade.
import type { RegradeRun } from '@grader/contract';
import { Prisma } from '@grader/db';
import type { StoredVersion } from '@grader/grading';
import type { AppContext } from '../context.ts';
import { HttpError, notFound } from '../errors.ts';

export type { RegradeRun };

/** The before/after summary of a regrade (see @grader/jobs). */
export type RegradeSummary = NonNullable<RegradeRun['summary']>;

export const BUSY_MESSAGE =
  'a regrade of this exam is still running: wait until it is done (its progress is on the rubric page), then save again';

type RunRow = {
  id: string;
  examId: string;
  kind: string;
  status: RegradeRun['status'];
  done: number;
  total: number;
  summary: unknown;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  rubricVersion?: { version: number } | null;
};

/** A regrade as the API answers it. */
export function regradeView(r: RunRow): RegradeRun {
  return {
    id: r.id,
    examId: r.examId,
    kind: r.kind === 'preview' ? 'preview' : 'apply',
    status: r.status,
    done: r.done,
    total: r.total,
    rubricVersion: r.rubricVersion?.version ?? null,
    summary: (r.summary as RegradeRun['summary']) ?? null,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

/** The exam's queued or running saved change, if any. */
export async function activeRegrade(ctx: AppContext, examId: string) {
  return ctx.db.regrade.findFirst({
    where: { examId, kind: 'apply', status: { in: ['queued', 'running'] } },
    include: { rubricVersion: { select: { version: true } } },
  });
}

/** 409 while a saved change of the exam is still regrading (one change at a time, see README). */
export async function assertNoActiveRegrade(ctx: AppContext, examId: string): Promise<void> {
  if (await activeRegrade(ctx, examId)) throw new HttpError('conflict', BUSY_MESSAGE);
}

const isUniqueViolation = (err: unknown) =>
  err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';

/** What the job writes on the exam when it switches (@grader/jobs' RegradePlan). */
export interface RegradePlan {
  parameters: Record<string, unknown>;
  versions: StoredVersion[];
  note: string;
  regradeReason: string;
}

/**
 * A new rubric version, pending (not the exam's current one), and its `apply` regrade, made
 * together; then the job. A second change while one is queued or running is refused with 409 (the
 * partial unique index `regrades_one_active_apply` holds this even for two requests at once).
 */
export async function startApplyRegrade(
  ctx: AppContext,
  examId: string,
  actorId: string,
  version: { yaml: string; parameters: Record<string, unknown>; keys: unknown; versions: StoredVersion[] },
  plan: RegradePlan,
) {
  await assertNoActiveRegrade(ctx, examId);
  const made = await ctx.db
    .$transaction(async (tx) => {
      const last = await tx.rubricVersion.findFirst({ where: { examId }, orderBy: { version: 'desc' } });
      const rv = await tx.rubricVersion.create({
        data: {
          examId,
          version: (last?.version ?? 0) + 1,
          yaml: version.yaml,
          parameters: version.parameters as object,
          keys: (version.keys ?? undefined) as object | undefined,
          versions: version.versions.length ? (version.versions as object) : undefined,
          note: plan.note,
          createdById: actorId,
        },
      });
      const run = await tx.regrade.create({
        data: { examId, kind: 'apply', rubricVersionId: rv.id, plan: plan as object, actorId },
        include: { rubricVersion: { select: { version: true } } },
      });
      return { rv, run };
    })
    .catch((err) => {
      if (isUniqueViolation(err)) throw new HttpError('conflict', BUSY_MESSAGE);
      throw err;
    });
  // a lost enqueue (Redis down) is picked up by the worker's reconciler: the row is the truth
  await ctx.queues.addRegrade({ regradeId: made.run.id }).catch((err) => {
    ctx.log(`regrade ${made.run.id}: enqueue failed, the reconciler will retry: ${(err as Error).message}`);
  });
  return made;
}

/** A preview: the same grading on the worker, only its summary stored. */
export async function startPreview(
  ctx: AppContext,
  examId: string,
  actorId: string,
  rubric: { yaml: string; parameters: Record<string, unknown>; versions: StoredVersion[] },
) {
  const run = await ctx.db.regrade.create({
    data: { examId, kind: 'preview', input: rubric as object, actorId },
  });
  await ctx.queues.addRegrade({ regradeId: run.id });
  return run;
}

/** One regrade of the exam, or 404. */
export async function regradeOf(ctx: AppContext, examId: string, regradeId: string) {
  const r = await ctx.db.regrade.findFirst({
    where: { id: regradeId, examId },
    include: { rubricVersion: { select: { version: true } } },
  });
  if (!r) throw notFound('regrade not found');
  return r;
}

/** The exam's newest saved change's regrade (what the rubric page shows on load). */
export async function latestRegrade(ctx: AppContext, examId: string) {
  return ctx.db.regrade.findFirst({
    where: { examId, kind: 'apply' },
    orderBy: { createdAt: 'desc' },
    include: { rubricVersion: { select: { version: true } } },
  });
}

/** The exam's regrades changed since `since`: the `regrade` events of its event stream. */
export async function regradeEvents(ctx: AppContext, examId: string, since: Date): Promise<RegradeRun[]> {
  const rows = await ctx.db.regrade.findMany({
    where: { examId, updatedAt: { gt: since } },
    include: { rubricVersion: { select: { version: true } } },
    orderBy: { updatedAt: 'asc' },
    take: 20,
  });
  // the summary is fetched on demand (GET .../regrades/:id): events stay small
  return rows.map((r) => ({ ...regradeView(r), summary: null }));
}
