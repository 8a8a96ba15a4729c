import { B_F_SIZE, LSTM, lstmParams, W_F_DIMS } from '../key.ts';
import { blank, type Ctx, type Variant } from './types.ts';

const [H, I] = [LSTM.hidden, LSTM.input];
const KEY_TOTAL = lstmParams(W_F_DIMS[0], W_F_DIMS[1], B_F_SIZE);
const concat = (c: Ctx) => `[${c.n.sub('h', 't-1')}, ${c.n.sub('x', 't')}]`;
const Wf = (c: Ctx) => c.n.sub('W', 'f');
const bf = (c: Ctx) => c.n.sub('b', 'f');

function wf(
  id: string,
  rule: string,
  weight: number,
  score: number,
  dims: [number, number],
  lines: (c: Ctx) => string[],
): Variant {
  const wrong = !(dims[0] === W_F_DIMS[0] && dims[1] === W_F_DIMS[1]) && id !== 'ok-transposed';
  return {
    id: `3a.${id}`,
    part: '3a',
    rule,
    weight,
    make: (c) => ({ id: `3a.${id}`, score, lines: lines(c), wrong, values: { wf: dims } }),
  };
}

export const q3a: Variant[] = [
  wf('ok', '3 × 5 with the 3 + 2 reasoning: 1', 3, 1, [3, 5], (c) => [
    `${Wf(c)} {{maps|takes}} the {{stacked|concatenated|joined}} vector ${concat(c)} of length ${H} + ${I} = ${H + I} {{to|onto|and produces}} the ${H} {{gate units|entries of the gate|gate values}}, so ${Wf(c)} {{is|has shape|must be}} ${c.n.dims(3, 5)}.`,
  ]),
  wf('ok-R', 'written R^{3×5}, with reasoning: 1', 1.2, 1, [3, 5], (c) => [
    `h is ${H}-dim{{ and|,}} x is ${I}-dim{{; stacked they give|, together|; concatenated that is}} ${H + I}. The {{gate output|forget gate}} is ${H}-dim{{.|, so}}`,
    `${Wf(c)} ∈ R^{3×5}`,
  ]),
  wf('ok-tuple', 'shape (3, 5) with reasoning: 1', 1, 1, [3, 5], (_c) => [
    `shape (3, 5): rows = hidden size ${H}, columns = ${H} + ${I} (hidden + input)`,
  ]),
  wf('ok-eq', 'dimension equation (3×1) = (3×5)(5×1) + (3×1): 1', 0.8, 1, [3, 5], (c) => [
    `${c.n.sub('f', 't')} = ${c.n.sigma}(${Wf(c)}${concat(c)} + ${bf(c)})`,
    `(3${c.n.by}1) = (? ${c.n.by} ?)(5${c.n.by}1) + (3${c.n.by}1)   since ${concat(c)} stacks 3 + 2 = 5 values`,
    `⇒ ${Wf(c)} is ${c.n.dims(3, 5)}`,
  ]),
  wf('ok-by', '"3 by 5" in words with reasoning: 1', 0.7, 1, [3, 5], (c) => [
    `It is 3 by 5, {{because|since|as}} the gate {{reads|takes in|sees}} ${c.n.sub('h', 't-1')} (3 {{numbers|values}}) and ${c.n.sub('x', 't')} (2 {{numbers|values}}) = 5 inputs and {{produces|gives}} 3 outputs.`,
  ]),
  wf('ok-transposed', '5 × 3 with the row-vector convention stated: 1', 0.6, 1, [5, 3], (c) => [
    `{{I use row vectors|Writing vectors as rows|With the row-vector convention}}: ${c.n.sub('f', 't')} = ${c.n.sigma}(${concat(c)} ${Wf(c)} + ${bf(c)}), with ${concat(c)} of size 1 ${c.n.by} 5 (3 + 2).`,
    `So ${Wf(c)} is ${c.n.dims(5, 3)} ({{the transpose of the usual|i.e. the transposed form of}} 3 ${c.n.by} 5).`,
  ]),
  wf('transposed-unstated', '5 × 3 with no convention stated: 0', 0.3, 0, [5, 3], (c) => [
    `input 3 + 2 = 5, output 3, so ${Wf(c)} = ${c.n.dims(5, 3)}`,
  ]),
  wf('bare', '3 × 5 with no reasoning: 0 (instruction 3)', 2, 0, [3, 5], (c) =>
    c.rng.chance(0.5) ? [c.n.dims(3, 5)] : [`${Wf(c)}: ${c.n.dims(3, 5)}`],
  ),
  wf('wrong-x', '3 × 2 (input only): 0', 0.8, 0, [3, 2], (c) => [
    `${Wf(c)} {{multiplies|acts on}} ${c.n.sub('x', 't')} which {{has dimension|is of size}} 2, and the gate has 3 {{units|outputs}}: ${c.n.dims(3, 2)}`,
  ]),
  wf('wrong-h', '3 × 3 (hidden only): 0', 0.6, 0, [3, 3], (c) => [
    `${Wf(c)} {{acts on|multiplies}} the previous hidden state (size 3) and {{gives|returns}} 3 values, so it is ${c.n.dims(3, 3)}.`,
  ]),
  wf('wrong-6', '3 × 6 (bias folded in as a column): 0', 0.4, 0, [3, 6], (c) => [
    `5 inputs (3 + 2) plus one {{column for the bias|extra column holding the bias}}: ${Wf(c)} is ${c.n.dims(3, 6)}`,
  ]),
  {
    ...blank('3a', '3a'),
    make: () => ({ id: '3a.blank', score: 0, lines: [], wrong: false, values: { wf: null } }),
  },
];

