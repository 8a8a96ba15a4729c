import type { Db } from '@grader/db';
import { jobIds, type Queues } from '@grader/queue';
import { backfillPageImages, type PageImageContext } from './page-images.ts';

/**
 * Re-enqueue submissions stuck in a non-final state whose job no longer exists (Redis lost its
 * data, a job was removed, the API died between insert and enqueue). Jobs are idempotent and their
 * ids deterministic, so enqueueing work that is in fact still queued is harmless. Given `pages`,
 * it also renders page images that are missing (backfillPageImages: a batch per pass).
 */
export async function reconcile(
  db: Db,
  queues: Queues,
  opts: {
    minAgeMs: number;
    limit?: number;
    /** also render page images that are missing (ingested before the worker stored them) */
    pages?: PageImageContext;
  },
): Promise<{ ingest: number; grade: number; failed: number; split: number; pageImages: number }> {
  const stuck = await db.submission.findMany({
    where: {
      status: { in: ['uploaded', 'queued', 'extracting', 'grading'] },
      updatedAt: { lt: new Date(Date.now() - opts.minAgeMs) },
    },
    select: { id: true, status: true, exam: { select: { currentRubricId: true } } },
    orderBy: { updatedAt: 'asc' },
    take: opts.limit ?? 1000,
  });
  const out = { ingest: 0, grade: 0, failed: 0, split: 0, pageImages: 0 };
  // stacks whose split job was lost: their proposal never came
  const stacks = await db.stack.findMany({
    where: { status: 'splitting', createdAt: { lt: new Date(Date.now() - opts.minAgeMs) } },
    select: { id: true },
    take: opts.limit ?? 1000,
  });
  for (const st of stacks) {
    const job = await queues.split.getJob(jobIds.split({ stackId: st.id }));
    if (!job || (await job.isFailed())) {
      if (job) await job.remove().catch(() => {});
      await queues.addSplit({ stackId: st.id });
      out.split++;
    }
  }
  for (const s of stuck) {
    if (s.status === 'grading') {
      const rubricVersionId = s.exam.currentRubricId;
      if (!rubricVersionId) {
        await db.submission.updateMany({
          where: { id: s.id, status: 'grading' },
          data: { status: 'failed', statusReason: 'the exam has no rubric yet' },
        });
        out.failed++;
        continue;
      }
      const job = await queues.grade.getJob(jobIds.grade({ submissionId: s.id, rubricVersionId }));
      if (!job || (await job.isFailed())) {
        if (job) await job.remove().catch(() => {});
        await queues.addGrade({ submissionId: s.id, rubricVersionId });
        out.grade++;
      }
    } else {
      const job = await queues.ingest.getJob(jobIds.ingest({ submissionId: s.id }));
      if (!job || (await job.isFailed())) {
        if (job) await job.remove().catch(() => {});
        await queues.addIngest({ submissionId: s.id });
        await db.submission.updateMany({
          where: { id: s.id, status: 'uploaded' },
          data: { status: 'queued' },
        });
        out.ingest++;
      }
    }
  }
  if (opts.pages) out.pageImages = await backfillPageImages(opts.pages);
  return out;
}
