// 2-D convolutions on [channels, height, width] tensors: standard (groups = 1), depthwise
// (groups = channels), pointwise (1 × 1) and depthwise-separable (depthwise, then pointwise).
// The kernel counts every multiplication it performs, so the Q5 count can be taken from a real run
// and checked against the closed form Ho·Wo·K²·(C_in/groups)·C_out.
import { checkSize, type Init, type Module, ParameterSet, prefixed } from './params.ts';
import { accumulate, gradBuffer, result, ShapeError, sameShape, type Tensor, zeros } from './tensor.ts';

/** floor((W + 2P − K) / S) + 1; the filter must fit inside the padded input. */
export function convOutputSize(w: number, k: number, p: number, s: number): number {
  checkSize('input size', w);
  checkSize('filter size', k);
  checkSize('padding', p, 0);
  checkSize('stride', s);
  if (k > w + 2 * p)
    throw new ShapeError(`filter ${k} is larger than the padded input ${w} + 2·${p} = ${w + 2 * p}`);
  return Math.floor((w + 2 * p - k) / s) + 1;
}

export interface ConvOptions {
  stride?: number;
  padding?: number;
  groups?: number;
  /** Counter that receives the number of multiplications performed (forward pass only). */
  counter?: { multiplications: number };
}

/**
 * conv2d(x [C_in, H, W], weight [C_out, C_in/groups, K, K], bias [C_out] | null) -> [C_out, Ho, Wo].
 * Zero padding is materialised, so the multiplications by padded zeros are performed and counted,
 * as the exam counts them.
 */
export function conv2d(x: Tensor, weight: Tensor, bias: Tensor | null, opts: ConvOptions = {}): Tensor {
  const stride = opts.stride ?? 1;
  const pad = opts.padding ?? 0;
  const groups = opts.groups ?? 1;
  if (x.ndim !== 3 || weight.ndim !== 4) {
    throw new ShapeError(
      `conv2d: input [${x.shape.join(', ')}] must be [C, H, W], weight [${weight.shape.join(', ')}] [C_out, C_in/g, K, K]`,
    );
  }
  const [cIn, hIn, wIn] = x.shape;
  const [cOut, cInG, kh, kw] = weight.shape;
  if (kh !== kw) throw new ShapeError(`conv2d: square filters only, got ${kh} × ${kw}`);
  if (cIn % groups !== 0 || cOut % groups !== 0 || cInG !== cIn / groups) {
    throw new ShapeError(
      `conv2d: ${cIn} input and ${cOut} output channels do not split into ${groups} groups of ${cInG}`,
    );
  }
  if (bias && (bias.ndim !== 1 || bias.size !== cOut))
    throw new ShapeError(`conv2d: bias must have ${cOut} values`);
  const k = kh;
  const hOut = convOutputSize(hIn, k, pad, stride);
  const wOut = convOutputSize(wIn, k, pad, stride);
  const hp = hIn + 2 * pad;
  const wp = wIn + 2 * pad;
  const xp = new Float64Array(cIn * hp * wp);
  for (let c = 0; c < cIn; c++) {
    for (let y = 0; y < hIn; y++)
      xp.set(x.data.subarray((c * hIn + y) * wIn, (c * hIn + y + 1) * wIn), (c * hp + y + pad) * wp + pad);
  }
  const W = weight.data;
  const outPerGroup = cOut / groups;
  const out = new Float64Array(cOut * hOut * wOut);
  let mults = 0;
  for (let co = 0; co < cOut; co++) {
    const g = Math.floor(co / outPerGroup);
    const oBase = co * hOut * wOut;
    if (bias) out.fill(bias.data[co], oBase, oBase + hOut * wOut);
    for (let cl = 0; cl < cInG; cl++) {
      const ci = g * cInG + cl;
      for (let ky = 0; ky < k; ky++) {
        for (let kx = 0; kx < k; kx++) {
          const wv = W[((co * cInG + cl) * k + ky) * k + kx];
          for (let oy = 0; oy < hOut; oy++) {
            const xRow = (ci * hp + oy * stride + ky) * wp + kx;
            const oRow = oBase + oy * wOut;
            for (let ox = 0; ox < wOut; ox++) {
              out[oRow + ox] += wv * xp[xRow + ox * stride];
              mults++;
            }
          }
        }
      }
    }
  }
  if (opts.counter) opts.counter.multiplications += mults;
  const parents = bias ? [x, weight, bias] : [x, weight];
  return result(out, [cOut, hOut, wOut], 'conv2d', parents, (gOut) => {
    const dxp = x.requiresGrad ? new Float64Array(xp.length) : null;
    const dW = weight.requiresGrad ? gradBuffer(weight) : null;
    for (let co = 0; co < cOut; co++) {
      const g = Math.floor(co / outPerGroup);
      const oBase = co * hOut * wOut;
      for (let cl = 0; cl < cInG; cl++) {
        const ci = g * cInG + cl;
        for (let ky = 0; ky < k; ky++) {
          for (let kx = 0; kx < k; kx++) {
            const wi = ((co * cInG + cl) * k + ky) * k + kx;
            const wv = W[wi];
            let dw = 0;
            for (let oy = 0; oy < hOut; oy++) {
              const xRow = (ci * hp + oy * stride + ky) * wp + kx;
              const oRow = oBase + oy * wOut;
              for (let ox = 0; ox < wOut; ox++) {
                const go = gOut[oRow + ox];
                dw += go * xp[xRow + ox * stride];
                if (dxp) dxp[xRow + ox * stride] += go * wv;
              }
            }
            if (dW) dW[wi] += dw;
          }
        }
      }
    }
    if (dxp) {
      const dx = new Float64Array(x.size);
      for (let c = 0; c < cIn; c++) {
        for (let y = 0; y < hIn; y++) {
          const from = (c * hp + y + pad) * wp + pad;
          dx.set(dxp.subarray(from, from + wIn), (c * hIn + y) * wIn);
        }
      }
      accumulate(x, dx);
    }
    if (bias?.requiresGrad) {
      const db = new Float64Array(cOut);
      for (let co = 0; co < cOut; co++) {
        let s = 0;
        for (let j = co * hOut * wOut; j < (co + 1) * hOut * wOut; j++) s += gOut[j];
        db[co] = s;
      }
      accumulate(bias, db);
    }
  });
}

