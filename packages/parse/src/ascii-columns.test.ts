import { describe, expect, it } from 'vitest';
import { joinAsciiColumns } from './ascii-columns.ts';

const join = (text: string) =>
  joinAsciiColumns(text.split('\n').map((t) => ({ text: t }))).map((l) => l.text);

describe('column vectors drawn in plain text', () => {
  it('reads each column of a drawn equation as a vector, with the carrying row’s operators', () => {
    expect(
      join(
        [
          '          | 2 |   | 0.1 |   | 0.2 |',
          '    v  =  | 1 | * | 0.3 | = | 0.3 |',
          '          | 0 |   | 0.9 |   | 0   |',
        ].join('\n'),
      ),
    ).toEqual(['v  = [2, 1, 0] ⊙ [0.1, 0.3, 0.9] = [0.2, 0.3, 0]']);
  });
  it('takes brackets as the bars, and a single column with its name on any row', () => {
    expect(join('[0.3]\nw = [0.1]\n[0.9]')).toEqual(['w = [0.3, 0.1, 0.9]']);
    expect(join('y = [ 4 ] + [ 1 ]\n    [ 5 ]   [ 2 ]')).toEqual(['y = [4, 5] + [1, 2]']);
  });
  it('reads two equations of the same width drawn one under the other as two', () => {
    expect(join('| 1 |   | 3 |\n= | 2 | + | 4 |\n| 1 |   | 3 |\n= | 2 | x | 4 |')).toEqual([
      '= [1, 2] + [3, 4]',
      '= [1, 2] ⊙ [3, 4]',
    ]);
  });
  it('takes the corner lines drawn above and below the vectors with them', () => {
    expect(join('before\n  +-  -+\n  | 7 |\nz = | 8 |\n  | 9 |\n  +-  -+\nafter')).toEqual([
      'before',
      'z = [7, 8, 9]',
      'after',
    ]);
  });
  it('leaves tables, lists in brackets and prose alone', () => {
    for (const t of [
      '| Part | Answer |\n| 1a | 3 |\n| 1b | 4 |',
      '| 1 | | 2 |\n| 3 | | 4 |',
      '[0.7, 0.2, 0.05]\n[0.6, 0, 0]',
      'the values [3] and\nthen [4] of it',
      'one | 5 |',
    ])
      expect(join(t)).toEqual(t.split('\n'));
  });
});

describe('joinAsciiColumns: Unicode bracket pieces and round brackets (round 118)', () => {
  it('reads ⎡ ⎤ / ⎢ ⎥ / ⎣ ⎦ as a column’s bars, a subscript dropped onto the bottom row as no name', () => {
    expect(
      join('⎡ 1 ⎤ ⎡ 0.2 ⎤ ⎡ 0.7 ⎤\nC_t = f ⊙ C = ⎢ 0.5 ⎥ ⊙ ⎢ 0.4 ⎥ = ⎢ 0.2 ⎥\nt-1 ⎣ 0 ⎦ ⎣ 0.8 ⎦ ⎣ 0.05 ⎦'),
    ).toEqual(['C_t = f ⊙ C = [1, 0.5, 0] ⊙ [0.2, 0.4, 0.8] = [0.7, 0.2, 0.05]']);
  });
  it('reads entries in round brackets on a row with an operator, "( 1 x 0.2 )"; a column of "(1)" "(2)" stays', () => {
    expect(join('( 1 x 0.2 ) ( 0.7 )\n= ( 0.5 x 0.4 ) = ( 0.2 )\n( 0 x 0.8 ) ( 0.05 )')).toEqual([
      '= [1 x 0.2, 0.5 x 0.4, 0 x 0.8] = [0.7, 0.2, 0.05]',
    ]);
    expect(join('(1)\n(2)\n(3)')).toEqual(['(1)', '(2)', '(3)']);
    // (a function's bracket in the name is no cell: "h_t = tanh(C_t) = [ tanh(0.2) ]")
    expect(
      join('[ tanh(0.7) ] [ 0.604 ]\nh_t = tanh(C_t) = [ tanh(0.2) ] = [ 0.197 ]\n[ tanh(0.05) ] [ 0.050 ]'),
    ).toEqual(['h_t = tanh(C_t) = [tanh(0.7), tanh(0.2), tanh(0.05)] = [0.604, 0.197, 0.050]']);
    // ("(.)" typed for ⊙ between bracketed columns is the operator, not a cell)
    expect(join('[ 1 ] [ 0.2 ]\nC = [ 0.5 ] (.) [ 0.4 ]\n[ 0 ] [ 0.8 ]')).toEqual([
      'C = [1, 0.5, 0] ⊙ [0.2, 0.4, 0.8]',
    ]);
  });
});
