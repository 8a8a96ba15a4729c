import { rng } from '@grader/engine';
// Exam versions: named parameter sets of one exam (`versions: {A: {}, B: {"3.hidden": 4}}`), each with
// its own answer keys. Parameter names and values are exactly what `grader key --set` takes, checked by
// the same applySets. drawVersions draws random versions within an admin's ranges.
import { isMap, isScalar, parseDocument } from 'yaml';
import { z } from 'zod';
import { COMPUTATIONS, type KeyValue } from './computations.ts';
import { applySets, type ParameterChoice } from './keys.ts';
import type { Exam } from './load.ts';
import {
  ExamParameterError,
  formatParameter,
  type ParameterSpec,
  type ParameterValue,
  parseParameter,
} from './parameters.ts';

/** A versions file or range the user got wrong: one line, naming the version and the parameter. */
export class VersionsError extends Error {
  constructor(
    message: string,
    readonly version?: string,
    readonly parameter?: string,
  ) {
    super(message);
    this.name = 'VersionsError';
  }
}

/** One version: its name, its `--set` items, and (from applySets) overrides, every parameter, the keys. */
export interface ExamVersion extends ParameterChoice {
  name: string;
  /** `NAME=VALUE` items, as `grader key --set` takes them */
  sets: string[];
}

/** A version's parameters as the file gives them, before they are checked against an exam. */
export interface VersionSets {
  name: string;
  sets: string[];
}

/** Letters, digits, `-` and `_`: a code a student can copy onto the script ("B", "v2", "set-3"). */
const VERSION_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$/;
const EXAMPLE = 'versions: {A: {}, B: {"3.hidden": 4}}';

const ParameterValueSchema = z.union([z.string(), z.number(), z.array(z.number())]);
/** The file's shape (zod): `versions`, and optionally the exam it is for. */
export const VersionsFileSchema = z
  .object({
    exam: z.string().optional(),
    versions: z.record(z.string(), z.record(z.string(), ParameterValueSchema).nullable()),
  })
  .strict();

const oneLine = (s: string) => s.split('\n')[0].trim();

const asText = (v: string | number | readonly number[]) => (Array.isArray(v) ? v.join(',') : String(v));

/** The version of this name, case-insensitively ("b" is version B), or undefined. */
export function findVersion<T extends { name: string }>(versions: readonly T[], name: string): T | undefined {
  const want = name.trim().toUpperCase();
  return versions.find((v) => v.name.toUpperCase() === want);
}

/**
 * The versions file's named parameter sets, in file order, checked for form only (YAML, names, value
 * types): `loadVersions` checks them against an exam. Throws VersionsError with a one-line message.
 */
export function parseVersions(
  text: string,
  source = 'versions file',
): { exam?: string; versions: VersionSets[] } {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const where = e.linePos?.[0] ? `line ${e.linePos[0].line}: ` : '';
    throw new VersionsError(`${source}: ${where}${oneLine(e.message)}`);
  }
  const raw: unknown = doc.toJS();
  const parsed = VersionsFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.map(String);
    if (raw === null || typeof raw !== 'object' || !('versions' in raw) || path.length === 0)
      throw new VersionsError(
        `${source}: expected "versions:" with one entry per version, e.g. ${EXAMPLE}${
          issue.code === 'unrecognized_keys'
            ? ` (unexpected ${issue.keys.map((k) => `"${k}"`).join(', ')})`
            : ''
        }`,
      );
    if (path[0] === 'versions' && path.length === 1)
      throw new VersionsError(
        `${source}: "versions" must map each version's name to its parameters, e.g. ${EXAMPLE}`,
      );
    if (path[0] === 'versions' && path.length === 2)
      throw new VersionsError(
        `${source}: version ${path[1]}: expected its parameters as NAME: VALUE, e.g. {"3.hidden": 4} ({} for the exam's own)`,
        path[1],
      );
    if (path[0] === 'versions' && path.length >= 3)
      throw new VersionsError(
        `${source}: version ${path[1]}: "${path[2]}" must be a number, a text like 200x200x3 or a list of numbers`,
        path[1],
        path[2],
      );
    throw new VersionsError(`${source}: ${path.join('.')}: ${issue.message}`);
  }
  // the order of the file (JavaScript would put integer-like names such as "2" before "1b")
  const node = doc.get('versions', true);
  const names = isMap(node)
    ? node.items.map((it) => String(isScalar(it.key) ? it.key.value : it.key))
    : Object.keys(parsed.data.versions);
  if (names.length === 0) throw new VersionsError(`${source}: no versions given, e.g. ${EXAMPLE}`);
  const seen = new Map<string, string>();
  const versions = names.map((name) => {
    if (!VERSION_NAME.test(name))
      throw new VersionsError(
        `${source}: version "${name}": a version's name is letters, digits, - or _ (at most 16), e.g. A or v2`,
        name,
      );
    const clash = seen.get(name.toUpperCase());
    if (clash) throw new VersionsError(`${source}: versions ${clash} and ${name} differ only in case`, name);
    seen.set(name.toUpperCase(), name);
    const params = parsed.data.versions[name] ?? {};
    return { name, sets: Object.entries(params).map(([k, v]) => `${k}=${asText(v)}`) };
  });
  return { exam: parsed.data.exam, versions };
}

