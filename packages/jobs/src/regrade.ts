// The regrade job: every extracted script of an exam graded again from its stored extraction (no
// OCR) under a rubric version, on the worker (the API only enqueues). `apply` (a rubric, parameter
// or exam-version change): the rubric version waits as pending until every script is graded, then
// one transaction stores the grades, their `regrade` audit rows and the statuses and switches the
// exam to it. `preview`: the same grading, only the before/after summary is stored.
import {
  type Db,
  effectiveGrade,
  type GradeToStore,
  type OverrideLike,
  type StoredGradeFields,
  storedGradeEquals,
  storeGrades,
} from '@grader/db';
import {
  examFromRow,
  type GradingCore,
  type PreviousRubric,
  type Readings,
  refreshExamFlags,
  rosterVersions,
  type StoredVersion,
  storedVersions,
  withAnswerValues,
} from '@grader/grading';
import type { ExtractedScript, ScriptGrade } from '@grader/model';
import { jobIds, type RegradeJob } from '@grader/queue';
import type { AttemptInfo, WorkerContext } from './processors.ts';

export interface RegradeSummary {
  scripts: number;
  changed: number;
  meanDelta: number;
  maxDelta: number;
  /** the (at most 100) largest changes: before/after effective totals */
  changes: { submissionId: string; fileName: string; before: number | null; after: number }[];
}

/** The rubric a regrade grades with. */
export interface RegradeRubric {
  yaml: string;
  parameters: Record<string, unknown>;
  versions: StoredVersion[];
}

/** What an `apply` regrade writes on the exam besides the grades (the `regrades.plan` column). */
export interface RegradePlan {
  parameters: Record<string, unknown>;
  versions: StoredVersion[];
  /** the rubric version's note, also the `rubric_version` audit entry's reason */
  note: string;
  /** the reason on each regraded script's audit entry */
  regradeReason: string;
}

/** Grading runs in slices of about this long, then yields: lock renewal and other jobs go on. */
const SLICE_MS = 20;
const yieldLoop = () => new Promise<void>((r) => setImmediate(r));

/** Scripts read (extractions and the grades that count now) per query. */
export const READ_CHUNK = 250;
/** Grades stored per storeGrades call, all inside the one switching transaction. */
export const WRITE_CHUNK = 500;

type ExamRow = { id: string; slug: string; definition: unknown; currentRubricId: string | null };
type StoredParts = ScriptGrade['parts'];

/** A script graded under the new rubric, with what counted before (for the summary and audit). */
interface Regraded {
  store: GradeToStore;
  fileName: string;
  before: number | null;
  after: number;
}

/**
 * Grade every extracted script (graded or needing review; withdrawn ones too, so one restored later
 * carries the current version's grade) under `rubric`, reading in chunks of READ_CHUNK and yielding
 * the event loop every SLICE_MS, so lock renewal, progress and other jobs go on. With `flags` and a
 * core that offers it (`batchGrader`), each script is graded once and the exam-wide flags
 * (similarity) are computed once at the end (`flagged: true`): the grades are then final as stored.
 */
