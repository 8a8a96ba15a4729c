// Importing a course's class list: a CSV `roll,name[,email][,version]` (a header line naming the
// columns, in any order; `version` gives each student a version of one exam: roster-versions.ts).
// Every line is checked first (zod, then parseRoster's rules: a roll and a name, no roll twice,
// and against the course: a roll already another student's, an email of the course's staff); any
// bad line rejects the whole file with each problem (line, field, message) and nothing
// is imported. A valid file creates or updates the students and enrols them, in one transaction,
// audited as `roster_import`.
import { randomBytes } from 'node:crypto';
import { parseRoster, splitCsvLine } from '@grader/model';
import { z } from 'zod';
import { hashPassword } from '../auth/passwords.ts';
import type { AppContext } from '../context.ts';
import {
  planRosterVersions,
  type RosterVersionsResult,
  regradeForRosterVersions,
  storeRosterVersions,
} from './roster-versions.ts';
import { VersionName } from './version-name.ts';

export interface LineIssue {
  line: number;
  field: string;
  message: string;
}

export interface RosterImportResult {
  students: number;
  created: number;
  updated: number;
  enrolled: number;
  unchanged: number;
  /** with a `version` column: students with a version of the exam, assignments changed, the regrade */
  versions?: RosterVersionsResult;
}

const Row = z.object({
  roll: z
    .string()
    .trim()
    .toUpperCase()
    .min(1, 'a roll number is needed')
    .max(40, 'at most 40 characters')
    .regex(/^[A-Z0-9][A-Z0-9/-]*$/, 'letters, digits, "/" and "-" only'),
  name: z.string().trim().min(1, 'a name is needed').max(200, 'at most 200 characters'),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(200, 'at most 200 characters')
    .pipe(z.union([z.literal(''), z.string().email('not an email address')]))
    .transform((s) => s || undefined),
  version: z
    .string()
    .trim()
    .pipe(z.union([z.literal(''), VersionName]))
    .transform((s) => s || undefined),
});
type Row = z.infer<typeof Row>;

/** The lines of the file, each with its line number (blank lines skipped), or the problems. */
export async function checkRosterCsv(
  csv: string,
): Promise<{ rows: (Row & { line: number })[]; issues: LineIssue[]; hasVersion?: boolean }> {
  const issues: LineIssue[] = [];
  const all = csv
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((text, i) => ({ text, line: i + 1 }))
    .filter((l) => l.text.trim() !== '');
  if (all.length === 0)
    return {
      rows: [],
      issues: [{ line: 1, field: 'header', message: 'the file is empty (expected "roll,name")' }],
    };
  if (csv.includes('\u0000'))
    return {
      rows: [],
      issues: [{ line: 1, field: 'file', message: 'the file may not contain NUL characters' }],
    };
  const [head, ...body] = all;
  const cols = splitCsvLine(head.text).map((c) => c.toLowerCase());
  const at = {
    roll: cols.indexOf('roll'),
    name: cols.indexOf('name'),
    email: cols.indexOf('email'),
    version: cols.indexOf('version'),
  };
  for (const c of ['roll', 'name'] as const)
    if (at[c] < 0)
      issues.push({ line: head.line, field: 'header', message: `the header line names no "${c}" column` });
  if (issues.length) return { rows: [], issues };
  if (body.length === 0)
    return {
      rows: [],
      issues: [{ line: head.line, field: 'file', message: 'no students below the header line' }],
    };
  const rows: (Row & { line: number })[] = [];
  const rolls = new Map<string, number>();
  const emails = new Map<string, number>();
  for (const { text, line } of body) {
    const cells = splitCsvLine(text);
    if (cells.length > cols.length) {
      issues.push({ line, field: 'line', message: `${cells.length} cells, the header has ${cols.length}` });
      continue;
    }
    const r = Row.safeParse({
      roll: cells[at.roll] ?? '',
      name: cells[at.name] ?? '',
      email: at.email >= 0 ? (cells[at.email] ?? '') : '',
      version: at.version >= 0 ? (cells[at.version] ?? '') : '',
    });
    if (!r.success) {
      const seen = new Set<string>();
      for (const i of r.error.issues) {
        const field = String(i.path[0] ?? 'line');
        if (seen.has(field)) continue;
        seen.add(field);
        issues.push({ line, field, message: i.message });
      }
      continue;
    }
    const prev = rolls.get(r.data.roll);
    if (prev) issues.push({ line, field: 'roll', message: `roll ${r.data.roll} is also on line ${prev}` });
    else rolls.set(r.data.roll, line);
    if (r.data.email) {
      const prevE = emails.get(r.data.email);
      if (prevE) issues.push({ line, field: 'email', message: `${r.data.email} is also on line ${prevE}` });
      else emails.set(r.data.email, line);
    }
    rows.push({ ...r.data, line });
  }
  if (issues.length === 0) {
    // parseRoster's own rules (what the worker and the CLI read a class list with)
    try {
      parseRoster(csv);
    } catch (e) {
      const m = /line (\d+)/.exec((e as Error).message);
      issues.push({ line: m ? Number(m[1]) : 1, field: 'line', message: (e as Error).message });
    }
  }
  return { rows, issues, hasVersion: at.version >= 0 };
}

