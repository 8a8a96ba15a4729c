// A new rubric version of an exam: the rubric YAML, the parameters and the exam's versions as they are
// to be from now on. Every extracted script is regraded from its stored extraction, the exam switches
// to the new version, and the change is audited. Rubric edits, parameter changes, exam version
// changes and roster version changes all go through here, so released grades change the one way a
// rubric change changes them (a `regrade` audit entry per changed script, shown to its student).
import { examFromRow, refreshExamFlags, type StoredVersion, storedVersions } from '@grader/grading';
import type { AppContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { regradeExam } from './regrade.ts';

type ExamRow = {
  id: string;
  slug: string;
  definition: unknown;
  currentRubricId: string | null;
  versions?: unknown;
};

export interface RubricChange {
  yaml: string;
  parameters: Record<string, unknown>;
  /** the exam's versions from now on (default: as they are) */
  versions?: StoredVersion[];
  /** the rubric version's note */
  note: string;
  /** the reason on each regraded script's audit entry (default: "rubric or parameters changed") */
  regradeReason?: string;
}

/** New version -> regrade all from stored extractions -> make it current -> summary. */
export async function newRubricVersion(
  ctx: AppContext,
  exam: ExamRow,
  actorId: string,
  change: RubricChange,
) {
  const versions = change.versions ?? storedVersions(exam.versions);
  let keys: unknown = null;
  try {
    keys = ctx.grading.keys(examFromRow(exam), change.parameters);
  } catch (err) {
    throw new HttpError('invalid', 'invalid parameters', { parameters: (err as Error).message });
  }
  const last = await ctx.db.rubricVersion.findFirst({
    where: { examId: exam.id },
    orderBy: { version: 'desc' },
  });
  const rv = await ctx.db.rubricVersion.create({
    data: {
      examId: exam.id,
      version: (last?.version ?? 0) + 1,
      yaml: change.yaml,
      parameters: change.parameters as object,
      keys: (keys ?? undefined) as object | undefined,
      versions: versions.length ? (versions as object) : undefined,
      note: change.note,
      createdById: actorId,
    },
  });
  const summary = await regradeExam(
    ctx,
    exam,
    { ...change, versions },
    { rubricVersionId: rv.id, actorId, reason: change.regradeReason },
  );
  await ctx.db.$transaction([
    ctx.db.exam.update({
      where: { id: exam.id },
      data: {
        currentRubricId: rv.id,
        parameters: change.parameters as object,
        versions: versions as object,
      },
    }),
    ctx.db.auditLog.create({
      data: {
        actorId,
        action: 'rubric_version',
        examId: exam.id,
        before: { rubricVersionId: exam.currentRubricId },
        after: { rubricVersionId: rv.id, version: rv.version, changed: summary.changed },
        reason: change.note,
      },
    }),
  ]);
  await refreshExamFlags(ctx.db, ctx.grading, exam.id);
  // Submissions graded by a worker while the regrade ran have no grade of the new version yet.
  const missing = await ctx.db.submission.findMany({
    where: {
      examId: exam.id,
      status: { in: ['graded', 'needs_review', 'grading'] },
      grades: { none: { rubricVersionId: rv.id } },
    },
    select: { id: true },
  });
  for (const s of missing)
    await ctx.queues.addGrade({ submissionId: s.id, rubricVersionId: rv.id }).catch(() => {});
  return { rv, keys, summary };
}
