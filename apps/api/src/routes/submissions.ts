import { randomBytes } from 'node:crypto';
import {
  AssignStudentBody as AssignBody,
  DeleteBody,
  OverrideBody,
  WithdrawBody as ReasonBody,
  RegradeRequestBody as RegradeBody,
  RestoreBody,
} from '@grader/contract';
import {
  effectiveGrade,
  type OverrideLike,
  type StudentSubmissionRow,
  type SubmissionReadRow,
  type SubmissionStatus,
  studentPartView,
  studentSubmissions,
  submissionForRead,
} from '@grader/db';
import { examFromRow, storedVersions } from '@grader/grading';
import type { ExtractedScript } from '@grader/model';
import { type Request, Router } from 'express';
import { currentUser, roleIn, STAFF, submissionFor } from '../access.ts';
import type { AppContext } from '../context.ts';
import { HttpError, notFound, parse } from '../errors.ts';
import { checkIdParams, isId } from '../ids.ts';
import { overridePart, progressOf } from '../services/grades.ts';
import { ownedBy } from '../services/identity.ts';
import { examPartId, examPartIds, ownPart } from '../services/parts.ts';
import { deleteSubmission, restoreSubmission, withdrawSubmission } from '../services/withdraw.ts';
import { regradeView } from './review.ts';

/** Stands in for a grade's parts while the answer is serialised; the stored JSON replaces it. NUL
 *  cannot occur in PostgreSQL text, so no stored string serialises to this. */
const PARTS_SLOT = `\u0000parts-${randomBytes(8).toString('hex')}`;
const PARTS_SLOT_JSON = JSON.stringify(PARTS_SLOT);

/** `JSON.stringify(body)` with the parts slot (if any) replaced by stored JSON: the same bytes as
 *  serialising the parsed parts, without parsing or re-serialising them. */
function jsonWithParts(partsJson: string | null, body: unknown): string {
  const json = JSON.stringify(body);
  return partsJson === null ? json : json.replace(PARTS_SLOT_JSON, () => partsJson);
}

/** audit actions where a person set a part's score */
const PERSON_ACTIONS = ['override', 'review_grade', 'regrade_answer'];