export async function gradeExamScripts(
  db: Db,
  grading: GradingCore,
  exam: ExamRow,
  rubric: RegradeRubric,
  opts: { flags?: boolean; onProgress?: (done: number, total: number) => Promise<void> } = {},
): Promise<{ graded: Regraded[]; summary: RegradeSummary; flagged: boolean }> {
  const def = examFromRow(exam);
  // the rubric the stored grades were graded under: parts an edit cannot change are kept from them
  // (as stored: an edit changes only what it edits)
  // (only the one-pass batch keeps parts; `prepare` grades every part)
  const current =
    opts.flags && grading.batchGrader && !rubric.versions.length && exam.currentRubricId
      ? await db.rubricVersion.findUnique({
          where: { id: exam.currentRubricId },
          select: { yaml: true, parameters: true },
        })
      : null;
  const previous: PreviousRubric | null = current
    ? { yaml: current.yaml, parameters: (current.parameters ?? {}) as Record<string, unknown> }
    : null;
  const batch = opts.flags
    ? (grading.batchGrader?.(def, rubric.parameters, rubric.yaml, rubric.versions, previous) ?? null)
    : null;
  const gradeOne = batch ? null : grading.prepare(def, rubric.parameters, rubric.yaml, rubric.versions);
  const roster = rubric.versions.length ? await rosterVersions(db, exam.id) : new Map<string, string>();
  const subs = await db.submission.findMany({
    where: { examId: exam.id, status: { in: ['graded', 'needs_review'] } },
    select: { id: true, fileName: true, studentId: true },
    orderBy: { createdAt: 'asc' },
  });
  await opts.onProgress?.(0, subs.length);
  // each script: what it is graded from, and what counted before (overrides apply on both)
  const items: {
    id: string;
    fileName: string;
    ex: ExtractedScript;
    overrides: OverrideLike[];
    before: number | null;
    old: StoredGradeFields | null;
    grade?: ScriptGrade;
    readings?: Readings | null;
  }[] = [];
  for (let i = 0; i < subs.length; i += READ_CHUNK) {
    const chunk = subs.slice(i, i + READ_CHUNK);
    const rows = await db.submission.findMany({
      where: { id: { in: chunk.map((s) => s.id) } },
      select: {
        id: true,
        extraction: { select: { data: true } },
        overrides: { select: { partId: true, score: true, comment: true, byId: true, createdAt: true } },
        grades: {
          where: { rubricVersionId: exam.currentRubricId ?? '' },
          select: {
            total: true,
            parts: true,
            flags: true,
            flagReasons: true,
            version: true,
            readings: !!batch,
          },
        },
      },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    let slice = performance.now();
    for (const sub of chunk) {
      if (performance.now() - slice > SLICE_MS) {
        await yieldLoop();
        slice = performance.now();
      }
      const row = byId.get(sub.id);
      if (!row?.extraction) continue;
      const ex = row.extraction.data as ExtractedScript;
      const overrides = row.overrides as OverrideLike[];
      const old = row.grades[0];
      const item = {
        id: sub.id,
        fileName: sub.fileName,
        ex,
        overrides,
        before: old ? effectiveTotal(old, overrides) : null,
        old: old ?? null,
      };
      if (batch) {
        const readings = (old as { readings?: unknown } | undefined)?.readings as Readings | null | undefined;
        batch.add(ex, sub.fileName, old && readings ? { parts: old.parts as StoredParts, readings } : null);
      } else {
        const rosterVersion = sub.studentId ? (roster.get(sub.studentId) ?? null) : null;
        let readings: Readings | null = null;
        const grade = gradeOne!(ex, sub.fileName, rosterVersion, (r) => {
          readings = r;
        });
        Object.assign(item, { grade, readings });
      }
      items.push(item);
    }
    await opts.onProgress?.(Math.min(subs.length, i + chunk.length), subs.length);
  }
  // the flags across the batch: one pass over every script's grading, no second grading
  const batchGrades = batch ? await batch.finish() : null;
  const graded: Regraded[] = items.map((it, k) => {
    const grade = withAnswerValues(batchGrades ? batchGrades[k].grade : it.grade!, it.ex);
    return {
      fileName: it.fileName,
      before: it.before,
      after: effectiveTotal(grade, it.overrides),
      store: {
        submissionId: it.id,
        grade,
        before: { rubricVersionId: exam.currentRubricId, total: it.before },
        // unchanged by the edit: the stored row is copied, not sent again
        sameAs: it.old && storedGradeEquals(it.old, grade) ? exam.currentRubricId : null,
        readings: batchGrades ? batchGrades[k].readings : (it.readings ?? null),
      },
    };
  });
  return { graded, summary: summarize(graded), flagged: !!batch };
}

/** The total a person sees; without overrides it is the grade's own total (no per-part parse). */
function effectiveTotal(g: { total: number; parts: unknown }, overrides: OverrideLike[]): number {
  return overrides.length ? effectiveGrade(g.parts, overrides).total : Math.round(g.total * 1000) / 1000;
}

function summarize(graded: Regraded[]): RegradeSummary {
  const s: RegradeSummary = { scripts: graded.length, changed: 0, meanDelta: 0, maxDelta: 0, changes: [] };
  let sum = 0;
  for (const g of graded) {
    const delta = g.after - (g.before ?? 0);
    if (g.before !== null && Math.abs(delta) <= 1e-9) continue;
    s.changed++;
    sum += delta;
    if (Math.abs(delta) > Math.abs(s.maxDelta)) s.maxDelta = delta;
    s.changes.push({
      submissionId: g.store.submissionId,
      fileName: g.fileName,
      before: g.before,
      after: g.after,
    });
  }
  s.meanDelta = s.scripts ? Math.round((sum / s.scripts) * 1000) / 1000 : 0;
  s.changes.sort((a, b) => Math.abs(b.after - (b.before ?? 0)) - Math.abs(a.after - (a.before ?? 0)));
  s.changes = s.changes.slice(0, 100);
  return s;
}

class Superseded extends Error {}

/**
 * Store the grades under the pending version and make it the exam's current one, all in one
 * transaction: a reader sees the old version with its grades or the new one with all of its grades.
 * Guarded: the exam must still be on the version the regrade started from, and the run still ours.
 */
async function switchVersion(
  db: Db,
  run: { id: string; actorId: string | null },
  exam: ExamRow,
  rv: { id: string; version: number },
  plan: RegradePlan,
  graded: Regraded[],
  summary: RegradeSummary,
): Promise<boolean> {
  return db
    .$transaction(
      async (tx) => {
        for (let i = 0; i < graded.length; i += WRITE_CHUNK)
          await storeGrades(tx, {
            rubricVersionId: rv.id,
            isCurrent: true,
            grades: graded.slice(i, i + WRITE_CHUNK).map((g) => g.store),
            audit: { action: 'regrade', actorId: run.actorId, examId: exam.id, reason: plan.regradeReason },
          });
        const switched = await tx.exam.updateMany({
          where: { id: exam.id, currentRubricId: exam.currentRubricId },
          data: {
            currentRubricId: rv.id,
            parameters: plan.parameters as object,
            versions: plan.versions as object,
          },
        });
        const finished = await tx.regrade.updateMany({
          where: { id: run.id, status: 'running' },
          data: { status: 'done', summary: summary as object, finishedAt: new Date(), error: null },
        });
        if (switched.count !== 1 || finished.count !== 1) throw new Superseded();
        await tx.auditLog.create({
          data: {
            actorId: run.actorId,
            action: 'rubric_version',
            examId: exam.id,
            before: { rubricVersionId: exam.currentRubricId },
            after: { rubricVersionId: rv.id, version: rv.version, changed: summary.changed },
            reason: plan.note,
          },
        });
        return true;
      },
      { maxWait: 10_000, timeout: 120_000 },
    )
    .catch((err) => {
      if (err instanceof Superseded) return false;
      throw err;
    });
}

/** The regrade job. Safe to run twice: a finished run is skipped, grades are stored once. */
export async function processRegrade(
  ctx: WorkerContext,
  job: RegradeJob,
  attempt: AttemptInfo,
): Promise<string> {
  const { db } = ctx;
  const claimed = await db.regrade.updateMany({
    where: { id: job.regradeId, status: { in: ['queued', 'running'] } },
    data: { status: 'running', done: 0, startedAt: new Date() },
  });
  if (claimed.count === 0) return 'skipped (finished)';
  const run = await db.regrade.findUniqueOrThrow({
    where: { id: job.regradeId },
    include: { exam: true, rubricVersion: true },
  });
  try {
    const rubric: RegradeRubric = run.rubricVersion
      ? {
          yaml: run.rubricVersion.yaml,
          parameters: (run.rubricVersion.parameters ?? {}) as Record<string, unknown>,
          versions: storedVersions(run.rubricVersion.versions),
        }
      : (run.input as unknown as RegradeRubric);
    const progress = async (done: number, total: number) => {
      await db.regrade.updateMany({ where: { id: run.id, status: 'running' }, data: { done, total } });
    };
    const t0 = performance.now();
    // a saved change stores final grades: flags across the exam computed with them
    const { graded, summary, flagged } = await gradeExamScripts(db, ctx.grading, run.exam, rubric, {
      flags: run.kind !== 'preview',
      onProgress: progress,
    });
    const timings = { gradeMs: Math.round(performance.now() - t0), writeMs: 0, flagsMs: 0 };
    if (run.kind === 'preview' || !run.rubricVersion) {
      await db.regrade.updateMany({
        where: { id: run.id, status: 'running' },
        data: { status: 'done', summary: summary as object, finishedAt: new Date(), timings },
      });
      return `previewed (${summary.changed} of ${summary.scripts} change)`;
    }
    const rv = run.rubricVersion;
    const t1 = performance.now();
    const ok = await switchVersion(
      db,
      run,
      run.exam,
      rv,
      run.plan as unknown as RegradePlan,
      graded,
      summary,
    );
    timings.writeMs = Math.round(performance.now() - t1);
    if (!ok) {
      await db.regrade.updateMany({
        where: { id: run.id, status: 'running' },
        data: { status: 'failed', error: 'the exam changed while the regrade ran', finishedAt: new Date() },
      });
      return 'failed (superseded)';
    }
    const t2 = performance.now();
    await afterSwitch(ctx, run.exam.id, rv.id, { refreshFlags: !flagged });
    timings.flagsMs = Math.round(performance.now() - t2);
    await db.regrade.update({ where: { id: run.id }, data: { timings } });
    return `regraded (${summary.changed} of ${summary.scripts} changed)`;
  } catch (err) {
    if (attempt.final)
      await db.regrade.updateMany({
        where: { id: run.id, status: 'running' },
        data: { status: 'failed', error: (err as Error).message.slice(0, 500), finishedAt: new Date() },
      });
    else
      await db.regrade.updateMany({ where: { id: run.id, status: 'running' }, data: { status: 'queued' } });
    throw err;
  }
}

/**
 * After the switch: the flags that compare scripts with each other (similarity) at the new version,
 * and a grade job for each script graded by a worker while the regrade ran (it has no grade of the
 * new version yet).
 */
async function afterSwitch(
  ctx: WorkerContext,
  examId: string,
  rubricVersionId: string,
  opts: { refreshFlags: boolean },
) {
  if (opts.refreshFlags) await refreshExamFlags(ctx.db, ctx.grading, examId);
  const missing = await ctx.db.submission.findMany({
    where: {
      examId,
      status: { in: ['graded', 'needs_review', 'grading'] },
      grades: { none: { rubricVersionId } },
    },
    select: { id: true },
  });
  for (const s of missing) await ctx.queues.addGrade({ submissionId: s.id, rubricVersionId });
}

/**
 * The reconciler's share for regrades: a run still queued or running, idle for `minAgeMs`, whose
 * job no longer exists in Redis (lost with Redis' data, or the API died before enqueueing) is
 * enqueued again. Its pending version then still becomes current once it is done.
 */
export async function reconcileRegrades(
  db: Db,
  queues: WorkerContext['queues'],
  opts: { minAgeMs: number; limit?: number },
): Promise<number> {
  const stuck = await db.regrade.findMany({
    where: { status: { in: ['queued', 'running'] }, updatedAt: { lt: new Date(Date.now() - opts.minAgeMs) } },
    select: { id: true },
    orderBy: { updatedAt: 'asc' },
    take: opts.limit ?? 100,
  });
  let requeued = 0;
  for (const r of stuck) {
    const job = await queues.regrade.getJob(jobIds.regrade({ regradeId: r.id }));
    if (job && !(await job.isFailed())) continue;
    if (job) await job.remove().catch(() => {});
    await queues.addRegrade({ regradeId: r.id });
    requeued++;
  }
  return requeued;
}
