// Answer keys: literal values in the rubric or entries of the engine's computeKeys output.
import type { KeyRef } from './schema.ts';

export type Keys = Record<string, unknown>;

export class KeyError extends Error {}

/**
 * Look up a dotted engine path in computeKeys' output. Part ids contain dots themselves (`1b.i`),
 * so the longest key that prefixes the path wins: `5.multiplications` -> keys["5"].multiplications.
 */
export function lookupPath(obj: Keys, path: string): unknown {
  if (path in obj) return obj[path];
  const segs = path.split('.');
  for (let n = segs.length - 1; n >= 1; n--) {
    const head = segs.slice(0, n).join('.');
    if (head in obj) {
      let cur: unknown = obj[head];
      for (const s of segs.slice(n)) {
        if (cur && typeof cur === 'object' && s in (cur as object)) cur = (cur as Record<string, unknown>)[s];
        else {
          // accept camelCase and snake_case spellings of the same field
          const alt = s.includes('_')
            ? s.replace(/_(\w)/g, (_, c: string) => c.toUpperCase())
            : s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
          if (cur && typeof cur === 'object' && alt in (cur as object))
            cur = (cur as Record<string, unknown>)[alt];
          else return undefined;
        }
      }
      return cur;
    }
  }
  return undefined;
}

export function resolveKey(ref: KeyRef, keys: Keys): unknown {
  if ('literal' in ref) return ref.literal;
  const v = lookupPath(keys, ref.engine);
  if (v === undefined) throw new KeyError(`the engine computed no key "${ref.engine}"`);
  return v;
}

/** A key value as a list of numbers (scalars become one-element lists). */
export function asNumbers(v: unknown): number[] | null {
  if (typeof v === 'number') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'number')) return v as number[];
  return null;
}
