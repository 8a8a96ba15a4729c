// Exam versions as the server stores them (on the exam row and on each rubric version): an ordered
// list of `{name, parameters}`, each version's parameters overriding the exam's own current
// parameters exactly as a versions file overrides the exam's defaults (`A: {}` is the exam itself).
// Checked and drawn by @grader/exam's own code, so the API, the worker and `grader grade --versions`
// agree; problems come back as values, never as exceptions to parse.
import {
  checkVersions,
  drawVersions,
  type Exam,
  type ExamVersion,
  formatParameter,
  parameterDefaults,
  partKeys,
  type VersionRanges,
  VersionsError,
} from '@grader/exam';
import { z } from 'zod';

/** One stored version: its name and its parameter overrides (name -> value, as `key --set` takes them). */
export interface StoredVersion {
  name: string;
  parameters: Record<string, string | number | number[]>;
}

const ParameterValue = z.union([z.string(), z.number(), z.array(z.number())]);
export const StoredVersionSchema = z.object({
  name: z.string(),
  parameters: z.record(z.string(), ParameterValue),
});
export const StoredVersionsSchema = z.array(StoredVersionSchema);

/** The versions of a stored JSON column (null, missing or not a list: none). */
export function storedVersions(json: unknown): StoredVersion[] {
  const r = StoredVersionsSchema.safeParse(json ?? []);
  return r.success ? r.data : [];
}

/** Why a set of versions cannot be used: one line, naming the version and the parameter when known. */
export interface VersionsProblem {
  message: string;
  version?: string;
  parameter?: string;
}

export type VersionsResult = { ok: true; versions: ExamVersion[] } | { ok: false; problem: VersionsProblem };

const asText = (v: unknown) => (Array.isArray(v) ? v.join(',') : String(v));

/**
 * The exam with its current parameters as the defaults, so that a version's overrides apply on top of
 * what the admin set (and `{}` is the exam as it stands).
 */
export function examAt(exam: Exam, parameters: Record<string, unknown>): Exam {
  const current = parameterDefaults(exam, parameters as Record<string, string>);
  const specs = Object.fromEntries(
    Object.entries(exam.parameters ?? {}).map(([name, spec]) => [name, { ...spec, default: current[name] }]),
  ) as Exam['parameters'];
  return { ...exam, parameters: specs };
}

function problemOf(e: unknown): VersionsProblem {
  if (e instanceof VersionsError) return { message: e.message, version: e.version, parameter: e.parameter };
  return { message: e instanceof Error ? e.message.split('\n')[0] : String(e) };
}

/** Two versions whose part keys are all the same: no script could tell them apart. */
function sameKeys(exam: Exam, versions: readonly ExamVersion[]): VersionsProblem | null {
  const seen = new Map<string, string>();
  for (const v of versions) {
    const text = JSON.stringify(partKeys(exam, v.keys));
    const other = seen.get(text);
    if (other)
      return { message: `versions ${other} and ${v.name} have the same answer keys`, version: v.name };
    seen.set(text, v.name);
  }
  return null;
}

/**
 * Stored versions checked against the exam at its current parameters (the checks of a versions
 * file: known parameters, values that parse and fit together, no two versions alike, keys that
 * differ), each with every parameter's value and its keys.
 */
export function checkExamVersions(
  exam: Exam,
  parameters: Record<string, unknown>,
  stored: readonly StoredVersion[],
): VersionsResult {
  try {
    const base = examAt(exam, parameters);
    const versions = checkVersions(
      stored.map((v) => ({
        name: v.name,
        sets: Object.entries(v.parameters).map(([k, val]) => `${k}=${asText(val)}`),
      })),
      base,
      'versions',
    );
    const clash = sameKeys(exam, versions);
    return clash ? { ok: false, problem: clash } : { ok: true, versions };
  } catch (e) {
    return { ok: false, problem: problemOf(e) };
  }
}

export interface DrawRequest {
  count: number;
  seed: number;
  ranges: VersionRanges;
  names?: string[];
  /** the first drawn version is the exam as it stands (`{}`) */
  keepDefault?: boolean;
}

/** Versions drawn at random within ranges (@grader/exam's drawVersions) around the current parameters. */
export function drawExamVersions(
  exam: Exam,
  parameters: Record<string, unknown>,
  req: DrawRequest,
): VersionsResult {
  try {
    const versions = drawVersions(examAt(exam, parameters), req);
    return { ok: true, versions };
  } catch (e) {
    return { ok: false, problem: problemOf(e) };
  }
}

/** A checked version back in its stored form (only the parameters it overrides). */
export function toStored(v: Pick<ExamVersion, 'name' | 'overrides' | 'params'>): StoredVersion {
  return {
    name: v.name,
    parameters: Object.fromEntries(
      Object.keys(v.overrides).map((k) => {
        const value = v.params[k];
        return [k, Array.isArray(value) ? value : typeof value === 'number' ? value : formatParameter(value)];
      }),
    ),
  };
}

/**
 * The question paper of one version as PDF bytes (the exam's paper template with that version's
 * numbers and "Version <name>" on every page), or why there is none (no paper template, a template
 * naming an unknown parameter). pdfkit is loaded only here, on first use.
 */
export async function versionPaper(
  exam: Exam,
  version: Pick<ExamVersion, 'name' | 'params'>,
): Promise<{ ok: true; pdf: Uint8Array } | { ok: false; problem: VersionsProblem }> {
  const { PaperError, renderPaper } = await import('@grader/exam/paper');
  try {
    return { ok: true, pdf: await renderPaper(exam, version) };
  } catch (e) {
    if (e instanceof PaperError) return { ok: false, problem: { message: e.message, version: version.name } };
    throw e;
  }
}
