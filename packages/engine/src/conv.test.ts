import { describe, expect, it } from 'vitest';
import {
  Conv2d,
  conv2d,
  convOutputSize,
  DepthwiseSeparableConv2d,
  depthwiseConv,
  depthwiseSeparableCounts,
  depthwiseSeparableCountsByRunning,
  pointwiseConv,
} from './conv.ts';
import { gradcheck } from './gradcheck.ts';
import { countParameters } from './params.ts';
import { fromNested, randn, rng, ShapeError, type Tensor } from './tensor.ts';

describe('convolution by hand', () => {
  it('a 2 × 2 filter over a 3 × 3 image, no padding', () => {
    const x = fromNested([
      [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ],
    ]);
    const w = fromNested([
      [
        [
          [1, 0],
          [0, -1],
        ],
      ],
    ]);
    expect(conv2d(x, w, null).toNested()).toEqual([
      [
        [1 - 5, 2 - 6],
        [4 - 8, 5 - 9],
      ],
    ]);
  });

  it('padding adds zeros: a 1 × 1 image with padding 1 and a 3 × 3 filter sees only the centre', () => {
    const w = fromNested([
      [
        [
          [9, 9, 9],
          [9, 2, 9],
          [9, 9, 9],
        ],
      ],
    ]);
    expect(conv2d(fromNested([[[5]]]), w, null, { padding: 1 }).toArray()).toEqual([10]);
  });
});

describe('finite-difference checks of the convolution kinds', () => {
  const random = rng(11);
  const check = (f: (x: Tensor[]) => Tensor, inputs: Tensor[]) =>
    expect(gradcheck(f, inputs).maxError).toBeLessThan(1e-7);
  it('standard, stride 2, padding 1', () =>
    check(
      ([x, w, b]) => conv2d(x, w, b, { stride: 2, padding: 1 }),
      [randn([2, 5, 6], random), randn([3, 2, 3, 3], random), randn([3], random)],
    ));
  it('depthwise', () =>
    check(
      ([x, w]) => conv2d(x, w, null, { padding: 1, groups: 3 }),
      [randn([3, 4, 4], random), randn([3, 1, 2, 2], random)],
    ));
  it('pointwise', () =>
    check(([x, w]) => conv2d(x, w, null), [randn([3, 3, 2], random), randn([4, 3, 1, 1], random)]));
});

describe('output sizes: floor((W + 2P − K)/S) + 1', () => {
  it('CT3 Q5: (200 + 2 − 4)/1 + 1 = 199', () => expect(convOutputSize(200, 4, 1, 1)).toBe(199));
  it('rounds down with stride', () => expect(convOutputSize(7, 3, 0, 2)).toBe(3));
  it('a filter larger than the padded input is an error naming the sizes', () => {
    expect(() => convOutputSize(3, 6, 1, 1)).toThrow(ShapeError);
    expect(() => convOutputSize(3, 6, 1, 1)).toThrow(/filter 6 is larger than the padded input 3 \+ 2·1 = 5/);
  });
  it('equals the shape a real run produces', () => {
    const layer = new Conv2d(
      { inChannels: 2, outChannels: 3, kernel: 3, stride: 2, padding: 1 },
      { kind: 'zeros' },
    );
    expect(layer.forward(randn([2, 9, 6], rng(1))).shape).toEqual(layer.outputShape([2, 9, 6]));
  });
});

describe('multiplications: counted while running = closed form', () => {
  it('CT3 Q5 by hand: 199·199·3·16 = 1,900,848 and 199·199·3·10 = 1,188,030', () => {
    const counted = depthwiseSeparableCountsByRunning({
      h: 200,
      w: 200,
      c: 3,
      k: 4,
      stride: 1,
      padding: 1,
      outChannels: 10,
    });
    expect(counted).toEqual({
      depthwiseOutput: [199, 199, 3],
      pointwiseOutput: [199, 199, 10],
      depthwiseMultiplications: 199 * 199 * 3 * 4 * 4,
      pointwiseMultiplications: 199 * 199 * 3 * 10,
      multiplications: 199 * 199 * 3 * 4 * 4 + 199 * 199 * 3 * 10,
    });
    expect(
      depthwiseSeparableCounts({ h: 200, w: 200, c: 3, k: 4, stride: 1, padding: 1, outChannels: 10 }),
    ).toEqual(counted);
  });

  it('agree over a grid of shapes, strides, paddings and non-square images', () => {
    for (const [h, w, c, k, stride, padding, outChannels] of [
      [5, 5, 1, 1, 1, 0, 1],
      [9, 7, 2, 3, 2, 1, 5],
      [16, 11, 4, 5, 3, 2, 6],
      [8, 8, 3, 8, 1, 0, 2],
      [6, 10, 5, 4, 2, 3, 7],
    ]) {
      const p = { h, w, c, k, stride, padding, outChannels };
      expect(depthwiseSeparableCountsByRunning(p)).toEqual(depthwiseSeparableCounts(p));
    }
  });

  it('a standard convolution with groups counts Ho·Wo·K²·(C_in/groups)·C_out', () => {
    const layer = new Conv2d(
      { inChannels: 4, outChannels: 6, kernel: 3, padding: 1, groups: 2 },
      { kind: 'zeros' },
    );
    const counter = { multiplications: 0 };
    layer.forward(randn([4, 7, 5], rng(2)), counter);
    expect(counter.multiplications).toBe(7 * 5 * 9 * 2 * 6);
    expect(layer.multiplications([4, 7, 5])).toBe(counter.multiplications);
  });
});

describe('parameters of the convolution layers', () => {
  it('depthwise C·K² (+C), pointwise C·C_out (+C_out)', () => {
    expect(countParameters(depthwiseConv(3, 4, { bias: false }, { kind: 'shape-only' }))).toBe(3 * 16);
    expect(countParameters(pointwiseConv(3, 10, { bias: false }, { kind: 'shape-only' }))).toBe(30);
    expect(
      countParameters(
        new DepthwiseSeparableConv2d({ channels: 3, outChannels: 10, kernel: 4 }, { kind: 'shape-only' }),
      ),
    ).toBe(48 + 3 + 30 + 10);
    expect(
      countParameters(new Conv2d({ inChannels: 3, outChannels: 10, kernel: 4 }, { kind: 'shape-only' })),
    ).toBe(3 * 10 * 16 + 10);
  });
});