/**
 * Each named parameter set checked against the exam by `applySets` (the code `grader key --set` uses),
 * with its parameters and keys. Two versions with the same parameters, or a file for another exam,
 * are errors too. Throws VersionsError: `versions.yaml: version B: unknown parameter "3.hiden" (…)`.
 */
export function loadVersions(
  text: string,
  exam: Pick<Exam, 'id' | 'parts' | 'parameters'>,
  source = 'versions file',
): ExamVersion[] {
  const file = parseVersions(text, source);
  if (file.exam !== undefined && file.exam !== exam.id)
    throw new VersionsError(`${source}: the versions are for exam ${file.exam}, not ${exam.id}`);
  return checkVersions(file.versions, exam, source);
}

/** Named `--set` lists checked against the exam (see loadVersions): for versions that come from elsewhere. */
export function checkVersions(
  sets: readonly VersionSets[],
  exam: Pick<Exam, 'parts' | 'parameters'>,
  source = 'versions',
): ExamVersion[] {
  const out: ExamVersion[] = [];
  for (const { name, sets: items } of sets) {
    let choice: ParameterChoice;
    try {
      choice = applySets(exam, items);
    } catch (e) {
      if (e instanceof ExamParameterError)
        throw new VersionsError(`${source}: version ${name}: ${oneLine(e.message)}`, name, e.parameter);
      throw e;
    }
    const same = out.find((v) => sameParameters(v.params, choice.params));
    if (same)
      throw new VersionsError(`${source}: versions ${same.name} and ${name} have the same parameters`, name);
    out.push({ name, sets: [...items], ...choice });
  }
  return out;
}

const sameParameters = (a: Record<string, ParameterValue>, b: Record<string, ParameterValue>) =>
  Object.keys(a).every((k) => formatParameter(a[k]) === formatParameter(b[k]));

