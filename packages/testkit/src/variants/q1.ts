import { cellState, DIAGRAM_KEY, type GateName, hiddenState, Q1B, vecClose } from '../key.ts';
import type { Notation } from '../notation.ts';
import { type Answer, blank, type Ctx, type Variant } from './types.ts';

// ---------------------------------------------------------------- 1(a): 0.5 per correct match

type Mapping = Partial<Record<GateName, number>>;
const GATES: GateName[] = ['f', 'i', 'o', 'C', 'Cprev', 'Ctilde'];
const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi'];

function gateSym(n: Notation, g: GateName): string {
  if (g === 'f') return n.sub('f', 't');
  if (g === 'i') return n.sub('i', 't');
  if (g === 'o') return n.sub('o', 't');
  if (g === 'C') return n.sub('C', 't');
  if (g === 'Cprev') return n.sub('C', 't-1');
  return n.ct('t');
}
const GATE_WORDS: Record<GateName, string[]> = {
  f: ['forget gate', 'forget gate output'],
  i: ['input gate', 'input gate'],
  o: ['output gate', 'output gate'],
  C: ['new cell state', 'updated cell state'],
  Cprev: ['previous cell state', 'old cell state'],
  Ctilde: ['candidate cell state', 'candidate values'],
};

function matchScore(m: Mapping): number {
  return GATES.reduce((s, g) => s + (m[g] === DIAGRAM_KEY[g] ? 0.5 : 0), 0);
}

type MatchLayout = 'roman' | 'inline' | 'table' | 'bypos' | 'words' | 'romanonly';

function matchLines(n: Notation, m: Mapping, layout: MatchLayout): string[] {
  const given = GATES.filter((g) => m[g] !== undefined);
  switch (layout) {
    case 'roman':
      return given.map((g) => `${ROMAN[GATES.indexOf(g)]}. ${gateSym(n, g)}${n.arrow}${m[g]}`);
    case 'inline':
      return [given.map((g) => `${gateSym(n, g)}${n.arrow}${m[g]}`).join(', ')];
    case 'table':
      return ['\tVariable\tPosition', ...given.map((g) => `\t${gateSym(n, g)}\t${m[g]}`)];
    case 'bypos':
      return [...given]
        .sort((a, b) => (m[a] ?? 0) - (m[b] ?? 0))
        .map((g) => `position ${m[g]}: ${gateSym(n, g)}`);
    case 'words':
      return given.map(
        (g, k) => `${k === 0 ? 'The' : 'the'} ${GATE_WORDS[g][k % 2]} ${gateSym(n, g)} is at ${m[g]}`,
      );
    case 'romanonly':
      return [given.map((g) => `(${ROMAN[GATES.indexOf(g)]}) ${m[g]}`).join('   ')];
  }
}

function matching(id: string, rule: string, weight: number, m: Mapping, layouts?: MatchLayout[]): Variant {
  return {
    id: `1a.${id}`,
    part: '1a',
    rule,
    weight,
    make: ({ n, rng }) => {
      const layout = rng.pick(
        layouts ?? (['roman', 'roman', 'inline', 'table', 'bypos', 'words', 'romanonly'] as MatchLayout[]),
      );
      const score = matchScore(m);
      return { id: `1a.${id}:${layout}`, score, lines: matchLines(n, m, layout), wrong: score < 3 };
    },
  };
}

const K = DIAGRAM_KEY;
export const q1a: Variant[] = [
  matching('ok', 'all six matches right: 3', 6, { ...K }),
  matching('swap-io', 'i_t and o_t swapped: 4 of 6 -> 2', 1.5, { ...K, i: K.o, o: K.i }),
  matching('swap-cc', 'C_t and C_{t-1} swapped: 2', 1, { ...K, C: K.Cprev, Cprev: K.C }),
  matching('one-off', 'candidate put at 7: 2.5', 1, { ...K, Ctilde: 7 }),
  matching('two-swaps', 'f/i and C/C_{t-1} swapped: 1', 0.6, {
    ...K,
    f: K.i,
    i: K.f,
    C: K.Cprev,
    Cprev: K.C,
  }),
  matching('seq', 'positions read in sequence, none right: 0', 0.5, {
    f: 1,
    i: 2,
    o: 5,
    C: 11,
    Cprev: 9,
    Ctilde: 7,
  }),
  matching(
    'partial4',
    'only four variables matched (all right): 2',
    0.6,
    { f: K.f, i: K.i, o: K.o, C: K.C },
    ['roman', 'inline', 'table'],
  ),
  blank('1a', '1a'),
];

