import { describe, expect, it } from 'vitest';
import { segment } from './segment.ts';
import { withoutSheetRows } from './sheet-rows.ts';
import { CT3_PARTS, linesOf, pageInfo } from './testing.ts';

const texts = (t: string) => withoutSheetRows(linesOf(t)).map((l) => l.text);

describe("a spreadsheet's row numbers (round 97)", () => {
  it('under a line of column letters, the rows numbered on are blanked, the same length', () => {
    expect(texts('A  B  C\n4  (a) W_f  C2 x C3  3 × 5\n5  (b) b_f  =C2  3 × 1\nthe end')).toEqual([
      'A  B  C',
      '   (a) W_f  C2 x C3  3 × 5',
      '   (b) b_f  =C2  3 × 1',
      'the end',
    ]);
    // (a cell's rule after the number goes with it; a wrapped cell between rows keeps the run)
    expect(texts('| A | B |\n1 | extra parameters | 0\nwrapped note\n2 | total | 0')).toEqual([
      '| A | B |',
      '    extra parameters | 0',
      'wrapped note',
      '    total | 0',
    ]);
  });
  it('with no column letters, only a run of three rows from 1 with a rule after each number', () => {
    expect(texts('1 | e_kj = s_k h_j\n2 | alpha = softmax(e)\n3 | C_k = sum')[0]).toBe('    e_kj = s_k h_j');
    // (questions numbered 1., 2., 3. are no sheet's rows)
    expect(texts('1. f_t -> 3\n2. e = s h\n3. W_f is 3 x 5')[0]).toBe('1. f_t -> 3');
    expect(texts('1 | a\n2 | b')[0]).toBe('1 | a');
  });
  it('so a row\'s number before a part\'s label starts no question: "2  (a) W_f" under Problem 3 is 3(a)', () => {
    const s = segment(
      linesOf(`Name: A B
Problem 2
(a) e = s . h
(b) 0, no weights
Problem 3
A  B  C
1  gate input  3 + 2 + 3  8
2  (a) W_f  hidden x input  3 x 8
3  (b) b_f   3 x 1
4  one gate  =3*8+3  27
5  (c) total  =4*C4  108`),
      [pageInfo(1)],
      CT3_PARTS,
    );
    expect(s.parts['2a'].text).toBe('e = s . h');
    expect(s.parts['3a'].text).toContain('W_f  hidden x input  3 x 8');
    expect(s.parts['3c'].text).toBe('total  =4*C4  108');
  });
});
