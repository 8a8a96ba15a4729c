// The class list's `version` column: each student's version of one exam (the exam whose roster page
// imports it). Checked with the rest of the file (a version the exam does not have is an error on
// its line, and nothing is imported); stored in the import's transaction; a change regrades the
// exam's scripts on their students' versions, as a rubric change does.
import type { Prisma } from '@grader/db';
import { storedVersions } from '@grader/grading';
import type { AppContext } from '../context.ts';
import { activeRegrade } from './regrade.ts';
import type { LineIssue } from './roster-import.ts';
import { newRubricVersion } from './rubric-versions.ts';

export interface RosterVersionsResult {
  examId: string;
  /** students of the file with a version */
  assigned: number;
  /** students whose version changed (set, changed or removed) */
  changed: number;
  /**
   * the regrade the change queued: the new (pending) rubric version, the scripts it regrades and
   * how many changed (0 until the job is done: see `regradeId`)
   */
  regrade?: { rubricVersion: number; scripts: number; changed: number; regradeId: string } | null;
}

type Exam = {
  id: string;
  slug: string;
  definition: unknown;
  parameters: unknown;
  currentRubricId: string | null;
};

export type RosterVersionPlan =
  | { ok: true; exam: Exam; versionOf: Map<string, string | null> }
  | { ok: false; issues: LineIssue[] };

/** Each line's version checked against the exam's versions (names case-insensitive). */
export async function planRosterVersions(
  ctx: AppContext,
  courseId: string,
  examId: string | undefined,
  rows: { roll: string; line: number; version?: string }[],
): Promise<RosterVersionPlan> {
  const fail = (field: string, message: string, line = 1): RosterVersionPlan => ({
    ok: false,
    issues: [{ line, field, message }],
  });
  if (!examId)
    return fail(
      'version',
      "a version column gives each student a version of one exam: import the class list from that exam's roster page",
    );
  const exam = await ctx.db.exam.findFirst({ where: { id: examId, courseId } });
  if (!exam) return fail('examId', 'no such exam in this course');
  const names = storedVersions(exam.versions).map((v) => v.name);
  if (!names.length && rows.some((r) => r.version))
    return fail('version', `exam ${exam.title} has no versions yet: create them on its Versions page first`);
  const issues: LineIssue[] = [];
  const versionOf = new Map<string, string | null>();
  for (const row of rows) {
    const name = row.version ? names.find((n) => n.toUpperCase() === row.version!.toUpperCase()) : null;
    if (row.version && !name)
      issues.push({
        line: row.line,
        field: 'version',
        message: `"${row.version}" is not a version of this exam (${names.join(', ')})`,
      });
    versionOf.set(row.roll, name ?? null);
  }
  return issues.length ? { ok: false, issues } : { ok: true, exam, versionOf };
}

/** Store the plan for the imported students (roll -> user id): an empty cell removes a version. */
export async function storeRosterVersions(
  tx: Prisma.TransactionClient,
  plan: Extract<RosterVersionPlan, { ok: true }>,
  userIds: Map<string, string>,
): Promise<RosterVersionsResult> {
  const examId = plan.exam.id;
  const existing = new Map(
    (await tx.rosterVersion.findMany({ where: { examId, userId: { in: [...userIds.values()] } } })).map(
      (r) => [r.userId, r.version],
    ),
  );
  let changed = 0;
  let assigned = 0;
  for (const [roll, version] of plan.versionOf) {
    const userId = userIds.get(roll);
    if (!userId) continue;
    const before = existing.get(userId) ?? null;
    if (version) assigned++;
    if (version === before) continue;
    changed++;
    if (version)
      await tx.rosterVersion.upsert({
        where: { examId_userId: { examId, userId } },
        create: { examId, userId, version },
        update: { version },
      });
    else await tx.rosterVersion.delete({ where: { examId_userId: { examId, userId } } });
  }
  return { examId, assigned, changed };
}

/**
 * After a change of versions on the class list: a new pending rubric version and its regrade job.
 * While another change of the exam still regrades, this one is not queued (null, logged): the
 * running regrade read the class list when it started. Open: queue it after the running one.
 */
export async function regradeForRosterVersions(
  ctx: AppContext,
  exam: Exam,
  actorId: string,
): Promise<RosterVersionsResult['regrade']> {
  const fresh = await ctx.db.exam.findUniqueOrThrow({
    where: { id: exam.id },
    include: { currentRubric: true },
  });
  if (!fresh.currentRubric) return null;
  if (await activeRegrade(ctx, exam.id)) {
    ctx.log(`exam ${exam.id}: class list versions changed while a regrade runs; not queued again`);
    return null;
  }
  const { rv, run } = await newRubricVersion(ctx, fresh, actorId, {
    yaml: fresh.currentRubric.yaml,
    parameters: (fresh.parameters ?? {}) as Record<string, unknown>,
    note: 'versions on the class list changed',
    regradeReason: 'the versions on the class list changed',
  });
  const scripts = await ctx.db.submission.count({
    where: { examId: exam.id, status: { in: ['graded', 'needs_review'] }, extraction: { isNot: null } },
  });
  return { rubricVersion: rv.version, scripts, changed: 0, regradeId: run.id };
}
