import { randomBytes } from 'node:crypto';
import { NewMemberBody as NewMember, RosterBody } from '@grader/contract';
import { Router } from 'express';
import multer from 'multer';
import { ADMIN, ANYONE, courseFor, currentUser, STAFF } from '../access.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { AppContext } from '../context.ts';
import { HttpError, parse } from '../errors.ts';
import { checkIdParams } from '../ids.ts';
import { createExam } from '../services/exams.ts';
import { importRoster } from '../services/roster-import.ts';
import { unzipFiles } from '../services/zip.ts';

export function examView(e: {
  id: string;
  courseId: string;
  slug: string;
  title: string;
  definition: unknown;
  parameters: unknown;
  reviewThreshold: number;
  releasedAt: Date | null;
  currentRubric?: { id: string; version: number } | null;
}) {
  const def = e.definition as { parts?: { id: string }[] };
  return {
    id: e.id,
    courseId: e.courseId,
    slug: e.slug,
    title: e.title,
    parameters: e.parameters,
    parts: def.parts ?? [],
    reviewThreshold: e.reviewThreshold,
    releasedAt: e.releasedAt?.toISOString() ?? null,
    rubricVersion: e.currentRubric ? { id: e.currentRubric.id, version: e.currentRubric.version } : null,
  };
}

export function courseRoutes(ctx: AppContext) {
  const r = Router();
  checkIdParams(r, { courseId: 'course' });
  const definitionUpload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: 2 * 1024 * 1024, files: 5 },
  });

  r.get('/', async (req, res) => {
    const user = currentUser(req);
    const courses = await ctx.db.course.findMany({
      where: { id: { in: user.roles.map((x) => x.courseId) } },
      orderBy: { code: 'asc' },
    });
    res.json(
      courses.map((c) => ({
        id: c.id,
        code: c.code,
        title: c.title,
        role: user.roles.find((x) => x.courseId === c.id)!.role,
      })),
    );
  });

  r.get('/:courseId/exams', async (req, res) => {
    courseFor(req, req.params.courseId, ANYONE);
    const exams = await ctx.db.exam.findMany({
      where: { courseId: req.params.courseId },
      include: { currentRubric: { select: { id: true, version: true } } },
      orderBy: { createdAt: 'asc' },
    });
    res.json(exams.map(examView));
  });

  r.post(
    '/:courseId/exams',
    (req, _res, next) => {
      courseFor(req, String(req.params.courseId), ADMIN); // before reading any body
      next();
    },
    definitionUpload.array('definition', 5),
    async (req, res) => {
      const courseId = String(req.params.courseId);
      courseFor(req, courseId, ADMIN);
      const files = (req.files as Express.Multer.File[] | undefined) ?? [];
      const texts = new Map<string, string>();
      for (const f of files) {
        if (f.originalname.toLowerCase().endsWith('.zip')) {
          const z = unzipFiles(
            f.originalname,
            f.buffer,
            { maxEntries: 20, maxEntryBytes: 2 << 20, maxTotalBytes: 4 << 20 },
            ['.yaml', '.yml'],
          );
          for (const e of z.files) texts.set(e.name, Buffer.from(e.bytes).toString('utf8'));
        } else texts.set(f.originalname.split('/').pop()!, f.buffer.toString('utf8'));
      }
      for (const [name, text] of texts) {
        if (text.includes('\u0000'))
          throw new HttpError('invalid', 'text may not contain NUL characters', { [name]: 'NUL character' });
      }
      const examYaml = texts.get('exam.yaml');
      const rubricYaml = texts.get('rubric.yaml');
      if (!examYaml || !rubricYaml) {
        const fields: Record<string, string> = {};
        if (!examYaml) fields['exam.yaml'] = 'missing: upload exam.yaml (or a zip with it) as `definition`';
        if (!rubricYaml)
          fields['rubric.yaml'] = 'missing: upload rubric.yaml (or a zip with it) as `definition`';
        throw new HttpError('invalid', 'the definition needs exam.yaml and rubric.yaml', fields);
      }
      const exam = await createExam(ctx, courseId, { examYaml, rubricYaml, actorId: currentUser(req).id });
      const full = await ctx.db.exam.findUniqueOrThrow({
        where: { id: exam.id },
        include: { currentRubric: { select: { id: true, version: true } } },
      });
      res.status(201).json(examView(full));
    },
  );

  // TAs read the member list too: they match unreadable headers to students by hand.
  r.get('/:courseId/members', async (req, res) => {
    courseFor(req, req.params.courseId, STAFF);
    const members = await ctx.db.enrolment.findMany({
      where: { courseId: req.params.courseId },
      include: { user: true },
      orderBy: [{ role: 'asc' }],
    });
    res.json(
      members.map((m) => ({
        userId: m.userId,
        email: m.user.email,
        name: m.user.name,
        roll: m.user.roll,
        role: m.role,
      })),
    );
  });

  r.post('/:courseId/members', async (req, res) => {
    courseFor(req, req.params.courseId, ADMIN);
    const body = parse(NewMember, req.body, 'member');
    let user = await ctx.db.user.findUnique({ where: { email: body.email } });
    let initialPassword: string | undefined;
    if (!user) {
      initialPassword = randomBytes(9).toString('base64url');
      user = await ctx.db.user.create({
        data: {
          email: body.email,
          name: body.name,
          roll: body.roll,
          passwordHash: await hashPassword(initialPassword),
        },
      });
    }
    const enrolment = await ctx.db.enrolment.upsert({
      where: { userId_courseId: { userId: user.id, courseId: req.params.courseId } },
      create: { userId: user.id, courseId: req.params.courseId, role: body.role },
      update: { role: body.role },
    });
    await ctx.db.auditLog.create({
      data: {
        actorId: currentUser(req).id,
        action: 'member_set',
        after: { userId: user.id, courseId: enrolment.courseId, role: body.role },
      },
    });
    res.status(201).json({
      userId: user.id,
      email: user.email,
      name: user.name,
      roll: user.roll,
      role: enrolment.role,
      ...(initialPassword ? { initialPassword } : {}),
    });
  });

  // Class list import (CSV roll,name[,email]); all lines or none: a bad line is reported with its
  // number, field and message, and nothing is imported.
  r.post('/:courseId/roster', async (req, res) => {
    courseFor(req, req.params.courseId, STAFF);
    const { csv, examId } = parse(RosterBody, req.body, 'roster');
    const { issues, result } = await importRoster(ctx, req.params.courseId, csv, currentUser(req).id, {
      examId,
    });
    if (issues.length) {
      const fields: Record<string, string> = {};
      for (const i of issues) fields[`line ${i.line}: ${i.field}`] ??= i.message;
      res.status(400).json({
        error: {
          code: 'invalid',
          message: `${new Set(issues.map((i) => i.line)).size} line(s) of the class list are wrong: nothing was imported`,
          fields,
          lines: issues,
        },
      });
      return;
    }
    res.json(result);
  });
  return r;
}
