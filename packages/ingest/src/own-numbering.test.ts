// A script's own steps and small questions are no labels; the exam's labels written the same way stay
// labels.
import { describe, expect, it } from 'vitest';
import { PartTree } from './labels.ts';
import { withoutOwnNumbering } from './own-numbering.ts';
import { segment } from './segment.ts';
import { CT3_PARTS, linesOf, pageInfo } from './testing.ts';

const parts = CT3_PARTS;
const tree = new PartTree(parts);
const texts = (text: string) => withoutOwnNumbering(linesOf(text, 1, 1), tree).map((l) => l.text.trim());
const run = (text: string) => segment(linesOf(text, 1, 1), [pageInfo(1)], parts);

// steps numbered through the whole script: "S5." in 1(a) is a step, not question 5
const STEPS = `Q1(a)
S1. The first sigmoid feeds the top-line multiply: f_t -> 2.
S2. The second sigmoid feeds the add: i_t -> 4.
S3. The tanh beside it: C~_t -> 5.
S4. Top line, left end: C_{t-1} -> 1.
S5. Third sigmoid, multiplying tanh(C_t): o_t -> 8.
S6. Top line, right end: C_t -> 11.
Q1(b)(i)
S7. C_t = f_t * C_{t-1} + i_t * C~_t = (0.7, 0.2, 0.05)
Q5
S8. (200 - 4 + 2)/1 + 1 = 199, so 199 x 199 x 3 and 199 x 199 x 10.
S9. 1,900,848 + 1,188,030 = 3,088,878`;

// small questions posed inside every part, from Q1 again in each
const ASKED = `Q.3 >> (a)
  Q1. Input of every gate? [h_{t-1}, x_t] in R^5.
  Q2. Shape of W_f?  3 x 5.
Q.3 >> (b)
  Q1. Shape of b_f?  3 x 1, one per cell unit.
Q.3 >> (c)
  Q1. How many blocks? 4 (f, i, o, C~).
  Q2. Total?  4 x (15 + 3) = 72 parameters.`;

describe("a script's own numbering", () => {
  it('steps numbered past the last question are blanked, and no part is started by them', () => {
    expect(texts(STEPS)[5]).toBe('Third sigmoid, multiplying tanh(C_t): o_t -> 8.');
    const s = run(STEPS);
    expect(s.order).toEqual(['1a', '1b.i', '5']);
    expect(s.parts['1a']?.text).toMatch(/o_t -> 8\.\s+Top line, right end/);
    expect(s.warnings.join(' ')).not.toMatch(/2 places/);
  });
  it("small questions numbered from 1 again in every part are no labels of the exam's questions", () => {
    const s = run(ASKED);
    expect(s.order).toEqual(['3a', '3b', '3c']);
    expect(s.parts['3b']?.text).toMatch(/Shape of b_f\?\s+3 x 1/);
    expect(s.parts['3c']?.text).toMatch(/Total\?\s+4 x \(15 \+ 3\) = 72/);
  });
  it('a run of questions that each ask something, inside a later question, is the student’s own', () => {
    const s = run(
      'Question 4 part b\nIt does not vanish.\nQuestion 5\nQ1. Size after depthwise?\nAns. 199 x 199 x 3\nQ2. Size after pointwise?\nAns. 199 x 199 x 10\nQ3. Total?\nAns. 3,088,878',
    );
    expect(s.order).toEqual(['4b', '5']);
    expect(s.parts['5']?.text).toMatch(/199 x 199 x 3[\s\S]*3,088,878/);
  });
  it('the "(A)" answering a "(Q)" is no part (a)', () => {
    const s = run(
      'Soln. 4(a)\n(Q) Which paths? (A) through h_t and through c_{t+1}.\nSoln. 4(b)\n(Q) What is dL/dc_1?\n(A) The product of the forget gates times dL/dc_T.\n(Q) When f_t = 1?\n(A) It is dL/dc_T: no vanishing.',
    );
    expect(s.order).toEqual(['4a', '4b']);
    expect(s.parts['4b']?.text).toMatch(/product of the forget gates[\s\S]*no vanishing/);
  });
  it('steps numbered on through the parts of a question, and a number wrapped from a sentence, start nothing', () => {
    const s = run(
      '1(a)\n1. Sigmoid on the top line: f_t at 2.\n2. Sigmoid beside the tanh: i_t at 4, the tanh itself at\n5.\n3. o_t at 8.\n4. C_t at 11, C_{t-1} at 1.\n1(b)(i)\n5. f_t * C_{t-1} = [0.2, 0.2, 0]\n6. i_t * C~_t = [0.5, 0, 0.05]\n7. C_t = [0.7, 0.2, 0.05]\n5\nO = (200 - 4 + 2)/1 + 1 = 199',
    );
    expect(s.order).toEqual(['1a', '1b.i', '5']);
    expect(s.parts['1b.i']?.text).toMatch(/^\s*f_t \* C_\{t-1\}/);
    expect(s.warnings.join(' ')).not.toMatch(/2 places/);
  });
  it("an online quiz's own question numbers and question texts are no part of the answers", () => {
    const s = run(
      'Question 1    Answer saved    Marked out of 2.00    Flag question\nC_t has dimension 3 ... i. Compute C_t\nAnswer:\n1b\ni) C_t = [0.7, 0.2, 0.05]\nQuestion 2    Answer saved    Marked out of 1.00\nWrite the expression for e_kj.\nAnswer:\n2a  e_kj = s_{k-1}^T h_j\nQuestion 3    Answer saved    Marked out of 1.00\nDimension of W_f?\nAnswer:\n3 a  W_f = 3 x 5 since [h, x] is 3 + 2 = 5\nQuestion 6    Answer saved    Marked out of 5.00\nExpress dL/dc_t in terms of dL/dc_t+1.\nAnswer:\n4a  dL/dc_t = dL/dc_{t+1} f_{t+1} + dL/dh_t o_t (1 - tanh^2 c_t)',
    );
    expect(s.order).toEqual(['1b.i', '2a', '3a', '4a']);
    expect(s.warnings.join(' ')).not.toMatch(/2 places/);
    expect(s.parts['3a']?.text).not.toMatch(/Marked out of|Question 6|dL\/dc_t\+1/);
  });
  it("the exam's own labels written alike are kept: questions before their sub-parts, and 1 to 5 around a list", () => {
    // ("Q1." three times, each before its sub-part, is question 1)
    const s = run('Q1. (a) f_t -> 3\nQ1. (b)(i) C_t = (0.7, 0.2, 0.05)\nQ1. (b)(ii) h_t = (0.604, 0, 0)');
    expect(s.order).toEqual(['1a', '1b.i', '1b.ii']);
    // (a list 1 to 7 inside question 4, with no label of the exam among it, is left as it is, and so is
    // the 5 after it)
    const listed = texts(
      '1. f_t -> 3\n2. e = s^T h\n3. 3 x 5\n4. Steps:\n1. one\n2. two\n3. three\n4. four\n5. five\n6. six\n7. seven\n5. 199',
    );
    expect(listed.slice(0, 4)).toEqual(['1. f_t -> 3', '2. e = s^T h', '3. 3 x 5', '4. Steps:']);
    expect(listed[8]).toBe('5. five');
    expect(listed[11]).toBe('5. 199');
    // (questions asked in the exam's own order, from question 1, are its labels)
    expect(texts('Q1. What is C_t?\n(0.7, 0.2, 0.05)\nQ2. How many parameters?\n0')).toEqual([
      'Q1. What is C_t?',
      '(0.7, 0.2, 0.05)',
      'Q2. How many parameters?',
      '0',
    ]);
  });
});
