// What scripts/paths-equal.test.ts compares between the CLI, the worker and the API: per part the
// score, max, review flag and the values read; per script the matched student, flags and total.
// Pure functions, so the comparison itself is tested without any grading.

export interface PartView {
  score: number | null;
  max: number;
  review: boolean;
  /** the normalised values read in the answer; null when the path reports none */
  values: number[] | null;
}

export interface ScriptView {
  /** the roster student the script was given to; null when nobody */
  student: { name: string | null; roll: string | null } | null;
  /** sorted */
  flags: string[];
  total: number | null;
  parts: Record<string, PartView>;
}

/** file name -> what one path made of it */
export type PathResults = Record<string, ScriptView>;

/** The comparable view of a part as any path reports it (extra fields are ignored). */
export function partView(p: {
  score: number | null;
  max: number;
  review: boolean;
  values?: number[] | null;
}): PartView {
  return { score: p.score, max: p.max, review: p.review, values: p.values ?? null };
}

export function scriptView(g: {
  student: { name: string | null; roll: string | null } | null;
  flags: readonly string[];
  total: number | null;
  parts: Record<string, { score: number | null; max: number; review: boolean; values?: number[] | null }>;
}): ScriptView {
  return {
    student: g.student ? { name: g.student.name, roll: g.student.roll } : null,
    flags: [...g.flags].sort(),
    total: g.total,
    parts: Object.fromEntries(Object.entries(g.parts).map(([id, p]) => [id, partView(p)])),
  };
}

const show = (v: unknown) => (v === undefined ? 'missing' : JSON.stringify(v));

export type PartField = keyof PartView;
export const PART_FIELDS: readonly PartField[] = ['score', 'max', 'review', 'values'];

/**
 * Every disagreement between the paths, one line each naming the file, the part and field, and
 * each path's value (`p12.pdf part 3a review: cli=false worker=true api=true`). Empty: all equal.
 * `only` narrows it to some part fields, with or without the script's student, flags and total.
 */
export function diffPaths(
  byPath: Record<string, PathResults>,
  files: readonly string[],
  only: { script: boolean; parts: readonly PartField[] } = { script: true, parts: PART_FIELDS },
): string[] {
  const paths = Object.keys(byPath);
  const out: string[] = [];
  const compare = (file: string, what: string, get: (s: ScriptView) => unknown) => {
    const values = paths.map((p) => {
      const s = byPath[p][file];
      return s === undefined ? undefined : get(s);
    });
    const shown = values.map(show);
    if (new Set(shown).size > 1)
      out.push(`${file} ${what}: ${paths.map((p, i) => `${p}=${shown[i]}`).join(' ')}`);
  };
  for (const file of files) {
    const missing = paths.filter((p) => byPath[p][file] === undefined);
    if (missing.length) {
      out.push(`${file}: no result from ${missing.join(', ')}`);
      continue;
    }
    if (only.script) {
      compare(file, 'student', (s) => s.student);
      compare(file, 'flags', (s) => s.flags);
      compare(file, 'total', (s) => s.total);
    }
    const partIds = [...new Set(paths.flatMap((p) => Object.keys(byPath[p][file].parts)))].sort();
    for (const id of partIds)
      for (const field of only.parts) compare(file, `part ${id} ${field}`, (s) => s.parts[id]?.[field]);
  }
  return out;
}
