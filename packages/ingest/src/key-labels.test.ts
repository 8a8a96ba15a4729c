// Labels written as config keys ("[q1_b_i]", "question_1.part_a:", "ans[1][b][i] =") are read as labels.
import { describe, expect, it } from 'vitest';
import { withKeyLabels } from './key-labels.ts';
import { PartTree } from './labels.ts';
import { segment } from './segment.ts';
import { CT3_PARTS, linesOf, pageInfo } from './testing.ts';

const tree = new PartTree(CT3_PARTS);
const run = (text: string) => segment(linesOf(text, 1, 1), [pageInfo(1)], CT3_PARTS);

describe('key labels', () => {
  it("a config file's sections, a program's indices and a dotted path name the parts", () => {
    for (const [a, b] of [
      ['[q3_a]', '[q3_b]'],
      ['question_3.part_a:', 'question_3.part_b:'],
      ['ans[3][a] =', 'ans[3][b] ='],
      ['question[3].a', 'question[3].b'],
    ]) {
      const s = run(`${a}\n  W_f is 3 x 5 since [h, x] has 5 entries\n${b}\n  b_f is 3 x 1`);
      expect(s.order, a).toEqual(['3a', '3b']);
      expect(s.parts['3b']?.text, a).toContain('b_f is 3 x 1');
    }
  });
  it('a key the script writes once, or a symbol with a subscript, is left as written', () => {
    const once = '[q3_a]\nW_f is 3 x 5';
    expect(withKeyLabels(linesOf(once, 1, 1), tree).map((l) => l.text)).toEqual(once.split('\n'));
    const maths = 'C_t = f_t * C_(t-1)\nh_t = o_t * tanh(C_t)\nW_f[1] = 3';
    expect(withKeyLabels(linesOf(maths, 1, 1), tree).map((l) => l.text)).toEqual(maths.split('\n'));
  });
});