/** Checks the file against the course and imports it; `issues` non-empty: nothing was imported. */
export async function importRoster(
  ctx: AppContext,
  courseId: string,
  csv: string,
  actorId: string,
  opts: { examId?: string } = {},
): Promise<{ issues: LineIssue[]; result?: RosterImportResult }> {
  const { rows, issues, hasVersion } = await checkRosterCsv(csv);
  if (issues.length) return { issues };
  // a `version` column: each student's version of the exam the class list is imported for
  const versionPlan = hasVersion ? await planRosterVersions(ctx, courseId, opts.examId, rows) : null;
  if (versionPlan && !versionPlan.ok) return { issues: versionPlan.issues };
  const enrolments = await ctx.db.enrolment.findMany({ where: { courseId }, include: { user: true } });
  const byEmail = await ctx.db.user.findMany({
    where: { email: { in: rows.flatMap((r) => (r.email ? [r.email] : [])) } },
  });
  const students = enrolments.filter((e) => e.role === 'student');
  const plan: { row: Row; userId: string | null; email: string }[] = [];
  for (const row of rows) {
    const sameRoll = students.find((e) => e.user.roll?.toUpperCase() === row.roll);
    let user = row.email ? byEmail.find((u) => u.email === row.email) : sameRoll?.user;
    if (!row.email && !sameRoll) {
      // no email and not on the class list yet: an account under a placeholder address
      const placeholder = `${row.roll.toLowerCase().replace(/[^a-z0-9-]/g, '-')}@roster.invalid`;
      user = (await ctx.db.user.findUnique({ where: { email: placeholder } })) ?? undefined;
      plan.push({ row, userId: user?.id ?? null, email: placeholder });
    } else plan.push({ row, userId: user?.id ?? null, email: row.email ?? user!.email });
    if (user) {
      const staff = enrolments.find((e) => e.userId === user!.id && e.role !== 'student');
      if (staff)
        issues.push({
          line: row.line,
          field: 'email',
          message: `${user.email} is a ${staff.role} of this course`,
        });
    }
    if (sameRoll && sameRoll.userId !== user?.id)
      issues.push({
        line: row.line,
        field: 'roll',
        message: `roll ${row.roll} is already ${sameRoll.user.name}'s (${sameRoll.user.email})`,
      });
  }
  if (issues.length) return { issues };
  const hash = await hashPassword(randomBytes(18).toString('base64url')); // no one knows it
  const result: RosterImportResult = {
    students: rows.length,
    created: 0,
    updated: 0,
    enrolled: 0,
    unchanged: 0,
  };
  const userIds = new Map<string, string>(); // roll -> user
  await ctx.db.$transaction(async (tx) => {
    for (const { row, userId, email } of plan) {
      let id = userId;
      if (!id) {
        id = (await tx.user.create({ data: { email, name: row.name, roll: row.roll, passwordHash: hash } }))
          .id;
        result.created++;
      } else {
        const u = await tx.user.findUniqueOrThrow({ where: { id } });
        if (u.name !== row.name || u.roll !== row.roll) {
          await tx.user.update({ where: { id }, data: { name: row.name, roll: row.roll } });
          result.updated++;
        } else if (enrolments.some((e) => e.userId === id)) result.unchanged++;
      }
      if (!enrolments.some((e) => e.userId === id)) {
        await tx.enrolment.create({ data: { userId: id, courseId, role: 'student' } });
        result.enrolled++;
      }
      userIds.set(row.roll, id);
    }
    if (versionPlan?.ok) result.versions = await storeRosterVersions(tx, versionPlan, userIds);
    await tx.auditLog.create({
      data: {
        actorId,
        action: 'roster_import',
        after: {
          courseId,
          ...result,
          rolls: rows.map((r) => r.roll),
          ...(versionPlan?.ok
            ? { examId: versionPlan.exam.id, versionOf: Object.fromEntries(versionPlan.versionOf) }
            : {}),
        } as object,
      },
    });
  });
  // assignments changed: every script regraded on its student's version, as a rubric change does
  if (versionPlan?.ok && result.versions?.changed)
    result.versions.regrade = await regradeForRosterVersions(ctx, versionPlan.exam, actorId);
  return { issues: [], result };
}