export interface Conv2dSpec {
  inChannels: number;
  outChannels: number;
  kernel: number;
  stride?: number;
  padding?: number;
  groups?: number;
  bias?: boolean;
}

/** A convolution layer: weight [C_out, C_in/groups, K, K] and an optional bias [C_out]. */
export class Conv2d implements Module {
  readonly params: ParameterSet;
  readonly stride: number;
  readonly padding: number;
  readonly groups: number;

  constructor(
    readonly spec: Conv2dSpec,
    init: Init,
  ) {
    const { inChannels, outChannels, kernel } = spec;
    this.stride = spec.stride ?? 1;
    this.padding = spec.padding ?? 0;
    this.groups = spec.groups ?? 1;
    checkSize('input channels', inChannels);
    checkSize('output channels', outChannels);
    checkSize('filter size', kernel);
    checkSize('stride', this.stride);
    checkSize('padding', this.padding, 0);
    checkSize('groups', this.groups);
    if (inChannels % this.groups !== 0 || outChannels % this.groups !== 0) {
      throw new ShapeError(`${inChannels} → ${outChannels} channels do not split into ${this.groups} groups`);
    }
    const shapes: Array<[string, number[]]> = [
      ['weight', [outChannels, inChannels / this.groups, kernel, kernel]],
    ];
    if (spec.bias ?? true) shapes.push(['bias', [outChannels]]);
    this.params = new ParameterSet(shapes, init);
  }

  forward(x: Tensor, counter?: { multiplications: number }): Tensor {
    const bias = this.params.shapes.some(([n]) => n === 'bias') ? this.params.get('bias') : null;
    return conv2d(x, this.params.get('weight'), bias, {
      stride: this.stride,
      padding: this.padding,
      groups: this.groups,
      counter,
    });
  }

  /** Output shape [C_out, Ho, Wo] for an input [C_in, H, W]. */
  outputShape([c, h, w]: readonly number[]): [number, number, number] {
    if (c !== this.spec.inChannels)
      throw new ShapeError(`layer takes ${this.spec.inChannels} channels, input has ${c}`);
    return [
      this.spec.outChannels,
      convOutputSize(h, this.spec.kernel, this.padding, this.stride),
      convOutputSize(w, this.spec.kernel, this.padding, this.stride),
    ];
  }

  /** Closed form of the forward pass's multiplications: Ho·Wo·K²·(C_in/groups)·C_out. */
  multiplications(input: readonly number[]): number {
    const [cOut, ho, wo] = this.outputShape(input);
    return ho * wo * this.spec.kernel ** 2 * (this.spec.inChannels / this.groups) * cOut;
  }

  parameterShapes(): Array<[string, number[]]> {
    return this.params.shapes;
  }

  namedParameters(): Array<[string, Tensor]> {
    return this.params.entries();
  }
}

/** One filter per channel: groups = channels, channel multiplier 1. */
export function depthwiseConv(
  channels: number,
  kernel: number,
  opts: { stride?: number; padding?: number; bias?: boolean },
  init: Init,
): Conv2d {
  return new Conv2d({ inChannels: channels, outChannels: channels, kernel, groups: channels, ...opts }, init);
}

