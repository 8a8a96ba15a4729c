import { describe, expect, it } from 'vitest';
import { gradcheck } from './gradcheck.ts';
import {
  add,
  addScalar,
  concat,
  crossEntropy,
  div,
  dot,
  exp,
  log,
  matmul,
  mul,
  neg,
  reshape,
  scale,
  select,
  sigmoid,
  slice,
  softmax,
  square,
  stack,
  sub,
  sum,
  tanh,
  transpose,
} from './ops.ts';
import { accumulate, fromNested, randn, result, rng, ShapeError, type Tensor, tensor } from './tensor.ts';

const random = rng(42);
const r = (...shape: number[]) => randn(shape, random);
const positive = (...shape: number[]) => {
  const t = randn(shape, random);
  for (let k = 0; k < t.size; k++) t.data[k] = 0.5 + Math.abs(t.data[k]);
  return t;
};

describe('forward values against hand calculation', () => {
  it('matmul of 2×3 by 3×2, and matrix by vector', () => {
    const a = fromNested([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const b = fromNested([
      [7, 8],
      [9, 10],
      [11, 12],
    ]);
    expect(matmul(a, b).toNested()).toEqual([
      [58, 64],
      [139, 154],
    ]);
    expect(matmul(a, tensor([1, 0, -1])).toArray()).toEqual([-2, -2]);
  });

  it('concat joins [h, x] in that order, and along axis 1 of matrices', () => {
    expect(concat([tensor([1, 2]), tensor([3])]).toArray()).toEqual([1, 2, 3]);
    const m = concat(
      [
        fromNested([[1], [2]]),
        fromNested([
          [3, 4],
          [5, 6],
        ]),
      ],
      1,
    );
    expect(m.toNested()).toEqual([
      [1, 3, 4],
      [2, 5, 6],
    ]);
  });

  it('softmax sums to 1, is shift-invariant and stable for large logits', () => {
    const y = softmax(tensor([1000, 1001, 1002])).toArray();
    const z = softmax(tensor([0, 1, 2])).toArray();
    expect(y.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 15);
    for (const [k, v] of y.entries()) expect(v).toBeCloseTo(z[k], 15);
    expect(z[2] / z[1]).toBeCloseTo(Math.E, 12);
  });

  it('cross-entropy is −log of the softmax probability of the target', () => {
    const logits = tensor([0.3, -1.2, 2.0]);
    const p = softmax(logits).toArray();
    expect(crossEntropy(logits, 1).item()).toBeCloseTo(-Math.log(p[1]), 14);
  });

  it('sigmoid and tanh match their definitions, and sigmoid does not overflow', () => {
    expect(sigmoid(tensor([0.7])).item()).toBeCloseTo(1 / (1 + Math.exp(-0.7)), 15);
    expect(sigmoid(tensor([-800])).item()).toBe(0);
    expect(tanh(tensor([0.7])).item()).toBeCloseTo((Math.exp(1.4) - 1) / (Math.exp(1.4) + 1), 15);
  });

  it('rejects mismatched shapes with a message naming them', () => {
    expect(() => add(tensor([1, 2]), tensor([1, 2, 3]))).toThrow(ShapeError);
    expect(() => matmul(fromNested([[1, 2]]), tensor([1, 2, 3]))).toThrow(/inner sizes 2 and 3/);
  });
});

describe('finite-difference gradient check of every op', () => {
  const cases: Array<[string, (x: Tensor[]) => Tensor, Tensor[]]> = [
    ['add', ([a, b]) => add(a, b), [r(3, 2), r(3, 2)]],
    ['sub', ([a, b]) => sub(a, b), [r(4), r(4)]],
    ['mul', ([a, b]) => mul(a, b), [r(2, 3), r(2, 3)]],
    ['div', ([a, b]) => div(a, b), [r(5), positive(5)]],
    ['scale', ([a]) => scale(a, -2.5), [r(4)]],
    ['neg', ([a]) => neg(a), [r(3)]],
    ['addScalar', ([a]) => addScalar(a, 3), [r(3)]],
    ['sigmoid', ([a]) => sigmoid(a), [r(6)]],
    ['tanh', ([a]) => tanh(a), [r(6)]],
    ['exp', ([a]) => exp(a), [r(4)]],
    ['log', ([a]) => log(a), [positive(4)]],
    ['square', ([a]) => square(a), [r(4)]],
    ['sum', ([a]) => sum(a), [r(2, 3)]],
    ['dot', ([a, b]) => dot(a, b), [r(5), r(5)]],
    ['reshape', ([a]) => mul(reshape(a, [3, 2]), reshape(a, [3, 2])), [r(2, 3)]],
    ['transpose', ([a, b]) => matmul(transpose(a), b), [r(3, 2), r(3, 4)]],
    ['concat axis 0', ([a, b]) => mul(concat([a, b]), concat([b, a])), [r(3), r(3)]],
    ['concat axis 1', ([a, b]) => concat([a, b], 1), [r(2, 3), r(2, 1)]],
    ['stack', ([a, b, c]) => mul(stack([a, b, c]), stack([c, a, b])), [r(2), r(2), r(2)]],
    ['select', ([a]) => square(select(a, 1)), [r(3, 4)]],
    ['slice', ([a]) => square(slice(a, 1, 4)), [r(5)]],
    ['matmul matrix×matrix', ([a, b]) => matmul(a, b), [r(3, 4), r(4, 2)]],
    ['matmul matrix×vector', ([a, b]) => matmul(a, b), [r(3, 4), r(4)]],
    ['softmax vector', ([a]) => softmax(a), [r(5)]],
    ['softmax rows', ([a]) => softmax(a), [r(3, 4)]],
    ['crossEntropy', ([a]) => crossEntropy(a, 2), [r(4)]],
  ];
  for (const [name, f, inputs] of cases) {
    it(name, () => {
      const { maxError, worst } = gradcheck(f, inputs);
      expect(maxError, JSON.stringify(worst)).toBeLessThan(1e-7);
    });
  }

  it('the check itself catches a wrong gradient', () => {
    // A deliberately wrong op: value x², gradient x (instead of 2x).
    const bad = ([a]: Tensor[]) =>
      result(
        a.data.map((v) => v * v),
        a.shape,
        'bad',
        [a],
        (g) =>
          accumulate(
            a,
            g.map((v, k) => v * a.data[k]),
          ),
      );
    const x = r(3);
    expect(gradcheck(bad, [x]).maxError).toBeGreaterThan(0.1);
  });

  it('a gradient reaching a tensor by two paths is summed', () => {
    const x = tensor([1.5, -2], undefined, true);
    const y = sum(add(mul(x, x), scale(x, 3)));
    y.backward();
    expect(Array.from(x.grad!)).toEqual([2 * 1.5 + 3, 2 * -2 + 3]);
  });
});
