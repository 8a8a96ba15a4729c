import { mkdirSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExportQuery } from '@grader/contract';
import { examFromRow } from '@grader/grading';
import { Router } from 'express';
import multer from 'multer';
import { ANYONE, currentUser, examFor, roleIn, STAFF } from '../access.ts';
import type { AppContext } from '../context.ts';
import { HttpError, parse } from '../errors.ts';
import { checkIdParams } from '../ids.ts';
import { examSubmissions, progressOf } from '../services/grades.ts';
import { gradesCsv } from '../services/grades-csv.ts';
import { tooLargeReason } from '../services/limits.ts';
import { examPartIds } from '../services/parts.ts';
import { regradeEvents } from '../services/regrade.ts';
import { examStats } from '../services/stats.ts';
import { ListQuery, listSubmissions } from '../services/submission-list.ts';
import { acceptUploads, cleanName } from '../services/upload.ts';
import { isTooLarge, removeStaleUploads, sizeLimitedDiskStorage } from '../services/upload-storage.ts';
import { examView } from './courses.ts';

export function examRoutes(ctx: AppContext) {
  const r = Router();
  checkIdParams(r, { examId: 'exam' });
  const uploadDir = join(tmpdir(), 'grader-uploads');
  mkdirSync(uploadDir, { recursive: true });
  // what a killed upload left behind is removed at start (not what a live request is writing)
  void removeStaleUploads(uploadDir);
  // No request-wide file size limit: a file over MAX_UPLOAD_BYTES is dropped while it streams in
  // and reported on its own; the other files of the batch go on.
  const upload = multer({
    storage: sizeLimitedDiskStorage(uploadDir, ctx.config.MAX_UPLOAD_BYTES),
    limits: {
      files: ctx.config.MAX_UPLOAD_FILES,
      fields: 10,
      parts: ctx.config.MAX_UPLOAD_FILES + 10,
    },
  });

  r.get('/:examId', async (req, res) => {
    await examFor(ctx, req, req.params.examId, ANYONE);
    const exam = await ctx.db.exam.findUniqueOrThrow({
      where: { id: req.params.examId },
      include: { currentRubric: { select: { id: true, version: true } } },
    });
    res.json(examView(exam));
  });

  r.get('/:examId/keys', async (req, res) => {
    const { exam } = await examFor(ctx, req, req.params.examId, STAFF);
    const def = examFromRow(exam);
    const overrides = exam.parameters as Record<string, unknown>;
    res.json({
      // the admin's overrides, every parameter's effective value (text), their definitions, the keys
      parameters: overrides,
      values: ctx.grading.parameterValues(def, overrides),
      definitions: (def as { parameters?: unknown }).parameters ?? {},
      keys: ctx.grading.keys(def, overrides),
    });
  });

  r.get('/:examId/submissions', async (req, res) => {
    const q = parse(ListQuery, req.query, 'query');
    // a page kept since nothing of the exam changed (see services/read-cache.ts), for its staff
    const key = `list:${req.params.examId}:${JSON.stringify(Object.entries(q).sort())}`;
    const kept = ctx.reads.get(key) as { courseId: string; body: string } | undefined;
    const role = kept ? roleIn(req, kept.courseId) : null;
    if (kept && role && STAFF.includes(role)) return void res.type('json').send(kept.body);
    const since = ctx.reads.begin();
    const { exam } = await examFor(ctx, req, req.params.examId, STAFF);
    // filtered, sorted and paged in the database (one query; no grade parts read)
    const body = JSON.stringify(await listSubmissions(ctx, exam, q));
    ctx.reads.set(key, since, {
      submissionId: null,
      examId: exam.id,
      value: { courseId: exam.courseId, body },
    });
    res.type('json').send(body);
  });

  r.post('/:examId/submissions', async (req, res, next) => {
    // role first: nobody else gets to make the server read a large body
    const { exam } = await examFor(ctx, req, req.params.examId, STAFF);
    upload.array('files[]', ctx.config.MAX_UPLOAD_FILES)(req, res, async (err?: unknown) => {
      const files = (req.files as Express.Multer.File[] | undefined) ?? [];
      try {
        if (err) throw err;
        if (!files.length)
          throw new HttpError('invalid', 'no files: send PDFs or zips as files[]', { 'files[]': 'required' });
        const oversize = files.filter(isTooLarge).map((f) => ({
          file: cleanName(f.originalname),
          reason: tooLargeReason(ctx.config.MAX_UPLOAD_BYTES),
        }));
        const incoming = await Promise.all(
          files
            .filter((f) => !isTooLarge(f))
            .map(async (f) => ({ name: f.originalname, bytes: await readFile(f.path) })),
        );
        const result = await acceptUploads(ctx, exam.id, currentUser(req).id, incoming);
        result.rejected.unshift(...oversize);
        res.status(result.created.length ? 201 : 200).json(result);
      } catch (e) {
        next(e);
      } finally {
        await Promise.all(files.map((f) => (f.path ? rm(f.path, { force: true }) : null)));
      }
    });
  });

  // Live progress as server-sent events, read from the database (the source of truth), so any API
  // instance can serve any client.
  r.get('/:examId/events', async (req, res) => {
    const { exam } = await examFor(ctx, req, req.params.examId, STAFF);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
    });
    res.write('retry: 2000\n\n');
    let since = new Date(0);
    let closed = false;
    // the response's close (not the request's: that one fires once a bodiless GET is read)
    res.on('close', () => {
      closed = true;
    });
    const tick = async () => {
      const now = new Date(Date.now() - 1000); // rows committed just before `now` are read next time
      const ex = await ctx.db.exam.findUnique({ where: { id: exam.id }, select: { currentRubricId: true } });
      const subs = await ctx.db.submission.findMany({
        where: { examId: exam.id, updatedAt: { gt: since } },
        select: {
          id: true,
          status: true,
          statusReason: true,
          progress: true,
          grades: { where: { rubricVersionId: ex?.currentRubricId ?? '' }, select: { total: true } },
        },
      });
      // regrades of the exam (a rubric or parameter change, a preview): `event: regrade`, done/total
      for (const run of await regradeEvents(ctx, exam.id, since))
        res.write(`event: regrade\ndata: ${JSON.stringify(run)}\n\n`);
      since = now;
      for (const s of subs) {
        const payload = {
          submissionId: s.id,
          status: s.status,
          statusReason: s.statusReason,
          progress: progressOf(s),
          total: s.grades[0]?.total,
        };
        res.write(`data: ${JSON.stringify(payload)}\n\n`);
      }
      if (!subs.length) res.write(': keep-alive\n\n');
    };
    while (!closed) {
      try {
        await tick();
      } catch (err) {
        ctx.log(`events: ${(err as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    res.end();
  });

  // What a release would do now: scripts that reach their student, and what is still pending
  // (parts waiting for a person, scripts whose identity is unconfirmed and so stay with the TAs).
  r.get('/:examId/release', async (req, res) => {
    const { exam } = await examFor(ctx, req, req.params.examId, STAFF);
    const subs = await examSubmissions(ctx, exam);
    const graded = subs.filter((s) => s.grade);
    const inReview = graded.filter((s) => s.grade!.effective.needsReview > 0);
    res.json({
      releasedAt: exam.releasedAt?.toISOString() ?? null,
      released: graded.filter((s) => s.studentId).length,
      pending: {
        partsInReview: inReview.reduce((a, s) => a + s.grade!.effective.needsReview, 0),
        scriptsInReview: inReview.length,
        identityUnconfirmed: subs.filter((s) => !s.studentId).length,
        notGraded: subs.filter((s) => !s.grade).length,
      },
    });
  });

  // Un-release: students stop seeing grades (their pages say "not released yet"); audited.
  r.delete('/:examId/release', async (req, res) => {
    const { exam } = await examFor(ctx, req, req.params.examId, STAFF);
    if (!exam.releasedAt) throw new HttpError('conflict', 'grades are not released');
    await ctx.db.$transaction([
      ctx.db.exam.update({ where: { id: exam.id }, data: { releasedAt: null } }),
      ctx.db.auditLog.create({
        data: {
          actorId: currentUser(req).id,
          action: 'unrelease',
          examId: exam.id,
          before: { releasedAt: exam.releasedAt.toISOString() },
          after: { releasedAt: null },
        },
      }),
    ]);
    res.json({ releasedAt: null });
  });

  // Release is per exam; a script reaches a student only through its confirmed owner, so scripts
  // whose identity is unconfirmed stay with the TAs (counted here so the TA knows to match them).
  r.post('/:examId/release', async (req, res) => {
    const { exam } = await examFor(ctx, req, req.params.examId, STAFF);
    const releasedAt = new Date();
    await ctx.db.exam.update({ where: { id: exam.id }, data: { releasedAt } });
    const [released, unconfirmed] = await Promise.all([
      ctx.db.submission.count({ where: { examId: exam.id, studentId: { not: null }, withdrawnAt: null } }),
      ctx.db.submission.count({ where: { examId: exam.id, studentId: null, withdrawnAt: null } }),
    ]);
    await ctx.db.auditLog.create({
      data: {
        actorId: currentUser(req).id,
        action: 'release',
        examId: exam.id,
        after: { releasedAt: releasedAt.toISOString(), released, withheldUnconfirmed: unconfirmed },
      },
    });
    res.json({
      releasedAt: releasedAt.toISOString(),
      released,
      withheld: { identityUnconfirmed: unconfirmed },
    });
  });

  r.get('/:examId/export.csv', async (req, res) => {
    const { exam } = await examFor(ctx, req, req.params.examId, STAFF);
    const query = parse(ExportQuery, req.query, 'query');
    const [submissions, enrolments] = await Promise.all([
      examSubmissions(ctx, exam),
      ctx.db.enrolment.findMany({
        where: { courseId: exam.courseId, role: 'student' },
        include: { user: { select: { id: true, name: true, roll: true } } },
      }),
    ]);
    const csv = gradesCsv({
      partIds: examPartIds(exam),
      roster: enrolments.map((e) => e.user),
      submissions,
      unconfirmed: query.unconfirmed,
    });
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${exam.slug}-grades.csv"`);
    res.setHeader('X-Unconfirmed-Scripts', String(csv.unconfirmed));
    res.send(csv.text);
  });

  r.get('/:examId/stats', async (req, res) => {
    const { exam } = await examFor(ctx, req, req.params.examId, STAFF);
    res.json(examStats(exam, await examSubmissions(ctx, exam)));
  });
  return r;
}
