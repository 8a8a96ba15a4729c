// The engine computations an exam part's key can name in exam.yaml (`engine: { compute, inputs }`).
// Each declares the roles it reads and their kinds; the exam maps roles to its own parameter names,
// so another exam can reuse a computation with different parameters.
import {
  attentionExtraParameters,
  countParameters,
  depthwiseSeparableCounts,
  depthwiseSeparableCountsByRunning,
  LSTMCell,
  lstmCellState,
  lstmHidden,
  type SeparableCounts,
  SHAPE_ONLY,
  shapesByName,
  sizeOf,
} from '@grader/engine';
import { type Dims, ExamParameterError, type ParameterValue } from './parameters.ts';

export type KeyValue = number | number[] | { [name: string]: number | number[] };

/** Named quantities behind a key (the weights-only count behind 3c's total), for rubric alternatives and texts. */
export type KeyDetails = Record<string, number | number[]>;

type Kind = 'vector' | 'integer' | 'dims';

/** Access to a computation's inputs by role, with the exam's parameter names for messages. */
export interface Inputs {
  vector(role: string): number[];
  integer(role: string): number;
  dims(role: string): Dims;
  name(role: string): string;
}

export interface Computation {
  description: string;
  roles: Record<string, Kind>;
  compute(inputs: Inputs): KeyValue;
  /**
   * Quantities the key is made of, each by name: what a partial answer counts (weights only, one
   * gate). computeKeys lists them after the part keys as `<part id>.<name>`.
   */
  details?(inputs: Inputs): KeyDetails;
}

/** 12 significant digits: enough for any key, and 0.5·0.4 + 0·0 prints as 0.2, not 0.20000000000000001. */
export function round12(x: number): number {
  const r = Number(x.toPrecision(12));
  return r === 0 ? 0 : r;
}

function equalLengths(inputs: Inputs, roles: string[]): void {
  const lengths = roles.map((r) => inputs.vector(r).length);
  if (lengths.some((n) => n !== lengths[0])) {
    const detail = roles.map((r, k) => `${inputs.name(r)} has ${lengths[k]}`).join(', ');
    throw new ExamParameterError(`vectors of unequal length: ${detail}`);
  }
}

function cellState(inputs: Inputs): number[] {
  equalLengths(inputs, ['f', 'i', 'C_prev', 'C_tilde']);
  return lstmCellState(
    inputs.vector('f'),
    inputs.vector('i'),
    inputs.vector('C_prev'),
    inputs.vector('C_tilde'),
  );
}

function cell(inputs: Inputs): LSTMCell {
  return new LSTMCell(inputs.integer('input'), inputs.integer('hidden'), SHAPE_ONLY);
}

/**
 * An LSTM cell's parameters counted by kind, from the module's own parameter list: W_* are the gates'
 * weights, b_* their biases. `one_gate` is one gate's weights and bias (W_f and b_f).
 */
function lstmParameterDetails(module: LSTMCell): KeyDetails {
  const shapes = module.parameterShapes();
  const weights = shapes.filter(([name]) => name.startsWith('W_'));
  const biases = shapes.filter(([name]) => name.startsWith('b_'));
  const size = (list: Array<[string, number[]]>) => list.reduce((n, [, shape]) => n + sizeOf(shape), 0);
  const byName = shapesByName(module);
  return {
    gates: weights.length,
    weights_per_gate: sizeOf(byName.W_f),
    biases_per_gate: sizeOf(byName.b_f),
    weights_only: size(weights),
    biases: size(biases),
    one_gate: sizeOf(byName.W_f) + sizeOf(byName.b_f),
  };
}

const CELL_SIZES = { input: 'integer', hidden: 'integer' } as const;
const GATE_VECTORS = { f: 'vector', i: 'vector', C_prev: 'vector', C_tilde: 'vector' } as const;

/**
 * Above this many multiplications (or padded input values) the Q5 key comes from the closed form alone
 * (tested equal to a run); below, from actually running the convolution.
 */
export const COUNTED_RUN_LIMIT = 5_000_000;

