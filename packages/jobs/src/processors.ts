import { type BlobStore, type Db, storeGrades } from '@grader/db';
import {
  type Extractor,
  examFromRow,
  type GradingCore,
  isUnreadableFile,
  type Readings,
  refreshFlagsIfBatchComplete,
  rosterVersionOf,
  storedVersions,
  withAnswerValues,
} from '@grader/grading';
import type { ExtractedScript } from '@grader/model';
import type { GradeJob, IngestJob, Queues } from '@grader/queue';
import { UnrecoverableError } from 'bullmq';
import { filePagesOf, type PageRenderer, storePageImages } from './page-images.ts';

export interface WorkerContext {
  db: Db;
  store: BlobStore;
  queues: Queues;
  extractor: Extractor;
  grading: GradingCore;
  /** page images for people (absent: @grader/ingest's renderer; tests pass a fake) */
  renderPage?: PageRenderer;
  log: (msg: string) => void;
}

export interface AttemptInfo {
  /** this is the last try: a failure now marks the submission failed */
  final: boolean;
}

class LostClaim extends Error {}

const BEFORE_EXTRACTION = ['uploaded', 'queued', 'extracting'] as const;

async function markFailed(db: Db, submissionId: string, reason: string) {
  await db.submission.updateMany({
    where: { id: submissionId, status: { in: [...BEFORE_EXTRACTION, 'grading'] } },
    data: { status: 'failed', statusReason: reason.slice(0, 500), progress: 1 },
  });
}

/**
 * PDF -> pages + extracted answers, stored; then a grade job. Safe to run twice. A file that cannot
 * be read (IngestError) marks the submission failed and rejects with UnrecoverableError.
 */
export async function processIngest(
  ctx: WorkerContext,
  job: IngestJob,
  attempt: AttemptInfo,
): Promise<string> {
  const { db } = ctx;
  const claimed = await db.submission.updateMany({
    where: { id: job.submissionId, status: { in: [...BEFORE_EXTRACTION] } },
    data: { status: 'extracting', progress: 0, attempts: { increment: 1 } },
  });
  if (claimed.count === 0) {
    // Already extracted (a duplicate or retried job): make sure grading is under way, nothing else.
    const s = await db.submission.findUnique({ where: { id: job.submissionId }, include: { exam: true } });
    if (s?.status === 'grading' && s.exam.currentRubricId) {
      await ctx.queues.addGrade({ submissionId: s.id, rubricVersionId: s.exam.currentRubricId });
    }
    return `skipped (${s?.status ?? 'gone'})`;
  }
  const sub = await db.submission.findUniqueOrThrow({
    where: { id: job.submissionId },
    include: {
      exam: {
        include: {
          course: { include: { enrolments: { where: { role: 'student' }, include: { user: true } } } },
        },
      },
    },
  });
  const exam = examFromRow(sub.exam);
  const roster = sub.exam.course.enrolments
    .filter((e) => e.user.roll)
    .map((e) => ({ roll: e.user.roll!, name: e.user.name, userId: e.userId }));

  let extraction: ExtractedScript;
  let bytes: Buffer;
  try {
    bytes = await ctx.store.get(sub.storageKey);
    let lastWrite = 0;
    extraction = await ctx.extractor.extract(bytes, {
      exam,
      fileName: sub.fileName,
      roster,
      // a script cut from a stack reads only its pages of the stack's file
      pages: sub.pageFrom && sub.pageTo ? { from: sub.pageFrom, to: sub.pageTo } : undefined,
      onProgress: (p) => {
        const now = Date.now();
        if (now - lastWrite < 500) return;
        lastWrite = now;
        void db.submission
          .updateMany({
            where: { id: sub.id, status: 'extracting' },
            data: { progress: Math.max(0, Math.min(1, p)) },
          })
          .catch(() => {});
      },
    });
  } catch (err) {
    if (isUnreadableFile(err)) {
      // the file itself cannot be read: the submission fails with the reason, the job ends now
      // (BullMQ's UnrecoverableError: no retries, whatever attempts are left)
      await markFailed(db, sub.id, err.message);
      throw new UnrecoverableError(`${err.code}: ${err.message}`);
    }
    if (attempt.final) await markFailed(db, sub.id, `could not extract: ${(err as Error).message}`);
    else
      await db.submission.updateMany({
        where: { id: sub.id, status: 'extracting' },
        data: { status: 'queued' },
      });
    throw err;
  }

  // Page images, rendered once here so the API only reads them; stored before the script shows as
  // extracted, so its pages are there when people look. A failure costs no grade: the reconciler
  // renders what is missing later.
  try {
    const filePages = filePagesOf(
      sub.pageFrom,
      extraction.pages.map((p) => p.page),
    );
    await storePageImages(ctx, { storageKey: sub.storageKey, bytes }, filePages, 'page');
  } catch (err) {
    ctx.log(`page images of ${sub.id}: ${(err as Error).message}`);
  }

  const header = extraction.header;
  const roll = header.match?.roll ?? header.roll;
  // only a confirmed match (ingest decided the evidence agrees) gives the script to a student;
  // otherwise it waits for a TA, whatever roll was read
  const student = header.match ? roster.find((r) => r.roll === header.match!.roll) : undefined;
  // Everything below is one transaction, committed only if this run still owns the submission
  // (another run of the same job may have finished first: then nothing of ours is kept).
  const stored = await db
    .$transaction(async (tx) => {
      await tx.page.deleteMany({ where: { submissionId: sub.id } });
      await tx.extractedAnswer.deleteMany({ where: { submissionId: sub.id } });
      await tx.extraction.upsert({
        where: { submissionId: sub.id },
        create: { submissionId: sub.id, data: extraction as object },
        update: { data: extraction as object },
      });
      await tx.page.createMany({
        data: extraction.pages.map((p) => ({
          submissionId: sub.id,
          page: p.page,
          width: p.width,
          height: p.height,
          source: p.source,
          conf: p.conf,
          rotation: p.rotation,
        })),
      });
      await tx.extractedAnswer.createMany({
        data: Object.values(extraction.parts).map((a) => ({
          submissionId: sub.id,
          partId: a.partId,
          text: a.text,
          page: a.regions[0]?.page ?? null,
          box: a.regions[0]?.box ?? undefined,
          regions: a.regions,
          confidence: a.conf,
        })),
      });
      const moved = await tx.submission.updateMany({
        where: { id: sub.id, status: 'extracting' },
        data: {
          status: 'grading',
          progress: 0,
          headerName: header.match?.name ?? header.name,
          headerRoll: roll,
          // a student already given (a TA's confirmed assignment, audited) survives a re-ingest
          studentId: sub.studentId ?? student?.userId ?? null,
        },
      });
      if (moved.count !== 1) throw new LostClaim();
      return true;
    })
    .catch((err) => {
      if (err instanceof LostClaim) return false;
      throw err;
    });
  if (!stored) return 'skipped (moved on meanwhile)';
  if (!sub.exam.currentRubricId) {
    await markFailed(db, sub.id, 'the exam has no rubric yet');
    return 'failed: no rubric';
  }
  await ctx.queues.addGrade({ submissionId: sub.id, rubricVersionId: sub.exam.currentRubricId });
  return 'extracted';
}

