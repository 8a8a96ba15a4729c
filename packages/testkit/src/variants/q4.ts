import type { Notation } from '../notation.ts';
import { blank, type Ctx, fixedVariant, type Variant } from './types.ts';

// ---------------------------------------------------------------- 4(a): direct path 2, recursive path 2, sum by chain rule 1

type Direct = 'ok' | 'sech' | 'prime' | 'notanh' | 'noo' | 'sigmoid' | 'none';
type Rec = 'ok' | 'ft' | 'none';

const DIRECT_RIGHT: Direct[] = ['ok', 'sech', 'prime'];

function directFactor(n: Notation, d: Direct): string {
  const c = n.sub('c', 't');
  const o = n.sub('o', 't');
  switch (d) {
    case 'ok':
      return `${o}${n.had}(1 ${n.p.partial === 'd' ? '-' : '−'} ${n.tanh2(c)})`;
    case 'sech':
      return `${o}${n.had}sech²(${c})`;
    case 'prime':
      return `${o}${n.had}tanh′(${c})`;
    case 'notanh':
      return o;
    case 'noo':
      return `(1 - ${n.tanh2(c)})`;
    case 'sigmoid':
      return `${o}${n.had}${n.sigma}(${c})(1 - ${n.sigma}(${c}))`;
    case 'none':
      return '';
  }
}

function recFactor(n: Notation, r: Rec): string {
  return r === 'ft' ? n.sub('f', 't') : n.sub('f', 't+1');
}

function finalExpr(n: Notation, d: Direct, r: Rec, diag = false): string {
  const terms: string[] = [];
  if (d !== 'none') {
    terms.push(
      diag
        ? `diag(${directFactor(n, d)}) ${n.dL('h', 't')}`
        : `${n.dL('h', 't')}${n.had}${directFactor(n, d)}`,
    );
  }
  if (r !== 'none') {
    terms.push(
      diag ? `diag(${recFactor(n, r)}) ${n.dL('c', 't+1')}` : `${n.dL('c', 't+1')}${n.had}${recFactor(n, r)}`,
    );
  }
  return `${n.dL('c', 't')} = ${terms.join(' + ')}`;
}

function score4a(d: Direct, r: Rec): number {
  const direct = DIRECT_RIGHT.includes(d) ? 2 : 0;
  const rec = r === 'ok' ? 2 : r === 'ft' ? 1 : 0;
  const sum = d !== 'none' && r !== 'none' ? 1 : 0;
  return direct + rec + sum;
}

/** the derivation, in one of several students' styles */
function derivation(c: Ctx, d: Direct, r: Rec, template: number): string[] {
  const { n } = c;
  const ct = n.sub('c', 't');
  const ht = n.sub('h', 't');
  const ct1 = n.sub('c', 't+1');
  const nextIdx = r === 'ft' ? 't' : 't+1';
  const cNext = `${ct1} = ${n.sub('f', nextIdx)}${n.had}${ct} + ${n.sub('i', nextIdx)}${n.had}${n.ct(nextIdx)}`;
  const hDef = `${ht} = ${n.sub('o', 't')}${n.had}tanh(${ct})`;
  const dh = `${n.d(ht, ct)} = ${directFactor(n, d)}`;
  const dc = `${n.d(ct1, ct)} = ${recFactor(n, r)}`;
  const lines: string[] = [];
  const both = d !== 'none' && r !== 'none';
  if (template === 1 && both) {
    lines.push(
      `{{All operations|All the gate operations|Everything}} {{are|is}} element-wise, so the Jacobians are diagonal:`,
    );
    lines.push(`from ${hDef}: ${n.d(ht, ct)} = diag(${directFactor(n, d)})`);
    lines.push(`from ${cNext}: ${n.d(ct1, ct)} = diag(${recFactor(n, r)})`);
    lines.push(
      `{{Summing|Adding}} the two {{routes|paths}} from ${ct} to L ({{multivariable|total-derivative}} chain rule):`,
    );
    lines.push(finalExpr(n, d, r, true));
    return lines;
  }
  if (template === 2) {
    lines.push(
      `{{Treat|Take|Look at}} one {{unit|component}} at a time ({{every|each}} product below is element-wise).`,
    );
    if (both) {
      lines.push(
        `The loss at T {{depends on|is reached from}} ${ct} {{along|by}} two {{routes|paths}}: through ${ht}, and through ${ct1}.`,
      );
    }
    if (d !== 'none') {
      lines.push(
        `{{route|path}} via ${ht}: ${hDef}, so {{the contribution is|it contributes|this gives}} ${n.dL('h', 't')}${n.had}${directFactor(n, d)}`,
      );
    }
    if (r !== 'none') {
      lines.push(
        `{{route|path}} via ${ct1}: ${cNext} depends on ${ct} only through the forget gate, so {{the contribution is|it contributes|this gives}} ${n.dL('c', 't+1')}${n.had}${recFactor(n, r)}`,
      );
    }
    if (both)
      lines.push(
        `{{By the chain rule|Chain rule:}} the {{contributions|terms}} of the two {{routes|paths}} add up:`,
      );
    lines.push(finalExpr(n, d, r));
    return lines;
  }
  // template 0 / 3: the textbook chain rule, terse or with the T-step remark
  if (both) {
    lines.push(
      `${ct} {{reaches|affects}} L via ${ht} and via ${ct1}, so {{by the chain rule|using the chain rule over both}}`,
    );
    lines.push(`${n.dL('c', 't')} = ${n.dL('h', 't')} ${n.d(ht, ct)} + ${n.dL('c', 't+1')} ${n.d(ct1, ct)}`);
  } else {
    lines.push(
      d !== 'none'
        ? `${n.dL('c', 't')} = ${n.dL('h', 't')} ${n.d(ht, ct)}`
        : `${n.dL('c', 't')} = ${n.dL('c', 't+1')} ${n.d(ct1, ct)}`,
    );
  }
  if (d !== 'none') lines.push(`${hDef}  ⇒  ${dh}`);
  if (r !== 'none') lines.push(`${cNext}  ⇒  ${dc}`);
  if (template === 3) {
    lines.push(
      `(at t = T there is no ${n.sub('c', 'T+1')} term, and ${n.dL('h', 'T')} = ${n.sub('W', 'V')}${n.T}(ŷ^T − y^T))`,
    );
  }
  lines.push(`Therefore ${finalExpr(n, d, r)}`);
  return lines;
}

