import { effectiveGrade, type Submission } from '@grader/db';
import { PartGrade } from '@grader/model';
import type { AppContext } from '../context.ts';
import { HttpError, notFound } from '../errors.ts';
import { ownPart } from './parts.ts';

/**
 * Every submission of an exam with its effective grade at the current rubric version. Withdrawn ones
 * are left out unless asked for: they count in no grade list, CSV, release, statistics or review.
 */
export async function examSubmissions(
  ctx: AppContext,
  exam: { id: string; currentRubricId: string | null },
  opts: { withdrawn?: 'exclude' | 'include' | 'only' } = {},
) {
  const withdrawn = opts.withdrawn ?? 'exclude';
  const subs = await ctx.db.submission.findMany({
    where: {
      examId: exam.id,
      ...(withdrawn === 'exclude'
        ? { withdrawnAt: null }
        : withdrawn === 'only'
          ? { withdrawnAt: { not: null } }
          : {}),
    },
    include: {
      grades: { where: { rubricVersionId: exam.currentRubricId ?? '' } },
      overrides: true,
      student: { select: { id: true, name: true, roll: true } },
    },
    orderBy: { createdAt: 'asc' },
  });
  return subs.map((s) => {
    const g = s.grades[0];
    return { ...s, grade: g ? { ...g, effective: effectiveGrade(g.parts, s.overrides) } : null };
  });
}

export type ExamSubmission = Awaited<ReturnType<typeof examSubmissions>>[number];

export function studentOf(s: Pick<ExamSubmission, 'student' | 'headerName' | 'headerRoll'>) {
  if (s.student) return { id: s.student.id, name: s.student.name, roll: s.student.roll };
  if (s.headerName || s.headerRoll) return { id: null, name: s.headerName, roll: s.headerRoll };
  return null;
}

export function summary(s: ExamSubmission) {
  return {
    id: s.id,
    fileName: s.fileName,
    status: s.status,
    statusReason: s.statusReason,
    progress: progressOf(s),
    student: studentOf(s),
    total: s.grade?.effective.total ?? null,
    needsReview: s.grade?.effective.needsReview ?? 0,
    flags: (s.grade?.flags as string[] | undefined) ?? [],
    withdrawn: s.withdrawnAt ? { at: s.withdrawnAt.toISOString(), reason: s.withdrawnReason ?? '' } : null,
    pages: s.pageFrom && s.pageTo ? { from: s.pageFrom, to: s.pageTo } : null,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

/** One number for the progress bar over the whole pipeline, 0..1. */
export function progressOf(s: Pick<Submission, 'status' | 'progress'>): number {
  switch (s.status) {
    case 'uploaded':
      return 0;
    case 'queued':
      return 0.05;
    case 'extracting':
      return 0.1 + 0.7 * s.progress;
    case 'grading':
      return 0.85;
    default:
      return 1;
  }
}

/**
 * A person sets a part's score. Stored apart from grades (so it survives regrades), audited with
 * before/after, and the submission's status follows (needs_review -> graded once all are settled).
 */
export async function overridePart(
  ctx: AppContext,
  args: {
    submissionId: string;
    partId: string;
    score: number;
    comment: string;
    byId: string;
    action?: string;
  },
) {
  return ctx.db.$transaction(async (tx) => {
    const sub = await tx.submission.findUniqueOrThrow({
      where: { id: args.submissionId },
      include: { exam: true },
    });
    const grade = await tx.grade.findUnique({
      where: {
        submissionId_rubricVersionId: {
          submissionId: sub.id,
          rubricVersionId: sub.exam.currentRubricId ?? '',
        },
      },
    });
    if (!grade) throw new HttpError('conflict', 'this submission has no grade yet');
    const parts = grade.parts as Record<string, unknown>;
    // own properties only, and a real part grade: `__proto__` & co. are not parts
    const part = PartGrade.safeParse(ownPart(parts, args.partId));
    if (!part.success) throw notFound(`part ${args.partId} not found`);
    const { max } = part.data;
    if (!(Number.isFinite(args.score) && args.score >= 0 && args.score <= max)) {
      throw new HttpError('invalid', `score must be between 0 and ${max}`, { score: `0..${max}` });
    }
    const overrides = await tx.override.findMany({ where: { submissionId: sub.id } });
    const before = effectiveGrade(parts, overrides);
    const o = await tx.override.create({
      data: {
        submissionId: sub.id,
        partId: args.partId,
        score: args.score,
        comment: args.comment,
        byId: args.byId,
      },
    });
    const after = effectiveGrade(parts, [...overrides, o]);
    await tx.auditLog.create({
      data: {
        actorId: args.byId,
        action: args.action ?? 'override',
        examId: sub.examId,
        submissionId: sub.id,
        partId: args.partId,
        before: { score: before.parts[args.partId].score, total: before.total },
        after: { score: args.score, total: after.total },
        reason: args.comment,
      },
    });
    if (sub.status === 'graded' || sub.status === 'needs_review') {
      await tx.submission.update({
        where: { id: sub.id },
        data: { status: after.needsReview > 0 ? 'needs_review' : 'graded' },
      });
    }
    return { override: o, total: after.total };
  });
}
