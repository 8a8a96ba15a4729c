import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isNode, LineCounter, parseDocument } from 'yaml';
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

/** One problem of an exam.yaml: the field (`parts.3c.engine.inputs`; '' for the whole file), its line when known. */
export interface ExamIssue {
  path: string;
  line: number | null;
  message: string;
}

/** An exam.yaml that does not hold a valid exam: every problem, as structured issues. */
export class ExamDefinitionError extends Error {
  constructor(
    readonly file: string,
    readonly issues: ExamIssue[],
  ) {
    super(`${file}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`);
    this.name = 'ExamDefinitionError';
  }
}

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
  return engineBindingIssues(exam).map((i) => `${i.path}: ${i.message}`);
}

/** checkEngineBindings as issues; `at` finds the line of a YAML path (list indices as numbers). */
function engineBindingIssues(
  exam: Omit<Exam, 'dir'>,
  at: (path: Array<string | number>) => number | null = () => null,
): ExamIssue[] {
  const issues: ExamIssue[] = [];
  const params = exam.parameters ?? {};
  try {
    resolveParameters(params);
  } catch (err) {
    if (err instanceof ExamParameterError)
      issues.push({ path: 'parameters', line: at(['parameters']), message: `default of ${err.message}` });
    else throw err;
  }
  exam.parts.forEach((part, pi) => {
    if (!part.engine) return;
    const issue = (role: string | null, message: string) =>
      issues.push({
        path: `parts.${part.id}.engine.inputs${role === null ? '' : `.${role}`}`,
        line: at(['parts', pi, 'engine', 'inputs', ...(role === null ? [] : [role])]),
        message,
      });
    const { roles } = COMPUTATIONS[part.engine.compute];
    for (const [role, kind] of Object.entries(roles)) {
      const name = part.engine.inputs[role];
      if (name === undefined) issue(null, `"${role}" is not bound`);
      else if (!(name in params)) issue(role, `no parameter "${name}"`);
      else if (params[name].kind !== kind)
        issue(role, `"${name}" is ${article(params[name].kind)}, needs ${article(kind)}`);
    }
    for (const role of Object.keys(part.engine.inputs)) {
      if (!(role in roles)) issue(null, `${part.engine.compute} has no input "${role}"`);
    }
  });
  return issues;
}

export function loadExam(id: string, dir = examsDir()): Exam {
  const known = listExams(dir);
  if (!known.includes(id)) throw new UnknownExamError(id, known);
  const file = join(dir, id, 'exam.yaml');
  const lc = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length)
    throw new ExamDefinitionError(
      file,
      doc.errors.map((e) => ({
        path: '',
        line: lc.linePos(e.pos[0]).line,
        message: e.message.split('\n')[0],
      })),
    );
  // the line of the deepest node of the path that the file has
  const lineOf = (path: Array<string | number>): number | null => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lc.linePos(node.range[0]).line;
    }
    return null;
  };
  const parsed = ExamSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => {
      const path = i.path.filter((k) => typeof k !== 'symbol');
      return { path: path.join('.'), line: lineOf(path), message: i.message };
    });
    throw new ExamDefinitionError(file, issues);
  }
  const issues = engineBindingIssues(parsed.data, lineOf);
  if (issues.length > 0) throw new ExamDefinitionError(file, issues);
  return { ...parsed.data, dir: join(dir, id) };
}
