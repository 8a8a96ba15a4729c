// Exam versions: admins list, create (explicit parameters or drawn within ranges), edit and delete
// them, and download each version's question paper; the class list with each student's version; a
// student's own version paper.
import { randomInt } from 'node:crypto';
import { MAX_VERSIONS, NamedVersionBody, VersionUpdateBody as UpdateBody } from '@grader/contract';
import { VersionRangesSchema } from '@grader/exam';
import { examFromRow, storedVersions, versionPaper } from '@grader/grading';
import { type Response, Router } from 'express';
import { z } from 'zod';
import { ADMIN, ANYONE, currentUser, examFor, STAFF, submissionFor } from '../access.ts';
import type { AppContext } from '../context.ts';
import { HttpError, notFound, parse } from '../errors.ts';
import { checkIdParams } from '../ids.ts';
import {
  changeVersions,
  checkedVersions,
  drawnVersions,
  type ExamRow,
  submissionVersion,
  versionNamed,
  versionsView,
} from '../services/exam-versions.ts';

const CreateBody = z.union([
  NamedVersionBody,
  z
    .object({
      draw: z
        .object({
          count: z.number().int().min(1).max(MAX_VERSIONS),
          seed: z
            .number()
            .int()
            .min(0)
            .max(2 ** 31 - 1)
            .optional(),
          ranges: VersionRangesSchema,
          keepDefault: z.boolean().optional(),
        })
        .strict(),
    })
    .strict(),
]);

export function versionRoutes(ctx: AppContext) {
  const r = Router();
  checkIdParams(r, { examId: 'exam' });

  r.get('/:examId/versions', async (req, res) => {
    const { exam } = await examFor(ctx, req, req.params.examId, STAFF);
    res.json(await versionsView(ctx, exam));
  });

  r.post('/:examId/versions', async (req, res) => {
    const { exam } = await examFor(ctx, req, req.params.examId, ADMIN);
    const body = parse(CreateBody, req.body, 'version');
    const existing = storedVersions(exam.versions);
    let added: typeof existing;
    let seed: number | undefined;
    if ('draw' in body) {
      const drawn = drawnVersions(exam, { ...body.draw, seed: body.draw.seed ?? randomInt(2 ** 31 - 1) });
      added = drawn.versions;
      seed = drawn.seed;
    } else {
      if (existing.some((v) => v.name.toUpperCase() === body.name.toUpperCase()))
        throw new HttpError('conflict', `version ${body.name} already exists`, { name: 'already exists' });
      added = [{ name: body.name, parameters: body.parameters }];
    }
    if (existing.length + added.length > MAX_VERSIONS)
      throw new HttpError('invalid', `at most ${MAX_VERSIONS} versions`, { name: 'too many versions' });
    const out = await changeVersions(ctx, exam, currentUser(req).id, [...existing, ...added], {
      action: 'version_create',
      version: added.map((v) => v.name).join(', '),
    });
    // 202: the new list is pending until its regrade is done (201 when there was nothing to regrade)
    res.status(out.regrade ? 202 : 201).json({ created: added.map((v) => v.name), seed, ...out });
  });

  r.put('/:examId/versions/:name', async (req, res) => {
    const { exam } = await examFor(ctx, req, req.params.examId, ADMIN);
    const v = versionNamed(exam, req.params.name);
    const body = parse(UpdateBody, req.body, 'version');
    const next = storedVersions(exam.versions).map((x) =>
      x.name === v.name ? { name: v.name, parameters: body.parameters } : x,
    );
    const out = await changeVersions(ctx, exam, currentUser(req).id, next, {
      action: 'version_update',
      version: v.name,
    });
    res.status(out.regrade ? 202 : 200).json(out);
  });

  r.delete('/:examId/versions/:name', async (req, res) => {
    const { exam } = await examFor(ctx, req, req.params.examId, ADMIN);
    const v = versionNamed(exam, req.params.name);
    const assigned = await ctx.db.rosterVersion.count({ where: { examId: exam.id, version: v.name } });
    if (assigned)
      throw new HttpError(
        'conflict',
        `${assigned} student(s) have version ${v.name} on the class list: give them another version first`,
      );
    const next = storedVersions(exam.versions).filter((x) => x.name !== v.name);
    const out = await changeVersions(ctx, exam, currentUser(req).id, next, {
      action: 'version_delete',
      version: v.name,
    });
    res.status(out.regrade ? 202 : 200).json(out);
  });

  r.get('/:examId/versions/:name/paper.pdf', async (req, res) => {
    const { exam } = await examFor(ctx, req, req.params.examId, STAFF);
    const v = versionNamed(exam, req.params.name);
    await sendPaper(res, exam, v.name);
  });

  // The class list with each student's version of this exam (import: POST /courses/:id/roster with examId)
  r.get('/:examId/roster', async (req, res) => {
    const { exam } = await examFor(ctx, req, req.params.examId, STAFF);
    const [students, assigned] = await Promise.all([
      ctx.db.enrolment.findMany({
        where: { courseId: exam.courseId, role: 'student' },
        include: { user: { select: { id: true, name: true, roll: true, email: true } } },
      }),
      ctx.db.rosterVersion.findMany({ where: { examId: exam.id } }),
    ]);
    const versionOf = new Map(assigned.map((a) => [a.userId, a.version]));
    res.json({
      versions: storedVersions(exam.versions).map((v) => v.name),
      students: students
        .map((e) => ({ ...e.user, userId: e.user.id, version: versionOf.get(e.user.id) ?? null }))
        .sort((a, b) => (a.roll ?? a.name).localeCompare(b.roll ?? b.name)),
    });
  });

  return r;
}

/** The question paper of one version of the exam, as a PDF download. */
async function sendPaper(res: Response, exam: ExamRow, name: string): Promise<void> {
  const v = checkedVersions(exam).find((x) => x.name === name);
  if (!v) throw notFound(`version ${name} not found`);
  const paper = await versionPaper(examFromRow(exam), v);
  if (!paper.ok) throw new HttpError('not_found', paper.problem.message);
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Disposition', `attachment; filename="${exam.slug}-version-${v.name}.pdf"`);
  res.setHeader('Cache-Control', 'private, no-store');
  res.send(Buffer.from(paper.pdf));
}

/** A script's own version paper: its student (and the course's staff), never another version's. */
export function submissionPaperRoutes(ctx: AppContext) {
  const r = Router();
  checkIdParams(r, { id: 'submission' });
  r.get('/:id/paper.pdf', async (req, res) => {
    const { sub } = await submissionFor(ctx, req, req.params.id, ANYONE);
    const v = await submissionVersion(ctx, sub);
    if (!v) throw notFound('this script has no exam version');
    await sendPaper(res, sub.exam, v.name);
  });
  return r;
}
