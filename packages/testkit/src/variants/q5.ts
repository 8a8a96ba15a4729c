import { CONV, convOut, depthwiseMults, pointwiseMults } from '../key.ts';
import type { Notation } from '../notation.ts';
import { blank, fixedVariant, type Variant } from './types.ts';

const OUT = convOut();
const DW = depthwiseMults(OUT);
const PW = pointwiseMults(OUT);
const TOTAL = DW + PW;
const { size: S, channels: C, k: K, out: N } = CONV;

function sizeLines(n: Notation, out: number, how: 'formula' | 'nopad' | 'same' | 'padonce'): string[] {
  const head =
    how === 'formula'
      ? `output side = (${S} + 2${n.mul}1 − ${K})/1 + 1 = ${out}`
      : how === 'nopad'
        ? `output side = ${S} − ${K} + 1 = ${out}`
        : how === 'padonce'
          ? `output side = (${S} + 1 − ${K})/1 + 1 = ${out}`
          : `padding 1 keeps the spatial size, so the output side stays ${out}`;
  return [
    head,
    `after depthwise: ${n.dims(out, out, C)}`,
    `after pointwise (${N} filters of ${n.dims(1, 1, C)}): ${n.dims(out, out, N)}`,
  ];
}

function countLines(n: Notation, out: number): string[] {
  const dw = depthwiseMults(out);
  const pw = pointwiseMults(out);
  return [
    `depthwise mults = ${n.dims(out, out, C)}${n.mul}${K}${n.mul}${K} = ${n.num(dw)}`,
    `pointwise mults = ${n.dims(out, out, C)}${n.mul}${N} = ${n.num(pw)}`,
    `total = ${n.num(dw)} + ${n.num(pw)} = ${n.num(dw + pw)}`,
  ];
}

export const q5: Variant[] = [
  fixedVariant('5', '5.ok', 'both sizes and both counts with work: 3', 4, 3, false, ({ n, rng }) => [
    ...(rng.chance(0.5)
      ? [`Depthwise step: one ${n.dims(K, K)} filter per input channel (${C} channels).`]
      : []),
    ...sizeLines(n, OUT, 'formula'),
    ...countLines(n, OUT),
  ]),
  fixedVariant('5', '5.ok-factored', 'total as H′W′C(K² + N): 3', 1.2, 3, false, ({ n }) => [
    ...sizeLines(n, OUT, 'formula'),
    `multiplications = H′W′C(K² + N) = ${OUT}${n.mul}${OUT}${n.mul}${C}${n.mul}(16 + ${N})`,
    `= ${n.num(OUT * OUT)}${n.mul}${C * (K * K + N)} = ${n.num(TOTAL)}`,
    `(depthwise ${n.num(DW)}, pointwise ${n.num(PW)})`,
  ]),
  fixedVariant('5', '5.ok-perpixel', 'counts per output value, then totals: 3', 1, 3, false, ({ n }) => [
    `${n.sub('H', 'out')} = ${n.sub('W', 'out')} = ⌊(200 − 4 + 2)/1⌋ + 1 = ${OUT}`,
    `depthwise output ${n.dims(OUT, OUT, C)}: every value costs ${K}${n.mul}${K} = 16 multiplications → ${n.num(OUT * OUT * C)}${n.mul}16 = ${n.num(DW)}`,
    `pointwise output ${n.dims(OUT, OUT, N)}: every value costs ${C} multiplications → ${n.num(OUT * OUT * N)}${n.mul}${C} = ${n.num(PW)}`,
    `in all ${n.num(TOTAL)} multiplications`,
  ]),
  fixedVariant('5', '5.bare', 'three bare numbers: 0', 1.5, 0, false, ({ n }) => [
    `${n.dims(OUT, OUT, C)}, ${n.dims(OUT, OUT, N)}, ${n.num(TOTAL)}`,
  ]),
  fixedVariant('5', '5.sizes-only', 'sizes with work, no count: 2', 0.7, 2, false, ({ n }) =>
    sizeLines(n, OUT, 'formula'),
  ),
  fixedVariant(
    '5',
    '5.count-bare',
    'sizes with work, total stated without work: 2',
    0.5,
    2,
    false,
    ({ n }) => [...sizeLines(n, OUT, 'formula'), `number of multiplications: ${n.num(TOTAL)}`],
  ),
  fixedVariant(
    '5',
    '5.nopad',
    'padding ignored (197): sizes 0, total follows own size 0.5',
    0.6,
    0.5,
    true,
    ({ n }) => [...sizeLines(n, convOut(S, K, 0), 'nopad'), ...countLines(n, convOut(S, K, 0))],
  ),
  fixedVariant(
    '5',
    '5.same200',
    'size kept at 200 × 200: sizes 0, total 3,120,000 follows: 0.5',
    0.7,
    0.5,
    true,
    ({ n }) => [...sizeLines(n, S, 'same'), ...countLines(n, S)],
  ),
  fixedVariant(
    '5',
    '5.padonce',
    'padding counted once (198): sizes 0, total follows: 0.5',
    0.4,
    0.5,
    true,
    ({ n }) => [...sizeLines(n, S + 1 - K + 1, 'padonce'), ...countLines(n, S + 1 - K + 1)],
  ),
  fixedVariant(
    '5',
    '5.standard',
    'sizes right, total of a standard convolution: 1 + 1 + 0 = 2',
    0.7,
    2,
    true,
    ({ n }) => [
      ...sizeLines(n, OUT, 'formula'),
      `each of the ${n.num(OUT * OUT * N)} outputs needs ${n.dims(K, K, C)} = ${K * K * C} products:`,
      `${n.dims(OUT, OUT, N)}${n.mul}${K * K * C} = ${n.num(OUT * OUT * N * K * K * C)}`,
    ],
  ),
  fixedVariant(
    '5',
    '5.dw-only',
    'sizes right, total = depthwise count only (shown): 1 + 1 + 0.5',
    0.5,
    2.5,
    true,
    ({ n }) => [
      ...sizeLines(n, OUT, 'formula'),
      `multiplications = ${n.dims(OUT, OUT, C)}${n.mul}${K}${n.mul}${K} = ${n.num(DW)}`,
    ],
  ),
  fixedVariant(
    '5',
    '5.pw-nochan',
    'pointwise count forgets the channels; depthwise count right: 1 + 1 + 0.5',
    0.5,
    2.5,
    true,
    ({ n }) => [
      ...sizeLines(n, OUT, 'formula'),
      `depthwise: ${n.dims(OUT, OUT, C)}${n.mul}16 = ${n.num(DW)}`,
      `pointwise: ${n.dims(OUT, OUT, N)} = ${n.num(OUT * OUT * N)}`,
      `total ${n.num(DW + OUT * OUT * N)}`,
    ],
  ),
  blank('5', '5'),
];

export const KEYS_Q5 = { out: OUT, depthwise: DW, pointwise: PW, total: TOTAL };
