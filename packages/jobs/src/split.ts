// A stack (one PDF of a class's pile) -> proposed script starts, stored for a TA to check on page
// thumbnails (rendered here and stored: the API only reads them). Nothing is graded here: the TA's
// confirmation makes the submissions (API).
import { examFromRow, isUnreadableFile } from '@grader/grading';
import type { SplitJob } from '@grader/queue';
import { UnrecoverableError } from 'bullmq';
import { storePageImages } from './page-images.ts';
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
  let bytes: Buffer;
  try {
    bytes = await ctx.store.get(stack.storageKey);
    ranges = await ctx.extractor.split(bytes, { exam: examFromRow(stack.exam) });
  } catch (err) {
    if (isUnreadableFile(err)) {
      await fail(err.message);
      throw new UnrecoverableError(`${err.code}: ${err.message}`);
    }
    if (attempt.final) await fail(`could not split: ${(err as Error).message}`);
    throw err;
  }
  const pageCount = ranges.at(-1)?.to ?? 0;
  // every page's thumbnail before the proposal shows, so the TA sees them with it; a failure only
  // delays them (the reconciler renders what is missing)
  try {
    const pages = Array.from({ length: pageCount }, (_, i) => i + 1);
    await storePageImages(ctx, { storageKey: stack.storageKey, bytes }, pages, 'thumb');
  } catch (err) {
    ctx.log(`thumbnails of stack ${stack.id}: ${(err as Error).message}`);
  }
  await db.stack.updateMany({
    where: { id: stack.id, status: 'splitting' },
    data: {
      status: 'proposed',
      starts: ranges.map((r) => r.from),
      pageCount,
      statusReason: null,
    },
  });
  return `proposed ${ranges.length} scripts`;
}
