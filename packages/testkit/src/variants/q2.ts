import { blank, type Ctx, fixedVariant, type Variant } from './types.ts';

const e = (c: Ctx) => c.n.sub('e', 'kj');
const sPrev = (c: Ctx) => c.n.sub('s', 'k-1');
const hj = (c: Ctx) => c.n.sub('h', 'j');

// ---------------------------------------------------------------- 2(a): any dot-product form 1, else 0

export const q2a: Variant[] = [
  fixedVariant('2a', '2a.ok', 'e_kj = s_{k-1}ᵀ h_j: 1', 4, 1, false, (c) => [
    `${e(c)} = ${sPrev(c)}${c.n.T} ${hj(c)}`,
  ]),
  fixedVariant('2a', '2a.ok-dot', 'e_kj = s_{k-1} · h_j: 1', 2, 1, false, (c) => [
    `${e(c)} = ${sPrev(c)} · ${hj(c)}${c.rng.chance(0.5) ? '   (dot product)' : ''}`,
  ]),
  fixedVariant('2a', '2a.ok-rev', 'h_jᵀ s_{k-1} (order reversed): 1', 1, 1, false, (c) => [
    `${e(c)} = ${hj(c)}${c.n.T} ${sPrev(c)}`,
  ]),
  fixedVariant('2a', '2a.ok-angle', '⟨s_{k-1}, h_j⟩: 1', 1, 1, false, (c) => [
    `${e(c)} = ⟨${sPrev(c)}, ${hj(c)}⟩`,
  ]),
  fixedVariant('2a', '2a.ok-cur', 'current-state convention s_k · h_j: 1', 1.2, 1, false, (c) => [
    `${e(c)} = ${c.n.sub('s', 'k')}${c.n.T} ${hj(c)}`,
    ...(c.rng.chance(0.5)
      ? [`(score between the decoder state ${c.n.sub('s', 'k')} and encoder state ${hj(c)})`]
      : []),
  ]),
  fixedVariant('2a', '2a.ok-sum', 'written out as a sum over components: 1', 0.5, 1, false, (c) => [
    `${e(c)} = Σ_m ${c.n.sub('s', 'k-1,m')} ${c.n.sub('h', 'j,m')}  i.e. the dot product of ${sPrev(c)} and ${hj(c)}`,
  ]),
  fixedVariant(
    '2a',
    '2a.ok-words',
    'dot product described in words with the formula: 1',
    1,
    1,
    false,
    (c) => [
      `{{The alignment score|The score e}} {{is|measures}} the similarity of the previous decoder {{hidden state|state}} and the j-th encoder {{hidden state|state}}, {{measured by|taken as|computed as}} their {{inner|dot}} product: ${e(c)} = ${sPrev(c)} · ${hj(c)}`,
    ],
  ),
  fixedVariant('2a', '2a.additive', 'additive (Bahdanau) score: not a dot product, 0', 1, 0, true, (c) => [
    `${e(c)} = ${c.n.sub('v', 'a')}${c.n.T} tanh(${c.n.sub('W', 'a')} ${sPrev(c)} + ${c.n.sub('U', 'a')} ${hj(c)})`,
  ]),
  fixedVariant('2a', '2a.additive-concat', 'MLP score on the concatenation: 0', 0.5, 0, true, (c) => [
    `${e(c)} = a(${sPrev(c)}, ${hj(c)}) = ${c.n.sub('v', 'a')}${c.n.T} tanh(${c.n.sub('W', 'a')}[${sPrev(c)}; ${hj(c)}])`,
    `where a is a small feed-forward network`,
  ]),
  fixedVariant(
    '2a',
    '2a.general',
    'bilinear s_{k-1}ᵀ W h_j (learned weights, not a dot product): 0',
    0.5,
    0,
    true,
    (c) => [`${e(c)} = ${sPrev(c)}${c.n.T} ${c.n.sub('W', 'a')} ${hj(c)}  (multiplicative score)`],
  ),
  blank('2a', '2a'),
];

// ---------------------------------------------------------------- 2(b): "0" with a reason 1, bare 0, nonzero 0

