// Lines that list the exam's parts without answering them (round 92: a booklet's marks grid, an
// index of pages, a checklist): none of them opens a part, and the answers' own labels below do.
import { describe, expect, it } from 'vitest';
import { segment } from './segment.ts';
import { linesOf, pageInfo } from './testing.ts';

const parts = [
  { id: '1a', path: ['1', 'a'] },
  { id: '1b', path: ['1', 'b'] },
  { id: '2a', path: ['2', 'a'] },
  { id: '2b', path: ['2', 'b'] },
  { id: '3a', path: ['3', 'a'] },
  { id: '5', path: ['5'] },
];
const run = (text: string) => segment(linesOf(text, 1), [pageInfo(1)], parts);
const answers = `Q1 (a) f_t -> 3, i_t -> 4
Q1 (b) C_t = [0.7, 0.2]
Q2 (a) e_kj = s_(k-1)^T h_j
Q2 (b) 0, the dot product has no weights
Q3 (a) W_f is 3 x 5 since [h, x] has 5 entries
Q5 (200 - 4 + 2)/1 + 1 = 199`;

describe("an examiner's marks grid above the answers", () => {
  for (const [style, grid] of [
    [
      'ASCII',
      '+------+------+\n| 1(a) | 1(b) | 2(a) | 2(b) | 3(a) | 5 | Total |\n|      |      |      |      |      |   |       |\n+------+------+',
    ],
    [
      'boxes run on over two lines',
      'FOR EXAMINER USE ONLY\nQ1a [ ] Q1b [ ] Q2a [ ] Q2b [ ]\nQ3a [ ] Q5 [ ]   TOTAL [ / 20 ]',
    ],
    ['a row and its marks row', 'Part 1a 1b 2a 2b 3a 5 Σ\nMarks'],
  ])
    it(`opens no part (${style})`, () => {
      const s = run(`${grid}\n${answers}`);
      expect(s.warnings.filter((w) => /answered in/.test(w))).toEqual([]);
      expect(s.parts['1a'].text).toBe('f_t -> 3, i_t -> 4');
      expect(s.parts['5'].text).toBe('(200 - 4 + 2)/1 + 1 = 199');
    });
  it("a box's own title below the grid still opens its part", () => {
    const s = run(
      `Q1a [ ] Q1b [ ] Q2a [ ] Q2b [ ] Q3a [ ] Q5 [ ]\n________\nQ1a [ ]\nf_t -> 3, i_t -> 4\n${answers.split('\n').slice(1).join('\n')}`,
    );
    expect(s.parts['1a'].text).toMatch(/^(?:\[ \]\n)?f_t -> 3, i_t -> 4$/);
  });
  it('a row of labels with the answers beneath them is not a grid', () => {
    const s = run('1(a)  1(b)  2(a)  2(b)\nf_t -> 3, i_t -> 4 and C_t = [0.7, 0.2]');
    expect(Object.keys(s.parts)).toContain('1a');
  });
});

describe('a table of contents and a checklist', () => {
  it('open no part: "1. (b) ........ page 1", "Q2 ✓", "Q5 ✘ (not done)"', () => {
    const s = run(`Contents
1.  (a), (b) ............ page 1
2.  a, b ................ page 1
3.  (a) ................. page 2
5. ...................... page 2
${answers}
Checklist
Q1 ✓
Q2 ✓
Q3 ✓
Q5 ✘ (not done)`);
    expect(s.warnings.filter((w) => /answered in/.test(w))).toEqual([]);
    expect(s.parts['5'].text).toBe('(200 - 4 + 2)/1 + 1 = 199\nChecklist');
    expect(s.parts['1a'].text).toBe('f_t -> 3, i_t -> 4');
  });
});

describe("an editor's table of contents: titles, leaders, section numbers (round 145)", () => {
  it('opens no part: "1.2 Part (b) — forward step ....... 2", a section\'s own line, its page apart', () => {
    const s = run(`Table of Contents
1 Question One: the LSTM cell
1.1 Part (a) — gate positions . . . . . . . . . . . . . . . 1
1.2 Part (b) — forward step, where f_t = 1 . . . . . . . . . 1
2 Question Two
2.1 2/a the score . . . . . . . . . . . . . . . . . 1
2.2 2/b extra weights . . . . . . . . . . . . . . . 1
3.1 Q3(a) shape of the matrix .......................... 2
5 Question Five
5.1 depthwise step ...................... 2
2
${answers}`);
    expect(s.warnings.filter((w) => /answered in/.test(w))).toEqual([]);
    expect(s.parts['1a'].text).toBe('f_t -> 3, i_t -> 4');
    expect(s.parts['2b'].text).toBe('0, the dot product has no weights');
  });
  it('a ledger\'s answers run out in leaders to their figures are no contents: "3 (a) W_f ........ 15"', () => {
    const s = run(
      '1 (a) gates ........ 3\n2 (b) extra ........ 0\n3 (a) W_f 3 x 5 ........ 15\nQ5 total ........ 3088878',
    );
    expect(Object.keys(s.parts).sort()).toEqual(['1a', '2b', '3a', '5']);
  });
});

describe("a cover page's marks table set down the page (round 145)", () => {
  it('opens no part: "Q1 (5) :" … "Q5 (3) :", "Total (20) :"; a label with its marks over its answer does', () => {
    const s = run(`Marks table (for examiner)
Q1 (5) :
Q2 (2) :
Q3 (3) :
Q5 (3) :
Total (20) :
${answers}`);
    expect(s.warnings.filter((w) => /answered in/.test(w))).toEqual([]);
    expect(s.parts['5'].text).toBe('(200 - 4 + 2)/1 + 1 = 199');
    const t = run('Q.2 (2) :\n(a) e_kj = s_(k-1)^T h_j\n(b) 0\nQ.5 [3]\n(200 - 4 + 2)/1 + 1 = 199');
    expect(t.parts['5'].text).toBe('(200 - 4 + 2)/1 + 1 = 199');
  });
});

describe("a cover page's table of the questions attempted (round 94)", () => {
  it('opens no part: "Q1   5   a, b(i), b(ii)", "Q5   3   yes"', () => {
    const s = run(`Question Max Attempted
Q1 5 a, b
Q2 2 a, b
Q3 3 a
Q5 3 yes
${answers}`);
    expect(s.warnings.filter((w) => /answered in/.test(w))).toEqual([]);
    expect(s.parts['1a'].text).toBe('f_t -> 3, i_t -> 4');
    expect(s.parts['5'].text).toBe('(200 - 4 + 2)/1 + 1 = 199');
  });
  it('a bare answer after its label is no tally: "3 (a) 3 x 5", "5. 3,088,878"', () => {
    const s = run('1 (a) 3, 4, 8, 10, 1, 6\n3 (a) 3 x 5 since 3 + 2 = 5\n5. 3,088,878 multiplications');
    expect(Object.keys(s.parts).sort()).toEqual(['1a', '3a', '5']);
  });
});
