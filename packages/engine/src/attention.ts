// CT3 Q2: an encoder–decoder with dot-product attention, and the plain encoder–decoder it is compared
// with, where C = h_n (the last encoder state) is the input of every decoder step.
//   e_kj = s_{k-1} · h_j,   α_kj = softmax_j(e_kj),   C_k = Σ_j α_kj h_j,   s_k = LSTM([s_{k-1}, C_k])
// The score has no weights and C_k has the size of h_n, so both models declare the same parameters.
import { Linear } from './linear.ts';
import { LSTMCell } from './lstm.ts';
import { matmul, softmax, stack, transpose } from './ops.ts';
import { countParameters, type Init, type Module, prefixed } from './params.ts';
import { ShapeError, type Tensor, zeros } from './tensor.ts';

export interface Seq2SeqSizes {
  /** size of each encoder input x_j */
  input: number;
  /** size of the encoder states h_j and the decoder states s_k (equal, or the dot product is undefined) */
  hidden: number;
  /** size of each decoder output y_k */
  output: number;
}

export interface DecoderStep {
  /** e_k1 … e_kn (attention only) */
  scores?: Tensor;
  /** α_k1 … α_kn (attention only) */
  weights?: Tensor;
  /** C_k: the decoder's input at step k */
  context: Tensor;
  s: Tensor;
  y: Tensor;
}

export interface Seq2SeqRun {
  /** h_1 … h_n */
  encoderStates: Tensor[];
  steps: DecoderStep[];
}

abstract class EncoderDecoder implements Module {
  readonly encoder: LSTMCell;
  readonly decoder: LSTMCell;
  readonly head: Linear;

  constructor(
    readonly sizes: Seq2SeqSizes,
    init: Init,
  ) {
    this.encoder = new LSTMCell(sizes.input, sizes.hidden, init);
    // Both models feed a vector of the encoder's state size to the decoder cell.
    this.decoder = new LSTMCell(sizes.hidden, sizes.hidden, init);
    this.head = new Linear(sizes.hidden, sizes.output, init);
  }

  /** Context for decoder step k, given the encoder states (stacked n × H) and s_{k-1}. */
  protected abstract context(
    H: Tensor,
    hs: readonly Tensor[],
    sPrev: Tensor,
  ): Pick<DecoderStep, 'scores' | 'weights' | 'context'>;

  /** Encode xs, then decode `outputSteps` steps starting from s_0 = h_n. */
  run(xs: readonly Tensor[], outputSteps: number): Seq2SeqRun {
    if (xs.length === 0) throw new ShapeError('encoder over an empty sequence');
    let h = zeros([this.sizes.hidden]);
    let c = zeros([this.sizes.hidden]);
    const encoderStates: Tensor[] = [];
    for (const x of xs) {
      const step = this.encoder.forward(x, h, c);
      encoderStates.push(step.h);
      h = step.h;
      c = step.c;
    }
    const H = stack(encoderStates);
    let s = h;
    let cs = c;
    const steps: DecoderStep[] = [];
    for (let k = 0; k < outputSteps; k++) {
      const ctx = this.context(H, encoderStates, s);
      const step = this.decoder.forward(ctx.context, s, cs);
      s = step.h;
      cs = step.c;
      steps.push({ ...ctx, s, y: this.head.forward(s) });
    }
    return { encoderStates, steps };
  }

  parameterShapes(): Array<[string, number[]]> {
    return [
      ...prefixed('encoder', this.encoder.parameterShapes()),
      ...prefixed('decoder', this.decoder.parameterShapes()),
      ...prefixed('head', this.head.parameterShapes()),
    ];
  }

  namedParameters(): Array<[string, Tensor]> {
    return [
      ...prefixed('encoder', this.encoder.namedParameters()),
      ...prefixed('decoder', this.decoder.namedParameters()),
      ...prefixed('head', this.head.namedParameters()),
    ];
  }
}

/** Dot-product attention: scores e_kj = s_{k-1} · h_j, weights softmax(e_k), context Σ α_kj h_j. */
export function dotProductAttention(
  H: Tensor,
  sPrev: Tensor,
): { scores: Tensor; weights: Tensor; context: Tensor } {
  const scores = matmul(H, sPrev); // row j of H is h_j
  const weights = softmax(scores);
  const context = matmul(transpose(H), weights);
  return { scores, weights, context };
}

export class AttentionEncoderDecoder extends EncoderDecoder {
  protected context(H: Tensor, _hs: readonly Tensor[], sPrev: Tensor) {
    return dotProductAttention(H, sPrev);
  }
}

export class PlainEncoderDecoder extends EncoderDecoder {
  protected context(_H: Tensor, hs: readonly Tensor[], _sPrev: Tensor) {
    return { context: hs[hs.length - 1] };
  }
}

/** Q2(b): parameters the attention model needs beyond the plain one, counted from both modules. */
export function attentionExtraParameters(sizes: Seq2SeqSizes): number {
  const shapeOnly: Init = { kind: 'shape-only' };
  return (
    countParameters(new AttentionEncoderDecoder(sizes, shapeOnly)) -
    countParameters(new PlainEncoderDecoder(sizes, shapeOnly))
  );
}