export const q2b: Variant[] = [
  fixedVariant(
    '2b',
    '2b.ok-noweights',
    '0 with reason: dot product has no weights, C_k same size as h_n: 1',
    2,
    1,
    false,
    (c) => [
      `{{0.|0 additional parameters.|Answer: 0.}} {{The score|The alignment score|Each score}} ${e(c)} {{is an inner product of states the model already has|only multiplies two existing hidden states|is a plain dot product of states that already exist}}, so {{nothing new is learned there|no new weights appear|there is nothing to train in it}}{{, and|; also}} ${c.n.sub('C', 'k')} {{has the same dimension as|is the same size as|is as long as}} ${c.n.sub('h', 'n')}, so the decoder's {{input weights keep their shape|input matrix does not change|weight matrices stay the same size}}.`,
    ],
  ),
  fixedVariant('2b', '2b.ok-list', '0 with a step-by-step reason: 1', 1, 1, false, (c) => [
    `{{No extra parameters:|0 extra parameters, because|Zero:}}`,
    `- ${e(c)} = ${sPrev(c)} · ${hj(c)} {{has no weights|is parameter-free|needs no learned matrix}}`,
    `- {{the softmax giving|the normalisation into|computing}} ${c.n.sub('α', 'kj')} {{has none|adds nothing|has no parameters either}}`,
    `- ${c.n.sub('C', 'k')} = Σ_j ${c.n.sub('α', 'kj')} ${hj(c)} {{is as big as|has the size of|matches}} ${c.n.sub('h', 'n')}, so the decoder cell {{does not grow|keeps its size|is unchanged}}`,
  ]),
  fixedVariant('2b', '2b.ok-short', 'zero, parameter-free attention: 1', 1.5, 1, false, (c) => [
    `{{Zero.|None.|0.}} {{Dot-product attention|This kind of attention|Attention with dot-product scores}} is {{parameter free|free of parameters|purely computed}} ({{score, softmax, weighted average|dot products, softmax and a weighted sum|scores, normalisation, averaging}}); only the vector {{fed to|given to|that goes into}} each decoder cell changes (${c.n.sub('C', 'k')} instead of ${c.n.sub('h', 'n')}), not its {{size|dimension|length}}.`,
  ]),
  fixedVariant('2b', '2b.ok-contrast', '0, contrasted with additive attention: 1', 1, 1, false, (c) => [
    `{{0 additional.|0.|No additional ones.}} {{Unlike|In contrast to|Different from}} {{Bahdanau|additive}} attention there is no ${c.n.sub('W', 'a')} or ${c.n.sub('v', 'a')} to {{train|learn}}; the scores {{come straight from|are just|are computed as}} dot products.`,
  ]),
  fixedVariant('2b', '2b.bare', '"0" with no reason: 0 (instruction 3)', 2, 0, false, (c) =>
    c.rng.pick([['0'], ['None.'], ['0 extra parameters'], ['Ans: zero']]),
  ),
  fixedVariant('2b', '2b.wrong-v', 'nonzero count (one weight per encoder step): 0', 0.6, 0, true, (c) => [
    `{{We need|There is|Attention adds}} one {{learnable|trainable}} weight per encoder {{position|step}} {{to score it|for its score}}, so n additional parameters (n = {{length of the input sequence|number of encoder states}}, one per ${hj(c)}).`,
  ]),
  fixedVariant('2b', '2b.wrong-wu', 'nonzero count (W and U of the score): 0', 0.6, 0, true, (c) => [
    `The score {{needs|uses|has}} ${c.n.sub('W', 'a')} and ${c.n.sub('U', 'a')}, each d ${c.n.by} d, so 2d² extra parameters.`,
  ]),
  fixedVariant('2b', '2b.wrong-concat', 'nonzero count (decoder input doubles): 0', 0.5, 0, true, (c) => [
    `The decoder now {{gets|takes|receives}} [${c.n.sub('s', 'i-1')}; ${c.n.sub('C', 'i')}] so its input matrix {{gains|grows by}} d ${c.n.by} d weights: d² more.`,
  ]),
  blank('2b', '2b'),
];
