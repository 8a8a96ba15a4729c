import { describe, expect, it } from 'vitest';
import { assumptionItems } from './assumptions.ts';
import { segment } from './segment.ts';
import { linesOf, pageInfo } from './testing.ts';

const parts = [
  { id: '1a', path: ['1', 'a'] },
  { id: '2a', path: ['2', 'a'] },
  { id: '3a', path: ['3', 'a'] },
  { id: '3b', path: ['3', 'b'] },
  { id: '5', path: ['5'] },
];

describe('a script’s own numbered list of assumptions', () => {
  it('its numbers are list items, not questions: "1." under "Assumptions" is no answer to question 1', () => {
    const s = segment(
      linesOf(`Name: Ishaan
Notation and conventions (used throughout)
n = hidden size = 3, m = input size = 2.
Assumptions
1. Biases are included in the parameter count.
2. Convolution output size = (N + 2P - F)/S + 1.
3. Dot-product attention uses no weight matrix.
Order: I am answering Ans 3 and Ans 5 first, then 1 and 2.
Ans 3 (a) W_f is 3 × 5
Ans 3 (b) b_f is 3 × 1
Ans 5 (200 + 2 - 4)/1 + 1 = 199
Ans 1 (a) f_t -> 5
Ans 2 (a) e_kj = s_(k-1)^T h_j`),
      [pageInfo(1)],
      parts,
    );
    expect(s.parts['1a'].text).toBe('f_t -> 5');
    expect(s.parts['2a'].text).toBe('e_kj = s_(k-1)^T h_j');
    expect(s.warnings.filter((w) => /answered in/.test(w))).toEqual([]);
  });

  it('the list is its consecutive items and their run-on lines; a number out of sequence ends it', () => {
    const lines = linesOf(`Assumptions
(i) Each gate has its own weights and
    bias.
(ii) Multiplications only.
I. LSTM cell
1. f_t -> 5`);
    expect([...assumptionItems(lines)].map((l) => l.text)).toEqual([
      '(i) Each gate has its own weights and',
      '(ii) Multiplications only.',
    ]);
    // (no heading, no list: "1." is a label as ever)
    expect(assumptionItems(linesOf('Working\n1. f_t -> 5\n2. e = s h')).size).toBe(0);
  });
});