// ---------------------------------------------------------------- 1(b)(i)

const KEY_CT = cellState();
const KEY_HT = hiddenState(KEY_CT);
const ORD = ['1st', '2nd', '3rd'];

function ctFormula(n: Notation): string {
  return `${n.sub('C', 't')} = ${n.sub('f', 't')}${n.had}${n.sub('C', 't-1')} + ${n.sub('i', 't')}${n.had}${n.ct('t')}`;
}

/** per-element lines "1st: 1 × 0.2 + 1 × 0.5 = 0.7" with the student's own (maybe wrong) results */
function elementLines(n: Notation, results: number[], style: number): string[] {
  const { f, cPrev, i, cTilde } = Q1B;
  return results.map((r, k) => {
    const expr = `${n.dec(f[k])}${n.mul}${n.dec(cPrev[k])} + ${n.dec(i[k])}${n.mul}${n.dec(cTilde[k])} = ${n.dec(r)}`;
    if (style === 0) return `${ORD[k]}: ${expr}`;
    if (style === 1) return `${n.sub('C', `t,${k + 1}`)} = ${expr}`;
    return `element ${k + 1}: ${expr}`;
  });
}

function ct(
  id: string,
  rule: string,
  weight: number,
  score: number,
  values: number[],
  lines: (c: Ctx) => string[],
): Variant {
  return {
    id: `1bi.${id}`,
    part: '1b.i',
    rule,
    weight,
    make: (c) => ({
      id: `1bi.${id}`,
      score,
      lines: lines(c),
      wrong: !vecClose(values, KEY_CT),
      values: { ct: values },
    }),
  };
}

function slipped(k: number, v: number): number[] {
  const r = [...KEY_CT];
  r[k] = v;
  return r;
}

const SLIP1 = slipped(0, 0.6);
const SLIP2 = slipped(1, 0.02);
const SLIP3 = slipped(2, 0.5);
const FORGET_ONLY = Q1B.f.map((fk, k) => fk * Q1B.cPrev[k]);
const SWAPPED = Q1B.f.map((fk, k) => fk * Q1B.cTilde[k] + Q1B.i[k] * Q1B.cPrev[k]);
const DOUBLE_TANH = Q1B.f.map((fk, k) => fk * Q1B.cPrev[k] + Q1B.i[k] * Math.tanh(Q1B.cTilde[k]));

