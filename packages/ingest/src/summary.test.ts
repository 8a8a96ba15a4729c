import { describe, expect, it } from 'vitest';
import { segment } from './segment.ts';
import { rowMiscopies, rowRestates } from './summary.ts';
import { linesOf, pageInfo } from './testing.ts';

const parts = [
  { id: '1a', path: ['1', 'a'] },
  { id: '1b.i', path: ['1', 'b', 'i'] },
  { id: '2a', path: ['2', 'a'] },
  { id: '2b', path: ['2', 'b'] },
  { id: '3a', path: ['3', 'a'] },
  { id: '3b', path: ['3', 'b'] },
  { id: '5', path: ['5'] },
];
const run = (text: string) => segment(linesOf(text, 1), [pageInfo(1)], parts);
const working = `Q1(a)
f_t -> 3, i_t -> 4
Q1(b)(i)
C_t = [1*0.2, 0.5*0.4] + [1*0.5, 0] = [0.7, 0.2]
Q2(a)
e_kj = s_(k-1)^T h_j, a dot product
Q2(b)
None: the dot product has no weights, so 0 additional parameters
Q3
x in R^2, h in R^3, so [h, x] in R^5.
(a) W_f maps R^5 -> R^3, so W_f is 3 x 5
(b) b_f is 3 x 1, one bias per hidden unit
Q5
(200 - 4 + 2)/1 + 1 = 199, total 3,088,878`;

describe('a summary of final answers ahead of the working', () => {
  it('is read as a restatement ending each answer: no part answered twice, the question heading below heads (a)', () => {
    const s = run(`SUMMARY OF FINAL ANSWERS
Q1(a) f_t -> 3, i_t -> 4
Q1(b) C_t = [0.7, 0.2]
Q2(a) e_kj = s_(k-1)^T h_j
Q2(b) 0 additional parameters
Q3 W_f : 3 x 5, b_f : 3 x 1
Q5 total 3,088,878
${working}`);
    expect(s.warnings.filter((w) => /answered in/.test(w))).toEqual([]);
    // (its rows end their parts' answers: a table of working may not spell out the final value)
    expect(s.parts['3a'].text).toBe(
      'x in R^2, h in R^3, so [h, x] in R^5.\nW_f maps R^5 -> R^3, so W_f is 3 x 5\nW_f : 3 x 5, b_f : 3 x 1',
    );
    expect(s.parts['1b.i'].text.split('\n').at(-1)).toBe('C_t = [0.7, 0.2]');
    expect(s.parts['3b'].text).toBe('b_f is 3 x 1, one bias per hidden unit');
    expect(s.parts['5'].occurrences).toBe(1);
  });

  it('is found when the working numbers its questions bare ("3.", "5."), and a row of several parts is cut per part', () => {
    const s = run(`RESULTS FIRST, working further down
1.(a)   f_t -> 3, i_t -> 4
1.(b)   (i) C_t = [0.7, 0.2]
2.(a)   e_kj = s_(k-1)^T h_j
2.(b)   0 additional parameters
3.      (a) 3 x 5   (b) 3 x 1
5.      3,088,878 multiplications
1.(a)
f_t -> 3, i_t -> 4 read off the figure
1.(b)(i)
C_t = [1*0.2, 0.5*0.4] + [1*0.5, 0] = [0.7, 0.2]
2.(a)
e_kj = s_(k-1)^T h_j, a dot product
2.(b)
None: the dot product has no weights, so 0 additional parameters
3.  x in R^2, h in R^3, so [h, x] in R^5.
(a) W_f maps R^5 -> R^3, so W_f is 3 x 5
(b) b_f is 3 x 1, one bias per hidden unit
5.  (200 - 4 + 2)/1 + 1 = 199, total 3,088,878 multiplications`);
    expect(s.warnings.filter((w) => /answered in/.test(w))).toEqual([]);
    expect(s.parts['3a'].text.split('\n').at(-1)).toBe('3 x 5');
    expect(s.parts['3b'].text).toBe('b_f is 3 x 1, one bias per hidden unit\n3 x 1');
    expect(s.parts['2a'].text).not.toMatch(/W_f/);
  });

  it('that disagrees with the working is a second answer, as before', () => {
    const s = run(`Q1(a) f_t -> 5, i_t -> 6
Q1(b) C_t = [0.9, 0.1]
Q2(a) e_kj = v^T tanh(W s + U h)
Q2(b) n*m additional parameters
Q3 W_f : 3 x 3, b_f : 3
Q5 total 3,120,000
${working}`);
    expect(s.parts['5'].occurrences).toBe(2);
    expect(s.warnings.some((w) => /summary/.test(w))).toBe(false);
  });
});

