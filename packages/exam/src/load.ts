import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { COMPUTATION_NAMES, COMPUTATIONS } from './computations.ts';
import { ExamParameterError, ParameterSpecSchema, resolveParameters } from './parameters.ts';

/** A part whose key the engine computes: which computation, and which exam parameter feeds each of its inputs. */
const EngineKeySchema = z.object({
  compute: z.enum(COMPUTATION_NAMES),
  inputs: z.record(z.string(), z.string()),
});
export type EngineKey = z.infer<typeof EngineKeySchema>;

const ExamPartSchema = z.object({
  id: z.string().min(1),
  /** label nesting: question, sub-part, sub-sub-part, e.g. ["1", "b", "ii"] */
  path: z.array(z.string().min(1)).min(1),
  engine: EngineKeySchema.optional(),
});
export type ExamPart = z.infer<typeof ExamPartSchema>;

const ExamSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string(),
  course: z.object({ code: z.string(), line: z.string() }),
  reviewThreshold: z.number().min(0).max(1),
  /** question parameters by name (e.g. "1b.f"), each with a kind and a default */
  parameters: z.record(z.string(), ParameterSpecSchema).optional(),
  /** the question paper as a template (`{{param:NAME}}`), relative to the exam's folder; default paper.md */
  paper: z.string().optional(),
  parts: z.array(ExamPartSchema).min(1),
});
export type Exam = z.infer<typeof ExamSchema> & { dir: string };

export class UnknownExamError extends Error {
  constructor(id: string, known: string[]) {
    super(`unknown exam "${id}" (known: ${known.join(', ') || 'none'})`);
    this.name = 'UnknownExamError';
  }
}

/** The repository's exams/ folder (overridable for tests and uploaded exams). */
export function examsDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../../exams');
}

export function listExams(dir = examsDir()): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'exam.yaml')))
    .map((d) => d.name)
    .sort();
}

const article = (kind: string) => `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;

/** Problems in how parts bind engine computations to parameters, and in the defaults themselves. */
export function checkEngineBindings(exam: Omit<Exam, 'dir'>): string[] {
  const problems: string[] = [];
  const params = exam.parameters ?? {};
  try {
    resolveParameters(params);
  } catch (err) {
    if (err instanceof ExamParameterError) problems.push(`parameters: default of ${err.message}`);
    else throw err;
  }
  for (const part of exam.parts) {
    if (!part.engine) continue;
    const { roles } = COMPUTATIONS[part.engine.compute];
    for (const [role, kind] of Object.entries(roles)) {
      const name = part.engine.inputs[role];
      if (name === undefined) problems.push(`parts.${part.id}.engine.inputs: "${role}" is not bound`);
      else if (!(name in params))
        problems.push(`parts.${part.id}.engine.inputs.${role}: no parameter "${name}"`);
      else if (params[name].kind !== kind)
        problems.push(
          `parts.${part.id}.engine.inputs.${role}: "${name}" is ${article(params[name].kind)}, needs ${article(kind)}`,
        );
    }
    for (const role of Object.keys(part.engine.inputs)) {
      if (!(role in roles))
        problems.push(`parts.${part.id}.engine.inputs: ${part.engine.compute} has no input "${role}"`);
    }
  }
  return problems;
}

export function loadExam(id: string, dir = examsDir()): Exam {
  const known = listExams(dir);
  if (!known.includes(id)) throw new UnknownExamError(id, known);
  const file = join(dir, id, 'exam.yaml');
  const parsed = ExamSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${file}: ${where}`);
  }
  const problems = checkEngineBindings(parsed.data);
  if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}`);
  return { ...parsed.data, dir: join(dir, id) };
}
