// The engine re-running each PyTorch fixture (../fixtures/*.json, made by make_fixtures.py): every
// quantity the fixture holds, paired with the engine's value. The tests assert on these pairs and
// `npm run fixtures:compare` prints them.
import { AttentionEncoderDecoder } from './attention.ts';
import { conv2d } from './conv.ts';
import { add, mul, select, stack, sum } from './ops.ts';
import { bptt, LSTMClassifier } from './sequence.ts';
import { tensor } from './tensor.ts';
import { cellFrom, fixture, t } from './testing.ts';

export interface Comparison {
  fixture: string;
  quantity: string;
  actual: ArrayLike<number>;
  expected: unknown;
}

export function lstmCellComparisons(): Comparison[] {
  const fx = fixture('lstm_cell.json');
  const cell = cellFrom(fx);
  const x = t(fx.x, true);
  const hPrev = t(fx.h_prev, true);
  const cPrev = t(fx.c_prev, true);
  const step = cell.forward(x, hPrev, cPrev);
  const loss = add(sum(mul(step.h, t(fx.loss_weights.h))), sum(mul(step.c, t(fx.loss_weights.c))));
  loss.backward();
  const c = (quantity: string, actual: ArrayLike<number>, expected: unknown): Comparison => ({
    fixture: 'lstm_cell.json',
    quantity,
    actual,
    expected,
  });
  return [
    c('h_t', step.h.data, fx.h),
    c('C_t', step.c.data, fx.c),
    c('loss', [loss.item()], [fx.loss]),
    c('∂/∂x_t', x.grad!, fx.grad.x),
    c('∂/∂h_{t-1}', hPrev.grad!, fx.grad.h_prev),
    c('∂/∂C_{t-1}', cPrev.grad!, fx.grad.c_prev),
    ...cell.namedParameters().map(([name, p]) => c(`∂/∂${name}`, p.grad!, fx.grad.params[name])),
  ];
}

export function bpttComparisons(): Comparison[] {
  const fx = fixture('bptt.json');
  const model = new LSTMClassifier(fx.input, fx.hidden, fx.classes, { kind: 'zeros' });
  for (const [name, values] of Object.entries(fx.params)) model.cell.params.set(name, t(values));
  model.head.params.set('W', t(fx.head.W));
  model.head.params.set('b', t(fx.head.b));
  const run = model.run(
    (fx.xs as number[][]).map((x) => tensor(x)),
    fx.target,
  );
  const { dc, dh } = bptt(run);
  const c = (quantity: string, actual: ArrayLike<number>, expected: unknown): Comparison => ({
    fixture: 'bptt.json',
    quantity,
    actual,
    expected,
  });
  return [
    c('V_T', run.logits.data, fx.logits),
    c('softmax(V_T)', run.probs.data, fx.probs),
    c('L_T', [run.loss.item()], [fx.loss]),
    ...dc.map((g, k) => c(`∂L/∂c_${k + 1}`, g, fx.dL_dc[k])),
    ...dh.map((g, k) => c(`∂L/∂h_${k + 1}`, g, fx.dL_dh[k])),
    ...model.cell.namedParameters().map(([name, p]) => c(`∂L/∂${name}`, p.grad!, fx.grad.params[name])),
    c('∂L/∂W_V', model.head.params.get('W').grad!, fx.grad.head.W),
    c('∂L/∂b_V', model.head.params.get('b').grad!, fx.grad.head.b),
  ];
}

export function attentionComparisons(): Comparison[] {
  const fx = fixture('attention.json');
  const model = new AttentionEncoderDecoder(fx.sizes, { kind: 'zeros' });
  for (const [name, v] of Object.entries(fx.encoder)) model.encoder.params.set(name, t(v));
  for (const [name, v] of Object.entries(fx.decoder)) model.decoder.params.set(name, t(v));
  model.head.params.set('W', t(fx.head.W));
  model.head.params.set('b', t(fx.head.b));
  const X = t(fx.xs, true);
  const run = model.run(
    Array.from({ length: X.shape[0] }, (_, j) => select(X, j)),
    fx.decoder_steps,
  );
  // loss = Σ_k r_k · y_k, the fixture's weighting of the outputs
  sum(stack(run.steps.map((s, k) => sum(mul(s.y, t(fx.loss_weights[k])))))).backward();
  const c = (quantity: string, actual: ArrayLike<number>, expected: unknown): Comparison => ({
    fixture: 'attention.json',
    quantity,
    actual,
    expected,
  });
  return [
    ...run.encoderStates.map((h, j) => c(`h_${j + 1}`, h.data, fx.encoder_states[j])),
    ...run.steps.flatMap((s, k) => [
      c(`e_${k + 1}j (scores)`, s.scores!.data, fx.scores[k]),
      c(`α_${k + 1}j (weights)`, s.weights!.data, fx.weights[k]),
      c(`C_${k + 1} (context)`, s.context.data, fx.contexts[k]),
      c(`s_${k + 1}`, s.s.data, fx.decoder_states[k]),
      c(`y_${k + 1}`, s.y.data, fx.outputs[k]),
    ]),
    c('∂/∂x (encoder inputs)', X.grad!, fx.grad_xs),
  ];
}

export function convComparisons(): Comparison[] {
  const { cases } = fixture('conv.json');
  return cases.flatMap((cs: any): Comparison[] => {
    const x = t(cs.x, true);
    const w = t(cs.weight, true);
    const b = t(cs.bias, true);
    const y = conv2d(x, w, b, { stride: cs.stride, padding: cs.padding, groups: cs.groups });
    y.backward(t(cs.upstream).data);
    const c = (quantity: string, actual: ArrayLike<number>, expected: unknown): Comparison => ({
      fixture: 'conv.json',
      quantity: `${cs.name}: ${quantity}`,
      actual,
      expected,
    });
    return [
      c('output', y.data, cs.y),
      c('∂/∂input', x.grad!, cs.grad.x),
      c('∂/∂weight', w.grad!, cs.grad.weight),
      c('∂/∂bias', b.grad!, cs.grad.bias),
    ];
  });
}

export function allComparisons(): Comparison[] {
  return [...lstmCellComparisons(), ...bpttComparisons(), ...attentionComparisons(), ...convComparisons()];
}
