// Taking a submission out of the grades: withdraw (kept, restorable) or delete (gone, with its
// stored file). Both are audited with the actor, the time and the reason; neither is ever silent.
import type { AppContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { removePageImages } from './page-images.ts';

type Sub = {
  id: string;
  examId: string;
  fileName: string;
  fileHash: string;
  storageKey: string;
  studentId: string | null;
  withdrawnAt: Date | null;
  withdrawnReason: string | null;
  stackId: string | null;
  exam: { releasedAt: Date | null };
};

/** The submission's withdrawn state written and audited in one transaction. */
async function setWithdrawn(
  ctx: AppContext,
  sub: Sub,
  actorId: string,
  reason: string,
  change: { action: 'withdraw' | 'restore'; at: Date | null; before: object; after: object },
) {
  await ctx.db.$transaction([
    ctx.db.submission.update({
      where: { id: sub.id },
      data: change.at
        ? { withdrawnAt: change.at, withdrawnById: actorId, withdrawnReason: reason }
        : { withdrawnAt: null, withdrawnById: null, withdrawnReason: null },
    }),
    ctx.db.auditLog.create({
      data: {
        actorId,
        action: change.action,
        examId: sub.examId,
        submissionId: sub.id,
        before: change.before,
        after: change.after,
        reason,
      },
    }),
  ]);
}

export async function withdrawSubmission(ctx: AppContext, sub: Sub, actorId: string, reason: string) {
  if (sub.withdrawnAt) throw new HttpError('conflict', `${sub.fileName} is already withdrawn`);
  const at = new Date();
  await setWithdrawn(ctx, sub, actorId, reason, {
    action: 'withdraw',
    at,
    before: { withdrawnAt: null },
    after: { withdrawnAt: at.toISOString(), released: Boolean(sub.exam.releasedAt) },
  });
  return { id: sub.id, withdrawn: { at: at.toISOString(), reason } };
}

export async function restoreSubmission(ctx: AppContext, sub: Sub, actorId: string, reason: string) {
  if (!sub.withdrawnAt) throw new HttpError('conflict', `${sub.fileName} is not withdrawn`);
  await setWithdrawn(ctx, sub, actorId, reason, {
    action: 'restore',
    at: null,
    before: { withdrawnAt: sub.withdrawnAt.toISOString(), reason: sub.withdrawnReason },
    after: { withdrawnAt: null },
  });
  return { id: sub.id, withdrawn: null };
}

/**
 * Delete for good. The caller names the file (a confirmation that it is this one); a grade its
 * student can see (released, theirs, not withdrawn) is refused until grades are un-released. The
 * audit row outlives the submission (it keeps the exam and what was deleted, not the row's id link).
 * The stored file goes too unless another submission or a stack still reads it.
 */
export async function deleteSubmission(
  ctx: AppContext,
  sub: Sub,
  actorId: string,
  body: { confirm: string; reason: string },
) {
  if (body.confirm !== sub.fileName)
    throw new HttpError('invalid', `type the file name "${sub.fileName}" to confirm`, {
      confirm: `must be ${sub.fileName}`,
    });
  if (sub.exam.releasedAt && sub.studentId && !sub.withdrawnAt)
    throw new HttpError(
      'conflict',
      `${sub.fileName} is released to its student: un-release the grades (or withdraw it) before deleting`,
    );
  const grade = await ctx.db.grade.findFirst({
    where: { submissionId: sub.id },
    orderBy: { createdAt: 'desc' },
    select: { total: true },
  });
  await ctx.db.$transaction([
    ctx.db.auditLog.create({
      data: {
        actorId,
        action: 'delete_submission',
        examId: sub.examId,
        // no submissionId: the row is deleted, and its audit rows with it; this one stays
        before: {
          submissionId: sub.id,
          fileName: sub.fileName,
          fileHash: sub.fileHash,
          studentId: sub.studentId,
          total: grade?.total ?? null,
          withdrawnAt: sub.withdrawnAt?.toISOString() ?? null,
        },
        after: { deleted: true },
        reason: body.reason,
      },
    }),
    ctx.db.submission.delete({ where: { id: sub.id } }),
  ]);
  const [subs, stacks] = await Promise.all([
    ctx.db.submission.count({ where: { storageKey: sub.storageKey } }),
    ctx.db.stack.count({ where: { storageKey: sub.storageKey } }),
  ]);
  const fileRemoved = subs === 0 && stacks === 0;
  if (fileRemoved) {
    await ctx.store.remove(sub.storageKey);
    await removePageImages(ctx.store, sub.storageKey);
  }
  return { id: sub.id, deleted: true, fileRemoved };
}