function deriv4a(
  id: string,
  rule: string,
  weight: number,
  d: Direct,
  r: Rec,
  templates = [0, 1, 2, 3],
): Variant {
  const score = score4a(d, r);
  const wrong = !(DIRECT_RIGHT.includes(d) || d === 'none') || r === 'ft';
  return {
    id: `4a.${id}`,
    part: '4a',
    rule,
    weight,
    make: (c) => {
      const t = c.rng.pick(d !== 'none' && r !== 'none' ? templates : templates.filter((x) => x !== 1));
      return { id: `4a.${id}`, score, wrong, lines: derivation(c, d, r, t) };
    },
  };
}

export const q4a: Variant[] = [
  deriv4a('ok', 'both paths derived and summed: 5', 4, 'ok', 'ok', [0, 2, 3]),
  deriv4a('ok-diag', 'Jacobian/diag form of the same derivation: 5', 0.8, 'ok', 'ok', [1]),
  deriv4a('ok-sech', 'sech²(c_t) for 1 − tanh²: 5', 0.8, 'sech', 'ok'),
  deriv4a('ok-prime', 'tanh′(c_t) for 1 − tanh²: 5', 0.6, 'prime', 'ok'),
  deriv4a('ft', 'f_t in place of f_{t+1}: 2 + 1 + 1 = 4', 1.2, 'ok', 'ft'),
  deriv4a('notanh', "tanh' factor missing: 0 + 2 + 1 = 3", 1, 'notanh', 'ok', [0, 2]),
  deriv4a('noo', 'o_t missing from the direct path: 0 + 2 + 1 = 3', 0.5, 'noo', 'ok', [0, 2]),
  deriv4a('sigmoid', "σ' instead of tanh' on the direct path: 0 + 2 + 1 = 3", 0.4, 'sigmoid', 'ok', [0, 2]),
  deriv4a('notanh-ft', "tanh' missing and f_t for f_{t+1}: 0 + 1 + 1 = 2", 0.4, 'notanh', 'ft', [0, 2]),
  deriv4a('direct-only', 'direct path only, derived: 2', 0.8, 'ok', 'none', [0, 2]),
  deriv4a('recursive-only', 'recursive path only, derived: 2', 1.2, 'none', 'ok', [0, 2]),
  deriv4a('recursive-only-ft', 'recursive path only with f_t: 1', 0.4, 'none', 'ft', [0, 2]),
  {
    id: '4a.bare',
    part: '4a',
    rule: 'final expression alone, no derivation: at most 2',
    weight: 1.5,
    make: ({ n, rng }) => ({
      id: '4a.bare',
      score: 2,
      wrong: false,
      lines: [finalExpr(n, rng.pick(['ok', 'ok', 'sech'] as Direct[]), 'ok')],
    }),
  },
  blank('4a', '4a'),
];

// ---------------------------------------------------------------- 4(b): product of forget gates 1, f=1 -> no vanishing 1

const prodLine = (n: Notation) =>
  `${n.dL('c', '1')} = ${n.dL('c', 'T')} ${n.prod}_{t=2}^{T} ${n.sub('f', 't')} + (terms through ${n.sub('h', 't')})`;

