import { describe, expect, it } from 'vitest';
import { bptt, cellGradByRecursion, LSTMClassifier } from './sequence.ts';
import { randn, rng } from './tensor.ts';
import { maxRelativeError } from './testing.ts';

describe('Q4(a): the recursion ∂L/∂c_t = ∂L/∂h_t ⊙ o_t ⊙ (1 − tanh² c_t) + ∂L/∂c_{t+1} ⊙ f_{t+1}', () => {
  it('reproduces the autograd gradients for a random model and sequence', () => {
    const random = rng(7);
    const model = new LSTMClassifier(3, 5, 4, { kind: 'uniform', random });
    const xs = Array.from({ length: 8 }, () => randn([3], random));
    const run = model.run(xs, 1);
    const { dc, dh } = bptt(run);
    const byFormula = cellGradByRecursion(run.steps, dh);
    for (const [k, g] of dc.entries()) expect(maxRelativeError(g, byFormula[k])).toBeLessThan(1e-12);
  });

  it('with f_{t+1} replaced by f_t the recursion no longer matches (the formula is specific)', () => {
    const random = rng(8);
    const model = new LSTMClassifier(2, 3, 2, { kind: 'uniform', random, scale: 1 });
    const run = model.run(
      Array.from({ length: 5 }, () => randn([2], random)),
      0,
    );
    const { dc, dh } = bptt(run);
    const shifted = run.steps.map((s, k) => ({ ...s, f: run.steps[Math.max(0, k - 1)].f }));
    const wrong = cellGradByRecursion(shifted, dh);
    expect(maxRelativeError(dc[0], wrong[0])).toBeGreaterThan(1e-3);
  });
});