describe('an index of the answers ahead of them, with the pages they are on (round 92)', () => {
  const index = `ANSWER INDEX
Q1 (a)  f_t -> 3, i_t -> 4 ........ p. 1
Q1 (b)(i)  C_t = [0.7, 0.2] ........ p. 1
Q2 (a)  e_kj = s_(k-1)^T h_j ........ see p.1
Q2 (b)  none ........ p. 1
Q3 (a)(b)  3 x 5, 3 x 1 ........ p. 2
Q5  3,088,878 ........ p. 2`;
  const body = `Q1
(a) f_t -> 3, i_t -> 4 read off the figure
(b)(i) C_t = [1*0.2, 0.5*0.4] + [1*0.5, 0] = [0.7, 0.2]
Q2
(a) e_kj = s_(k-1)^T h_j, a dot product
(b) None: the dot product has no weights, so 0 additional parameters
Q3
(a) W_f maps R^5 -> R^3, so W_f is 3 x 5
(b) b_f is 3 x 1, one bias per hidden unit
Q5
(200 - 4 + 2)/1 + 1 = 199, total 3,088,878`;
  it('is a restatement: its page references say nothing, and questions headed alone ("Q1") are met again', () => {
    const s = run(`${index}\n${body}`);
    expect(s.warnings.filter((w) => /answered in/.test(w))).toEqual([]);
    expect(s.warnings.some((w) => /summary of the answers/.test(w))).toBe(true);
    // (its rows end their parts, without the leaders and the page: no pointer elsewhere)
    expect(s.parts['2a'].text.split('\n').at(-1)).toBe('e_kj = s_(k-1)^T h_j');
    expect(s.parts['1b.i'].text).not.toMatch(/p\. 1/);
  });
  it("comes before an answer corrected further on: the correction, not the index's old value, is the last word", () => {
    const s = run(`${index.replace('C_t = [0.7, 0.2]', 'C_t = [0.7, 0.5]')}
${body.replace('= [0.7, 0.2]', '= [0.7, 0.5]')}
Correction to Q1(b)(i): 0.5*0.4 = 0.2, not 0.5, so C_t = [0.7, 0.2]`);
    expect(s.parts['1b.i'].occurrences).toBe(2);
    expect(s.parts['1b.i'].text.split('\n')[0]).toBe('C_t = [0.7, 0.5]');
    expect(s.parts['1b.i'].text.split('\n').at(-1)).toMatch(/C_t = \[0\.7, 0\.2\]$/);
  });
});

