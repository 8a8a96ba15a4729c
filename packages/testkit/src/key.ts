/**
 * The answer key of CS60010 CT3, worked out here by plain arithmetic from the question's parameters
 * and the rubric document (exams/cs60010-ct3/docs/cs60010-ct3-rubric.md) — deliberately NOT from
 * @grader/engine or @grader/rubric, so that this corpus is an independent check of them.
 */

export const PART_IDS = ['1a', '1b.i', '1b.ii', '2a', '2b', '3a', '3b', '3c', '4a', '4b', '5'] as const;
export type PartId = (typeof PART_IDS)[number];

/** points per part, from the rubric's table (total 20) */
export const PART_MAX: Record<PartId, number> = {
  '1a': 3,
  '1b.i': 1,
  '1b.ii': 1,
  '2a': 1,
  '2b': 1,
  '3a': 1,
  '3b': 1,
  '3c': 1,
  '4a': 5,
  '4b': 2,
  '5': 3,
};

/** Q1(a): the admin's key for the diagram positions */
export const DIAGRAM_KEY = { f: 3, i: 4, o: 8, C: 10, Cprev: 1, Ctilde: 6 } as const;
export type GateName = keyof typeof DIAGRAM_KEY;

/** Q1(b) parameters */
export const Q1B = {
  cPrev: [0.2, 0.4, 0.8],
  f: [1, 0.5, 0],
  i: [1, 0, 0.5],
  o: [1, 0, 0],
  cTilde: [0.5, 0, 0.1],
} as const;

/** the tolerance the rubric gives for vector elements in 1(b) */
export const VEC_TOL = 0.005;

export function cellState(
  f: readonly number[] = Q1B.f,
  cPrev: readonly number[] = Q1B.cPrev,
  i: readonly number[] = Q1B.i,
  cTilde: readonly number[] = Q1B.cTilde,
): number[] {
  return f.map((fk, k) => fk * cPrev[k] + i[k] * cTilde[k]);
}

export function hiddenState(c: readonly number[], o: readonly number[] = Q1B.o): number[] {
  return c.map((ck, k) => o[k] * Math.tanh(ck));
}

export function vecClose(a: readonly number[], b: readonly number[], tol = VEC_TOL): boolean {
  return a.length === b.length && a.every((x, k) => Math.abs(x - b[k]) <= tol + 1e-12);
}

/** Q3: hidden size 3, input size 2 */
export const LSTM = { hidden: 3, input: 2, gates: 4 } as const;
export const W_F_DIMS: [number, number] = [LSTM.hidden, LSTM.hidden + LSTM.input];
export const B_F_SIZE = LSTM.hidden;
export function lstmParams(rows: number, cols: number, bias: number, gates: number = LSTM.gates): number {
  return gates * (rows * cols + bias);
}

/** Q5: image 200 x 200 x 3, 4 x 4 filters, stride 1, padding 1, 10 output channels */
export const CONV = { size: 200, channels: 3, k: 4, stride: 1, pad: 1, out: 10 } as const;
export function convOut(
  size: number = CONV.size,
  k: number = CONV.k,
  pad: number = CONV.pad,
  stride = 1,
): number {
  return Math.floor((size + 2 * pad - k) / stride) + 1;
}
export function depthwiseMults(out: number, channels: number = CONV.channels, k: number = CONV.k): number {
  return out * out * channels * k * k;
}
export function pointwiseMults(
  out: number,
  channels: number = CONV.channels,
  filters: number = CONV.out,
): number {
  return out * out * channels * filters;
}
