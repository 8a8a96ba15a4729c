// Exam versions on the server: the list an admin edits (stored on the exam, copied onto every rubric
// version), the checks of @grader/exam (via @grader/grading), and what a change does: a new rubric
// version with the new list, every script regraded on its own version, audited.
import { type ExamVersion, versionNames } from '@grader/exam';
import {
  checkExamVersions,
  type DrawRequest,
  drawExamVersions,
  examFromRow,
  rosterVersions,
  type StoredVersion,
  storedVersions,
  toStored,
  type VersionsProblem,
} from '@grader/grading';
import type { AppContext } from '../context.ts';
import { HttpError, notFound } from '../errors.ts';
import { type RegradeRun, regradeView } from './regrade.ts';
import { newRubricVersion } from './rubric-versions.ts';

export type ExamRow = {
  id: string;
  courseId: string;
  slug: string;
  definition: unknown;
  parameters: unknown;
  versions: unknown;
  currentRubricId: string | null;
};

/** A problem of a version list as the fields of a 400: the parameter, else the version's name. */
export function versionsError(problem: VersionsProblem, field = 'versions'): HttpError {
  const key = problem.parameter ? `parameters.${problem.parameter}` : problem.version ? 'name' : field;
  return new HttpError('invalid', 'invalid exam versions', { [key]: problem.message });
}

/** The exam's versions checked, with every parameter's value and the keys of each (staff view). */
export function checkedVersions(exam: ExamRow): ExamVersion[] {
  const stored = storedVersions(exam.versions);
  if (!stored.length) return [];
  const r = checkExamVersions(examFromRow(exam), params(exam), stored);
  if (!r.ok) throw versionsError(r.problem);
  return r.versions;
}

export const params = (exam: Pick<ExamRow, 'parameters'>) =>
  (exam.parameters ?? {}) as Record<string, unknown>;

/** The version of this name (case-insensitive), or 404. */
export function versionNamed(exam: ExamRow, name: string): StoredVersion {
  const want = name.trim().toUpperCase();
  const v = storedVersions(exam.versions).find((x) => x.name.toUpperCase() === want);
  if (!v) throw notFound(`version ${name} not found`);
  return v;
}

/** What the versions page lists: each version, its overrides, every value, its part keys, who has it. */
export async function versionsView(ctx: AppContext, exam: ExamRow) {
  const versions = checkedVersions(exam);
  const roster = await rosterVersions(ctx.db, exam.id);
  const partIds = ((exam.definition as { parts?: { id: string }[] }).parts ?? []).map((p) => p.id);
  return {
    versions: versions.map((v) => ({
      name: v.name,
      parameters: toStored(v).parameters,
      values: Object.fromEntries(Object.entries(v.params).map(([k, x]) => [k, textOf(x)])),
      keys: Object.fromEntries(partIds.filter((id) => id in v.keys).map((id) => [id, v.keys[id]])),
      students: [...roster.values()].filter((n) => n === v.name).length,
      paperUrl: `/api/exams/${exam.id}/versions/${encodeURIComponent(v.name)}/paper.pdf`,
    })),
  };
}

const textOf = (x: unknown) =>
  Array.isArray(x)
    ? x.join(',')
    : typeof x === 'object' && x
      ? `${(x as { h: number }).h}x${(x as { w: number }).w}x${(x as { c: number }).c}`
      : String(x);

/** Versions drawn at random within ranges, named after the ones the exam has (A, B, … not yet used). */
export function drawnVersions(
  exam: ExamRow,
  draw: Omit<DrawRequest, 'names'>,
): { versions: StoredVersion[]; seed: number } {
  const existing = storedVersions(exam.versions);
  const taken = new Set(existing.map((v) => v.name.toUpperCase()));
  const names = versionNames(draw.count + taken.size + 26).filter((n) => !taken.has(n));
  const r = drawExamVersions(examFromRow(exam), params(exam), {
    ...draw,
    names,
    keepDefault: draw.keepDefault && existing.length === 0,
  });
  if (!r.ok) throw versionsError(r.problem, 'draw');
  return { versions: r.versions.map(toStored), seed: draw.seed };
}

/**
 * Replace the exam's versions: checked together (no two alike, keys that differ), then a new pending
 * rubric version carrying them and its regrade job (every extracted script regraded on its version;
 * the exam takes the new list with the new version when the job is done, released grades change
 * with a `regrade` audit entry, as for a rubric edit), and a `version_*` audit entry. An exam
 * without a rubric yet has nothing to regrade: its list changes at once (`regrade` null).
 */
export async function changeVersions(
  ctx: AppContext,
  exam: ExamRow,
  actorId: string,
  next: StoredVersion[],
  why: { action: 'version_create' | 'version_update' | 'version_delete'; version: string },
): Promise<{ versions: StoredVersion[]; rubricVersion: number; regrade: RegradeRun | null }> {
  if (next.length) {
    const r = checkExamVersions(examFromRow(exam), params(exam), next);
    if (!r.ok) throw versionsError(r.problem);
    next = r.versions.map(toStored); // stored as checked: "4" is 4, vectors as lists
  }
  const before = storedVersions(exam.versions);
  const current = exam.currentRubricId
    ? await ctx.db.rubricVersion.findUnique({ where: { id: exam.currentRubricId } })
    : null;
  let regrade: RegradeRun | null = null;
  let rubricVersion = current?.version ?? 0;
  if (current) {
    const made = await newRubricVersion(ctx, exam, actorId, {
      yaml: current.yaml,
      parameters: params(exam),
      versions: next,
      note: `exam versions changed (${why.action.replace('version_', '')} ${why.version})`,
      regradeReason: 'the exam versions changed',
    });
    regrade = regradeView(made.run);
    rubricVersion = made.rv.version;
  } else await ctx.db.exam.update({ where: { id: exam.id }, data: { versions: next as object } });
  await ctx.db.auditLog.create({
    data: {
      actorId,
      action: why.action,
      examId: exam.id,
      before: { versions: before } as object,
      after: { versions: next, rubricVersion } as object,
      reason: `version ${why.version}`,
    },
  });
  return { versions: next, rubricVersion, regrade };
}

/**
 * The version a student's script is on: the one its current grade was graded on, else the class
 * list's for its student; null for an exam without versions.
 */
export async function submissionVersion(
  ctx: AppContext,
  sub: { id: string; examId: string; studentId: string | null; exam: ExamRow },
): Promise<{ name: string; paperUrl: string } | null> {
  const versions = storedVersions(sub.exam.versions);
  if (!versions.length) return null;
  const grade = sub.exam.currentRubricId
    ? await ctx.db.grade.findUnique({
        where: {
          submissionId_rubricVersionId: { submissionId: sub.id, rubricVersionId: sub.exam.currentRubricId },
        },
        select: { version: true },
      })
    : null;
  let name = grade?.version ?? null;
  if (!name && sub.studentId) {
    const row = await ctx.db.rosterVersion.findUnique({
      where: { examId_userId: { examId: sub.examId, userId: sub.studentId } },
    });
    name = row?.version ?? null;
  }
  const v = name ? versions.find((x) => x.name === name) : undefined;
  return v ? { name: v.name, paperUrl: `/api/submissions/${sub.id}/paper.pdf` } : null;
}