/** Versions as the text of a versions file (what drawVersions' output is saved as); parseVersions reads it back. */
export function stringifyVersions(
  versions: ReadonlyArray<Pick<ExamVersion, 'name' | 'overrides' | 'params'>>,
  examId?: string,
): string {
  const value = (v: ParameterValue) =>
    Array.isArray(v)
      ? `[${v.join(', ')}]`
      : typeof v === 'number'
        ? String(v)
        : JSON.stringify(formatParameter(v));
  const lines = versions.map((ver) => {
    const entries = Object.keys(ver.overrides).map((k) => `${JSON.stringify(k)}: ${value(ver.params[k])}`);
    return `  ${ver.name}: {${entries.join(', ')}}`;
  });
  return `${examId ? `exam: ${examId}\n` : ''}versions:\n${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------
// Drawing versions

/**
 * An admin's range for one parameter:
 * - `{ values: [...] }`: one of these (any kind, as `--set` text, numbers or lists);
 * - integer: `{ min, max, step? }` (step 1 by default);
 * - vector: `{ min, max, step? }` for every element (step 0.1 by default, at most 2 decimals), as many
 *   elements as the default has;
 * - dims: `{ min: "100x100x1", max: "224x224x3", square? }` (square: height = width; by default when the
 *   default is square).
 */
export const ParameterRangeSchema = z.union([
  z.object({ values: z.array(ParameterValueSchema).min(1) }).strict(),
  z.object({ min: z.number(), max: z.number(), step: z.number().positive().optional() }).strict(),
  z.object({ min: z.string(), max: z.string(), square: z.boolean().optional() }).strict(),
]);
export type ParameterRange = z.infer<typeof ParameterRangeSchema>;
export const VersionRangesSchema = z.record(z.string(), ParameterRangeSchema);
export type VersionRanges = z.infer<typeof VersionRangesSchema>;

export interface DrawOptions {
  /** how many versions */
  count: number;
  /** parameter name -> range; parameters without one keep the exam's value */
  ranges: VersionRanges;
  /** the same seed draws the same versions */
  seed: number;
  /** version names (default A, B, C, …) */
  names?: string[];
  /** the first version is the exam's own parameters (`{}`) */
  keepDefault?: boolean;
  /** draws to try before giving up (default 5,000) */
  maxTries?: number;
}

const round2 = (x: number) => {
  const r = Math.round(x * 100) / 100;
  return r === 0 ? 0 : r;
};
const twoDecimals = (x: number) => Math.abs(x * 100 - Math.round(x * 100)) < 1e-9;

/** Version names A, B, …, Z, AA, AB, … */
export function versionNames(count: number): string[] {
  const name = (i: number): string =>
    i < 26 ? String.fromCharCode(65 + i) : name(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26));
  return Array.from({ length: count }, (_, i) => name(i));
}

type Drawer = (r: () => number) => ParameterValue;

/** Ranges checked against the exam's parameters: a drawer per ranged parameter. */
function drawers(exam: Pick<Exam, 'parameters'>, ranges: VersionRanges): Map<string, Drawer> {
  const specs = exam.parameters ?? {};
  const parsed = VersionRangesSchema.safeParse(ranges);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new VersionsError(`ranges: ${issue.path.join('.') || 'ranges'}: ${issue.message}`);
  }
  const out = new Map<string, Drawer>();
  for (const [name, range] of Object.entries(parsed.data)) {
    const spec: ParameterSpec | undefined = specs[name];
    const fail = (msg: string) => new VersionsError(`ranges: ${name}: ${msg}`, undefined, name);
    if (!spec) throw fail(`unknown parameter (known: ${Object.keys(specs).join(', ') || 'none'})`);
    const pick = (r: () => number, n: number) => Math.min(n - 1, Math.floor(r() * n));
    if ('values' in range) {
      const values = range.values.map((v) => {
        try {
          return parseParameter(name, spec, v);
        } catch (e) {
          throw fail(e instanceof Error ? e.message : String(e));
        }
      });
      out.set(name, (r) => values[pick(r, values.length)]);
    } else if ('step' in range || typeof range.min === 'number') {
      const { min, max, step: givenStep } = range as { min: number; max: number; step?: number };
      if (min > max) throw fail(`min ${min} is above max ${max}`);
      if (spec.kind === 'dims') throw fail('a dims range is { min: "HxWxC", max: "HxWxC" }');
      if (spec.kind === 'integer') {
        const step = givenStep ?? 1;
        const lo = Math.max(Math.ceil(min), spec.min ?? 1);
        if (!Number.isInteger(step)) throw fail(`step ${step} is not a whole number`);
        const n = Math.floor((Math.floor(max) - lo) / step) + 1;
        if (n < 1) throw fail(`no whole number ≥ ${spec.min ?? 1} between ${min} and ${max}`);
        out.set(name, (r) => lo + step * pick(r, n));
      } else {
        const step = givenStep ?? 0.1;
        if (!twoDecimals(step) || !twoDecimals(min))
          throw fail('vector values have at most 2 decimals: min and step must too');
        const length = (parseParameter(name, spec, spec.default) as number[]).length;
        const n = Math.floor((max - min) / step + 1e-9) + 1;
        out.set(name, (r) => Array.from({ length }, () => round2(min + step * pick(r, n))));
      }
    } else {
      const dimsRange = range as { min: string; max: string; square?: boolean };
      if (spec.kind !== 'dims') throw fail(`a ${spec.kind} range is { min, max } numbers`);
      const [lo, hi] = [dimsRange.min, dimsRange.max].map((t) => {
        try {
          return parseParameter(name, spec, t) as { h: number; w: number; c: number };
        } catch (e) {
          throw fail(e instanceof Error ? e.message : String(e));
        }
      });
      for (const d of ['h', 'w', 'c'] as const)
        if (lo[d] > hi[d]) throw fail(`min ${dimsRange.min} is above max ${dimsRange.max}`);
      const def = parseParameter(name, spec, spec.default) as { h: number; w: number };
      const square = dimsRange.square ?? def.h === def.w;
      const int = (r: () => number, a: number, b: number) => a + pick(r, b - a + 1);
      out.set(name, (r) => {
        const h = int(r, lo.h, hi.h);
        const w = square ? Math.min(Math.max(h, lo.w), hi.w) : int(r, lo.w, hi.w);
        return { h, w, c: int(r, lo.c, hi.c) };
      });
    }
  }
  return out;
}

/** A key's leaves: the number or vector itself, or each field of an object key (5's outputs and counts). */
function leaves(id: string, key: KeyValue): Array<[string, number[]]> {
  if (typeof key === 'number') return [[id, [key]]];
  if (Array.isArray(key)) return [[id, key]];
  return Object.entries(key).map(([f, v]) => [`${id}.${f}`, typeof v === 'number' ? [v] : v]);
}

/** Within the rubric's tolerance of 1(b) (±0.005, ±0.5% above 1): a student could not tell them apart. */
const near = (a: number[], b: number[]) =>
  a.length === b.length &&
  a.every((x, i) => Math.abs(x - b[i]) <= 0.005 * Math.max(1, Math.abs(x), Math.abs(b[i])));

/** Why a parameter set is not sensible as a version, or null. */
function notSensible(choice: ParameterChoice, exam: Pick<Exam, 'parts' | 'parameters'>): string | null {
  for (const [name, spec] of Object.entries(exam.parameters ?? {})) {
    const v = choice.params[name];
    if (spec.kind === 'vector' && Array.isArray(v) && !v.every(twoDecimals))
      return `${name} has values with more than 2 decimals`;
  }
  for (const part of exam.parts) {
    const key = choice.keys[part.id];
    if (key === undefined) continue;
    for (const [leaf, nums] of leaves(part.id, key)) {
      if (!nums.every(Number.isFinite)) return `${leaf} is not a finite number`;
      // sizes and counts (computed from sizes alone) are not negative, shapes have no 0; 2b's "no
      // extra parameters" may be 0
      const roles: Record<string, string> = part.engine ? COMPUTATIONS[part.engine.compute].roles : {};
      const sizes = Object.values(roles).every((kind) => kind !== 'vector');
      if (sizes && nums.some((x) => x < 0)) return `${leaf} is negative`;
      if (sizes && nums.length > 1 && nums.some((x) => x <= 0)) return `${leaf} has a size of 0`;
      if (/output/.test(leaf) && nums.some((x) => x <= 0)) return `${leaf} is not positive`;
    }
  }
  return null;
}

/**
 * Draw `count` versions with parameters within `ranges` (seeded: the same seed, the same versions).
 * A draw is rejected when applySets refuses it (a filter larger than the padded image), when it is
 * not sensible (an output size or count of 0 or below, vector values with more than 2 decimals), or
 * when one of its keys that the ranges can change coincides with another version's (within 1(b)'s
 * tolerance): a script's numbers must tell its version apart. Throws VersionsError when the ranges
 * cannot give that many versions.
 */
export function drawVersions(exam: Pick<Exam, 'parts' | 'parameters'>, opts: DrawOptions): ExamVersion[] {
  if (!Number.isInteger(opts.count) || opts.count < 1)
    throw new VersionsError(`count must be a whole number ≥ 1, got ${opts.count}`);
  const names = opts.names ?? versionNames(opts.count);
  if (names.length < opts.count) throw new VersionsError(`${opts.count} versions need ${opts.count} names`);
  for (const n of names.slice(0, opts.count))
    if (!VERSION_NAME.test(n)) throw new VersionsError(`version "${n}": not a valid name`, n);
  const draw = drawers(exam, opts.ranges);
  if (draw.size === 0 && opts.count > 1)
    throw new VersionsError('no ranges given: every version would have the same parameters');
  const r = rng(opts.seed);
  // narrow ranges draw the same sets again and again: compute each set's keys once
  const cache = new Map<string, ParameterChoice | string>();
  const choose = (sets: string[]): ParameterChoice | string => {
    const id = sets.join('\n');
    let c = cache.get(id);
    if (c === undefined) {
      try {
        c = applySets(exam, sets);
      } catch (e) {
        if (!(e instanceof ExamParameterError)) throw e;
        c = oneLine(e.message);
      }
      cache.set(id, c);
    }
    return c;
  };
  const candidate = (): ExamVersion | string => {
    const sets = [...draw].map(([name, d]) => `${name}=${formatParameter(d(r))}`);
    const c = choose(sets);
    return typeof c === 'string' ? c : { name: '', sets, ...c };
  };
  // which key leaves the ranges can change: seen to differ among a few valid draws
  const probe = rng(opts.seed ^ 0x5bd1e995);
  const probeDraw = drawers(exam, opts.ranges);
  const seenLeaf = new Map<string, number[]>();
  const varying = new Set<string>();
  for (let k = 0, valid = 0; k < 400 && valid < 24; k++) {
    const c = choose([...probeDraw].map(([name, d]) => `${name}=${formatParameter(d(probe))}`));
    if (typeof c === 'string') continue;
    const keys = c.keys;
    valid++;
    for (const part of exam.parts) {
      if (keys[part.id] === undefined) continue;
      for (const [leaf, nums] of leaves(part.id, keys[part.id])) {
        const first = seenLeaf.get(leaf);
        if (!first) seenLeaf.set(leaf, nums);
        else if (!near(first, nums)) varying.add(leaf);
      }
    }
  }
  const out: ExamVersion[] = [];
  if (opts.keepDefault) out.push({ name: names[0], sets: [], ...applySets(exam, []) });
  const rejected = new Map<string, number>();
  const reject = (why: string) => rejected.set(why, (rejected.get(why) ?? 0) + 1);
  const maxTries = opts.maxTries ?? 5000;
  for (let tries = 0; out.length < opts.count && tries < maxTries; tries++) {
    const c = candidate();
    if (typeof c === 'string') {
      reject(c);
      continue;
    }
    const bad = notSensible(c, exam);
    if (bad) {
      reject(bad);
      continue;
    }
    if (out.some((v) => sameParameters(v.params, c.params))) {
      reject('the same parameters as another version');
      continue;
    }
    const clash = coinciding(exam, c.keys, out, varying);
    if (clash) {
      reject(`${clash.leaf} coincides with another version's`);
      continue;
    }
    out.push({ ...c, name: names[out.length] });
  }
  if (out.length < opts.count) {
    const top = [...rejected]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([why, n]) => `${why} (${n}×)`)
      .join('; ');
    throw new VersionsError(
      `could not draw ${opts.count} versions within the ranges: ${out.length} found in ${maxTries} draws${top ? `; rejected: ${top}` : ''}`,
    );
  }
  return out;
}

