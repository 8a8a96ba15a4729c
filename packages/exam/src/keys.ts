// Answer keys computed by the engine from an exam's parameters: a changed parameter changes the key.
import { COMPUTATIONS, inputsFor, type KeyValue } from './computations.ts';
import type { Exam } from './load.ts';
import {
  ExamParameterError,
  formatParameter,
  type Overrides,
  type ParameterValue,
  resolveParameters,
} from './parameters.ts';

/** Part id -> key, for the parts whose key the engine computes, in exam order. JSON-serialisable. */
export type Keys = Record<string, KeyValue>;

/**
 * Compute every engine key of the exam. `overrides` replace parameter defaults by name, as text
 * ("0.2,0.4,0.8", "200x200x3", "4"; numbers and number arrays are accepted too).
 * Throws ExamParameterError (one-line message naming the problem) for bad parameters.
 */
export function computeKeys(exam: Pick<Exam, 'parts' | 'parameters'>, overrides: Overrides = {}): Keys {
  const values = resolveParameters(exam.parameters ?? {}, overrides);
  const keys: Keys = {};
  for (const part of exam.parts) {
    if (!part.engine) continue;
    const key = COMPUTATIONS[part.engine.compute].compute(inputsFor(part.engine.inputs, values));
    checkRepresentable(part.id, part.engine.inputs, key);
    keys[part.id] = key;
  }
  return keys;
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
 * Keys as JSON text in exam order. (JSON.stringify alone would put the part "5" first: JavaScript
 * orders integer-like property names before the others.)
 */
export function stringifyKeys(exam: Pick<Exam, 'parts'>, keys: Keys): string {
  const ids = [
    ...exam.parts.map((p) => p.id).filter((id) => id in keys),
    ...Object.keys(keys).filter((id) => !exam.parts.some((p) => p.id === id)),
  ];
  return `{${ids.map((id) => `${JSON.stringify(id)}:${JSON.stringify(keys[id])}`).join(',')}}`;
}
