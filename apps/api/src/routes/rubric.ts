import { ParametersBody as ParamsBody, RubricBody } from '@grader/contract';
import { checkExamVersions, examFromRow, storedVersions } from '@grader/grading';
import { Router } from 'express';
import { parse as parseYaml } from 'yaml';
import { ADMIN, currentUser, examFor, STAFF } from '../access.ts';
import type { AppContext } from '../context.ts';
import { HttpError, issueFields, parse } from '../errors.ts';
import { checkIdParams } from '../ids.ts';
import { latestRegrade, regradeOf, regradeView, startPreview } from '../services/regrade.ts';
import { newRubricVersion, type RubricChange } from '../services/rubric-versions.ts';

export function rubricRoutes(ctx: AppContext) {
  const r = Router();
  checkIdParams(r, { examId: 'exam', regradeId: 'regrade' });

  function check(exam: Parameters<typeof examFromRow>[0], yaml: string) {
    let fields: Record<string, string> | null;
    try {
      const issues = ctx.grading.checkRubric(examFromRow(exam), yaml);
      fields = issues ? issueFields(issues) : null;
    } catch (err) {
      fields = { '(root)': (err as Error).message };
    }
    if (fields) throw new HttpError('invalid', 'invalid rubric', fields);
  }

  const newVersion = (
    exam: Awaited<ReturnType<typeof examFor>>['exam'],
    actorId: string,
    change: RubricChange,
  ) => newRubricVersion(ctx, exam, actorId, change);

  r.get('/:examId/rubric', async (req, res) => {
    const { exam } = await examFor(ctx, req, req.params.examId, STAFF);
    const rv = exam.currentRubricId
      ? await ctx.db.rubricVersion.findUnique({ where: { id: exam.currentRubricId } })
      : null;
    if (!rv) throw new HttpError('not_found', 'this exam has no rubric yet');
    const versions = await ctx.db.rubricVersion.findMany({
      // a pending version (its regrade not done) or one whose regrade failed was never in force
      where: { examId: exam.id, regrades: { none: { kind: 'apply', status: { not: 'done' } } } },
      select: { id: true, version: true, note: true, createdAt: true },
      orderBy: { version: 'asc' },
    });
    res.json({
      id: rv.id,
      version: rv.version,
      yaml: rv.yaml,
      parsed: parseYaml(rv.yaml),
      parameters: rv.parameters,
      keys: rv.keys,
      versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
    });
  });

  // The preview grades every script too: a job on the worker like a saved change (the API never
  // grades), its summary read from GET .../regrades/:regradeId when done.
  r.post('/:examId/rubric/preview', async (req, res) => {
    const { exam } = await examFor(ctx, req, req.params.examId, ADMIN);
    const { yaml } = parse(RubricBody, req.body, 'rubric');
    check(exam, yaml);
    const run = await startPreview(ctx, exam.id, currentUser(req).id, {
      yaml,
      parameters: exam.parameters as Record<string, unknown>,
      versions: storedVersions(exam.versions),
    });
    res.status(202).json({ regrade: regradeView(run) });
  });

  // the newest saved change's regrade: the rubric page shows its progress or result on load
  r.get('/:examId/regrades/latest', async (req, res) => {
    const { exam } = await examFor(ctx, req, req.params.examId, STAFF);
    const run = await latestRegrade(ctx, exam.id);
    res.json({ regrade: run ? regradeView(run) : null });
  });

  r.get('/:examId/regrades/:regradeId', async (req, res) => {
    const { exam } = await examFor(ctx, req, req.params.examId, STAFF);
    res.json(regradeView(await regradeOf(ctx, exam.id, req.params.regradeId)));
  });

  r.put('/:examId/rubric', async (req, res) => {
    const { exam } = await examFor(ctx, req, req.params.examId, ADMIN);
    const { yaml } = parse(RubricBody, req.body, 'rubric');
    check(exam, yaml);
    const { rv, run } = await newVersion(exam, currentUser(req).id, {
      yaml,
      parameters: exam.parameters as Record<string, unknown>,
      note: 'rubric edited',
    });
    // 202: the version is pending until the worker has regraded every script (progress: SSE)
    res.status(202).json({ version: rv.version, rubricVersionId: rv.id, regrade: regradeView(run) });
  });

  r.put('/:examId/parameters', async (req, res) => {
    const { exam } = await examFor(ctx, req, req.params.examId, ADMIN);
    const { parameters } = parse(ParamsBody, req.body, 'parameters');
    const current = exam.currentRubricId
      ? await ctx.db.rubricVersion.findUnique({ where: { id: exam.currentRubricId } })
      : null;
    if (!current) throw new HttpError('conflict', 'this exam has no rubric yet');
    // the exam's versions apply on top of the parameters: they must still be usable
    const versions = storedVersions(exam.versions);
    if (versions.length) {
      const checked = checkExamVersions(examFromRow(exam), parameters, versions);
      if (!checked.ok)
        throw new HttpError('invalid', 'the exam versions do not fit these parameters', {
          parameters: checked.problem.message,
        });
    }
    let oldKeys: unknown = current.keys;
    try {
      oldKeys = ctx.grading.keys(examFromRow(exam), exam.parameters as Record<string, unknown>);
    } catch {}
    const { rv, keys, run } = await newVersion(exam, currentUser(req).id, {
      yaml: current.yaml,
      parameters,
      note: 'parameters changed',
    });
    res.status(202).json({
      version: rv.version,
      rubricVersionId: rv.id,
      oldKeys,
      newKeys: keys,
      regrade: regradeView(run),
    });
  });
  return r;
}
