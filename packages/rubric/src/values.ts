// Comparing a student's value with a key, and the numbers a value is made of.
import { closeTo, sameShape } from '@grader/parse';
import { asNumbers } from './keys.ts';
import type { ValueItem } from './schema.ts';

/** A value item's rule: the same shape (dimensions), or numbers within the item's tolerance. */
export function valueMatches(item: ValueItem, got: unknown, want: unknown): boolean {
  const w = asNumbers(want);
  const g = asNumbers(got);
  if (!w || !g) return false;
  if (item.shape === 'dimension') return sameShape(g, w);
  if (g.length !== w.length) return false;
  const tol = { abs: item.tolerance.abs ?? 0, rel: item.tolerance.rel ?? (item.tolerance.abs ? 0 : 1e-9) };
  if (item.tolerance.perElement) return g.every((x, i) => closeTo(x, w[i], tol));
  const worst = Math.max(...g.map((x, i) => Math.abs(x - w[i])));
  return worst <= (tol.abs || 0) + 1e-12;
}

/** The numbers of `values` (a vector's elements), for finding working that evaluates to one of them. */
export function targetsOf(values: unknown[]): number[] {
  const out: number[] = [];
  for (const v of values) {
    const n = asNumbers(v);
    if (n) out.push(...n);
  }
  return out;
}
