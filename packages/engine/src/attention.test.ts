import { describe, expect, it } from 'vitest';
import {
  AttentionEncoderDecoder,
  attentionExtraParameters,
  dotProductAttention,
  PlainEncoderDecoder,
} from './attention.ts';
import { gradcheck } from './gradcheck.ts';
import { countParameters } from './params.ts';
import { fromNested, randn, rng, ShapeError, type Tensor, tensor } from './tensor.ts';
import { maxRelativeError } from './testing.ts';

describe('dot-product attention by hand', () => {
  it('two encoder states, s = [1, 0]: scores are the first coordinates, context their softmax mix', () => {
    const H = fromNested([
      [2, 5],
      [0, -1],
    ]);
    const { scores, weights, context } = dotProductAttention(H, tensor([1, 0]));
    expect(scores.toArray()).toEqual([2, 0]);
    const a = Math.exp(2) / (Math.exp(2) + 1);
    expect(weights.toArray()[0]).toBeCloseTo(a, 15);
    expect(context.toArray()[0]).toBeCloseTo(2 * a, 14);
    expect(context.toArray()[1]).toBeCloseTo(5 * a - (1 - a), 14);
  });

  it('passes a finite-difference check w.r.t. encoder states and decoder state', () => {
    const random = rng(3);
    const f = ([H, s]: Tensor[]) => dotProductAttention(H, s).context;
    expect(gradcheck(f, [randn([4, 3], random), randn([3], random)]).maxError).toBeLessThan(1e-7);
  });
});

describe('Q2(b): parameters of attention vs plain encoder–decoder', () => {
  it('the two models declare the same parameters, so the difference is 0, for many sizes', () => {
    for (const sizes of [
      { input: 2, hidden: 3, output: 2 },
      { input: 10, hidden: 32, output: 7 },
      { input: 1, hidden: 1, output: 1 },
    ]) {
      const shapeOnly = { kind: 'shape-only' } as const;
      const attention = new AttentionEncoderDecoder(sizes, shapeOnly);
      const plain = new PlainEncoderDecoder(sizes, shapeOnly);
      expect(attention.parameterShapes()).toEqual(plain.parameterShapes());
      const { input: X, hidden: H, output: Y } = sizes;
      // encoder cell + decoder cell (input H) + output layer
      expect(countParameters(attention)).toBe(4 * (H * (H + X) + H) + 4 * (H * 2 * H + H) + (Y * H + Y));
      expect(attentionExtraParameters(sizes)).toBe(0);
    }
  });

  it('the plain model really feeds h_n to every step; attention contexts differ from it', () => {
    const random = rng(5);
    const sizes = { input: 2, hidden: 3, output: 2 };
    const init = { kind: 'uniform', random, scale: 1 } as const;
    const plain = new PlainEncoderDecoder(sizes, init);
    const xs = Array.from({ length: 4 }, () => randn([2], random));
    const run = plain.run(xs, 3);
    for (const s of run.steps) expect(s.context.toArray()).toEqual(run.encoderStates[3].toArray());
    const attention = new AttentionEncoderDecoder(sizes, { kind: 'zeros' });
    for (const [name, p] of plain.namedParameters()) {
      const [part, param] = name.split('.');
      (attention as any)[part].params.set(param, p.detach());
    }
    const att = attention.run(xs, 3);
    expect(maxRelativeError(att.steps[0].context, run.steps[0].context)).toBeGreaterThan(1e-6);
  });

  it('rejects an empty input sequence', () => {
    expect(() =>
      new AttentionEncoderDecoder({ input: 1, hidden: 2, output: 1 }, { kind: 'zeros' }).run([], 2),
    ).toThrow(ShapeError);
  });
});
