// The classic LSTM cell exactly as CT3 writes it, with every gate computed from [h_{t-1}, x_t]:
//   f_t = σ(W_f [h_{t-1}, x_t] + b_f)     i_t = σ(W_i [h_{t-1}, x_t] + b_i)
//   o_t = σ(W_o [h_{t-1}, x_t] + b_o)     C̃_t = tanh(W_C [h_{t-1}, x_t] + b_C)
//   C_t = f_t ⊙ C_{t-1} + i_t ⊙ C̃_t       h_t = o_t ⊙ tanh(C_t)
import { add, concat, matmul, mul, sigmoid, tanh } from './ops.ts';
import { checkSize, countParameters, type Init, type Module, ParameterSet, SHAPE_ONLY } from './params.ts';
import { ShapeError, type Tensor, tensor } from './tensor.ts';

export const GATES = ['f', 'i', 'o', 'C'] as const;
export type Gate = (typeof GATES)[number];

/** Everything one step computes, kept so that gradients w.r.t. each piece can be read after backward. */
export interface LSTMStep {
  z: Tensor; // [h_{t-1}, x_t]
  f: Tensor;
  i: Tensor;
  o: Tensor;
  cTilde: Tensor;
  c: Tensor;
  h: Tensor;
}

/** The state update shared by the cell and the 1(b) key: C_t = f ⊙ C_{t-1} + i ⊙ C̃, h_t = o ⊙ tanh(C_t). */
export function cellUpdate(
  f: Tensor,
  i: Tensor,
  o: Tensor,
  cTilde: Tensor,
  cPrev: Tensor,
): { c: Tensor; h: Tensor } {
  const c = add(mul(f, cPrev), mul(i, cTilde));
  const h = mul(o, tanh(c));
  return { c, h };
}

export class LSTMCell implements Module {
  readonly params: ParameterSet;

  constructor(
    readonly inputSize: number,
    readonly hiddenSize: number,
    init: Init,
  ) {
    checkSize('LSTM input size', inputSize);
    checkSize('LSTM hidden size', hiddenSize);
    const z = hiddenSize + inputSize;
    this.params = new ParameterSet(
      [
        ...GATES.map((g): [string, number[]] => [`W_${g}`, [hiddenSize, z]]),
        ...GATES.map((g): [string, number[]] => [`b_${g}`, [hiddenSize]]),
      ],
      init,
    );
  }

  forward(x: Tensor, hPrev: Tensor, cPrev: Tensor): LSTMStep {
    if (x.size !== this.inputSize || hPrev.size !== this.hiddenSize || cPrev.size !== this.hiddenSize) {
      throw new ShapeError(
        `LSTM cell (${this.inputSize} → ${this.hiddenSize}) given x of ${x.size}, h of ${hPrev.size}, c of ${cPrev.size}`,
      );
    }
    const z = concat([hPrev, x]);
    const pre = (g: Gate) => add(matmul(this.params.get(`W_${g}`), z), this.params.get(`b_${g}`));
    const f = sigmoid(pre('f'));
    const i = sigmoid(pre('i'));
    const o = sigmoid(pre('o'));
    const cTilde = tanh(pre('C'));
    const { c, h } = cellUpdate(f, i, o, cTilde, cPrev);
    return { z, f, i, o, cTilde, c, h };
  }

  parameterShapes(): Array<[string, number[]]> {
    return this.params.shapes;
  }

  namedParameters(): Array<[string, Tensor]> {
    return this.params.entries();
  }
}

// ---- plain-number helpers (keys, and error carried forward in grading) -------------------------

function vectorsOfEqualLength(named: Record<string, readonly number[]>): void {
  const lengths = Object.entries(named).map(([k, v]) => `${k} has ${v.length}`);
  const first = Object.values(named)[0].length;
  if (Object.values(named).some((v) => v.length !== first))
    throw new ShapeError(`vectors of unequal length: ${lengths.join(', ')}`);
}

/** C_t = f ⊙ C_{t-1} + i ⊙ C̃_t, computed by the cell's own update. */
export function lstmCellState(
  f: readonly number[],
  i: readonly number[],
  cPrev: readonly number[],
  cTilde: readonly number[],
): number[] {
  vectorsOfEqualLength({ f, i, C_prev: cPrev, C_tilde: cTilde });
  const ones = tensor(new Array(f.length).fill(1));
  return cellUpdate(tensor(f), tensor(i), ones, tensor(cTilde), tensor(cPrev)).c.toArray();
}

/** h_t = o ⊙ tanh(C_t). */
export function lstmHidden(o: readonly number[], c: readonly number[]): number[] {
  vectorsOfEqualLength({ o, C: c });
  return mul(tensor(o), tanh(tensor(c))).toArray();
}

/** Parameters of an LSTM cell with input size X and hidden size H, counted from the module: 4 (H (H + X) + H). */
export function lstmParamCount(input: number, hidden: number): number {
  return countParameters(new LSTMCell(input, hidden, SHAPE_ONLY));
}
