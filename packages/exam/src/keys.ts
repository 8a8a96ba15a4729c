// Answer keys computed by the engine from an exam's parameters: a changed parameter changes the key.
import { COMPUTATIONS, type Computation, inputsFor, type KeyValue } from './computations.ts';
import type { Exam } from './load.ts';
import {
  ExamParameterError,
  formatParameter,
  type Overrides,
  type ParameterValue,
  parseOverrides,
  resolveParameters,
} from './parameters.ts';

/**
 * Part id -> key, for the parts whose key the engine computes, in exam order; then the named
 * quantities behind some keys as `<part id>.<name>` (`3c.weights_only`). JSON-serialisable.
 */
export type Keys = Record<string, KeyValue>;

/**
 * Compute every engine key of the exam. `overrides` replace parameter defaults by name, as text
 * ("0.2,0.4,0.8", "200x200x3", "4"; numbers and number arrays are accepted too).
 * Throws ExamParameterError (one-line message naming the problem) for bad parameters.
 *
 * After the part keys come the details of computations that have them (`3c.gates`,
 * `3c.weights_only`, `3c.one_gate`, ...): what a rubric's partial credit and texts are computed from.
 * `partKeys` keeps only the part keys.
 */
export function computeKeys(exam: Pick<Exam, 'parts' | 'parameters'>, overrides: Overrides = {}): Keys {
  const values = resolveParameters(exam.parameters ?? {}, overrides);
  const keys: Keys = {};
  const details: Keys = {};
  for (const part of exam.parts) {
    if (!part.engine) continue;
    const computation: Computation = COMPUTATIONS[part.engine.compute];
    const inputs = inputsFor(part.engine.inputs, values);
    const key = computation.compute(inputs);
    checkRepresentable(part.id, part.engine.inputs, key);
    keys[part.id] = key;
    for (const [name, value] of Object.entries(computation.details?.(inputs) ?? {})) {
      checkRepresentable(`${part.id}.${name}`, part.engine.inputs, value);
      details[`${part.id}.${name}`] = value;
    }
  }
  return { ...keys, ...details };
}

/** Only the parts' keys (no `<part id>.<name>` details): what `grader key --json` prints. */
export function partKeys(exam: Pick<Exam, 'parts'>, keys: Keys): Keys {
  return Object.fromEntries(exam.parts.filter((p) => p.id in keys).map((p) => [p.id, keys[p.id]]));
}

/** A key must survive JSON exactly: finite, and counts below 2^53. Huge parameters fail here, by name. */
function checkRepresentable(id: string, inputs: Record<string, string>, key: KeyValue): void {
  const numbers = typeof key === 'number' ? [key] : Array.isArray(key) ? key : Object.values(key).flat();
  const bad = numbers.find((n) => !Number.isFinite(n) || Math.abs(n) > Number.MAX_SAFE_INTEGER);
  if (bad !== undefined) {
    throw new ExamParameterError(
      `the key of ${id} (${bad}) is too large to represent exactly; check ${[...new Set(Object.values(inputs))].join(', ')}`,
    );
  }
}

/** A parameter set chosen with `--set NAME=VALUE` items: the overrides, every parameter's value, the keys. */
export interface ParameterChoice {
  overrides: Record<string, string>;
  params: Record<string, ParameterValue>;
  keys: Keys;
}

/**
 * `NAME=VALUE` items as `grader key --set` and `grader grade --set` take them, checked once for both:
 * an item without `=`, an unknown name, a value that does not parse, parameters that do not fit
 * together (unequal vectors, a filter larger than the image) throw ExamParameterError.
 */
export function applySets(
  exam: Pick<Exam, 'parts' | 'parameters'>,
  sets: readonly string[],
): ParameterChoice {
  const overrides = parseOverrides(sets);
  return { overrides, params: examParameters(exam, overrides), keys: computeKeys(exam, overrides) };
}

/** Every parameter's value after overrides, typed. */
export function examParameters(
  exam: Pick<Exam, 'parameters'>,
  overrides: Overrides = {},
): Record<string, ParameterValue> {
  return resolveParameters(exam.parameters ?? {}, overrides);
}

/** Every parameter as the text `--set` takes: the flat name -> value map an editor shows. */
export function parameterDefaults(
  exam: Pick<Exam, 'parameters'>,
  overrides: Overrides = {},
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(examParameters(exam, overrides)).map(([k, v]) => [k, formatParameter(v)]),
  );
}

/** Which parts the engine computes, and how. */
export function engineParts(
  exam: Pick<Exam, 'parts'>,
): Array<{ id: string; compute: string; description: string; inputs: Record<string, string> }> {
  return exam.parts.flatMap((p) =>
    p.engine
      ? [
          {
            id: p.id,
            compute: p.engine.compute,
            description: COMPUTATIONS[p.engine.compute].description,
            inputs: p.engine.inputs,
          },
        ]
      : [],
  );
}

/**
 * The parts' keys as JSON text in exam order (the details are left out: see partKeys). (JSON.stringify
 * alone would put the part "5" first: JavaScript orders integer-like property names before the others.)
 */
export function stringifyKeys(exam: Pick<Exam, 'parts'>, keys: Keys): string {
  const ids = exam.parts.map((p) => p.id).filter((id) => id in keys);
  return `{${ids.map((id) => `${JSON.stringify(id)}:${JSON.stringify(keys[id])}`).join(',')}}`;
}
