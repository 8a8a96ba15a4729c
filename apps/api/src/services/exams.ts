import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Exam, ExamDefinitionError, loadExam } from '@grader/exam';
import { parse as parseYaml } from 'yaml';
import type { AppContext } from '../context.ts';
import { HttpError, issueFields } from '../errors.ts';

/**
 * Validate an exam definition (exam.yaml + rubric.yaml, the format of exams/cs60010-ct3) with
 * errors that point at the field: {"exam.yaml: parts.0.id": "...", "rubric.yaml: ...": "..."}.
 * The exam file is checked by @grader/exam's own loader, so uploaded and shipped exams obey one schema.
 */
export function validateDefinition(ctx: AppContext, examYaml: string, rubricYaml: string): Exam {
  const fields: Record<string, string> = {};
  let doc: any;
  try {
    doc = parseYaml(examYaml);
  } catch (err) {
    throw new HttpError('invalid', 'exam.yaml is not valid YAML', { 'exam.yaml': (err as Error).message });
  }
  const id = doc?.id;
  if (typeof id !== 'string' || !/^[a-z0-9-]+$/.test(id)) {
    throw new HttpError('invalid', 'invalid exam definition', {
      'exam.yaml: id': 'required: lower-case letters, digits and dashes',
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'grader-exam-'));
  let exam: Exam | null = null;
  try {
    mkdirSync(join(dir, id));
    writeFileSync(join(dir, id, 'exam.yaml'), examYaml);
    writeFileSync(join(dir, id, 'rubric.yaml'), rubricYaml);
    exam = loadExam(id, dir);
  } catch (err) {
    if (!(err instanceof ExamDefinitionError)) throw err;
    Object.assign(fields, issueFields(err.issues, 'exam.yaml'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (exam) {
    // part ids become keys of stored records: names an object already has are not part ids
    exam.parts.forEach((p, i) => {
      if (p.id in Object.prototype) fields[`exam.yaml: parts.${i}.id`] = `"${p.id}" is a reserved name`;
    });
    try {
      Object.assign(fields, issueFields(ctx.grading.checkRubric(exam, rubricYaml) ?? [], 'rubric.yaml'));
    } catch (err) {
      fields['rubric.yaml'] = (err as Error).message;
    }
  }
  if (Object.keys(fields).length || !exam) throw new HttpError('invalid', 'invalid exam definition', fields);
  return exam;
}

/** Create an exam of a course with rubric version 1 as its current rubric. */
export async function createExam(
  ctx: AppContext,
  courseId: string,
  def: { examYaml: string; rubricYaml: string; actorId: string | null },
) {
  const exam = validateDefinition(ctx, def.examYaml, def.rubricYaml);
  const { dir: _dir, ...definition } = exam;
  const existing = await ctx.db.exam.findUnique({ where: { courseId_slug: { courseId, slug: exam.id } } });
  if (existing) throw new HttpError('conflict', `exam ${exam.id} already exists in this course`);
  let keys: unknown = null;
  try {
    keys = ctx.grading.keys(exam, {});
  } catch {
    keys = null;
  }
  return ctx.db.$transaction(async (tx) => {
    const row = await tx.exam.create({
      data: {
        courseId,
        slug: exam.id,
        title: exam.title,
        definition: definition as object,
        parameters: {},
        reviewThreshold: exam.reviewThreshold,
      },
    });
    const rv = await tx.rubricVersion.create({
      data: {
        examId: row.id,
        version: 1,
        yaml: def.rubricYaml,
        parameters: {},
        keys: (keys ?? undefined) as object | undefined,
        createdById: def.actorId,
        note: 'initial',
      },
    });
    await tx.auditLog.create({
      data: {
        actorId: def.actorId,
        action: 'exam_created',
        examId: row.id,
        after: { slug: exam.id, rubricVersion: 1 },
      },
    });
    return tx.exam.update({ where: { id: row.id }, data: { currentRubricId: rv.id } });
  });
}
