// Helpers for the engine's own tests: loading the PyTorch fixtures and comparing to a relative tolerance.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LSTMCell } from './lstm.ts';
import { fromNested, Tensor } from './tensor.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export function fixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as T;
}

const values = (x: ArrayLike<number> | Tensor): number[] => Array.from(x instanceof Tensor ? x.data : x);

/** Largest element-wise relative difference |a − b| / max(|a|, |b|) (0 where both are 0). */
export function maxRelativeError(actual: ArrayLike<number> | Tensor, expected: unknown): number {
  const a = values(actual);
  const b =
    expected instanceof Tensor || expected instanceof Float64Array
      ? values(expected)
      : ((Array.isArray(expected) ? expected.flat(Number.POSITIVE_INFINITY) : [expected]) as number[]);
  if (a.length !== b.length) throw new Error(`compared ${a.length} values with ${b.length}`);
  let worst = 0;
  for (let k = 0; k < a.length; k++) {
    const scale = Math.max(Math.abs(a[k]), Math.abs(b[k]));
    if (scale > 0) worst = Math.max(worst, Math.abs(a[k] - b[k]) / scale);
    if (Number.isNaN(a[k]) || Number.isNaN(b[k])) return Number.POSITIVE_INFINITY;
  }
  return worst;
}

/** A fixture's nested list as a tensor. */
export const t = (values: unknown, requiresGrad = false): Tensor => fromNested(values, requiresGrad);

/** An LSTM cell carrying PyTorch's weights, mapped to the exam's layout by the fixture script. */
export function cellFrom(fx: { input: number; hidden: number; params: Record<string, unknown> }): LSTMCell {
  const cell = new LSTMCell(fx.input, fx.hidden, { kind: 'zeros' });
  for (const [name, values] of Object.entries(fx.params)) cell.params.set(name, t(values));
  return cell;
}