function separable(inputs: Inputs): SeparableCounts {
  const { h, w, c } = inputs.dims('image');
  const k = inputs.integer('filter');
  const padding = inputs.integer('padding');
  const stride = inputs.integer('stride');
  if (k > Math.min(h, w) + 2 * padding) {
    throw new ExamParameterError(
      `${inputs.name('filter')} ${k} is larger than the padded image ${Math.min(h, w)} + 2·${padding} = ${Math.min(h, w) + 2 * padding}`,
      inputs.name('filter'),
    );
  }
  const problem = { h, w, c, k, stride, padding, outChannels: inputs.integer('out_channels') };
  const closed = depthwiseSeparableCounts(problem);
  if (
    closed.multiplications > COUNTED_RUN_LIMIT ||
    c * (h + 2 * padding) * (w + 2 * padding) > COUNTED_RUN_LIMIT
  ) {
    return closed;
  }
  // Small enough to run: take the numbers from the convolution itself, and insist they agree.
  const counted = depthwiseSeparableCountsByRunning(problem);
  if (JSON.stringify(counted) !== JSON.stringify(closed)) {
    throw new Error(
      `engine disagreement: counted ${JSON.stringify(counted)}, closed form ${JSON.stringify(closed)}`,
    );
  }
  return counted;
}

export const COMPUTATIONS = {
  'lstm.cell_state': {
    description: 'C_t = f ⊙ C_{t-1} + i ⊙ C̃_t',
    roles: GATE_VECTORS,
    compute: (inputs) => cellState(inputs).map(round12),
  },
  'lstm.hidden_state': {
    description: 'h_t = o ⊙ tanh(C_t)',
    roles: { ...GATE_VECTORS, o: 'vector' },
    compute: (inputs) => {
      equalLengths(inputs, ['f', 'i', 'C_prev', 'C_tilde', 'o']);
      return lstmHidden(inputs.vector('o'), cellState(inputs)).map(round12);
    },
  },
  'lstm.weight_shape': {
    description: 'shape of W_f of an LSTM cell',
    roles: CELL_SIZES,
    compute: (inputs) => shapesByName(cell(inputs)).W_f,
  },
  'lstm.bias_shape': {
    description: 'shape of b_f of an LSTM cell',
    roles: CELL_SIZES,
    compute: (inputs) => shapesByName(cell(inputs)).b_f,
  },
  'lstm.parameter_count': {
    description: 'parameters of an LSTM cell',
    roles: CELL_SIZES,
    compute: (inputs) => countParameters(cell(inputs)),
    details: (inputs) => lstmParameterDetails(cell(inputs)),
  },
  'attention.extra_parameters': {
    description: 'parameters of attention enc–dec minus plain enc–dec fed h_n',
    roles: CELL_SIZES,
    compute: (inputs) =>
      attentionExtraParameters({
        input: inputs.integer('input'),
        hidden: inputs.integer('hidden'),
        output: inputs.integer('input'),
      }),
  },
  'conv.depthwise_separable': {
    description: 'depthwise-separable conv: outputs (h × w × c), multiplications',
    roles: {
      image: 'dims',
      filter: 'integer',
      stride: 'integer',
      padding: 'integer',
      out_channels: 'integer',
    },
    compute: (inputs) => {
      const r = separable(inputs);
      return {
        depthwise_output: r.depthwiseOutput,
        pointwise_output: r.pointwiseOutput,
        depthwise_multiplications: r.depthwiseMultiplications,
        pointwise_multiplications: r.pointwiseMultiplications,
        multiplications: r.multiplications,
      };
    },
  },
} satisfies Record<string, Computation>;

export type ComputationName = keyof typeof COMPUTATIONS;
export const COMPUTATION_NAMES = Object.keys(COMPUTATIONS) as [ComputationName, ...ComputationName[]];

/** Bind a computation's roles to resolved parameter values. */
export function inputsFor(roles: Record<string, string>, values: Record<string, ParameterValue>): Inputs {
  const get = (role: string): ParameterValue => {
    const name = roles[role];
    if (name === undefined || !(name in values))
      throw new Error(`computation input "${role}" is not bound to a parameter`);
    return values[name];
  };
  return {
    vector: (role) => get(role) as number[],
    integer: (role) => get(role) as number,
    dims: (role) => get(role) as Dims,
    name: (role) => roles[role] ?? role,
  };
}