export const q4b: Variant[] = [
  fixedVariant(
    '4b',
    '4b.ok',
    'product of forget gates, and f_t = 1 -> gradient does not vanish: 2',
    3,
    2,
    false,
    ({ n }) => [
      `{{Unrolling|Expanding|Applying}} the recursion of 4(a) from T down to 1, the cell {{path|route}} gives`,
      prodLine(n),
      `{{If every|When all|With every}} ${n.sub('f', 't')} = 1 the product is 1, so the gradient from step T {{arrives at|reaches}} ${n.sub('c', '1')} {{unchanged|undiminished|without shrinking}}: it does not vanish {{however long the sequence is|even for long sequences|for any T}}, and {{long-range|long-term}} dependencies can be {{learned|learnt}}.`,
    ],
  ),
  fixedVariant(
    '4b',
    '4b.ok-cec',
    'product of gates, f=1 is an identity map (constant error carousel): 2',
    1.5,
    2,
    false,
    ({ n }) => [
      `${n.dL('c', '1')} {{contains|has the factor}} ${n.prod} ${n.sub('f', 't')} (t = 2..T) {{times|multiplying}} ${n.dL('c', 'T')}.`,
      `f = 1 {{turns|makes}} every step {{into an identity map|an identity}} (constant error carousel), so {{there is no shrinking|nothing shrinks|the error is not scaled down}}: no vanishing gradient.`,
    ],
  ),
  fixedVariant(
    '4b',
    '4b.ok-contrast',
    'contrast with RNN: product of f_t instead of W·tanh′, = 1 so undiminished: 2',
    1,
    2,
    false,
    ({ n }) => [
      `In a {{plain|vanilla}} RNN the gradient {{to|back to}} step 1 is a product of T − 1 Jacobians ${n.sub('W', 'hh')}${n.T} diag(tanh′), which shrinks exponentially.`,
      `In the LSTM the cell {{path|state route}} instead {{contributes|gives}} ${n.prod} ${n.sub('f', 't')} from t = 2 to T.`,
      `With ${n.sub('f', 't')} = 1 that product {{equals|is}} 1, so the error flows back to ${n.sub('c', '1')} {{undiminished|at full size|without decaying}} and early inputs still get {{gradient|a learning signal}}.`,
    ],
  ),
  fixedVariant(
    '4b',
    '4b.ok-terse',
    'terse chain of implications with the product: 2',
    1,
    2,
    false,
    ({ n }) => [
      `${n.dL('c', '1')} ∝ ${n.prod}_{t=2}^{T} ${n.sub('f', 't')}   (cell path)`,
      `${n.sub('f', 't')} = 1 ⇒ product = 1 ⇒ gradient does not decay with T ⇒ no vanishing gradient, long-term dependencies kept`,
    ],
  ),
  fixedVariant(
    '4b',
    '4b.product-only',
    'product of forget gates only, no conclusion: 1',
    1,
    1,
    false,
    ({ n }) => [
      prodLine(n),
      `so the gradient {{reaching|that gets to}} the first cell is {{governed by|controlled by|scaled by}} the product of the forget gates.`,
    ],
  ),
  fixedVariant(
    '4b',
    '4b.concept-only',
    'f = 1 -> gradient copied back unchanged, no product: 1',
    1,
    1,
    false,
    () => [
      `{{If|When}} the forget gate is 1 the cell state is copied forward {{as it is|unchanged}}, so {{during backprop|in the backward pass}} the gradient is copied backwards {{unchanged|as is}} too and does not {{die out|fade}} over long {{time spans|sequences}}.`,
    ],
  ),
  fixedVariant(
    '4b',
    '4b.negated',
    'product stated, but "the gradient still vanishes": 1',
    0.5,
    1,
    true,
    ({ n }) => [
      prodLine(n),
      `With ${n.sub('f', 't')} = 1 the product {{stays|remains}} 1, but the gradient still vanishes through the tanh terms, so an LSTM {{cannot keep|also loses}} long-term information{{ either|}}.`,
    ],
  ),
  fixedVariant('4b', '4b.bare', 'bare claim, no product, no f = 1 argument: 0', 1.5, 0, false, ({ rng }) =>
    rng.chance(0.5)
      ? [
          '{{LSTMs|An LSTM|The LSTM}} {{avoids|solves|does not suffer from}} the vanishing gradient {{problem|issue}} {{because of its gates|thanks to the gating|due to the gates}}.',
        ]
      : [
          '{{Because of|Thanks to|Due to}} the cell state{{,|}} {{an LSTM|the LSTM|LSTMs}} can {{remember|capture|handle}} long-term dependencies.',
        ],
  ),
  blank('4b', '4b'),
];
