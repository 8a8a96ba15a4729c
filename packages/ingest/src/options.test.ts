// A multiple choice the student sets itself: its letters name options, not parts, and the part it
// answers is marked as choosing among them.
import { describe, expect, it } from 'vitest';
import { withoutOptionLetters } from './options.ts';
import { segment } from './segment.ts';
import { CT3_PARTS, linesOf, pageInfo } from './testing.ts';

const texts = (text: string) => withoutOptionLetters(linesOf(text, 1, 1)).map((l) => l.text.trim());
const run = (text: string) => segment(linesOf(text, 1, 1), [pageInfo(1)], CT3_PARTS);

describe('options a student lists', () => {
  it("lettered on one line are blanked, the part's own label kept, and the chosen letter after Ans", () => {
    expect(texts('(a) W_f : A) 3 x 2   B) 3 x 5   C) 5 x 3   D) 3 x 3   Ans: B) 3 x 5')[0]).toMatch(
      /^\(a\) W_f :\s+3 x 2\s+3 x 5\s+5 x 3\s+3 x 3\s+Ans:\s+3 x 5$/,
    );
    const s = run(
      'Q3\n(a) W_f : A) 3 x 2   B) 3 x 5   C) 5 x 3   D) 3 x 3   Ans: B) 3 x 5\n(b) b_f : A) 2   B) 5   C) 3   D) 1   Ans: C) 3\n(c) total: A) 18   B) 60   C) 72   D) 36   Ans: C) 72',
    );
    expect(s.order).toEqual(['3a', '3b', '3c']);
    expect(s.warnings.join(' ')).not.toMatch(/2 places/);
    expect(s.parts['3b']).toMatchObject({ choices: true });
  });
  it('listed down the page, with the chosen one marked or named below them', () => {
    const s = run(
      'Q4 (a)\n(A) dL/dc_t = dL/dc_{t+1} f_{t+1} + dL/dh_t o_t (1 - tanh^2 c_t)\n(B) dL/dc_t = dL/dc_{t+1} f_{t+1}\n(C) dL/dc_t = dL/dh_t sigma(c_t)\nAns: (A)\nQ4 (b)\nThe product of the forget gates is 1: no vanishing.',
    );
    expect(s.order).toEqual(['4a', '4b']);
    expect(s.parts['4a']).toMatchObject({ choices: true });
    expect(s.parts['4b']?.text).toMatch(/^The product/);
    // (by their boxes alone)
    // (boxes with one ticked read as the choice; two ticked, which stands is a person's reading)
    const ticked = run('Q5\nOutput side: ☐ 197  ☑ 199  ☐ 198  ☐ 200').parts['5'];
    expect(ticked.text.replace(/\s+/g, ' ').trim()).toBe('Output side: 199');
    expect(ticked.choices).toBeUndefined();
    expect(run('Q5\nOutput side: ☐ 197  ☑ 199  ☑ 198  ☐ 200').parts['5']).toMatchObject({ choices: true });
  });
  it("sub-parts answered on one line, or labelled in capitals down the page, are the exam's parts", () => {
    const line = run('Q3 (a) 3 × 5 (b) 3 × 1 (c) 72');
    expect(line.parts['3c']?.choices).toBeUndefined();
    expect(texts('(a) 3 × 5 (b) 3 × 1 (c) 72')).toEqual(['(a) 3 × 5 (b) 3 × 1 (c) 72']);
    expect(texts('(A) W_f is 3 × 5\n(B) b_f is 3 × 1\n(C) 72')).toEqual([
      '(A) W_f is 3 × 5',
      '(B) b_f is 3 × 1',
      '(C) 72',
    ]);
  });
});

describe("Word's linear-format columns are no ticked boxes (round 150, ie-06)", () => {
  it('"= ■(1×0.2@0.5×0.4@0×0.8) + ■(1×0.5@0×0@0.5×0.1) = ■(0.2@0.2@0)" chooses nothing', () => {
    const s = run(
      'Q1 (b)(i)\n𝐶𝑡 = 𝑓𝑡 ∘ 𝐶𝑡−1 + 𝑖𝑡 ∘ 𝐶̃𝑡\n= ■(1×0.2@0.5×0.4@0×0.8) + ■(1×0.5@0×0@0.5×0.1) = ■(0.2@0.2@0) + ■(0.5@0@0.05) =\n■(0.7@0.2@0.05)',
    );
    expect(s.parts['1b.i']?.choices).toBeFalsy();
    expect(s.parts['1b.i']?.text).toContain('■(0.7@0.2@0.05)');
    // (a filled box before a value still ticks it)
    const filled = run('Q5\nOutput side: ☐ 197  ■ 199  ☐ 198  ☐ 200').parts['5'];
    expect(filled.text.replace(/\s+/g, ' ').trim()).toBe('Output side: 199');
  });
});
