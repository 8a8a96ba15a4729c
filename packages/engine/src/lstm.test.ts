import { describe, expect, it } from 'vitest';
import { gradcheck } from './gradcheck.ts';
import { GATES, LSTMCell, lstmCellState, lstmHidden, lstmParamCount } from './lstm.ts';
import { add } from './ops.ts';
import { countParameters, shapesByName } from './params.ts';
import { ShapeError, type Tensor, tensor } from './tensor.ts';
import { cellFrom, fixture, maxRelativeError, t } from './testing.ts';

describe('LSTM cell with the fixture weights (fixtures/lstm_cell.json)', () => {
  const fx = fixture('lstm_cell.json');

  it('the whole cell passes a finite-difference check (inputs and weights)', () => {
    const cell = cellFrom(fx);
    const weights = cell.namedParameters().map(([, p]) => p);
    const f = (xs: Tensor[]) => {
      const step = cell.forward(xs[0], xs[1], xs[2]);
      return add(step.h, step.c);
    };
    const { maxError } = gradcheck(f, [t(fx.x), t(fx.h_prev), t(fx.c_prev), ...weights]);
    expect(maxError).toBeLessThan(1e-7);
  });
});

describe('CT3 Q1(b): the state update on the exam vectors', () => {
  it('C_t = f ⊙ C_{t-1} + i ⊙ C̃_t, worked by hand: [0.2·1 + 1·0.5, 0.4·0.5 + 0·0, 0.8·0 + 0.5·0.1]', () => {
    const c = lstmCellState([1, 0.5, 0], [1, 0, 0.5], [0.2, 0.4, 0.8], [0.5, 0, 0.1]);
    expect(c[0]).toBeCloseTo(0.7, 15);
    expect(c[1]).toBeCloseTo(0.2, 15);
    expect(c[2]).toBeCloseTo(0.05, 15);
  });

  it('h_t = o ⊙ tanh(C_t): tanh(0.7) = (e^1.4 − 1)/(e^1.4 + 1) ≈ 0.6044, then 0, 0', () => {
    const h = lstmHidden([1, 0, 0], [0.7, 0.2, 0.05]);
    expect(h[0]).toBeCloseTo((Math.exp(1.4) - 1) / (Math.exp(1.4) + 1), 15);
    expect(h[0]).toBeCloseTo(0.6044, 4);
    expect(h.slice(1)).toEqual([0, 0]);
  });

  it('is the same update the full cell runs (gates forced through the cell)', () => {
    // Large biases saturate the gates to 0/1 so the cell's own update reproduces the helper.
    const cell = new LSTMCell(1, 2, { kind: 'zeros' });
    cell.params.set('b_f', tensor([40, -40]));
    cell.params.set('b_i', tensor([40, 40]));
    cell.params.set('b_o', tensor([40, 40]));
    cell.params.set('b_C', tensor([0.3, -0.2].map(Math.atanh)));
    const step = cell.forward(tensor([0]), tensor([0, 0]), tensor([0.5, 0.9]));
    const c = lstmCellState([1, 0], [1, 1], [0.5, 0.9], [0.3, -0.2]);
    expect(maxRelativeError(step.c, c)).toBeLessThan(1e-12);
    expect(maxRelativeError(step.h, lstmHidden([1, 1], c))).toBeLessThan(1e-12);
  });

  it('rejects vectors of unequal length', () => {
    expect(() => lstmCellState([1, 0.5], [1, 0, 0.5], [0.2, 0.4, 0.8], [0.5, 0, 0.1])).toThrow(ShapeError);
    expect(() => lstmHidden([1], [0.7, 0.2])).toThrow(/unequal length/);
  });
});

describe('CT3 Q3: parameter shapes and counts of the cell', () => {
  it('x of 2, c of 3: W_f is 3 × 5, b_f is 3, 72 parameters in all', () => {
    const cell = new LSTMCell(2, 3, { kind: 'shape-only' });
    const shapes = shapesByName(cell);
    expect(shapes.W_f).toEqual([3, 5]);
    expect(shapes.b_f).toEqual([3]);
    expect(countParameters(cell)).toBe(4 * (3 * 5 + 3));
  });

  it('the module count equals 4 (H (H + X) + H) and the allocated tensors, for many sizes', () => {
    for (const [X, H] of [
      [1, 1],
      [2, 3],
      [10, 20],
      [7, 128],
      [300, 64],
    ]) {
      const closed = 4 * (H * (H + X) + H);
      expect(lstmParamCount(X, H)).toBe(closed);
      const allocated = new LSTMCell(X, H, { kind: 'zeros' });
      expect(allocated.namedParameters().reduce((n, [, p]) => n + p.size, 0)).toBe(closed);
      expect(allocated.namedParameters().map(([n]) => n)).toEqual([
        ...GATES.map((g) => `W_${g}`),
        ...GATES.map((g) => `b_${g}`),
      ]);
    }
  });

  it('counts without allocating, even for huge cells', () => {
    expect(lstmParamCount(50_000, 50_000)).toBe(4 * (50_000 * 100_000 + 50_000));
  });
});