export const q1bi: Variant[] = [
  ct('ok', 'right vector, element-wise work shown: 1', 4, 1, KEY_CT, ({ n, rng }) => [
    `${ctFormula(n)}${rng.chance(0.5) ? ' (element-wise)' : ''}`,
    ...elementLines(n, KEY_CT, rng.int(0, 2)),
    `${rng.pick(['So ', 'Hence ', '∴ ', ''])}${n.sub('C', 't')} = ${n.vec(KEY_CT)}`,
  ]),
  ct('ok-vec', 'right vector, vector arithmetic shown: 1', 2, 1, KEY_CT, ({ n }) => {
    const { f, cPrev, i, cTilde } = Q1B;
    return [
      ctFormula(n),
      `= ${n.vec(f.map((x, k) => `${n.dec(x)}${n.mul}${n.dec(cPrev[k])}`))} + ${n.vec(i.map((x, k) => `${n.dec(x)}${n.mul}${n.dec(cTilde[k])}`))}`,
      `= ${n.vec(f.map((x, k) => x * cPrev[k]))} + ${n.vec(i.map((x, k) => x * cTilde[k]))}`,
      `= ${n.vec(KEY_CT)}`,
    ];
  }),
  ct('ok-paren', 'right vector, products written by juxtaposition 1(0.2): 1', 1, 1, KEY_CT, ({ n }) => {
    const { f, cPrev, i, cTilde } = Q1B;
    const terms = f.map((x, k) => `${n.dec(x)}(${n.dec(cPrev[k])}) + ${n.dec(i[k])}(${n.dec(cTilde[k])})`);
    return [`${ctFormula(n)} = ${n.vec(terms)}`, `= ${n.vec(KEY_CT)}`];
  }),
  ct('ok-words', 'right vector, computation explained in words: 1', 1, 1, KEY_CT, ({ n }) => [
    `{{Each entry is|Entry by entry:|Per component:}} (forget gate × old cell) + (input gate × candidate).`,
    `{{First entry|Entry 1}}: the forget gate is 1 so 0.2 is {{kept|retained}}, and the input gate 1 adds {{0.5|all of 0.5}}, {{total|giving}} 0.7.`,
    `{{Second entry|Entry 2}}: half of 0.4 is {{kept|retained}} (0.2) and the input gate is 0, so it {{stays|remains}} 0.2.`,
    `{{Third entry|Entry 3}}: 0.8 is {{forgotten completely|fully forgotten}}; half of 0.1 is added, giving 0.05.`,
    `Therefore ${n.sub('C', 't')} = ${n.vec(KEY_CT)}.`,
  ]),
  ct('bare', 'right vector, no computation: 0 (instruction 3)', 2, 0, KEY_CT, ({ n, rng }) =>
    rng.chance(0.5) ? [`${n.sub('C', 't')} = ${n.vec(KEY_CT)}`] : [`${n.vec(KEY_CT)}`],
  ),
  ct('slip1', 'right formula, addition slip in element 1: 0.5', 0.7, 0.5, SLIP1, ({ n, rng }) => [
    ctFormula(n),
    ...elementLines(n, SLIP1, rng.int(0, 2)),
    `${n.sub('C', 't')} = ${n.vec(SLIP1)}`,
  ]),
  ct('slip2', 'right formula, multiplication slip in element 2: 0.5', 0.7, 0.5, SLIP2, ({ n, rng }) => [
    ctFormula(n),
    ...elementLines(n, SLIP2, rng.int(0, 2)),
    `${n.sub('C', 't')} = ${n.vec(SLIP2)}`,
  ]),
  ct('slip3', 'right formula, slip in element 3 (0.5 × 0.1 = 0.5): 0.5', 0.7, 0.5, SLIP3, ({ n }) => [
    ctFormula(n),
    `= ${n.vec(Q1B.f.map((x, k) => `${n.dec(x)}${n.mul}${n.dec(Q1B.cPrev[k])} + ${n.dec(Q1B.i[k])}${n.mul}${n.dec(Q1B.cTilde[k])}`))}`,
    `= ${n.vec(SLIP3)}`,
  ]),
  ct('forget-only', 'wrong formula (input term dropped): 0', 0.6, 0, FORGET_ONLY, ({ n }) => [
    `${n.sub('C', 't')} = ${n.sub('f', 't')}${n.had}${n.sub('C', 't-1')}`,
    `= ${n.vec(Q1B.f.map((x, k) => `${n.dec(x)}${n.mul}${n.dec(Q1B.cPrev[k])}`))}`,
    `= ${n.vec(FORGET_ONLY)}`,
  ]),
  ct('swapped', 'wrong formula (f with candidate, i with old state): 0', 0.4, 0, SWAPPED, ({ n }) => [
    `${n.sub('C', 't')} = ${n.sub('f', 't')}${n.had}${n.ct('t')} + ${n.sub('i', 't')}${n.had}${n.sub('C', 't-1')}`,
    `= ${n.vec(Q1B.f.map((x, k) => `${n.dec(x)}${n.mul}${n.dec(Q1B.cTilde[k])} + ${n.dec(Q1B.i[k])}${n.mul}${n.dec(Q1B.cPrev[k])}`))}`,
    `= ${n.vec(SWAPPED)}`,
  ]),
  ct(
    'double-tanh',
    'wrong formula (tanh applied to the candidate again): 0',
    0.4,
    0,
    DOUBLE_TANH,
    ({ n }) => [
      `${n.sub('C', 't')} = ${n.sub('f', 't')}${n.had}${n.sub('C', 't-1')} + ${n.sub('i', 't')}${n.had}tanh(${n.ct('t')})`,
      `tanh(0.5) = 0.4621, tanh(0) = 0, tanh(0.1) = 0.0997`,
      `= ${n.vec(DOUBLE_TANH.map((x) => Number(x.toFixed(4))))}`,
    ],
  ),
  blank('1b.i', '1bi'),
];

