// Labelled answer text for CT3 written for a given hidden size H (input 2) and padding p: right, with
// working. Tests of exam versions render one per version (`ct3Answers(3, 1)` is the exam's own,
// `ct3Answers(4, 0)` is `{"3.hidden": 4, "5.padding": 0}`).
export function ct3Answers(H: number, p: number): string {
  const S = H + 2;
  const n = 200 + 2 * p - 4 + 1;
  const D = n * n * 3 * 16;
  const P = n * n * 3 * 10;
  return [
    '## 1b.i',
    'C_t = f_t ⊙ C_{t-1} + i_t ⊙ C~_t = {1 × 0.2 + 1 × 0.5, 0.5 × 0.4 + 0 × 0, 0 × 0.8 + 0.5 × 0.1} = {0.7, 0.2, 0.05}',
    '## 1b.ii',
    'h_t = o_t ⊙ tanh(C_t) = {1 × tanh(0.7), 0 × tanh(0.2), 0 × tanh(0.05)} = {0.604, 0, 0}',
    '## 3a',
    `[h_{t-1}, x_t] has ${H} + 2 = ${S} entries and f_t has ${H}, so W_f is ${H} × ${S}.`,
    '## 3b',
    `b_f is ${H} × 1, one bias for each hidden unit.`,
    '## 3c',
    `Per gate ${H} × ${S} + ${H} = ${H * S + H}; for 4 gates 4 × ${H * S + H} = ${4 * (H * S + H)} parameters.`,
    '## 5',
    'Depthwise: each of the 3 channels gets its own 4 × 4 filter.',
    `Output height = (200 + 2 × ${p} - 4)/1 + 1 = ${n}, so the depthwise output is ${n} × ${n} × 3`,
    `Multiplications = ${n} × ${n} × 3 × 4 × 4 = ${D}`,
    `Pointwise: 10 filters of 1 × 1 × 3, output ${n} × ${n} × 10`,
    `Multiplications = ${n} × ${n} × 3 × 10 = ${P}`,
    `Total = ${D} + ${P} = ${D + P}`,
  ].join('\n');
}
