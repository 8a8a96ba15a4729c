import { type Db, effectiveGrade, gradeRowData, type Prisma } from '@grader/db';
import type { ScriptGrade } from '@grader/model';

type Tx = Prisma.TransactionClient;

/**
 * Store the automatic grade of one submission under one rubric version, exactly once: a second
 * call for the same pair (a retried or duplicated job) stores nothing and logs nothing. When the
 * version is the exam's current one, the submission's status follows: `needs_review` while a part
 * flagged for review has no override, else `graded`.
 */
export async function storeGrade(
  db: Db | Tx,
  args: {
    submissionId: string;
    rubricVersionId: string;
    isCurrent: boolean;
    grade: ScriptGrade;
    actorId?: string | null;
  },
): Promise<{ created: boolean; status: 'graded' | 'needs_review' | null }> {
  const run = async (tx: Tx) => {
    const { grade } = args;
    const needsReview = Object.values(grade.parts).filter((p) => p.review).length;
    const inserted = await tx.grade.createMany({
      data: [gradeRowData(args.submissionId, args.rubricVersionId, grade)],
      skipDuplicates: true,
    });
    const created = inserted.count === 1;
    if (created) {
      await tx.auditLog.create({
        data: {
          actorId: args.actorId ?? null,
          action: 'auto_grade',
          submissionId: args.submissionId,
          after: { rubricVersionId: args.rubricVersionId, total: grade.total, needsReview },
        },
      });
    }
    if (!args.isCurrent) return { created, status: null };
    const overrides = await tx.override.findMany({ where: { submissionId: args.submissionId } });
    const eff = effectiveGrade(grade.parts, overrides);
    const status = eff.needsReview > 0 ? ('needs_review' as const) : ('graded' as const);
    await tx.submission.updateMany({
      where: { id: args.submissionId, status: { in: ['grading', 'graded', 'needs_review'] } },
      data: { status, statusReason: null, progress: 1, gradedAt: new Date() },
    });
    return { created, status };
  };
  return '$transaction' in db ? (db as Db).$transaction(run) : run(db as Tx);
}