// ---------------------------------------------------------------- 1(b)(ii), with error carried forward

function own(c: Ctx): number[] {
  return c.own.ct ?? KEY_CT;
}

function htFormula(n: Notation): string {
  return `${n.sub('h', 't')} = ${n.sub('o', 't')}${n.had}tanh(${n.sub('C', 't')})`;
}

/** carried-through h_t: right if it matches the key, else error carried forward (0.5) */
function carried(ht: number[]): { id: string; score: number; wrong: boolean } {
  const right = vecClose(ht, KEY_HT);
  return { id: right ? 'ok' : 'ecf', score: right ? 1 : 0.5, wrong: !right };
}

const r4 = (x: number) => Number(x.toFixed(4));

export const q1bii: Variant[] = [
  {
    id: '1bii.carry',
    part: '1b.ii',
    rule: 'formula applied to own C_t: 1 if h_t right, else error carried forward 0.5',
    weight: 5,
    make: (c) => {
      const { n, rng } = c;
      const C = own(c);
      const ht = hiddenState(C).map(r4);
      const r = carried(ht);
      const lines = rng.chance(0.5)
        ? [
            htFormula(n),
            `= ${n.vec(C.map((x, k) => `${n.dec(Q1B.o[k])}${n.mul}tanh(${n.dec(x)})`))}`,
            `= ${n.vec(ht)}`,
          ]
        : [
            `${htFormula(n)}, where tanh(${n.dec(C[0])}) = ${n.dec(ht[0])}`,
            `the output gate is 0 for the 2nd and 3rd {{entries|components}}, so they {{vanish|become 0}}:`,
            `${n.sub('h', 't')} = ${n.vec(ht)}`,
          ];
      return { id: `1bii.${r.id}`, score: r.score, wrong: r.wrong, lines };
    },
  },
  {
    id: '1bii.exp',
    part: '1b.ii',
    rule: 'tanh(0.7) worked out with exponentials, then o_t applied: 1 (or ECF 0.5)',
    weight: 0.6,
    make: (c) => {
      const { n } = c;
      const C = own(c);
      const e2 = Math.exp(2 * C[0]);
      const ht = hiddenState(C).map(r4);
      const r = carried(ht);
      return {
        id: `1bii.${r.id === 'ok' ? 'exp' : 'ecf'}`,
        score: r.score,
        wrong: r.wrong,
        lines: [
          `tanh(${n.dec(C[0])}) = (e^{${n.dec(2 * C[0])}} − 1)/(e^{${n.dec(2 * C[0])}} + 1) = ${n.dec(e2 - 1)}/${n.dec(e2 + 1)} = ${n.dec(ht[0])}`,
          `${n.sub('o', 't')} = ${n.vec(Q1B.o)} keeps only the first entry:`,
          `${n.sub('h', 't')} = ${n.sub('o', 't')}${n.had}tanh(${n.sub('C', 't')}) = ${n.vec(ht)}`,
        ],
      };
    },
  },
  {
    id: '1bii.approx',
    part: '1b.ii',
    rule: 'h_t rounded to 0.6 with work: accepted, 1',
    weight: 1,
    make: (c) => {
      const C = own(c);
      if (!vecClose(C, KEY_CT)) return null;
      const { n } = c;
      return {
        id: '1bii.approx',
        score: 1,
        wrong: false,
        lines: [
          `${htFormula(n)}`,
          `tanh(0.7)${n.approx}0.6, and ${n.sub('o', 't')} = ${n.vec(Q1B.o)} kills the last two entries`,
          `${n.sub('h', 't')}${n.approx}${n.vec([0.6, 0, 0])}`,
        ],
      };
    },
  },
  {
    id: '1bii.bare',
    part: '1b.ii',
    rule: 'h_t with no work: 0 (instruction 3)',
    weight: 2,
    make: (c) => {
      const ht = hiddenState(own(c)).map((x) => Number(x.toFixed(3)));
      return {
        id: '1bii.bare',
        score: 0,
        wrong: !vecClose(ht, KEY_HT),
        lines: [`${c.n.sub('h', 't')} = ${c.n.vec(ht)}`],
      };
    },
  },
  {
    id: '1bii.slip',
    part: '1b.ii',
    rule: 'right formula, tanh evaluated wrongly: 0.5',
    weight: 1,
    make: (c) => {
      const { n, rng } = c;
      const C = own(c);
      const bad = r4(Math.tanh(C[0]) + rng.pick([-0.03, 0.04, -0.05]));
      if (Math.abs(bad - KEY_HT[0]) <= 0.006) return null;
      return {
        id: '1bii.slip',
        score: 0.5,
        wrong: true,
        lines: [
          `${htFormula(n)}`,
          `tanh(${n.dec(C[0])}) = ${n.dec(bad)}`,
          `${n.sub('h', 't')} = ${n.vec([`1${n.mul}${n.dec(bad)}`, 0, 0])} = ${n.vec([bad, 0, 0])}`,
        ],
      };
    },
  },
  {
    id: '1bii.notanh',
    part: '1b.ii',
    rule: 'wrong formula h_t = o_t ⊙ C_t: 0',
    weight: 0.6,
    make: (c) => {
      const { n } = c;
      const C = own(c);
      const h = C.map((x, k) => r4(Q1B.o[k] * x));
      // for a small own C_t, c ≈ tanh(c) within the tolerance: the numbers cannot show the missing tanh
      if (vecClose(h, hiddenState(C))) return null;
      return {
        id: '1bii.notanh',
        score: 0,
        wrong: true,
        lines: [
          `${n.sub('h', 't')} = ${n.sub('o', 't')}${n.had}${n.sub('C', 't')} = ${n.vec(C.map((x, k) => `${n.dec(Q1B.o[k])}${n.mul}${n.dec(x)}`))}`,
          `= ${n.vec(h)}`,
        ],
      };
    },
  },
  {
    id: '1bii.sigmoid',
    part: '1b.ii',
    rule: 'wrong formula with σ instead of tanh: 0',
    weight: 0.5,
    make: (c) => {
      const { n } = c;
      const C = own(c);
      const sg = (x: number) => 1 / (1 + Math.exp(-x));
      const h = C.map((x, k) => r4(Q1B.o[k] * sg(x)));
      return {
        id: '1bii.sigmoid',
        score: 0,
        wrong: true,
        lines: [
          `${n.sub('h', 't')} = ${n.sub('o', 't')}${n.had}${n.sigma}(${n.sub('C', 't')})`,
          `${n.sigma}(${n.dec(C[0])}) = ${n.dec(r4(sg(C[0])))}`,
          `${n.sub('h', 't')} = ${n.vec(h)}`,
        ],
      };
    },
  },
  blank('1b.ii', '1bii'),
];

export const KEYS_Q1 = { ct: KEY_CT, ht: KEY_HT } satisfies Record<string, number[]>;
export type { Answer };