/** Cache of prepared (parsed) rubrics: one parse per rubric version per process. */
const prepared = new Map<string, ReturnType<GradingCore['prepare']>>();

export function preparedGrader(
  grading: GradingCore,
  rv: { id: string; yaml: string; parameters: unknown; versions?: unknown },
  examRow: { slug: string; definition: unknown },
) {
  let fn = prepared.get(rv.id);
  if (!fn) {
    // an exam with versions: the rubric version's own copy of them (grades are reproducible)
    fn = grading.prepare(
      examFromRow(examRow),
      (rv.parameters ?? {}) as Record<string, unknown>,
      rv.yaml,
      storedVersions(rv.versions),
    );
    prepared.set(rv.id, fn);
    if (prepared.size > 50) prepared.delete(prepared.keys().next().value!);
  }
  return fn;
}

/** Stored extraction -> grade under one rubric version. Safe to run twice (one grade is stored). */
export async function processGrade(ctx: WorkerContext, job: GradeJob, attempt: AttemptInfo): Promise<string> {
  const { db } = ctx;
  const sub = await db.submission.findUnique({
    where: { id: job.submissionId },
    include: { exam: true, extraction: true },
  });
  if (!sub) return 'skipped (gone)';
  if (!sub.extraction) {
    if ((BEFORE_EXTRACTION as readonly string[]).includes(sub.status))
      await ctx.queues.addIngest({ submissionId: sub.id });
    return 'skipped (not extracted)';
  }
  const rv = await db.rubricVersion.findFirst({ where: { id: job.rubricVersionId, examId: sub.examId } });
  if (!rv) return 'skipped (unknown rubric version)';
  try {
    const extraction = sub.extraction.data as ExtractedScript;
    // stored with the values read per part (the review queue groups by them)
    let readings: Readings | null = null;
    const grade = withAnswerValues(
      preparedGrader(ctx.grading, rv, sub.exam)(
        extraction,
        sub.fileName,
        await rosterVersionOf(db, sub.examId, sub.studentId),
        (r) => {
          readings = r;
        },
      ),
      extraction,
    );
    const isCurrent = sub.exam.currentRubricId === rv.id;
    const r = await storeGrades(db, {
      rubricVersionId: rv.id,
      isCurrent,
      // what grading read, kept for the next rubric edit's regrade
      grades: [{ submissionId: sub.id, grade, readings }],
      audit: { action: 'auto_grade', examId: sub.examId },
    });
    const created = r.created.has(sub.id);
    // The exam's batch is complete: flags that compare scripts with each other (similarity).
    if (created && isCurrent) await refreshFlagsIfBatchComplete(db, ctx.grading, sub.examId);
    // A rubric edit while this job waited: the grade that counts is the current version's.
    if (sub.exam.currentRubricId && sub.exam.currentRubricId !== rv.id) {
      await ctx.queues.addGrade({ submissionId: sub.id, rubricVersionId: sub.exam.currentRubricId });
    }
    return created ? `graded (${r.statuses.get(sub.id) ?? null})` : 'skipped (already graded)';
  } catch (err) {
    if (attempt.final) await markFailed(db, sub.id, `could not grade: ${(err as Error).message}`);
    throw err;
  }
}
