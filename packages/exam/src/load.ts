import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const ExamPartSchema = z.object({
  id: z.string().min(1),
  /** label nesting: question, sub-part, sub-sub-part, e.g. ["1", "b", "ii"] */
  path: z.array(z.string().min(1)).min(1),
});
export type ExamPart = z.infer<typeof ExamPartSchema>;

const ExamSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string(),
  course: z.object({ code: z.string(), line: z.string() }),
  reviewThreshold: z.number().min(0).max(1),
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

export function loadExam(id: string, dir = examsDir()): Exam {
  const known = listExams(dir);
  if (!known.includes(id)) throw new UnknownExamError(id, known);
  const file = join(dir, id, 'exam.yaml');
  const parsed = ExamSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${file}: ${where}`);
  }
  return { ...parsed.data, dir: join(dir, id) };
}
