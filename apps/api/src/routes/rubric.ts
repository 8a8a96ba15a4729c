import { ParametersBody as ParamsBody, RubricBody } from '@grader/contract';
import { checkExamVersions, examFromRow, storedVersions } from '@grader/grading';
import { Router } from 'express';
import { parse as parseYaml } from 'yaml';
import { ADMIN, currentUser, examFor, STAFF } from '../access.ts';
import type { AppContext } from '../context.ts';
import { HttpError, issueFields, parse } from '../errors.ts';
import { checkIdParams } from '../ids.ts';
import { regradeExam } from '../services/regrade.ts';
import { newRubricVersion, type RubricChange } from '../services/rubric-versions.ts';

export function rubricRoutes(ctx: AppContext) {
  const r = Router();
  checkIdParams(r, { examId: 'exam' });

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
      where: { examId: exam.id },
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

  r.post('/:examId/rubric/preview', async (req, res) => {
    const { exam } = await examFor(ctx, req, req.params.examId, ADMIN);
    const { yaml } = parse(RubricBody, req.body, 'rubric');
    check(exam, yaml);
    const summary = await regradeExam(ctx, exam, {
      yaml,
      parameters: exam.parameters as Record<string, unknown>,
      versions: storedVersions(exam.versions),
    });
    res.json({ summary });
  });

  r.put('/:examId/rubric', async (req, res) => {
    const { exam } = await examFor(ctx, req, req.params.examId, ADMIN);
    const { yaml } = parse(RubricBody, req.body, 'rubric');
    check(exam, yaml);
    const { rv, summary } = await newVersion(exam, currentUser(req).id, {
      yaml,
      parameters: exam.parameters as Record<string, unknown>,
      note: 'rubric edited',
    });
    res.json({ version: rv.version, rubricVersionId: rv.id, summary });
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
    const { rv, keys, summary } = await newVersion(exam, currentUser(req).id, {
      yaml: current.yaml,
      parameters,
      note: 'parameters changed',
    });
    res.json({ version: rv.version, rubricVersionId: rv.id, oldKeys, newKeys: keys, summary });
  });
  return r;
}