describe('a summary of final answers after the working, under its own heading', () => {
  it('only restating the answers, it is left out: no part answered twice, no answer lengthened', () => {
    const s = run(`${working}
SUMMARY OF ANSWERS
1(a)   3, 4
1(b)   C_t = [0.7, 0.2]
2      e_kj = s_(k-1)^T h_j ;  0 extra parameters
3      3 x 5 ; 3 x 1
5      199 x 199, 3 088 878 mults`);
    expect(s.warnings.filter((w) => /answered in/.test(w))).toEqual([]);
    expect(s.parts['5'].text).toBe('(200 - 4 + 2)/1 + 1 = 199, total 3,088,878');
    expect(s.parts['3b'].text).toBe('b_f is 3 x 1, one bias per hidden unit');
  });

  it('a row with a value the working lacks ends its question’s last answer, as a second place; pointed to, it is read', () => {
    const pointed = working.replace('total 3,088,878', 'total: see summary');
    const s = run(`${pointed}
Summary of answers
1(a)   3, 4
1(b)   C_t = [0.7, 0.2]
2      e_kj = s_(k-1)^T h_j ;  0 extra parameters
5      199 x 199 ; total 3,088,878`);
    expect(s.parts['5'].text.split('\n').at(-1)).toBe('199 x 199 ; total 3,088,878');
    expect(s.parts['5'].occurrences).toBe(2);
    expect(s.parts['5'].conf).toBe(1);
    // (the second place a summary's row: no second answer for the organisation flag)
    expect(s.parts['5'].summaryRows).toBe(1);
    // (not pointed to: where the value belongs is a guess, and a person checks it)
    const unpointed = run(`${working}
Summary of answers
1(a)   3, 4
2      e_kj = s_(k-1)^T h_j ;  0 extra parameters
5      199 x 199 ; total 3,120,000`);
    expect(unpointed.parts['5'].occurrences).toBe(2);
    expect(unpointed.parts['5'].conf).toBeLessThan(0.7);
  });

  it('a row of a part the working never answered leaves the summary to be read as labels (as without the rule)', () => {
    const noQ5 = working.slice(0, working.indexOf('Q5'));
    const s = run(`${noQ5}
Summary of answers
1(a)   3, 4
2      e_kj = s_(k-1)^T h_j ;  0 extra parameters
5      total 3,088,878`);
    expect(s.warnings.some((w) => /summary/.test(w))).toBe(false);
    // (its labels read as they would be without it: "1(a)" is a second answer to 1(a))
    expect(s.parts['1a'].occurrences).toBe(2);
  });

  it('a row label alone on its line (a table cell centred beside its row) leaves the summary to be read as before', () => {
    const s = run(`${working}
Summary of answers
1(a)   3, 4
2      e_kj = s_(k-1)^T h_j ;  0 extra parameters
       199 x 199 ; total 3,088,878
5
       mults
2`);
    expect(s.warnings.some((w) => /summary/.test(w))).toBe(false);
    // (a page's number ending it is no such label)
    const paged = run(`${working}
Summary of answers
1(a)   3, 4
2      e_kj = s_(k-1)^T h_j ;  0 extra parameters
5      199 x 199 ; total 3,088,878
2`);
    expect(paged.warnings.some((w) => /summary/.test(w))).toBe(true);
  });

  it('ends at an appendix of side calculations, and a last page\'s "Page 2 of 2" is no row of it', () => {
    const lines = [
      ...linesOf(working, 1),
      ...linesOf(
        `Final answers
Q1(a) 3, 4
Q2(b) 0
Q5 total 3,088,878
APPENDIX A (side calculation for Q1(b)(i))
0.5 x 0.4 = 0.2 and 1 x 0.5 = 0.5`,
        2,
      ),
      ...linesOf('Page 2 of 2', 2, 1, 800),
    ];
    const s = segment(lines, [pageInfo(1), pageInfo(2)], parts);
    expect(s.warnings.some((w) => /summary/.test(w))).toBe(true);
    // the summary's rows are left out; the appendix stays as text outside the answers (appendices.ts),
    // and Q5 is answered once
    expect(s.parts['5'].occurrences).toBe(1);
    expect(s.parts['5'].text).toMatch(/^\(200 - 4 \+ 2\)/);
    expect(s.unlabelled.map((l) => l.text)).toContain('0.5 x 0.4 = 0.2 and 1 x 0.5 = 0.5');
    expect(s.parts['5'].text).not.toMatch(/0\.5 x 0\.4|Page 2/);
  });

  it('restates to the places either writes, and without digit groups, sub-labels or references', () => {
    expect(rowRestates('h_t = [0.60437, 0, 0]', 'h_t = (0.6044, 0, 0)')).toBe(true);
    expect(rowRestates('total 3,088,878', '3 088 878 mults')).toBe(true);
    expect(rowRestates('None: no weights are added', '2(a) s^T h | 2(b) 0 extra')).toBe(true);
    expect(rowRestates('dL/dc_t = … (3)', 'eq. (3); f = 1 so no decay')).toBe(false);
    expect(rowRestates('W_f is 3 x 5\nb_f is 3 x 1', 'W_f : 3 x 5\nb_f : 3 x 1\n72 params')).toBe(false);
    expect(rowRestates('4 x 18 = 72 params', '3 x 5 ; 3 x 1 ; 72')).toBe(false);
  });

  it("a row label centred on its cell, the cell's first line nearer it than the row above: that row is the label's (round 73)", () => {
    const lines = linesOf(
      `${working.replace('total 3,088,878', 'total: see the table at the end')}\nSummary of answers\n1(a)   3, 4\n2      e_kj = s_(k-1)^T h_j ;  0 extra parameters\n       after depthwise 199 x 199 x 3\n5\n       mults 1 900 848 + 1 188 030 = 3 088 878`,
      1,
    );
    // (the cell's first line set close above its label, its row's gap above it)
    const at = lines.findIndex((l) => l.text.startsWith('after depthwise'));
    lines[at].box.y += 8;
    const s = segment(lines, [pageInfo(1)], parts);
    expect(s.warnings.some((w) => /summary/.test(w))).toBe(true);
    expect(s.parts['5'].text.split('\n').slice(-2)).toEqual([
      'after depthwise 199 x 199 x 3',
      'mults 1 900 848 + 1 188 030 = 3 088 878',
    ]);
    expect(s.parts['2b'].text).not.toMatch(/depthwise/);
  });

  it('a note ahead of the answers pointing to the summary is read as pointing every row to it; a miscopied value is not (round 73)', () => {
    const noted = `Note: the results of all parts are collected in the table at the end.\n${working.replace('total 3,088,878', 'total below')}`;
    const s = run(
      `${noted}\nFinal answers\n1(a)   3, 4\n2      e_kj = s_(k-1)^T h_j ;  0 extra parameters\n5      199 x 199 ; total 3,088,878`,
    );
    expect(s.parts['5'].conf).toBe(1);
    // (a row whose value is near one the working reached, "3,072,102" for "3,027,102": a person checks)
    const slip = run(
      `${noted.replace('total below', 'total 3,027,102')}\nFinal answers\n1(a)   3, 4\n2      e_kj = s_(k-1)^T h_j ;  0 extra parameters\n5      total 3,072,102`,
    );
    expect(slip.parts['5'].conf).toBeLessThan(0.7);
    expect(rowMiscopies('total 3,027,102', '3,072,102')).toBe(true);
    expect(rowMiscopies('199 x 199 x 16 x 3', '1,900,848')).toBe(false);
  });

  it('a decimal restates only a decimal to the places both give, never a whole number (round 73)', () => {
    expect(rowRestates('h_t = (tanh 0.7, 0, 0) = (1·0.7 …)', 'h_t = (0.6044, 0, 0)')).toBe(false);
    expect(rowRestates('h_t = (0.604, 0, 0)', 'h_t = (0.6044, 0, 0)')).toBe(true);
    expect(rowRestates('= {.6044; 0; 0}', 'h_t = {0.6044; 0; 0}')).toBe(true);
  });
});