function bias(
  id: string,
  rule: string,
  weight: number,
  score: number,
  size: number,
  lines: (c: Ctx) => string[],
): Variant {
  return {
    id: `3b.${id}`,
    part: '3b',
    rule,
    weight,
    make: (c) => ({ id: `3b.${id}`, score, lines: lines(c), wrong: size !== B_F_SIZE, values: { bf: size } }),
  };
}

export const q3b: Variant[] = [
  bias('ok', '3 with "one bias per hidden unit": 1', 3, 1, 3, (c) => [
    `${bf(c)} ∈ R^3: one bias {{for each of|per unit of|for every one of}} the 3 {{units of the gate|gate units|hidden units}}.`,
  ]),
  bias('ok-shape', '3 × 1, same length as f_t: 1', 1.5, 1, 3, (c) => [
    `${c.n.dims(3, 1)}, {{it is added to|since it adds to}} ${Wf(c)}${concat(c)} which is a 3-vector ({{same length as|as long as}} ${c.n.sub('f', 't')} and ${c.n.sub('c', 't')}).`,
  ]),
  bias('ok-tuple', '(3,) with reason: 1', 0.8, 1, 3, (_c) => [
    `(3,) — the {{forget gate|gate}} has 3 {{components|entries}} (hidden size), each with its own bias`,
  ]),
  bias('bare', '3 with no reason: 0', 2, 0, 3, (c) =>
    c.rng.chance(0.5) ? ['3'] : [`${bf(c)} = ${c.n.dims(3, 1)}`],
  ),
  bias('wrong-5', '5 (one per input): 0', 0.5, 0, 5, (c) => [
    `${c.n.dims(5, 1)}: one bias for every input of the gate (3 + 2)`,
  ]),
  bias('wrong-1', 'a single scalar bias: 0', 0.4, 0, 1, (_c) => [
    `1, a single bias value shared by the whole gate`,
  ]),
  {
    ...blank('3b', '3b'),
    make: () => ({ id: '3b.blank', score: 0, lines: [], wrong: false, values: { bf: null } }),
  },
];