export function submissionRoutes(ctx: AppContext) {
  const r = Router();
  checkIdParams(r, { id: 'submission', otherId: 'submission' });

  function gradeView(
    g:
      | {
          parts: unknown;
          flags: unknown;
          flagReasons: unknown;
          createdAt: Date;
          rubricVersion: { version: number };
        }
      | null
      | undefined,
    overrides: OverrideLike[],
    student: boolean,
  ) {
    if (!g) return null;
    const eff = effectiveGrade(g.parts, overrides);
    const parts = Object.fromEntries(
      Object.entries(eff.parts).map(([id, p]) => [id, student ? studentPartView(p) : p]),
    );
    return {
      rubricVersion: g.rubricVersion.version,
      total: student && eff.needsReview > 0 ? null : eff.total,
      needsReview: eff.needsReview,
      parts,
      flags: student ? [] : g.flags,
      flagReasons: student ? {} : g.flagReasons,
      gradedAt: g.createdAt.toISOString(),
    };
  }

  r.get('/mine', async (req, res) => {
    const user = currentUser(req);
    // one statement whatever the count: only scripts whose identity is confirmed as this student's
    // (studentId is set by a safe roster match or a TA, never by a guess)
    const subs = await studentSubmissions(ctx.db, user.id);
    res.json(
      subs
        .filter((s) => ownedBy(s, user.id))
        .map((s) => ({
          id: s.id,
          examId: s.examId,
          examTitle: s.examTitle,
          fileName: s.fileName,
          status: s.status,
          released: s.released,
          total: s.released ? studentTotal(s.grade) : null,
          createdAt: s.createdAt,
        })),
    );
  });

  /** A released grade's total as its student sees it: none while a part waits for a person. */
  function studentTotal(g: StudentSubmissionRow['grade']): number | null {
    if (!g) return null;
    if (g.parts === null && g.viewTotal !== null) return g.needsReview > 0 ? null : g.viewTotal;
    const overrides = g.overrides.map((o) => ({ ...o, createdAt: new Date(o.createdAt) }));
    const eff = effectiveGrade(g.parts, overrides);
    return eff.needsReview > 0 ? null : eff.total;
  }

  /** A read as kept in `ctx.reads`: the answer for staff and for the owner, and who may see it. */
  interface KeptRead {
    courseId: string;
    studentId: string | null;
    withdrawn: boolean;
    staff?: string;
    student?: string;
  }

  /** The kept answer this user may see, if there is one (else the database decides). */
  function keptRead(req: Request, id: string): string | undefined {
    const kept = ctx.reads.get(id) as KeptRead | undefined;
    if (!kept) return undefined;
    const role = roleIn(req, kept.courseId);
    if (role === 'student')
      return ownedBy(kept, currentUser(req).id) && !kept.withdrawn ? kept.student : undefined;
    return role && STAFF.includes(role) ? kept.staff : undefined;
  }

  r.get('/:id', async (req, res) => {
    const user = currentUser(req);
    const kept = isId(req.params.id) ? keptRead(req, req.params.id) : undefined;
    if (kept !== undefined) return void res.type('json').send(kept);
    const since = ctx.reads.begin();
    // one round trip for everything the page shows, the access rule in the query: staff of the
    // course see any script, a student only their own confirmed, non-withdrawn one (else 404)
    const row = isId(req.params.id)
      ? await submissionForRead(
          ctx.db,
          {
            id: req.params.id,
            userId: user.id,
            staffCourses: user.roles.filter((x) => STAFF.includes(x.role)).map((x) => x.courseId),
            studentCourses: user.roles.filter((x) => x.role === 'student').map((x) => x.courseId),
          },
          { historyActions: [...PERSON_ACTIONS, 'regrade'] },
        )
      : null;
    const role = row ? roleIn(req, row.exam.courseId) : null;
    if (!row || !role || (role === 'student' && (!ownedBy(row, user.id) || row.withdrawnAt)))
      throw notFound('submission not found');
    const student = role === 'student';
    const released = row.exam.releasedAt !== null;
    const overrides = row.overrides.map((o) => ({ ...o, createdAt: new Date(o.createdAt) }));
    const g = row.grade;
    // the stored projection (no overrides, made for this view): sent as stored, not re-parsed
    const projected =
      g && row.partsView !== null && g.viewTotal !== null && row.asStudent === student ? row.partsView : null;
    const grade =
      (student && !released) || !g
        ? null
        : projected !== null && g.viewTotal !== null
          ? {
              rubricVersion: g.rubricVersion,
              total: student && g.needsReview > 0 ? null : g.viewTotal,
              needsReview: g.needsReview,
              parts: PARTS_SLOT as unknown,
              flags: student ? [] : g.flags,
              flagReasons: student ? {} : g.flagReasons,
              gradedAt: g.createdAt,
            }
          : gradeView(
              { ...g, createdAt: new Date(g.createdAt), rubricVersion: { version: g.rubricVersion } },
              overrides,
              student,
            );
    const extracted = { header: row.header, warnings: row.warnings } as {
      header?: { name: string | null; roll: string | null; region: unknown; issues?: string[] } | null;
      warnings?: string[] | null;
    };
    const body = jsonWithParts(grade?.parts === PARTS_SLOT ? projected : null, {
      submission: {
        id: row.id,
        examId: row.examId,
        fileName: row.fileName,
        status: row.status,
        statusReason: row.statusReason,
        progress: progressOf({ status: row.status as SubmissionStatus, progress: row.progress }),
        student:
          row.student ??
          (row.headerName || row.headerRoll
            ? { id: null, name: row.headerName, roll: row.headerRoll }
            : null),
        createdAt: row.createdAt,
        released,
        // staff only (a student never reaches a withdrawn script)
        withdrawn: row.withdrawnAt ? { at: row.withdrawnAt, reason: row.withdrawnReason ?? '' } : null,
        // an exam with versions: the script's version and its question paper
        version: versionOf(row),
      },
      pages: row.pages.map((p) => ({
        page: p.page,
        width: p.width,
        height: p.height,
        source: p.source,
        imageUrl: `/api/submissions/${row.id}/pages/${p.page}.png`,
      })),
      // staff only: the header as read (with where), and what ingestion warned about
      header: extracted.header
        ? {
            name: extracted.header.name,
            roll: extracted.header.roll,
            region: extracted.header.region,
            issues: extracted.header.issues ?? [],
          }
        : null,
      warnings: extracted.warnings ?? [],
      answers: row.answers.map((a) => ({
        partId: a.partId,
        text: a.text,
        regions: a.regions,
        confidence: a.confidence,
      })),
      grade:
        grade && !student
          ? { ...grade, flagLinks: flagLinks(grade.flagReasons, row.similarCandidates) }
          : grade,
      // student only: how their released grade changed since (overrides and regrades), oldest first
      history: student && grade ? changesSinceRelease(row.changes ?? []) : [],
      overrides:
        student && !released
          ? []
          : row.overrides.map((o) => ({
              partId: o.partId,
              score: o.score,
              comment: o.comment,
              by: o.byName,
              at: o.createdAt,
            })),
      regradeRequests: row.regradeRequests.map((x) =>
        regradeView({
          ...x,
          answeredAt: x.answeredAt ? new Date(x.answeredAt) : null,
          createdAt: new Date(x.createdAt),
        }),
      ),
    });
    const prev = ctx.reads.get(row.id) as KeptRead | undefined;
    ctx.reads.set(row.id, since, {
      submissionId: row.id,
      examId: row.examId,
      value: {
        ...prev,
        courseId: row.exam.courseId,
        studentId: row.studentId,
        withdrawn: row.withdrawnAt !== null,
        [student ? 'student' : 'staff']: body,
      } satisfies KeptRead,
    });
    res.type('json').send(body);
  });

  /** The other scripts a `similarity` reason names (by file name), for a link to each. */
  function flagLinks(reasons: unknown, candidates: { id: string; fileName: string }[] | null) {
    const reason = (reasons as Record<string, string> | null)?.similarity;
    if (!reason) return {};
    const named = (candidates ?? []).filter((o) => {
      const esc = o.fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return new RegExp(`(^|[\\s,;:(])${esc}(?=$|[\\s,;:)])`).test(reason);
    });
    return { similarity: named.map((o) => ({ id: o.id, fileName: o.fileName })) };
  }

  /** The version a script is on (exams with versions): its current grade's, else the class list's. */
  function versionOf(row: SubmissionReadRow): { name: string; paperUrl: string } | null {
    const versions = storedVersions(row.exam.versions);
    if (!versions.length) return null;
    let name = row.grade?.version ?? null;
    if (!name && row.studentId) name = row.rosterVersion ?? null;
    const v = name ? versions.find((x) => x.name === name) : undefined;
    return v ? { name: v.name, paperUrl: `/api/submissions/${row.id}/paper.pdf` } : null;
  }

  /**
   * What changed in a released grade, from the audit log (entries after the exam's first release):
   * a person's score for a part (override, group grade, answered regrade request) or a regrade of
   * the whole script after a rubric or parameter change; entries that changed nothing are left out.
   */
  function changesSinceRelease(rows: NonNullable<SubmissionReadRow['changes']>) {
    const out = [];
    for (const a of rows) {
      const before = (a.before ?? {}) as { score?: number; total?: number | null };
      const after = (a.after ?? {}) as { score?: number; total?: number };
      const byPerson = PERSON_ACTIONS.includes(a.action);
      const from = byPerson ? before.score : before.total;
      const to = byPerson ? after.score : after.total;
      if (typeof to !== 'number' || from === to) continue;
      out.push({
        kind: byPerson ? ('override' as const) : ('regrade' as const),
        partId: byPerson ? a.partId : null,
        before: typeof from === 'number' ? from : null,
        after: to,
        totalBefore: typeof before.total === 'number' ? before.total : null,
        totalAfter: typeof after.total === 'number' ? after.total : null,
        reason: byPerson ? (a.reason ?? '') : 'the marking scheme was updated and every script regraded',
        at: a.createdAt,
      });
    }
    return out;
  }

  // Withdraw: out of every grade list, the CSV, release and review, but kept and restorable.
  r.post('/:id/withdraw', async (req, res) => {
    const { sub } = await submissionFor(ctx, req, req.params.id, STAFF);
    const { reason } = parse(ReasonBody, req.body, 'withdrawal');
    res.json(await withdrawSubmission(ctx, sub, currentUser(req).id, reason));
  });

  r.post('/:id/restore', async (req, res) => {
    const { sub } = await submissionFor(ctx, req, req.params.id, STAFF);
    const { reason } = parse(RestoreBody, req.body, 'restore');
    const out = await restoreSubmission(ctx, sub, currentUser(req).id, reason);
    // graded before a rubric change it missed: grade it at the current version now
    if (sub.exam.currentRubricId && ['graded', 'needs_review'].includes(sub.status)) {
      const has = await ctx.db.grade.count({
        where: { submissionId: sub.id, rubricVersionId: sub.exam.currentRubricId },
      });
      if (!has)
        await ctx.queues.addGrade({ submissionId: sub.id, rubricVersionId: sub.exam.currentRubricId });
    }
    res.json(out);
  });

  r.delete('/:id', async (req, res) => {
    const { sub } = await submissionFor(ctx, req, req.params.id, STAFF);
    const body = parse(DeleteBody, req.body ?? {}, 'delete');
    res.json(await deleteSubmission(ctx, sub, currentUser(req).id, body));
  });

  /**
   * Two scripts side by side with what the grader found they share (the `similarity` flag's
   * evidence, computed by the grading core over the exam's current batch, never by the browser).
   */
  r.get('/:id/similar/:otherId', async (req, res) => {
    const { sub } = await submissionFor(ctx, req, req.params.id, STAFF);
    const { sub: other } = await submissionFor(ctx, req, req.params.otherId, STAFF);
    if (other.examId !== sub.examId || other.id === sub.id) throw notFound('submission not found');
    const rv = sub.exam.currentRubricId
      ? await ctx.db.rubricVersion.findUnique({ where: { id: sub.exam.currentRubricId } })
      : null;
    if (!rv) throw new HttpError('conflict', 'this exam has no rubric yet');
    // the batch the flag was computed on: every graded script of the exam (as refreshExamFlags does)
    const batch = await ctx.db.grade.findMany({
      where: { rubricVersionId: rv.id, submission: { extraction: { isNot: null } } },
      select: {
        submissionId: true,
        flagReasons: true,
        submission: { select: { fileName: true, extraction: { select: { data: true } } } },
      },
      orderBy: { submissionId: 'asc' },
    });
    const ia = batch.findIndex((g) => g.submissionId === sub.id);
    const ib = batch.findIndex((g) => g.submissionId === other.id);
    if (ia < 0 || ib < 0) throw new HttpError('conflict', 'both scripts must be graded to compare them');
    const evidence = ctx.grading.similarityEvidence(
      examFromRow(sub.exam),
      (rv.parameters ?? {}) as Record<string, unknown>,
      rv.yaml,
      batch.map((g) => ({
        extraction: g.submission.extraction!.data as ExtractedScript,
        fileName: g.submission.fileName,
      })),
      ia,
      ib,
    );
    const side = async (s: typeof sub, i: number) => {
      const full = await ctx.db.submission.findUniqueOrThrow({
        where: { id: s.id },
        include: {
          pages: { orderBy: { page: 'asc' } },
          answers: true,
          student: { select: { id: true, name: true, roll: true } },
        },
      });
      return {
        id: s.id,
        fileName: s.fileName,
        student:
          full.student ??
          (s.headerName || s.headerRoll ? { id: null, name: s.headerName, roll: s.headerRoll } : null),
        similarity: ((batch[i].flagReasons ?? {}) as Record<string, string>).similarity ?? null,
        pages: full.pages.map((p) => ({
          page: p.page,
          width: p.width,
          height: p.height,
          imageUrl: `/api/submissions/${s.id}/pages/${p.page}.png`,
        })),
        answers: Object.fromEntries(
          full.answers.map((a) => [a.partId, { text: a.text, regions: a.regions }]),
        ),
      };
    };
    res.json({
      partIds: examPartIds(sub.exam),
      a: await side(sub, ia),
      b: await side(other, ib),
      evidence,
    });
  });

  r.post('/:id/retry', async (req, res) => {
    const { sub } = await submissionFor(ctx, req, req.params.id, STAFF);
    if (sub.status !== 'failed')
      throw new HttpError('conflict', `only failed submissions can be retried (this one is ${sub.status})`);
    await ctx.db.submission.update({
      where: { id: sub.id },
      data: { status: 'queued', statusReason: null, progress: 0 },
    });
    await ctx.queues.addIngest({ submissionId: sub.id });
    await ctx.db.auditLog.create({
      data: { actorId: currentUser(req).id, action: 'retry', submissionId: sub.id, examId: sub.examId },
    });
    res.json({ id: sub.id, status: 'queued' });
  });

  // Match a script to a student by hand (header unreadable or not on the roster); null unassigns.
  r.post('/:id/student', async (req, res) => {
    const { sub } = await submissionFor(ctx, req, req.params.id, STAFF);
    const { studentId } = parse(AssignBody, req.body, 'student');
    if (studentId) {
      const enrolled = await ctx.db.enrolment.findUnique({
        where: { userId_courseId: { userId: studentId, courseId: sub.exam.courseId } },
      });
      if (enrolled?.role !== 'student')
        throw new HttpError('invalid', 'not a student of this course', { studentId: 'unknown' });
    }
    await ctx.db.$transaction([
      ctx.db.submission.update({ where: { id: sub.id }, data: { studentId } }),
      ctx.db.auditLog.create({
        data: {
          actorId: currentUser(req).id,
          action: 'assign_student',
          examId: sub.examId,
          submissionId: sub.id,
          before: { studentId: sub.studentId },
          after: { studentId },
        },
      }),
    ]);
    const student = studentId
      ? await ctx.db.user.findUnique({
          where: { id: studentId },
          select: { id: true, name: true, roll: true },
        })
      : null;
    res.json({ id: sub.id, student });
  });

  r.post('/:id/parts/:partId/override', async (req, res) => {
    const { sub } = await submissionFor(ctx, req, req.params.id, STAFF);
    const partId = examPartId(sub.exam, req.params.partId);
    const body = parse(OverrideBody, req.body, 'override');
    const { override, total } = await overridePart(ctx, {
      submissionId: sub.id,
      partId,
      score: body.score,
      comment: body.comment,
      byId: currentUser(req).id,
    });
    res
      .status(201)
      .json({ partId: override.partId, score: override.score, comment: override.comment, total });
  });

  r.post('/:id/parts/:partId/regrade-requests', async (req, res) => {
    const { sub } = await submissionFor(ctx, req, req.params.id, ['student']);
    const partId = examPartId(sub.exam, req.params.partId);
    const body = parse(RegradeBody, req.body, 'regrade request');
    if (!sub.exam.releasedAt) throw new HttpError('conflict', 'grades are not released yet');
    const g = await ctx.db.grade.findUnique({
      where: {
        submissionId_rubricVersionId: {
          submissionId: sub.id,
          rubricVersionId: sub.exam.currentRubricId ?? '',
        },
      },
    });
    if (!g || !ownPart(g.parts as Record<string, unknown>, partId)) throw notFound('part not found');
    const open = await ctx.db.regradeRequest.count({
      where: { submissionId: sub.id, partId, status: 'open' },
    });
    if (open) throw new HttpError('conflict', 'a request for this part is already open');
    const rr = await ctx.db.regradeRequest.create({
      data: {
        submissionId: sub.id,
        partId,
        studentId: currentUser(req).id,
        message: body.message,
      },
    });
    res.status(201).json(regradeView(rr));
  });
  return r;
}