/**
 * The first key equal to another version's, or null: every key at once (versions no script could
 * tell apart), or one key leaf (a vector, a count, a field of 5's key) that was seen to vary with the
 * ranges (2b's 0 never does).
 */
function coinciding(
  exam: Pick<Exam, 'parts'>,
  keys: Record<string, KeyValue>,
  others: readonly ExamVersion[],
  varying: ReadonlySet<string>,
): { leaf: string; version: string } | null {
  const all = (k: Record<string, KeyValue>) =>
    exam.parts.flatMap((p) => (k[p.id] === undefined ? [] : leaves(p.id, k[p.id])));
  const mineAll = all(keys);
  for (const o of others) {
    const theirs = new Map(all(o.keys));
    if (mineAll.every(([leaf, nums]) => theirs.has(leaf) && near(theirs.get(leaf)!, nums)))
      return { leaf: 'every key', version: o.name };
  }
  for (const part of exam.parts) {
    if (keys[part.id] === undefined) continue;
    const mine = leaves(part.id, keys[part.id]);
    for (const [leaf, nums] of mine) {
      if (!varying.has(leaf)) continue;
      for (const o of others) {
        const theirs = o.keys[part.id];
        if (theirs === undefined) continue;
        const match = leaves(part.id, theirs).find(([l]) => l === leaf);
        if (match && near(match[1], nums)) return { leaf, version: o.name };
      }
    }
  }
  return null;
}
