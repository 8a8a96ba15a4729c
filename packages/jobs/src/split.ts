// A stack (one PDF of a class's pile) -> proposed script starts, stored for a TA to check on page
// thumbnails. Nothing is graded here: the TA's confirmation makes the submissions (API).
import { examFromRow, isUnreadableFile } from '@grader/grading';
import type { SplitJob } from '@grader/queue';
import { UnrecoverableError } from 'bullmq';
import type { AttemptInfo, WorkerContext } from './processors.ts';

export async function processSplit(ctx: WorkerContext, job: SplitJob, attempt: AttemptInfo): Promise<string> {
  const { db } = ctx;
  const stack = await db.stack.findUnique({ where: { id: job.stackId }, include: { exam: true } });
  if (!stack) return 'skipped (gone)';
  if (stack.status !== 'splitting') return `skipped (${stack.status})`;
  const fail = (reason: string) =>
    db.stack.updateMany({
      where: { id: stack.id, status: 'splitting' },
      data: { status: 'failed', statusReason: reason.slice(0, 500) },
    });
  if (!ctx.extractor.split) {
    await fail('this worker cannot split stacks');
    throw new UnrecoverableError('no splitter');
  }
  let ranges: { from: number; to: number }[];
  try {
    ranges = await ctx.extractor.split(await ctx.store.get(stack.storageKey), {
      exam: examFromRow(stack.exam),
    });
  } catch (err) {
    if (isUnreadableFile(err)) {
      await fail(err.message);
      throw new UnrecoverableError(`${err.code}: ${err.message}`);
    }
    if (attempt.final) await fail(`could not split: ${(err as Error).message}`);
    throw err;
  }
  await db.stack.updateMany({
    where: { id: stack.id, status: 'splitting' },
    data: {
      status: 'proposed',
      starts: ranges.map((r) => r.from),
      pageCount: ranges.at(-1)?.to ?? 0,
      statusReason: null,
    },
  });
  return `proposed ${ranges.length} scripts`;
}
