// An LSTM over a sequence with CT3 Q4's head: input at every step, loss only at the last step T,
//   V_T = W_V h_T + b_V,  ŷ_T = softmax(V_T),  L = cross-entropy(ŷ_T, y).
// Backprop through time is the autograd graph of the unrolled steps; the gradient w.r.t. every
// c_t is then read off the step tensors.
import { Linear } from './linear.ts';
import { LSTMCell, type LSTMStep } from './lstm.ts';
import { crossEntropy, softmax } from './ops.ts';
import { type Init, type Module, prefixed } from './params.ts';
import { ShapeError, type Tensor, zeros } from './tensor.ts';

export interface SequenceRun {
  steps: LSTMStep[];
  /** V_T */
  logits: Tensor;
  /** ŷ_T = softmax(V_T) */
  probs: Tensor;
  /** L = L_T */
  loss: Tensor;
}

export class LSTMClassifier implements Module {
  readonly cell: LSTMCell;
  readonly head: Linear;

  constructor(inputSize: number, hiddenSize: number, classes: number, init: Init) {
    this.cell = new LSTMCell(inputSize, hiddenSize, init);
    this.head = new Linear(hiddenSize, classes, init);
  }

  /** Unroll over xs (x_1 … x_T) from h_0, c_0 (zeros unless given) and score the last step against `target`. */
  run(xs: readonly Tensor[], target: number, h0?: Tensor, c0?: Tensor): SequenceRun {
    if (xs.length === 0) throw new ShapeError('LSTM over an empty sequence');
    const H = this.cell.hiddenSize;
    let h = h0 ?? zeros([H]);
    let c = c0 ?? zeros([H]);
    const steps: LSTMStep[] = [];
    for (const x of xs) {
      const step = this.cell.forward(x, h, c);
      steps.push(step);
      h = step.h;
      c = step.c;
    }
    const logits = this.head.forward(h);
    return { steps, logits, probs: softmax(logits), loss: crossEntropy(logits, target) };
  }

  parameterShapes(): Array<[string, number[]]> {
    return [
      ...prefixed('cell', this.cell.parameterShapes()),
      ...prefixed('head', this.head.parameterShapes()),
    ];
  }

  namedParameters(): Array<[string, Tensor]> {
    return [
      ...prefixed('cell', this.cell.namedParameters()),
      ...prefixed('head', this.head.namedParameters()),
    ];
  }
}

/** Run backprop through time and return ∂L/∂c_t and ∂L/∂h_t for t = 1 … T. */
export function bptt(run: SequenceRun): { dc: number[][]; dh: number[][] } {
  run.loss.backward();
  const read = (t: Tensor) => (t.grad ? Array.from(t.grad) : new Array<number>(t.size).fill(0));
  return { dc: run.steps.map((s) => read(s.c)), dh: run.steps.map((s) => read(s.h)) };
}

/**
 * The Q4(a) recursion, written out:
 *   ∂L/∂c_t = ∂L/∂h_t ⊙ o_t ⊙ (1 − tanh²(c_t)) + ∂L/∂c_{t+1} ⊙ f_{t+1}
 * with ∂L/∂h_t the total gradient reaching h_t (from the head at T, from step t+1's gates before).
 * Autograd never uses this formula; tests check that the two agree.
 */
export function cellGradByRecursion(steps: readonly LSTMStep[], dh: readonly number[][]): number[][] {
  const T = steps.length;
  const dc: number[][] = new Array(T);
  for (let t = T - 1; t >= 0; t--) {
    const { o, c } = steps[t];
    dc[t] = Array.from(c.data, (ct, k) => {
      const th = Math.tanh(ct);
      const direct = dh[t][k] * o.data[k] * (1 - th * th);
      const recursive = t + 1 < T ? dc[t + 1][k] * steps[t + 1].f.data[k] : 0;
      return direct + recursive;
    });
  }
  return dc;
}