function total(
  id: string,
  rule: string,
  weight: number,
  score: number,
  value: number,
  lines: (c: Ctx) => string[],
): Variant {
  return {
    id: `3c.${id}`,
    part: '3c',
    rule,
    weight,
    make: (c) => ({ id: `3c.${id}`, score, lines: lines(c), wrong: value !== KEY_TOTAL }),
  };
}

export const q3c: Variant[] = [
  total('ok', '72 = 4 × (15 + 3) with the computation: 1', 3, 1, KEY_TOTAL, (c) => [
    `{{Each of the 4 gates|All 4 gates|Every gate of the 4}} (f, i, o and the candidate) {{has|needs|carries}} a ${c.n.dims(3, 5)} {{matrix|weight matrix}} and 3 biases: 15 + 3 = 18.`,
    `Total = 4${c.n.mul}18 = ${KEY_TOTAL}`,
  ]),
  total('ok-split', '72 as 60 weights + 12 biases: 1', 1.5, 1, KEY_TOTAL, (c) => [
    `weights: 4${c.n.mul}(${c.n.dims(3, 5)}) = 60`,
    `biases: 4${c.n.mul}3 = 12`,
    `total = 60 + 12 = ${KEY_TOTAL} parameters`,
  ]),
  total('ok-formula', '72 via 4(nm + n² + n): 1', 0.8, 1, KEY_TOTAL, (c) => [
    `params = 4(nm + n² + n) with n = ${H} (hidden), m = ${I} (input)`,
    `= 4(6 + 9 + 3) = 4${c.n.mul}18 = ${KEY_TOTAL}`,
  ]),
  total('ok-split-uw', '72 as recurrent 36 + input 24 + bias 12: 1', 0.8, 1, KEY_TOTAL, (c) => [
    `recurrent weights: 4 gates ${c.n.mul.trim()} (${c.n.dims(3, 3)}) = 36`,
    `input weights: 4 ${c.n.mul.trim()} (${c.n.dims(3, 2)}) = 24`,
    `biases: 4 ${c.n.mul.trim()} 3 = 12`,
    `total 36 + 24 + 12 = ${KEY_TOTAL}`,
  ]),
  total('bias-once', '4 × 15 + 3 = 63 (one bias vector): 0', 0.3, 0, 63, (c) => [
    `4 weight matrices of 15 plus the bias: 4${c.n.mul}15 + 3 = 63`,
  ]),
  total('bare', '72 alone: 0', 2, 0, KEY_TOTAL, (c) => (c.rng.chance(0.5) ? ['72'] : ['72 parameters'])),
  total('weights-only', '60 (weights only) with computation: 0.5', 0.8, 0.5, 60, (c) => [
    `4 weight matrices of ${c.n.dims(3, 5)}: 4${c.n.mul}15 = 60`,
  ]),
  total('one-gate', '18 (one gate only) with computation: 0.5', 0.8, 0.5, 18, (c) => [
    `${Wf(c)} has 15 {{entries|weights}} and ${bf(c)} has 3, so 15 + 3 = 18 parameters.`,
  ]),
  total('three-gates', '54 (candidate weights forgotten): 0', 0.4, 0, 54, (c) => [
    `three gates f, i, o, each 15 + 3 = 18, so 3${c.n.mul}18 = 54`,
  ]),
  {
    id: '3c.ecf',
    part: '3c',
    rule: 'total that follows from own wrong 3a/3b: 0.5',
    weight: 4,
    make: (c) => {
      const w = c.own.wf;
      if (!w) return null;
      const b = c.own.bf ?? B_F_SIZE;
      const t = lstmParams(w[0], w[1], b);
      if (t === KEY_TOTAL) return null; // not an error carried forward: same as 3c.ok
      return {
        id: '3c.ecf',
        score: 0.5,
        wrong: true,
        lines: [
          `per gate: ${c.n.dims(w[0], w[1])} = ${w[0] * w[1]} weights + ${b} biases = ${w[0] * w[1] + b}`,
          `4 gates: 4${c.n.mul}${w[0] * w[1] + b} = ${t}`,
        ],
      };
    },
  },
  blank('3c', '3c'),
];