/** 1 × 1 convolution mixing channels. */
export function pointwiseConv(
  inChannels: number,
  outChannels: number,
  opts: { bias?: boolean },
  init: Init,
): Conv2d {
  return new Conv2d({ inChannels, outChannels, kernel: 1, ...opts }, init);
}

export interface SeparableSpec {
  channels: number;
  outChannels: number;
  kernel: number;
  stride?: number;
  /** applied in the depthwise step only */
  padding?: number;
  bias?: boolean;
}

export class DepthwiseSeparableConv2d implements Module {
  readonly depthwise: Conv2d;
  readonly pointwise: Conv2d;

  constructor(spec: SeparableSpec, init: Init) {
    this.depthwise = depthwiseConv(
      spec.channels,
      spec.kernel,
      { stride: spec.stride, padding: spec.padding, bias: spec.bias },
      init,
    );
    this.pointwise = pointwiseConv(spec.channels, spec.outChannels, { bias: spec.bias }, init);
  }

  /** Runs both steps; counters receive the multiplications each step performed. */
  forward(
    x: Tensor,
    counters?: { depthwise: { multiplications: number }; pointwise: { multiplications: number } },
  ): { depthwise: Tensor; pointwise: Tensor } {
    const depthwise = this.depthwise.forward(x, counters?.depthwise);
    return { depthwise, pointwise: this.pointwise.forward(depthwise, counters?.pointwise) };
  }

  parameterShapes(): Array<[string, number[]]> {
    return [
      ...prefixed('depthwise', this.depthwise.parameterShapes()),
      ...prefixed('pointwise', this.pointwise.parameterShapes()),
    ];
  }

  namedParameters(): Array<[string, Tensor]> {
    return [
      ...prefixed('depthwise', this.depthwise.namedParameters()),
      ...prefixed('pointwise', this.pointwise.namedParameters()),
    ];
  }
}

/** Q5 in the exam's height × width × channels convention. */
export interface SeparableCounts {
  depthwiseOutput: [number, number, number];
  pointwiseOutput: [number, number, number];
  depthwiseMultiplications: number;
  pointwiseMultiplications: number;
  multiplications: number;
}

export interface SeparableProblem {
  h: number;
  w: number;
  c: number;
  k: number;
  stride: number;
  padding: number;
  outChannels: number;
}

function toHWC([c, h, w]: readonly number[]): [number, number, number] {
  return [h, w, c];
}

/** Output sizes and multiplication counts of a depthwise-separable convolution, from the layers' closed forms. */
export function depthwiseSeparableCounts(p: SeparableProblem): SeparableCounts {
  const layer = new DepthwiseSeparableConv2d(
    { channels: p.c, outChannels: p.outChannels, kernel: p.k, stride: p.stride, padding: p.padding },
    { kind: 'shape-only' },
  );
  const input = [p.c, p.h, p.w];
  const dwOut = layer.depthwise.outputShape(input);
  const pwOut = layer.pointwise.outputShape(dwOut);
  const dw = layer.depthwise.multiplications(input);
  const pw = layer.pointwise.multiplications(dwOut);
  return {
    depthwiseOutput: toHWC(dwOut),
    pointwiseOutput: toHWC(pwOut),
    depthwiseMultiplications: dw,
    pointwiseMultiplications: pw,
    multiplications: dw + pw,
  };
}

/**
 * The same numbers taken from a real run: the convolution is applied to an image of the given size
 * and every multiplication it performs is counted. Costs one forward pass (≈3 M multiplications for
 * CT3's 200 × 200 × 3 image).
 */
export function depthwiseSeparableCountsByRunning(
  p: SeparableProblem,
  image: Tensor = zeros([p.c, p.h, p.w]),
): SeparableCounts {
  if (!sameShape(image.shape, [p.c, p.h, p.w])) {
    throw new ShapeError(`image [${image.shape.join(', ')}] is not [${p.c}, ${p.h}, ${p.w}]`);
  }
  const layer = new DepthwiseSeparableConv2d(
    { channels: p.c, outChannels: p.outChannels, kernel: p.k, stride: p.stride, padding: p.padding },
    { kind: 'zeros' },
  );
  const counters = { depthwise: { multiplications: 0 }, pointwise: { multiplications: 0 } };
  const { depthwise, pointwise } = layer.forward(image, counters);
  return {
    depthwiseOutput: toHWC(depthwise.shape),
    pointwiseOutput: toHWC(pointwise.shape),
    depthwiseMultiplications: counters.depthwise.multiplications,
    pointwiseMultiplications: counters.pointwise.multiplications,
    multiplications: counters.depthwise.multiplications + counters.pointwise.multiplications,
  };
}
