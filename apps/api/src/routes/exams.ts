import { mkdirSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { examFromRow } from '@grader/worker';
import { Router } from 'express';
import multer from 'multer';
import { ANYONE, currentUser, examFor, STAFF } from '../access.ts';
import type { AppContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { examSubmissions, progressOf, studentOf, summary } from '../services/grades.ts';
import { examStats } from '../services/stats.ts';
import { acceptUploads } from '../services/upload.ts';
import { examView } from './courses.ts';

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  // quote when needed; neutralise spreadsheet formulas in text cells
  const safe = /^[=+\-@\t\r]/.test(s) && Number.isNaN(Number(s)) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function examRoutes(ctx: AppContext) {
  const r = Router();
  const uploadDir = join(tmpdir(), 'grader-uploads');
  mkdirSync(uploadDir, { recursive: true });
  const upload = multer({
    dest: uploadDir,
    limits: {
      fileSize: ctx.config.MAX_UPLOAD_BYTES,
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
    const { exam } = await examFor(ctx, req, req.params.examId, STAFF);
    res.json((await examSubmissions(ctx, exam)).map(summary));
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
        const incoming = await Promise.all(
          files.map(async (f) => ({ name: f.originalname, bytes: await readFile(f.path) })),
        );
        const result = await acceptUploads(ctx, exam.id, currentUser(req).id, incoming);
        res.status(result.created.length ? 201 : 200).json(result);
      } catch (e) {
        next(e);
      } finally {
        await Promise.all(files.map((f) => rm(f.path, { force: true })));
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

  r.post('/:examId/release', async (req, res) => {
    const { exam } = await examFor(ctx, req, req.params.examId, STAFF);
    const releasedAt = new Date();
    await ctx.db.exam.update({ where: { id: exam.id }, data: { releasedAt } });
    await ctx.db.auditLog.create({
      data: {
        actorId: currentUser(req).id,
        action: 'release',
        examId: exam.id,
        after: { releasedAt: releasedAt.toISOString() },
      },
    });
    res.json({ releasedAt: releasedAt.toISOString() });
  });

  r.get('/:examId/export.csv', async (req, res) => {
    const { exam } = await examFor(ctx, req, req.params.examId, STAFF);
    const partIds = ((exam.definition as { parts?: { id: string }[] }).parts ?? []).map((p) => p.id);
    const subs = (await examSubmissions(ctx, exam)).filter((s) => s.grade);
    // one row per student: their newest graded submission
    const rows = new Map<string, (typeof subs)[number]>();
    for (const s of subs) {
      const who = studentOf(s);
      const key = who?.id ?? who?.roll ?? `file:${s.id}`;
      const prev = rows.get(key);
      if (!prev || prev.createdAt <= s.createdAt) rows.set(key, s);
    }
    const lines = [['roll', 'name', ...partIds, 'total'].map(csvCell).join(',')];
    for (const s of rows.values()) {
      const who = studentOf(s);
      const parts = s.grade!.effective.parts;
      lines.push(
        [
          who?.roll ?? '',
          who?.name ?? '',
          ...partIds.map((p) => parts[p]?.score ?? ''),
          s.grade!.effective.total,
        ]
          .map(csvCell)
          .join(','),
      );
    }
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${exam.slug}-grades.csv"`);
    res.send(`${lines.join('\r\n')}\r\n`);
  });

  r.get('/:examId/stats', async (req, res) => {
    const { exam } = await examFor(ctx, req, req.params.examId, STAFF);
    res.json(examStats(exam, await examSubmissions(ctx, exam)));
  });
  return r;
}
