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
