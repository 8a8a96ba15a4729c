import type { Line } from '@grader/model';
import { describe, expect, it } from 'vitest';
import { orderAnnounced } from './answer-order.ts';
import { isFurniture } from './furniture.ts';
import { segment } from './segment.ts';
import { CT3_PARTS, linesOf, pageInfo } from './testing.ts';
import { trailingLabels } from './trailing-labels.ts';

const parts = [
  { id: '1a', path: ['1', 'a'] },
  { id: '1b.i', path: ['1', 'b', 'i'] },
  { id: '1b.ii', path: ['1', 'b', 'ii'] },
  { id: '2a', path: ['2', 'a'] },
  { id: '2b', path: ['2', 'b'] },
  { id: '3a', path: ['3', 'a'] },
  { id: '3b', path: ['3', 'b'] },
  { id: '5', path: ['5'] },
];
const run = (text: string, conf = 1) => segment(linesOf(text, 1, conf), [pageInfo(1)], parts);
// every part of the exam, for scripts that run past 3(b)
const allParts = CT3_PARTS;
const runAll = (text: string) => segment(linesOf(text, 1, 1), [pageInfo(1)], allParts);
/** Lines whose words stand where their characters do (6 pt a character), gaps kept. */
const placed = (text: string): Line[] =>
  text.split('\n').map((t, i) => {
    const y = 60 + i * 14;
    const words = [...t.matchAll(/\S+/g)].map((m) => ({
      text: m[0],
      box: { x: 72 + (m.index ?? 0) * 6, y, w: m[0].length * 6, h: 10 },
      conf: 1,
    }));
    const x = words[0]?.box.x ?? 72;
    const end = Math.max(...words.map((w) => w.box.x + w.box.w));
    return { page: 1, text: t.trim(), box: { x, y, w: end - x, h: 10 }, conf: 1, words };
  });

describe('segment', () => {
  it('cuts a script into parts, label removed, lines joined by newlines', () => {
    const s = run(`Name: A
Q1 a) i. f_t → 3
  ii. i_t → 4
Q1 b) i) C = {0.7, 0.2}
Q1 b) ii) h = {0.6, 0, 0}
Q5 199 × 199 × 3`);
    expect(s.order).toEqual(['1a', '1b.i', '1b.ii', '5']);
    expect(s.parts['1a'].text).toBe('i. f_t → 3\nii. i_t → 4');
    expect(s.parts['5'].text).toBe('199 × 199 × 3');
    expect(s.preamble.map((l) => l.text)).toEqual(['Name: A']);
    expect(s.parts['1a'].regions).toHaveLength(1);
    expect(s.parts['1a'].conf).toBe(1);
  });

  it('a capital roman numeral alone on its line heads its question in any order, its introduction going with (a)', () => {
    const s = run(`Note: I do the numerical ones first (III and
V), then I and II.
III.
Q. Find the sizes. A. h has the size of c, 3, so [h, x] is in R^5.
III.(a) W_f is 3 × 5
III.(b) b_f is 3 × 1
V.
199 × 199 × 3
I.
(a) f_t → 3`);
    expect(s.order).toEqual(['3a', '3b', '5', '1a']);
    expect(s.parts['3a'].text).toContain('[h, x] is in R^5');
    expect(s.parts['5'].text).toBe('199 × 199 × 3');
  });

  it('a table of final answers after the answers is no second answer; corrections at the end are', () => {
    const s = run(`1(a) f_t → 3
1(b)(i) C_t = (0.7, 0.2, 0.05) from the gates
3(a) W_f is 3 × 5 since [h, x] has 5 entries
3(b) b_f is 3 × 1, one bias per unit
Summary of final answers
1(b)(i) (0.7, 0.2, 0.05)
3(a) 3 × 5
3(b) 3 × 1`);
    expect(s.parts['3a'].occurrences).toBe(1);
    expect(s.parts['3a'].text).toBe('W_f is 3 × 5 since [h, x] has 5 entries');
    const c = run(`1(b)(i) C_t = (0.7, 0, 0.4)
3(a) W_f is 3 × 2
3(b) b_f is 3 × 1
Corrections:
1(b)(i) (0.7, 0.2, 0.05)
3(a) 3 × 5
3(b) 3 × 1`);
    expect(c.parts['1b.i'].occurrences).toBe(2);
    expect(c.parts['3a'].occurrences).toBe(2);
  });

  it('inherits context: a bare ii) after 1(b)(i), b) after 3(a)', () => {
    const s = run(`1(b)(i) C = 0.7
ii) h = 0.6
3(a) 3 × 5
b) 3`);
    expect(s.order).toEqual(['1b.i', '1b.ii', '3a', '3b']);
    expect(s.parts['3b'].text).toBe('3');
  });

  it('takes a label on its own line, with the answer below', () => {
    const s = run(`Ans 3.a
3 × 5
Ans 3.b
3
5
199 × 199 × 3`);
    expect(s.parts['3a'].text).toBe('3 × 5');
    // "3" right after "Ans 3.b" is its answer, not question 3; "5" after an answer is part 5
    expect(s.parts['3b'].text).toBe('3');
    expect(s.parts['5'].text).toBe('199 × 199 × 3');
  });

  it('does not take a number that continues a wrapped expression as a question label', () => {
    const s = run(`Ans 3.a
[h, x] has 3 + 2 = 5 entries, so W_f has shape 3 ×
5.
Ans 3.b
3, one bias per hidden unit, so the total is 4 *
3.
Q5 199 × 199 × 3`);
    expect(s.order).toEqual(['3a', '3b', '5']);
    expect(s.parts['3a'].text).toBe('[h, x] has 3 + 2 = 5 entries, so W_f has shape 3 ×\n5.');
    expect(s.parts['3b'].text).toMatch(/4 \*\n3\.$/);
    expect(s.parts['5'].text).toBe('199 × 199 × 3');
  });

  it('merges a part answered in two places and counts the occurrences', () => {
    const s = run(`Q1 b) i) C = f ⊙ C
(contd. later)
Q2 a) e = s h
Q1 b) i) = {0.7, 0.2, 0.05}`);
    expect(s.parts['1b.i'].occurrences).toBe(2);
    expect(s.parts['1b.i'].text).toBe('C = f ⊙ C\n(contd. later)\n= {0.7, 0.2, 0.05}');
    expect(s.order).toEqual(['1b.i', '2a']);
    expect(s.warnings.join()).toMatch(/1b.i is answered in 2 places/);
  });

  it('keeps answers that span pages together', () => {
    const lines = [...linesOf('Q2 a) first line\nmore', 1), ...linesOf('still 2a\nQ2 b) 0', 2)];
    const s = segment(lines, [pageInfo(1), pageInfo(2)], parts);
    expect(s.parts['2a'].text).toBe('first line\nmore\nstill 2a');
    expect(s.parts['2a'].regions.map((r) => r.page)).toEqual([1, 2]);
  });

  it('a numbered list going on to the next line is not a question', () => {
    const s = run(`Q2 b) The extra pieces are (1) the scores, (2) the softmax and
(3) the weighted sum: none has weights, so 0 extra parameters.
Q3 a) W_f is 3 x 5`);
    expect(s.parts['2b'].text).toContain('(3) the weighted sum');
    expect(s.order).toEqual(['2b', '3a']);
  });

  it('does not cut at content that looks like a label', () => {
    const s = run(`Ans 1.b.i
1st: 1 × 0.2 + 1 × 0.5 = 0.7
3 + 2 = 5
(200 + 2 − 4)/1 + 1 = 199
Ans 5
3088878`);
    expect(s.order).toEqual(['1b.i', '5']);
    expect(s.parts['1b.i'].text.split('\n')).toHaveLength(3);
  });

  it('skips page furniture', () => {
    const lines = [...linesOf('Q2 a) answer', 1), ...linesOf('Page 1', 1, 1, 800)];
    const s = segment(lines, [pageInfo(1)], parts);
    expect(s.parts['2a'].text).toBe('answer');
    expect(isFurniture(linesOf('P.1', 1, 1, 20)[0], pageInfo(1))).toBe(true);
    expect(isFurniture(linesOf('3', 1, 1, 400)[0], pageInfo(1))).toBe(false);
  });

  it('lowers confidence for OCR words and repaired labels', () => {
    const s = run('1(6)(i) C = 0.7', 0.8);
    expect(s.parts['1b.i'].labelConf).toBeLessThan(1);
    expect(s.parts['1b.i'].conf).toBeLessThan(0.8);
  });

  it('reads an OCR label repeated after an answer as the next sibling ("ii)" read as "i)")', () => {
    const s = run('Ans 1.b.i\nC = 0.7\nAns 1.b.i\nh = 0.6', 0.9);
    expect(s.order).toEqual(['1b.i', '1b.ii']);
    expect(s.parts['1b.ii'].text).toBe('h = 0.6');
  });

  it('gives an inner label with no sub-label to its first unanswered sub-part, with low confidence', () => {
    const s = run('Ans 3.\n[h, x] has 5 entries\nAns 3b\n3');
    expect(s.parts['3a'].text).toBe('[h, x] has 5 entries');
    expect(s.parts['3a'].labelConf).toBeLessThanOrEqual(0.5);
  });

  it('puts text after the header but before any label into the preamble', () => {
    const s = run('Deep Learning — Class Test 3\nAnswers\nQ5 3');
    expect(s.preamble).toHaveLength(2);
    expect(s.unlabelled).toHaveLength(0);
  });

  it('places unreadable OCR labels on their own line by exam order, when the count fits', () => {
    // "1(a)" and "1(b)(i)" were OCR'd as garbage; "Q1 b) ii)" and "Q2 a)" were read
    const s = run(
      'Name: A\nYAY\nf - 1, i - 2\nWB3P\nC = 0.7\nQ1 b) ii) h = 0.6\nZQ\nthe dot product\nQ2 b) 0',
      0.7,
    );
    expect(s.order).toEqual(['1a', '1b.i', '1b.ii', '2a', '2b']);
    expect(s.parts['2a'].text).toBe('the dot product');
    expect(s.parts['1a'].text).toBe('f - 1, i - 2');
    expect(s.parts['1b.i'].text).toBe('C = 0.7');
    expect(s.parts['1b.i'].labelConf).toBeLessThan(0.5);
    expect(s.warnings.join()).toMatch(/unreadable label "WB3P" taken as 1b.i/);
  });

  it('leaves unreadable labels alone when their number does not fit the gap', () => {
    const s = run('Q1 a) x\nYAY\nC = 0.7\nQ2 b) 0', 0.7);
    // 1b.i, 1b.ii, 2a are missing between 1a and 2b: one candidate cannot be placed
    expect(s.order).toEqual(['1a', '2b']);
  });

  it('never does so on a text layer', () => {
    const s = run('Name: A\nYAY\nf - 1\nQ1 b) i) h = 0.6');
    expect(s.order).toEqual(['1b.i']);
  });

  it('takes a bare question number with its answer on the line only where that question comes next', () => {
    const s = run(`3(b) b_f has 3 entries, one per unit.
5 Spatial size (200 - 4 + 2)/1 + 1 = 199.
so 199 x 199 x 3`);
    expect(s.order).toEqual(['3b', '5']);
    expect(s.parts['5'].text.split('\n')[0]).toBe('Spatial size (200 - 4 + 2)/1 + 1 = 199.');
    // inside an answer, a wrapped line that starts with a number is content
    const t = run(`2(b) the attention needs no extra weights, since
3 vectors are simply dotted.
3(a) W_f: 3 × 5`);
    expect(t.parts['2b'].text).toContain('3 vectors');
    // a question already answered, or one exam order does not expect yet, is not started by a number
    const u = run(`1(a) f_t 3
5 filters in all`);
    expect(u.order).toEqual(['1a']);
    // a script that heads the question "Q5" further down: "5 gates ⇒ …" is a count, not question 5
    const v = run(`3(b) b_f has 3 entries, one per unit.
5 gates would give 5 × 18 = 90.
Q5
Spatial size (200 - 4 + 2)/1 + 1 = 199.`);
    expect(v.order).toEqual(['3b', '5']);
    expect(v.parts['3b'].text).toContain('5 gates would give 5 × 18 = 90.');
    expect(v.parts['5'].text).toBe('Spatial size (200 - 4 + 2)/1 + 1 = 199.');
  });

  it('splits sub-parts written inline after a question number or an introduction', () => {
    const s = run(`2(b) none.
3 With [h, x] of size 5: (a) W_f is 3 × 5; (b) b_f is 3, one per unit.`);
    expect(s.order).toEqual(['2b', '3a', '3b']);
    expect(s.parts['3a'].text).toContain('W_f is 3 × 5');
    expect(s.parts['3b'].text).toBe('b_f is 3, one per unit.');
    const t = run(`1(b) C = [0.7, 0.2, 0.05] (ii) h = [0.604, 0, 0]`);
    expect(t.parts['1b.ii'].text).toBe('h = [0.604, 0, 0]');
    // a sub-part referred to in prose is not its label
    const u = run(`3(a) W_f is 3 × 5 as in (b) below`);
    expect(u.order).toEqual(['3a']);
  });

  it('reads [1a] and 1-b-ii labels, "Part 5", and two sub-parts answered under one label', () => {
    const s = run(`[1a] f_t at 3
1-b-ii h = [0.604, 0, 0]
3 (a) and (b)
W_f is 3 × 5 and b_f is 3 × 1
Part 5
199 x 199 x 3`);
    expect(s.order).toEqual(['1a', '1b.ii', '3a', '3b', '5']);
    expect(s.parts['3b'].text).toBe(s.parts['3a'].text);
    expect(s.parts['5'].text).toBe('199 x 199 x 3');
    // joined by a slash, the question repeated or not: "2a/2b:", "1b) i/ii:"
    const sl = run(`1b) i/ii: C = [0.7, 0.2] ; h = [0.6, 0, 0]
2a/2b: e = s . h ; zero extra params
3a/3b: 3x5 and 3x1`);
    expect(sl.order).toEqual(['1b.i', '1b.ii', '2a', '2b', '3a', '3b']);
    expect(sl.parts['2b'].text).toBe('e = s . h ; zero extra params');
    // dotted labels joined by slashes: "Q.3.A / 3.B / 3.C"
    const dotted = run(`Q.3.A / 3.B
W_f : 3 x 5; b_f : 3 x 1`);
    expect(dotted.order).toEqual(['3a', '3b']);
    expect(dotted.parts['3b'].text).toBe('W_f : 3 x 5; b_f : 3 x 1');
    // three at once, and a question heading out of order with a note
    const three = run(`1(a) f_t is 3.
3 (doing Q3 before Q2)
(a) W_f 3 × 5
Ans 2 (a), (b)
e = s . h, no extra params`);
    expect(three.order).toEqual(['1a', '3a', '2a', '2b']);
    expect(three.parts['2b'].text).toBe('e = s . h, no extra params');
    // a heading naming both: "Question 3 — parts (a) and (b)"
    const h = run(`Question 3 — parts (a) and (b)
W_f is 3 × 5 and b_f is 3 × 1
Question 5
199 x 199 x 3`);
    expect(h.order).toEqual(['3a', '3b', '5']);
    expect(h.parts['3b'].text).toBe('W_f is 3 × 5 and b_f is 3 × 1');
  });

  it('a question heading with an introduction, then its "a)": the label confirms the guessed part', () => {
    const s = run(`Q3
input to each gate = [h, x], dim 3 + 2 = 5
a) W_f : (3, 5)
b) b_f : (3, 1)`);
    expect(s.order).toEqual(['3a', '3b']);
    expect(s.parts['3a'].text).toBe('input to each gate = [h, x], dim 3 + 2 = 5\nW_f : (3, 5)');
    expect(s.parts['3a'].labelConf).toBeGreaterThan(0.7);
  });

  it('a number heading the top of a page is a question when it is not the page’s own number', () => {
    const lines = linesOf('3(b) b_f is 3, one bias per unit.\n5\n199 x 199 x 3', 1, 1);
    // "5" at the top of page 2: a heading, not a page number
    lines[1] = { ...lines[1], page: 2, box: { ...lines[1].box, y: 20 } };
    lines[2] = { ...lines[2], page: 2, box: { ...lines[2].box, y: 60 } };
    const s = segment(lines, [pageInfo(1), pageInfo(2)], parts);
    expect(s.order).toEqual(['3b', '5']);
    // "2" there is page 2's number
    const numbered = linesOf('3(b) b_f is 3, one bias per unit.\n2\nmore of 3(b)', 1, 1);
    numbered[1] = { ...numbered[1], page: 2, box: { ...numbered[1].box, y: 20 } };
    numbered[2] = { ...numbered[2], page: 2, box: { ...numbered[2].box, y: 60 } };
    expect(segment(numbered, [pageInfo(1), pageInfo(2)], parts).parts['3b'].text).toContain('more of 3(b)');
  });

  it('a question started on a new page, the page before left mostly empty: the lines above its first label introduce it', () => {
    const page2 = linesOf(
      'h has 3 entries; [h, x] has 3 + 2 = 5\n[3a] W_f : 3 × 5\n[3b] b_f : 3 × 1',
      2,
      1,
      40,
    );
    const broken = [...linesOf('[2b] Zero: the dot product has no weights.', 1, 1, 100), ...page2];
    const s = segment(broken, [pageInfo(1), pageInfo(2)], parts);
    expect(s.parts['2b'].text).toBe('Zero: the dot product has no weights.');
    expect(s.parts['3a'].text).toBe('h has 3 entries; [h, x] has 3 + 2 = 5\nW_f : 3 × 5');
    // an answer that filled its page and ran over keeps its last line
    const full = [...linesOf('[2b] Zero: the dot product has no weights.', 1, 1, 760), ...page2];
    expect(segment(full, [pageInfo(1), pageInfo(2)], parts).parts['2b'].text).toContain('3 + 2 = 5');
  });

  it('a question copied out before its answers keeps its own sub-labels: "Question: … (a) dim W_f (b) dim b_f"', () => {
    const s = runAll(`3 -  Question: x_t in R^2, c_t in R^3. (a) dim W_f (b) dim b_f (c) total parameters.
   3 a -  W_f : 3 x 5   (3 outputs, 5 inputs)
   3 b -  b_f : 3 x 1
[1.b]  Q: C_{t-1} = {0.2, 0.4, 0.8}.  (i) C_t = ?  (ii) h_t = ?
  (i)  C_t = [0.7, 0.2, 0.05]
  (ii) h_t = [0.604, 0, 0]`);
    expect(s.parts['3a'].occurrences).toBe(1);
    expect(s.parts['3b'].text).toBe('b_f : 3 x 1');
    expect(s.parts['1b.i'].occurrences).toBe(1);
    expect(s.parts['1b.ii'].text).toBe('h_t = [0.604, 0, 0]');
    // (an answer crammed on one line is still cut at its labels; "Q." is a label's, no copy)
    expect(run('Q3 (a) W_f : 3 x 5.  (b) b_f : 3 x 1').parts['3b'].text).toBe('b_f : 3 x 1');
    expect(run('Q. 3 (a) W_f : 3 x 5.  (b) b_f : 3 x 1').parts['3b'].text).toBe('b_f : 3 x 1');
  });

  it('a question quoted over two lines, or its parts listed in words after its number, keeps its sub-labels', () => {
    const s = runAll(`Q1(b) "C_t has dimension 3. C_{t-1} = {0.2, 0.4, 0.8}, f_t = {1, 0.5, 0},
    o_t = {1, 0, 0}, C~_t = {0.5, 0, 0.1}. (i) compute C_t (ii) compute h_t"
(i) C_t = [0.7, 0.2, 0.05]
(ii) h_t = [0.604, 0, 0]
Q3. x_t in R^2, c_t in R^3. (a) dim of W_f, (b) dim of b_f, (c) total number of parameters in the cell.
Solution 3. h_t is in R^3, so [h_{t-1}, x_t] is in R^5.
(a) W_f is in R^{3x5}.
(b) b_f is in R^3.`);
    expect(s.parts['1b.i'].occurrences).toBe(1);
    expect(s.parts['1b.ii'].text).toBe('h_t = [0.604, 0, 0]');
    expect(s.parts['3a'].occurrences).toBe(1);
    expect(s.parts['3a'].text).toContain('[h_{t-1}, x_t] is in R^5');
    expect(s.parts['3b'].text).toBe('b_f is in R^3.');
    // (an answer's own list has its values: "(a) 3 x 5, (b) 3 x 1" is cut at its labels)
    expect(runAll('Q3. (a) 3 x 5, (b) 3 x 1, (c) 72').parts['3b'].text).toBe('3 x 1,');
  });

  it('a question\'s parts named by ordinals under its heading: "The first is …, the second is …, and the third is …"', () => {
    const s = runAll(`Ans-3
The first is W_f which is 3x5 because [h, x] has 3 + 2 = 5 entries, the second is
b_f which is 3, and the third is the total: 4 x (15 + 3) = 72.
Ans-4
(a) dL/dc_t = dL/dh_t * o_t * (1 - tanh^2(c_t)) + dL/dc_(t+1) * f_(t+1); the first is the
direct path and the second is the path through c_(t+1)`);
    expect(s.parts['3a'].text).toBe('The first is W_f which is 3x5 because [h, x] has 3 + 2 = 5 entries,');
    expect(s.parts['3a'].labelConf).toBeGreaterThan(0.7);
    expect(s.parts['3b'].text).toBe('b_f which is 3, and');
    expect(s.parts['3c'].text).toBe('the total: 4 x (15 + 3) = 72.');
    // (under a part's own label, ordinals are the answer's words)
    expect(s.parts['4a'].text).toContain('the second is the path through c_(t+1)');
    expect(s.parts['4b']).toBeUndefined();
  });

  it('reads crammed scripts: later labels inline, numbered questions between plainly labelled ones', () => {
    const s = run(`1(a) f_t = 3, i_t = 4. 1b. C = [0.7, 0.2, 0.05] ii. h = [0.604, 0, 0]
2. e = s . h, and no new weights: 0
3(a) W_f 3 × 5`);
    expect(s.order).toEqual(['1a', '1b.i', '1b.ii', '2a', '3a']);
    expect(s.parts['1b.ii'].text).toBe('h = [0.604, 0, 0]');
  });

  it('tells a numbered list inside an answer from question numbers', () => {
    const s = run(`Question 1
1. Part (a): f_t 3
2. Part (b)(i): C = [0.7, 0.2, 0.05]
Question 2
1. (a) e = s . h
2. the softmax of e
3. (b) 0 extra parameters
Question 3
1. [h, x] has 3 + 2 = 5
2. (a) W_f 3 × 5`);
    expect(s.order).toEqual(['1a', '1b.i', '2a', '2b', '3a']);
    expect(s.parts['2a'].text).toContain('the softmax of e');
    expect(s.parts['3a'].text).toContain('W_f 3 × 5');
    // in an enumerate of questions, "2. (a)" is question 2's (a)
    const t = run(`1. (a) f_t 3
(b) i. C = [0.7, 0.2, 0.05]
2. (a) e = s . h`);
    expect(t.order).toEqual(['1a', '1b.i', '2a']);
  });
});

describe('labels written after their answers (right margin)', () => {
  it('each label closes the block above it; the header above a gap stays out', () => {
    const lines = [
      ...linesOf('Meenakshi Iyer 19NA10017', 1, 1, 40),
      ...linesOf(
        `f_t → 3, i_t → 4, o_t → 8 — Q1(a)
C_t = f ⊙ C_{t-1} + i ⊙ C̃
= (0.2, 0.2, 0) + (0.5, 0, 0.05) = (0.7, 0.2, 0.05) — Q1(b)i
h_t = (0.604, 0, 0) — Q1(b)ii
3 + 2 = 5 entries, W_f is 3 × 5 — Q3(a)
b_f is 3 × 1 [Ans. 3(b)]
Depthwise: (200 + 2 − 4)/1 + 1 = 199 — Q5
5 filters of 1 × 1 × 3 — Q5`,
        1,
        1,
        80,
      ),
    ];
    const s = segment(lines, [pageInfo(1)], parts);
    expect(s.order).toEqual(['1a', '1b.i', '1b.ii', '3a', '3b', '5']);
    expect(s.parts['1b.i'].text).toBe(
      'C_t = f ⊙ C_{t-1} + i ⊙ C̃\n= (0.2, 0.2, 0) + (0.5, 0, 0.05) = (0.7, 0.2, 0.05)',
    );
    expect(s.parts['3b'].text).toBe('b_f is 3 × 1');
    // one answer over two labelled lines is one answer, and a line starting "5 filters" is not question 5
    expect(s.parts['5'].occurrences).toBe(1);
    expect(s.parts['5'].text).toBe('Depthwise: (200 + 2 − 4)/1 + 1 = 199\n5 filters of 1 × 1 × 3');
    expect(s.preamble.map((l) => l.text)).toEqual(['Meenakshi Iyer 19NA10017']);
  });
  it('a tag in brackets at the end of its answer closes it; a rule between answers starts no block', () => {
    const rule = '----------------------------------------';
    const blocks = [
      '(part tags are written at the end of each answer)',
      'f_t -> 5, i_t -> 6, C_(t-1) -> 1          (Q.1-a)',
      'C_t = [0.2, 0.2, 0] + [0.5, 0, 0.05]\n  = [0.7, 0.2, 0.05]          (Q.1-b-i)',
      `${rule}\ne_kj = s_(k-1)^T h_j          (Q.2-a)`,
      `${rule}\nInput to gate = 3 + 2 = 5 long, W_f = 3 x 5          (Q.3-a)`,
    ];
    const place = (bs: string[]) => bs.flatMap((b, k) => linesOf(b, 1, 1, 60 + k * 90));
    const s = segment(place(blocks), [pageInfo(1)], parts);
    expect(s.order).toEqual(['1a', '1b.i', '2a', '3a']);
    expect(s.parts['2a'].text).toBe('e_kj = s_(k-1)^T h_j');
    // (another part's tag inside the lines, a correction of which block is which: a person reads it)
    const mixed = [
      ...blocks.slice(0, 4),
      `${rule}\nW_f = 3 x 5\n(Q.3-b)\n^^ sorry, above is (Q.3-a), W_f. bias below is 3-b.`,
      'b_f = 3 x 1\n(Q.3-b)',
    ];
    expect(s.warnings).toContain('part labels read at the ends of the answers (right margin)');
    expect(segment(place(mixed), [pageInfo(1)], parts).warnings).not.toContain(
      'part labels read at the ends of the answers (right margin)',
    );
  });
  it('an arrow pointing back from the end of the working at its label closes it: "<- this is 5 (total)", "<- 3(a)"', () => {
    const blocks = [
      '(doing 5 and 3 first)',
      '(200 + 2*1 - 4)/1 + 1 = 199    -> depthwise out 199 x 199 x 3\n1x1 conv, 10 filters -> 199 x 199 x 10        <- this is 5 (sizes)',
      'dw = 39601 * 48 = 1900848\n1900848 + 1188030 = 3088878 multiplications        <- this is 5 (total)',
      'input to each gate = 3 + 2 = 5, output 3\nW_f = 3 x 5        <- 3(a)\nb_f = 3 x 1        <- 3(b)',
    ];
    const s = segment(
      blocks.flatMap((b, k) => linesOf(b, 1, 1, 60 + k * 90)),
      [pageInfo(1)],
      parts,
    );
    expect(s.order).toEqual(['5', '3a', '3b']);
    expect(s.parts['5'].text).toBe(
      '(200 + 2*1 - 4)/1 + 1 = 199    -> depthwise out 199 x 199 x 3\n1x1 conv, 10 filters -> 199 x 199 x 10\ndw = 39601 * 48 = 1900848\n1900848 + 1188030 = 3088878 multiplications',
    );
    expect(s.parts['3a'].text).toBe('input to each gate = 3 + 2 = 5, output 3\nW_f = 3 x 5');
    expect(s.parts['3b'].text).toBe('b_f = 3 x 1');
    // (a bare number after a wide gap is still a value: "… = 199        5" labels nothing)
    expect(
      segment(
        linesOf('a = 3\nb = 4        5\nc = 5        6\nd = 7        8', 1, 1, 60),
        [pageInfo(1)],
        parts,
      ).order,
    ).not.toContain('5');
  });
  it("labels at the right of each answer's first line open their blocks, the working set under them", () => {
    const blocks = [
      'f_t=5, i_t=6, o_t=8, C_t=2, C_(t-1)=1, C~_t=7        [1.a]\n(5,6,7,8 = sigma, sigma, tanh, sigma)',
      'C_t = f_t (.) C_(t-1) + i_t (.) C~_t        [1.b.i]\n= (0.2, 0.2, 0) + (0.5, 0, 0.05)\n=> C_t = (0.7, 0.2, 0.05)',
      'h_t = o_t (.) tanh(C_t)        [1.b.ii]\n=> h_t = (0.6044, 0, 0)',
      'concat [h, x] : 3 + 2 = 5 dims        [3.a]\n=> W_f : 3 x 5',
    ];
    const lines = [
      ...linesOf('Answer script of Manjunath Gowda (18ME61156)\nCS60010 CT 3, 15/3/21', 1, 1, 40),
      ...blocks.flatMap((b, k) => linesOf(b, 1, 1, 120 + k * 100)),
    ];
    const s = segment(lines, [pageInfo(1)], parts);
    expect(s.order).toEqual(['1a', '1b.i', '1b.ii', '3a']);
    expect(s.parts['1b.i'].text).toBe(
      'C_t = f_t (.) C_(t-1) + i_t (.) C~_t\n= (0.2, 0.2, 0) + (0.5, 0, 0.05)\n=> C_t = (0.7, 0.2, 0.05)',
    );
    expect(s.parts['3a'].text).toBe('concat [h, x] : 3 + 2 = 5 dims\n=> W_f : 3 x 5');
  });
  it('a value at a line end is not a label ("… = 199 x 199 x 10   5" is not Q5)', () => {
    const s = run(`Q1 a) f_t → 3 — 1
Q1 b) i) C = {0.7, 0.2} - 2
Q5 199 × 199 × 3 - 5`);
    expect(s.order).toEqual(['1a', '1b.i', '5']);
    expect(s.parts['1a'].text).toBe('f_t → 3 — 1');
  });
});

describe('a label beside a typeset column vector', () => {
  it('the vector’s rows above the label line go with the new answer, not the end of the one before', () => {
    // "(ii) h_t = ⎡0.6044⎤ …": the label on the bmatrix's middle row, its top row a line above
    // (its brackets: glyph pieces with no text)
    const word = (text: string, x: number, y: number, w = text.length * 6) => ({
      text,
      box: { x, y, w, h: 12 },
      conf: 1,
    });
    const line = (words: ReturnType<typeof word>[]) => ({
      page: 1,
      text: words.map((w) => w.text).join(' '),
      box: { x: words[0].box.x, y: words[0].box.y, w: 300, h: 12 },
      conf: 1,
      words,
    });
    const lines = [
      line([
        word('1(b)(i)', 60, 60),
        word('C_t', 106, 60),
        word('=', 120, 60),
        word('(0.7,', 132, 60),
        word('0.2,', 170, 60),
        word('0.05)', 200, 60),
      ]),
      line([word('0.6044', 152, 76)]),
      line([
        word('(ii)', 72, 90),
        word('h_t', 96, 90),
        word('=', 120, 90),
        word('', 140, 88, 7),
        word('0', 152, 90),
        word('', 190, 88, 7),
      ]),
      line([word('0', 152, 104)]),
    ];
    const seg = segment(lines, [pageInfo(1)], parts);
    expect(seg.parts['1b.i'].text).not.toContain('0.6044');
    expect(seg.parts['1b.ii'].text.split('\n')[0]).toBe('0.6044');
  });
});

describe('an essay that names its parts inside its sentences', () => {
  it('"For part (b), …" after a full stop starts that part; "Question 3." then "…, part (a): …" is 3a for sure', () => {
    const s = run(`Name: A
Question 3.
Moving on to question three, part (a): [h, x] has 3 + 2 = 5 entries, so W_f is 3 x 5. For part (b), b_f
is 3 x 1, one per unit.`);
    expect(s.parts['3a'].text).toBe('[h, x] has 3 + 2 = 5 entries, so W_f is 3 x 5.');
    expect(s.parts['3a'].labelConf).toBeGreaterThan(0.8);
    expect(s.parts['3b'].text).toBe('b_f\nis 3 x 1, one per unit.');
  });
});

describe('final answers first, then the working of each question', () => {
  it('"[1b] …" and "[3] …" below the answers are the working of every part of their question', () => {
    const s = run(`Name: A
1a f_t → 3, i_t → 4
1b i C_t = [0.7, 0.2, 0.05]
1b ii h_t = [0.604, 0, 0]
2a e = s · h
2b 0
3a 3 × 5
3b 3 × 1
[1b] C_t = f ⊙ C + i ⊙ C~ = [0.2, 0.2, 0] + [0.5, 0, 0.05]
h_t = o ⊙ tanh(C_t) = [tanh 0.7, 0, 0]
[2a] e_kj = s_{k-1}^T h_j, then a softmax over j
[2b] 0 extra since the dot product has no weights
[3] [h, x] has 3 + 2 = 5 entries, so W_f is 3 × 5 and b_f is 3 × 1, one per unit`);
    for (const id of ['1b.i', '1b.ii']) expect(s.parts[id].text).toContain('h_t = o ⊙ tanh(C_t)');
    for (const id of ['3a', '3b']) {
      expect(s.parts[id].text).toContain('3 + 2 = 5 entries');
      expect(s.parts[id].occurrences).toBe(2);
    }
    // a second row that adds words of its own is working, not a restated answer
    expect(s.parts['2b'].text).toBe('0\n0 extra since the dot product has no weights');
    expect(s.parts['2a'].text).not.toContain('3 + 2');
  });
  it('"[2]" numbering a step inside another question’s answer is no label; "[2] Attention" heads question 2', () => {
    const s = run(`Name: A
[1a] f_t → 3
[1b] i) C_t = [0.7, 0.2, 0.05]
[2] the sum of i_t ⊙ C~_t
ii) h_t = [0.604, 0, 0]
[2] Attention (k = 1, 2, …)
(a) e_kj = s_{k-1}^T h_j
(b) 0 extra`);
    expect(s.parts['1b.i'].text).toContain('[2] the sum');
    // a bracketed number heading the next question in words is that question
    expect(s.order).toEqual(['1a', '1b.i', '1b.ii', '2a', '2b']);
    expect(s.parts['2b'].text).toBe('0 extra');
  });
});

describe('a table row whose label is centred on its answer', () => {
  const word = (text: string, x: number, y: number) => ({
    text,
    box: { x, y, w: text.length * 6, h: 12 },
    conf: 1,
  });
  const line = (...words: ReturnType<typeof word>[]) => ({
    page: 1,
    text: words.map((w) => w.text).join(' '),
    box: {
      x: words[0].box.x,
      y: words[0].box.y,
      w: Math.max(...words.map((w) => w.box.x + w.box.w)) - words[0].box.x,
      h: 12,
    },
    conf: 1,
    words,
  });
  it('the answer’s lines above the label go with it, the first row’s out of the header too', () => {
    // an office table: labels in a column of their own, each centred on its answer cell; rows
    // parted by the cells' padding
    const lines = [
      line(word('Name:', 60, 10), word('A', 96, 10)),
      line(word('f_t', 110, 40), word('→', 130, 40), word('3', 140, 40)),
      line(word('1(a)', 60, 54), word('i_t', 110, 54), word('→', 130, 54), word('4', 140, 54)),
      line(word('o_t', 110, 68), word('→', 130, 68), word('8', 140, 68)),
      line(word('3(a)', 60, 96), word('W_f', 110, 96), word('is', 134, 96), word('3×5', 150, 96)),
      line(word('One', 110, 124), word('bias', 134, 124), word('per', 164, 124), word('unit,', 188, 124)),
      line(word('3(b)', 60, 138), word('b_f', 110, 138), word('is', 134, 138), word('3×1', 150, 138)),
      line(word('the', 110, 152), word('size', 134, 152), word('of', 164, 152), word('f_t', 180, 152)),
    ];
    const seg = segment(lines, [pageInfo(1)], parts);
    expect(seg.preamble.map((l) => l.text)).toEqual(['Name: A']);
    expect(seg.parts['1a'].text).toBe('f_t → 3\ni_t → 4\no_t → 8');
    expect(seg.parts['3a'].text).toBe('W_f is 3×5');
    expect(seg.parts['3b'].text.split('\n')).toEqual(['One bias per unit,', 'b_f is 3×1', 'the size of f_t']);
  });
  it('a row read in pieces beside a label alone on its line does not hide the lines below it', () => {
    // (se-03: "4 (a)" centred in a cell of lines with blank lines between them; the cell's row beside
    // the label read as three pieces)
    const lines = [
      line(word('3(b)', 61, 380), word('b_f', 99, 380), word('is', 123, 380), word('3×1', 140, 380)),
      line(word('Let', 99, 409), word('δt', 123, 409), word(':=', 140, 409), word('∂L/∂ct.', 156, 409)),
      line(word('ct', 99, 422), word('influences', 117, 422), word('L', 183, 422)),
      line(word('4(a)', 61, 456)),
      line(word('∂ht/∂ct', 99, 448), word('=', 147, 448), word('ot', 159, 448)),
      line(word('∂ct+1/∂ct', 218, 448), word('=', 278, 448), word('ft+1', 290, 448)),
      line(word('(elementwise)', 330, 448)),
      line(word('δt', 99, 474), word('=', 117, 474), word('εt', 129, 474)),
      line(word('Starting', 99, 499), word('value', 153, 499)),
      line(word('−', 377, 499), word('yT).', 389, 499)),
    ];
    const seg = segment(lines, [pageInfo(1)], allParts);
    expect(seg.parts['3b'].text).toBe('b_f is 3×1');
    expect(seg.parts['4a'].text.split('\n').slice(0, 2)).toEqual(['Let δt := ∂L/∂ct.', 'ct influences L']);
  });
  it('a table set on its label’s line (LaTeX centres it there) takes its rows above the label', () => {
    // "\\textbf{I.(a)} \\begin{tabular}…": the head and two rows above the label's line
    const lines = [
      line(word('I.', 48, 300), word('LSTM', 62, 300), word('cell', 92, 300)),
      line(word('variable', 100, 325), word('position', 152, 325)),
      line(word('i', 84, 342), word('f_t', 96, 342), word('5', 120, 342)),
      line(word('ii', 84, 356), word('i_t', 100, 356), word('6', 124, 356)),
      line(word('I.(a)', 48, 370), word('iii', 84, 370), word('o_t', 106, 370), word('8', 130, 370)),
      line(word('iv', 84, 384), word('C_t', 100, 384), word('2', 124, 384)),
      line(word('v', 84, 398), word('C_t-1', 96, 398), word('1', 132, 398)),
      line(word('vi', 84, 412), word('C~_t', 100, 412), word('7', 130, 412)),
      line(word('I.(b).i', 48, 440), word('C_t', 94, 440), word('=', 116, 440), word('[0.7]', 126, 440)),
    ];
    const seg = segment(lines, [pageInfo(1)], parts);
    expect(seg.parts['1a'].text.split('\n')).toEqual([
      'variable position',
      'i f_t 5',
      'ii i_t 6',
      'iii o_t 8',
      'iv C_t 2',
      'v C_t-1 1',
      'vi C~_t 7',
    ]);
  });

  it('a cell whose lines are indented a few spaces under its first keeps them: the label centred on all five', () => {
    // (re-12: "5" centred on "Depthwise: …", "   output: …", "Pointwise: …", "   output: …", "Total = …")
    const lines = [
      line(word('3(b)', 60, 380), word('b_f', 95, 380), word('is', 119, 380), word('3×1', 136, 380)),
      line(
        word('Depthwise:', 95, 420),
        word('(200-4+2)/1+1', 161, 420),
        word('=', 245, 420),
        word('199', 255, 420),
      ),
      line(word('output:', 104, 434), word('199×199×3', 150, 434)),
      line(word('Q5', 60, 448), word('Pointwise:', 95, 448), word('10', 161, 448), word('filters', 177, 448)),
      line(word('output:', 104, 462), word('199×199×10', 150, 462)),
      line(word('Total', 95, 476), word('=', 127, 476), word('3,088,878', 137, 476)),
    ];
    const seg = segment(lines, [pageInfo(1)], parts);
    expect(seg.parts['3b'].text).toBe('b_f is 3×1');
    expect(seg.parts['5'].text.split('\n')[0]).toBe('Depthwise: (200-4+2)/1+1 = 199');
    expect(seg.parts['5'].text.split('\n')).toHaveLength(5);
  });

  it('a typed label hanging one space before its answer keeps the line above with the part before', () => {
    // the same rows as typed text: "3(b) b_f …" with its answer's column under the label's text
    const lines = [
      line(word('3(a)', 60, 96), word('W_f', 90, 96), word('is', 114, 96), word('3×5', 130, 96)),
      // (a blank line, then a last line just above the next label: centred on it by chance)
      line(word('so', 90, 124), word('15', 108, 124), word('weights', 126, 124)),
      line(word('3(b)', 60, 138), word('b_f', 90, 138), word('is', 114, 138), word('3×1', 130, 138)),
      line(word('(3', 90, 152), word('units)', 108, 152)),
    ];
    const seg = segment(lines, [pageInfo(1)], parts);
    expect(seg.parts['3a'].text).toBe('W_f is 3×5\nso 15 weights');
    expect(seg.parts['3b'].text).toBe('b_f is 3×1\n(3 units)');
  });
});

describe('a line that ends the answer before a label', () => {
  it('"… + · · ·" ends its expression: the "5." after it labels question 5; "… = 3 ×" then "5." goes on', () => {
    const ended = run(
      '3a\nW_f is 3 x 5\n4b\nSo dL/dc_1 = dL/dc_T + · · ·\n5. Depthwise output 199 x 199 x 3',
    );
    expect(ended.parts['5'].text).toContain('Depthwise');
    const wrapped = run('3a\nW_f is 3 x 5\n4b\nthe shape is 3 ×\n5. and that is all');
    expect(wrapped.parts['5']).toBeUndefined();
  });
});

describe('a numbered list under a heading for all of a question’s parts', () => {
  it('"3. (a) …", "4. (b) …", "5. (c) …" under "Question 3 part a, b, c" are 3a, 3b, 3c', () => {
    // (with the exam's own parts: 4b and 5 exist, so the list numbers could be read as them)
    const exam = [
      ...parts,
      { id: '3c', path: ['3', 'c'] },
      { id: '4a', path: ['4', 'a'] },
      { id: '4b', path: ['4', 'b'] },
    ];
    const text =
      '2b\nno extra parameters, 0\nQuestion 3 part a, b, c\n1. Given: x_t has 2 entries, h_t has 3.\n2. Input to every gate is [h, x] of size 5.\n3. (a) W_f is 3 × 5\n4. (b) b_f is 3\n5. (c) each block 15 + 3 = 18, total 72';
    const s = segment(linesOf(text, 1, 1), [pageInfo(1)], exam);
    expect(s.parts['3b']?.text).toContain('b_f is 3');
    expect(s.parts['3c']?.text).toContain('72');
    expect(s.parts['4b']).toBeUndefined();
    expect(s.parts['5']).toBeUndefined();
  });
});

describe('round 28 forms (writers zd, ze, zf)', () => {
  it('"… = [0.7, 0, 0]. Question 1 part b (ii): Given …" in one paragraph starts 1(b)(ii) mid-line', () => {
    const s = run(`Name: A
Question 1 part b (i): Formula C_t = f_t * C_(t-1) + i_t * C~_t; Result C_t = [0.7, 0.2, 0.05]. Question 1 part b (ii): Given
o_t = [1, 0, 0]; Result h_t = [0.604, 0, 0].`);
    expect(s.parts['1b.i'].text).toBe(
      'Formula C_t = f_t * C_(t-1) + i_t * C~_t; Result C_t = [0.7, 0.2, 0.05].',
    );
    expect(s.parts['1b.ii'].text).toBe('Given\no_t = [1, 0, 0]; Result h_t = [0.604, 0, 0].');
  });
  it('"II.(a) and II.(b) (together)": a question numbered in capital roman numerals answers both parts', () => {
    const s = run('Name: A\nII.(a) and II.(b) (together)\ne_kj = s_k^T h_j; extra parameters = 0.');
    expect(s.parts['2a'].sharedWith).toEqual(['2b']);
    expect(s.parts['2b'].text).toContain('extra parameters = 0');
  });
  it('a list bullet the font maps to a control code ("\\u0088 3(b): …") does not hide the label', () => {
    const s = run(
      'Name: A\nSoln. 3(a), 3(b). Asked: the sizes.\nThinking: h_t has 3 entries, [h, x] has 5.\n\u0088 3(a): W_f is 3 x 5.\n\u0088 3(b): b_f is 3 x 1.',
    );
    expect(s.parts['3b'].text).toBe('b_f is 3 x 1.');
    expect(s.parts['3b'].sharedWith).toBeUndefined();
    expect(s.parts['3a'].text).toContain('[h, x] has 5');
  });
});

describe('equation numbers', () => {
  it('a script numbering its equations "(1)" … "(18)" at line starts: "(5) h_t = …" under [1.b.ii] is no question 5', () => {
    const s = run(`Name: A
[1.b.i]
(1) C_t = f_t * C_{t-1} + i_t * C~_t
(2) f_t * C_{t-1} = (0.2, 0.2, 0)
from (1), (2):
(4) C_t = (0.7, 0.2, 0.05)
[1.b.ii]
(5) h_t = o_t * tanh(C_t)
the cell state is squashed.
(6) tanh(C_t) = (0.6044, 0.1974, 0.0500)
[5]
(18) output size = 199`);
    expect(s.parts['1b.ii'].text).toBe(
      '(5) h_t = o_t * tanh(C_t)\nthe cell state is squashed.\n(6) tanh(C_t) = (0.6044, 0.1974, 0.0500)',
    );
    expect(s.parts['5'].text).toBe('(18) output size = 199');
  });
});

describe('round 29 forms (writers zg, zh, zi)', () => {
  it('"Q1 ↦ (b) i, ii" and "Q2 ↦ (a), (b)": an arrow to the sub-part, and the sub-parts listed after it answered together', () => {
    // (in a script of "Q: …" / "A: …" lines, "A:" opens an answer: no part (a))
    const s = run(`Name: A
Q1 ↦ (b) i, ii
Q: C_t and h_t?
A: C_t = (0.7, 0.2, 0.05) and h_t = (0.604, 0, 0)
Q2 ↦ (a), (b)
Q: e_kj, and how many extra parameters?
A: e_kj = s_k^T h_j, and 0 extra parameters`);
    expect(s.parts['1a']).toBeUndefined();
    expect(s.parts['1b.i'].sharedWith).toEqual(['1b.ii']);
    expect(s.parts['1b.ii'].text).toContain('h_t = (0.604, 0, 0)');
    expect(s.parts['1b.i'].labelConf).toBe(1);
    expect(s.parts['2b'].sharedWith).toEqual(['2a']);
  });
});

describe('capital roman question numbers with their introduction', () => {
  it('"III. [h, x] has 3 + 2 = 5 entries." after a correction to I.(b)(i) heads question 3; a 1(a) item "II. i_t → 4" does not', () => {
    const s = run(`Name: A
I.(b)(i) C_t = (0.7, 0.2, 0.4)
II.(a) e = s h
Correction to I.(b)(i): third entry is 0.05. So
C_t = (0.7, 0.2, 0.05).
III. [h, x] has 3 + 2 = 5 entries.
(a) W_f : 3 x 5
(b) b_f : 3 x 1`);
    expect(s.parts['3a'].text).toContain('W_f : 3 x 5');
    expect(s.parts['3b'].text).toBe('b_f : 3 x 1');
    expect(s.parts['1b.i'].text).not.toContain('III.');
    // (nor is the word "I": "I am answering Question 4 first.")
    const word = run('Name: A\nI am answering question 2 first, then the rest.\nII.(a) e = s h');
    expect(word.parts['1a']).toBeUndefined();
    const list = run('Name: A\nI.(a)\nI. f_t → 3\nII. i_t → 4\nIII. o_t → 8');
    expect(list.parts['1a'].text).toContain('II. i_t → 4');
    expect(list.parts['2a']).toBeUndefined();
  });
});

describe('round 33 forms (writers zs, zt, zu)', () => {
  const withQ4 = [
    { id: '3b', path: ['3', 'b'] },
    { id: '3c', path: ['3', 'c'] },
    { id: '4a', path: ['4', 'a'] },
    { id: '4b', path: ['4', 'b'] },
  ];
  it('"4 gates (f, i, o and C̃) → 4 × 9 = 36" starting a line is a count the line multiplies by, not question 4', () => {
    const s = segment(
      linesOf(`3.b
b_f : 3 × 1
3.c
Total = 36
Per gate from (4): 3 × 2 + 3 = 9 (5)
4 gates (f, i, o and C̃) → 4 × 9 = 36
4.a
dL/dc_t = dL/dh_t o_t (1 - tanh^2 c_t) + dL/dc_{t+1} f_{t+1}`),
      [pageInfo(1)],
      withQ4,
    );
    expect(s.parts['3c'].text).toContain('4 gates (f, i, o and C̃) → 4 × 9 = 36');
    expect(s.parts['4a'].text).toContain('dL/dc_t');
    expect(s.parts['4a'].occurrences).toBe(1);
  });
});

describe('a table that draws its rows (round 38)', () => {
  // a label column at x = 60 and an answer column at x = 104; each row's label centred in its cell
  const line = (y: number, label: string, answer: string) => {
    const words: Line['words'] = [];
    let x = 60;
    for (const w of label.split(' ').filter(Boolean)) {
      words.push({ text: w, box: { x, y, w: w.length * 5, h: 11 }, conf: 1 });
      x += w.length * 5 + 3;
    }
    x = 104;
    for (const w of answer.split(' ')) {
      words.push({ text: w, box: { x, y, w: w.length * 5, h: 11 }, conf: 1 });
      x += w.length * 5 + 3;
    }
    const x0 = words[0].box.x;
    const last = words[words.length - 1].box;
    const text = label ? `${label} ${answer}` : answer;
    return { page: 1, text, box: { x: x0, y, w: last.x + last.w - x0, h: 11 }, conf: 1, words };
  };
  const rows = [
    line(150, 'Name:', 'A. Student 20CS10001'),
    line(190, '1 (a)', 'f_t = 3, i_t = 4'),
    line(209, '', 'C_t = f_t ⊙ C_(t-1) + i_t ⊙ C~_t'),
    line(237, '', 'f_t ⊙ C_(t-1) = [0.2, 0.2, 0]'),
    line(250, '1 (b) i', 'i_t ⊙ C~_t = [0.5, 0, 0.05]'),
    line(278, '', 'C_t = [0.7, 0.2, 0.05]'),
    line(313, '', 'h_t = o_t ⊙ tanh(C_t)'),
    line(330, '1 (b) ii', '= [0.604, 0, 0]'),
    line(356, '', 'depthwise 199 x 199 x 3'),
    line(369, '5', 'pointwise 199 x 199 x 10'),
    line(382, '', 'total = 3088878'),
  ];
  const rule = (y: number) => ({ y, x0: 56, x1: 567 });
  const rules = new Map([[1, [184, 205, 307, 350, 400].map(rule)]]);

  const table = parts.filter((p) => p.id.startsWith('1') || p.id === '5');
  it('reads each row from its top border: lines above a centred label are its answer', () => {
    const s = segment(rows, [pageInfo(1)], table, rules);
    expect(s.parts['1a'].text).toBe('f_t = 3, i_t = 4');
    expect(s.parts['1b.i'].text.split('\n')[0]).toBe('C_t = f_t ⊙ C_(t-1) + i_t ⊙ C~_t');
    expect(s.parts['1b.ii'].text).toBe('h_t = o_t ⊙ tanh(C_t)\n= [0.604, 0, 0]');
    // (a bare "5" in the labels' column of a new row, with unfinished text above it)
    expect(s.parts['5'].text).toBe('depthwise 199 x 199 x 3\npointwise 199 x 199 x 10\ntotal = 3088878');
  });

  it('without the drawn rows the same lines stay where the text alone puts them', () => {
    const s = segment(rows, [pageInfo(1)], table);
    expect(s.parts['1b.ii'].text).not.toContain('h_t = o_t ⊙ tanh(C_t)');
  });
});

describe('endnotes and out-of-order headings (round 38)', () => {
  it('"[3] If …" at a line start is endnote 3 when the script marks its notes "… [1]", "… [3]": read where it is cited', () => {
    const s = run(`Q1 (a) f_t → 3
Q3 (a) W_f is 3 × 5 [1]
(b) b_f is 3 × 1, one bias per unit [2]
Q5 199 × 199 × 3 [3]
Endnotes
[1] since [h, x] has 3 + 2 = 5 entries.
[3] If padding were 0 the side would be 197.`);
    expect(s.parts['3a'].occurrences).toBe(1);
    // (each note after the line citing it, in its part: round 76's footnotes)
    expect(s.parts['5'].text).toBe('199 × 199 × 3 [3]\nIf padding were 0 the side would be 197.');
    expect(s.parts['3a'].text).toBe('W_f is 3 × 5 [1]\nsince [h, x] has 3 + 2 = 5 entries.');
  });

  it('"4." alone at the margin after the answer to 5 heads question 4', () => {
    const withQ4 = [
      ...parts.slice(0, -1),
      { id: '4a', path: ['4', 'a'] },
      { id: '4b', path: ['4', 'b'] },
      parts[parts.length - 1],
    ];
    const s = segment(
      linesOf(`1. f_t = 3
2. e = s h
5. total = 3088878
4.
forget gate = 1 so the gradient does not vanish.`),
      [pageInfo(1)],
      withQ4,
    );
    expect(s.order).toEqual(['1a', '2a', '5', '4a']);
    expect(s.parts['4a'].text).toBe('forget gate = 1 so the gradient does not vanish.');
  });
});

describe('question numbers written after their answers', () => {
  const all = [
    ...parts.slice(0, 5),
    { id: '3a', path: ['3', 'a'] },
    { id: '3b', path: ['3', 'b'] },
    parts[7],
  ];
  it('reads each block’s sub-part labels under the question that closes it, and a question without sub-parts from its block', () => {
    const s = segment(
      linesOf(`Siddharth V | 19CS12904 | CS60010 CT 3, 15/3/21
(a) f_t -> 5, i_t -> 6
(b)(i) C_t = [0.7, 0.2, 0.05]
(ii) h_t = [1*0.6044, 0, 0] = [0.6044, 0, 0]
---- (that was Q1)
(a) e_kj = s_{k-1}^T h_j
(b) Zero: no weights
---- (Q2)
(a) W_f is 3 x 5
(b) b_f is 3 x 1
— Q3
out = (200 + 2 - 4)/1 + 1 = 199
Total = 3,088,878
---- (Q5)`),
      [pageInfo(1)],
      all,
    );
    expect(s.order).toEqual(['1a', '1b.i', '1b.ii', '2a', '2b', '3a', '3b', '5']);
    expect(s.parts['1b.ii'].text).toBe('h_t = [1*0.6044, 0, 0] = [0.6044, 0, 0]');
    expect(s.parts['5'].text).toBe('out = (200 + 2 - 4)/1 + 1 = 199\nTotal = 3,088,878');
    expect(s.parts['3b'].text).toBe('b_f is 3 x 1');
    expect(s.preamble.map((l) => l.text)).toEqual(['Siddharth V | 19CS12904 | CS60010 CT 3, 15/3/21']);
  });

  it('needs three questions closed that way', () => {
    const s = segment(
      linesOf(`(a) f_t -> 5\n(b)(i) C_t = [0.7, 0.2]\n---- (Q1)\n(a) e = s h\n— Q2`),
      [pageInfo(1)],
      all,
    );
    expect(s.order).toEqual([]);
  });
});

describe('a bare question number the script said it answers first', () => {
  it('"I am doing Q5 first", then "5 - Depthwise …" heads question 5', () => {
    const s = run(`Name: A
I am doing Q5 first (numerical one), then Q1 -> Q4 in order.
5 - Depthwise: (200 - 4)/1 + 1 = 197
Total mults = 3027102
1 a - f_t -> 2`);
    expect(s.order).toEqual(['5', '1a']);
    expect(s.parts['5'].text).toBe('Depthwise: (200 - 4)/1 + 1 = 197\nTotal mults = 3027102');
  });
  it('without it, a number opening a line before question 1 is not question 5', () => {
    const s = run(`Name: A
5 - Depthwise: (200 - 4)/1 + 1 = 197
Total mults = 3027102
1 a - f_t -> 2`);
    expect(s.order).toEqual(['1a']);
  });
});

describe('after round 45: part ranges and titled roman headings', () => {
  it('"[3a–c]" heads one answer for 3(a) to 3(c), its own "(b)", "(c)" still split it', () => {
    const s = runAll(`Name: A
[3a–c] z = [h_{t-1}; x_t] in R^5.
(a) W_f in R^{3x5}
(b) b_f in R^3
(c) 4 (3 · 5 + 3) = 72`);
    expect(s.order).toEqual(['3a', '3b', '3c']);
    expect(s.parts['3a'].text).toBe('z = [h_{t-1}; x_t] in R^5.\n(a) W_f in R^{3x5}');
    expect(s.parts['3c'].text).toBe('4 (3 · 5 + 3) = 72');
  });
  it('a bare "4." after an ASCII box ("+-----+") heads question 4: the box is no expression going on', () => {
    const s = runAll(`Name: A
3.
c) total = 60 + 3
    +-------+
    |  63   |
    +-------+
4.
a) dL/dc_t = dL/dc_(t+1) * f_(t+1)
b) f_t = 1 so the gradient does not vanish`);
    expect(s.order).toEqual(['3c', '4a', '4b']);
  });
  it('"V (Depthwise separable convolution)" after the answer to 4(b) heads question 5', () => {
    const s = runAll(`Name: A
IV (b) With f_t = 1 the product is 1 and the gradient does not vanish.
V (Depthwise separable convolution)
The output side is 200 - 4 + 1 = 197.`);
    expect(s.order).toEqual(['4b', '5']);
    expect(s.parts['4b'].text).toBe('With f_t = 1 the product is 1 and the gradient does not vanish.');
  });
});

describe('after round 47: dotted labels, a comma before "Part", a slash before "part", announced orders', () => {
  it('"1·a", and a table cell\'s "1·b" over its wrapped "·ii", head their parts ("5·3" is a product)', () => {
    const s = runAll(`Name: A
1·a  f_t → 3, i_t → 4
1·b  C_t = f_t ⊙ C_{t-1} + i_t ⊙ C~_t
·i   = (0.7, 0.2, 0.05)
1 · b  h_t = o_t ⊙ tanh(C_t)
· ii   = (0.604, 0, 0)
2·a  e_kj = s_{k-1}ᵀ h_j
5·3 = 15 is not a label`);
    expect(s.order).toEqual(['1a', '1b.i', '1b.ii', '2a']);
    expect(s.parts['1b.i'].text).toBe('C_t = f_t ⊙ C_{t-1} + i_t ⊙ C~_t\n= (0.7, 0.2, 0.05)');
    expect(s.parts['2a'].text).toContain('5·3 = 15');
  });
  it('"Question 1, Part (a)." and "Q.no 2 / part-b" head their parts', () => {
    const s = runAll(`Name: A
Question 1, Part (a). f_t → 3
Question 1, Part (b)(i). C_t = (0.7, 0.2, 0.05)
Q.no 2 / part-a
e_kj = s_{k-1}ᵀ h_j
Q.no 2 / part-b
0 additional parameters`);
    expect(s.order).toEqual(['1a', '1b.i', '2a', '2b']);
    expect(s.parts['2b'].text).toBe('0 additional parameters');
  });
  it('"[3] Let m = 2, n = 3" with its "[3a]" close below introduces question 3 (not the end of 2(b))', () => {
    const s = runAll(`Name: A
[2b]  0 additional parameters.
[3]   Let m = dim x_t = 2, n = dim h_t = 3.
      Each gate sees [h_{t-1}, x_t] of length n + m = 5.
[3a]  W_f : n × (n + m) = 3 × 5`);
    expect(s.parts['2b'].text).toBe('0 additional parameters.');
    expect(s.parts['3a'].text).toContain('Let m = dim x_t = 2');
  });
  it('a bare question number heads its question in an order the script announced, or among those said first', () => {
    const s = runAll(`Name: A
Order of answers: Q1, Q3, Q2
1 LSTM
1/a f_t → 3.
3 Parameter count
Given: n_x = 2, n_h = 3.
3/a W_f is 3 × 5`);
    expect(s.order).toEqual(['1a', '3a']);
    expect(s.parts['3a'].text).toContain('Given: n_x = 2');
    const t = runAll(`Name: A
(I am doing 3 and 5 first since they are numericals, then 1, 2, 4.)
3 a - W_f is 3 × 5.
5-    Depthwise: output size = (200 − 4)/1 + 1 = 197
1 a - f_t → 4`);
    expect(t.order).toEqual(['3a', '5', '1a']);
  });
});

describe('after round 48: a function per part', () => {
  it('"def q1_a():" and, its underscores lost, "def q1 b i():" head their parts; "def lstm_step(x):" does not', () => {
    const s = run(`Name: A
def q1_a():
  f_t : 3, i_t : 4
def q1 b i():
  C_t = (0.7, 0.2, 0.05)
def lstm_step(x):
  return x
def q5():
  return 3088878`);
    expect(s.order).toEqual(['1a', '1b.i', '5']);
    expect(s.parts['1b.i'].text).toContain('def lstm_step(x):');
  });
});

describe('after round 51: running numbers', () => {
  it('"[6] (3a)" heads 3(a); a key at the top ("Ans 6 = 3(a)  Ans 7 = 3(b) …") maps "Answer 7" to 3(b)', () => {
    const s = run(`Name: A
[2] (1b-i)
C_t = (0.7, 0.2, 0.05)
[6] (3a)
W_f in R^(3x5)
[7] (3b)
b_f in R^3`);
    expect(s.order).toEqual(['1b.i', '3a', '3b']);
    const t = run(`Name: A
Key: Ans 1 = 1(a)  Ans 2 = 1(b)(i)  Ans 3 = 1(b)(ii)  Ans 4 = 2(a)  Ans 5 = 2(b)  Ans 6 = 3(a)  Ans 7 = 3(b)
Answer 1
f_t -> 3
Answer 3
h_t = (0.604, 0, 0)
Answer 7
b_f is 3 x 1`);
    expect(t.order).toEqual(['1a', '1b.ii', '3b']);
    expect(t.parts['3b'].text).toBe('b_f is 3 x 1');
  });
  it('a 1(a) answer\'s "1 -> 3, 2 -> 4" is no key', () => {
    const s = run(`Name: A
Q1 a) 1 -> 3, 2 -> 4, 3 -> 8, 4 -> 10
Q5
Answer 3`);
    expect(s.order).toEqual(['1a', '5']);
  });
});

describe('segment: handwriting read by OCR', () => {
  it('takes a question heading, its intro, then "(a)" as 3(a)\'s own label, not a misread 3(b)', () => {
    const s = segment(
      linesOf(
        `Ans 3
[ht-1, xt] is of size 3+2 = 5
(a) W is 3 x 5
(b) b is 3 x 1
(c) Total = 4 x (15 + 3) = 72`,
        1,
        0.85,
      ),
      [pageInfo(1)],
      allParts,
    );
    expect(s.parts['3a'].text).toContain('3 x 5');
    expect(s.parts['3b'].text).toBe('b is 3 x 1');
    expect(s.parts['3c'].text).toContain('72');
  });
});

describe('a bracketed question heading answered out of order', () => {
  it('"[3] …" after "[5]" heads question 3 when its own "[3a]" follows: its text is 3(a)\'s working', () => {
    const s = runAll(
      'Name: A\n[5] conv on 200 x 200\n 1 900 848 + 1 188 030\n[3] input [h, x] has 3 + 2 = 5 entries\n[3a] W_f : 3 x 5\n[3b] b_f : 3 x 1\n[3c] 4 x 18 = 72',
    );
    expect(s.order).toEqual(['5', '3a', '3b', '3c']);
    expect(s.parts['5'].text).not.toContain('3 + 2');
    expect(s.parts['3a'].text).toContain('3 + 2 = 5');
  });
});

describe('after round 56: a heading after an answer line or a tall bracket, roman numerals said first', () => {
  it('"5 -" after a display whose tall floor brackets come out as private-use glyphs heads question 5', () => {
    // (question 4 answered before 3, so 5 is next after 3(c))
    const s = runAll(`Name: A
4 a - dL/dc_t = dL/dh_t * o_t * (1 - tanh^2(c_t)) + dL/dc_{t+1} * f_{t+1}
4 b - with f = 1 the product is 1: no vanishing.
3 c - 4 × (15 + 3) = 72
check: 4 (9 + 6 + 3) = 72.
\uf004 \uf005
5 - Depthwise with k = 4, p = 1: (200 + 2 − 4)/1 + 1 = 199`);
    expect(s.order).toEqual(['4a', '4b', '3c', '5']);
  });
  it('"V With padding …" after "Ans. 72 parameters" heads question 5 where the script said it answers III and V first', () => {
    const s = runAll(`Name: A
(I am answering III and V first, then I, II and IV.)
III (c) 4 × 15 + 4 × 3 = 72
Ans. 72 parameters
V With padding p = 1, stride 1: (200 + 2 − 4)/1 + 1 = 199
I (a) f_t → 3`);
    expect(s.order).toEqual(['3c', '5', '1a']);
    expect(s.parts['5'].text).toBe('With padding p = 1, stride 1: (200 + 2 − 4)/1 + 1 = 199');
    // (the word "I" before a sentence is no heading)
    const word = runAll(`Name: A
III (c) 4 × 15 + 4 × 3 = 72.
I Think the answer is 72 because each gate has 18.`);
    expect(word.order).toEqual(['3c']);
  });
});

describe('after round 57: cramped lines', () => {
  it('"Q-3-a … ; Q-3-b … ; Q-3-c …" on one line, and "Q-2-b" after an answer, head their parts', () => {
    const s = runAll(`Name: A
Q-2-a ekj = hk . hj Q-2-b attention adds n^2 params
Q-3-a Wf = 3x2 ; Q-3-b bf = 3x1 ; Q-3-c (6+3) per gate x 4 gates = 36`);
    expect(s.order).toEqual(['2a', '2b', '3a', '3b', '3c']);
    expect(s.parts['3b'].text).toBe('bf = 3x1 ;');
  });
  it('"Part B:" after the answer to part A heads part (b)', () => {
    const s = runAll(`Name: A
Q2 Part A: e_kj = s_k · h_j. Part B: 0 extra (dot product and softmax have no parameters).`);
    expect(s.order).toEqual(['2a', '2b']);
    expect(s.parts['2b'].text).toBe('0 extra (dot product and softmax have no parameters).');
  });
});

describe('a part named where a sentence wraps (round 58)', () => {
  it('"[4a] gives …" starting a line of 4(b)\'s answer refers to 4(a); it is no second answer to it', () => {
    const s = runAll(`[4a] dL/dc_t = dL/dh_t o_t (1 - tanh^2 c_t) + dL/dc_(t+1) f_(t+1)
[4b] With f_t = 1 for all t, dL/dc_1 = dL/dc_T, because unrolling
[4a] gives dL/dc_1 = dL/dc_T prod_{t=2..T} f_t, and the product of ones is 1.
[5] 199 x 199 x 3`);
    expect(s.parts['4b'].text).toContain('gives dL/dc_1 = dL/dc_T prod');
    expect(s.parts['4a'].occurrences).toBe(1);
    // (after a finished sentence, a label of a part answered above still goes back to it)
    const t = runAll(`[4a] dL/dc_t = dL/dh_t o_t
[4b] the product of forget gates.
[4a] correction: dL/dc_t = dL/dh_t o_t (1 - tanh^2 c_t) + dL/dc_(t+1) f_(t+1)`);
    expect(t.parts['4a'].occurrences).toBe(2);
  });
});

describe('a bare question number after a gap (round 58)', () => {
  it('"3 -" a blank line below an unpunctuated answer heads question 3; close under it, it is content', () => {
    const top = linesOf('2 a -\n  e_kj = W_a h_j + b_a', 1, 1, 60);
    const gap = (y: number) => [
      ...top,
      ...linesOf('3 -\n  | (a) | 3 x 2  |\n  | (b) | 3      |\n  | (c) | 9      |', 1, 1, y),
    ];
    const apart = segment(gap(120), [pageInfo(1)], allParts);
    expect(apart.parts['3a'].text).toBe('| 3 x 2  |');
    expect(apart.parts['2b']).toBeUndefined();
    const close = segment(gap(100), [pageInfo(1)], allParts);
    expect(close.parts['3a']).toBeUndefined();
  });
});

describe('one answer for a list of sub-parts (round 58)', () => {
  it('"Question 3 part a, b" answers 3(a) and 3(b) together', () => {
    const s = runAll(`Question 3 part a, b
W_f is 3x5, b_f is 3x1
Question 3 part c
4 * (3*5 + 3) = 72`);
    expect(s.parts['3a'].text).toBe('W_f is 3x5, b_f is 3x1');
    expect(s.parts['3b'].text).toBe('W_f is 3x5, b_f is 3x1');
  });
});

describe('a number multiplying a bracket is no label (round 58)', () => {
  it('"4 (3 · 5 + 3) = 4 × 18 = 72" a blank line below code stays in 3(c)', () => {
    const top = linesOf('3 c)\n  def lstm_params(nh, nx):\n  return 4 * (nh * (nh + nx) + nh)', 1, 1, 60);
    const s = segment(
      [...top, ...linesOf('4 (3 · 5 + 3) = 4 × 18 = 72 parameters', 1, 1, 140)],
      [pageInfo(1)],
      allParts,
    );
    expect(s.parts['3c'].text).toContain('4 (3 · 5 + 3) = 4 × 18 = 72 parameters');
    expect(s.parts['4a']).toBeUndefined();
  });
});

describe('a question heading with its introduction on the line (round 59)', () => {
  it('"A3. [h_{t−1}, x_t]: 3 + 2 = 5 channels in" heads question 3 when its "(a)" opens the next line', () => {
    const s = runAll(`A2.(b) Zero. The score is a dot product.
A3. [h_(t-1), x_t]: 3 + 2 = 5 channels in, 3 out.
(a) W_f: 3 x 5
(b) b_f: 3 x 1
(c) 4 blocks x (15 + 3) = 72 params`);
    expect(s.parts['2b'].text).toBe('Zero. The score is a dot product.');
    expect(s.parts['3a'].text).toContain('W_f: 3 x 5');
    expect(s.parts['3c'].text).toContain('72 params');
    // (a line starting "A3." with no sub-label after it is no heading)
    const t = runAll(`A2.(b) Zero.
A3. something else
that goes on`);
    expect(t.parts['2b'].text).toContain('A3. something else');
  });
});

describe('parts answered together, and paragraphs with their labels inline', () => {
  it('"II." alone after "I.(b) (i) & (ii)" heads question 2: the sub-part it could be is answered', () => {
    const s = runAll(`I.(a) f_t -> 3, i_t -> 4
I.(b) (i) & (ii) All products are element-wise.
C_t = [0.7, 0.2, 0.05], h_t = [0.6044, 0, 0]
II.
(a) e_kj = s_(k-1)^T h_j
(b) none, 0 parameters`);
    expect(s.parts['1b.ii'].sharedWith).toEqual(['1b.i']);
    expect(s.parts['1b.ii'].text).toMatch(/h_t = \[0\.6044/);
    expect(s.parts['2a'].text).toBe('e_kj = s_(k-1)^T h_j');
  });

  it('a range of sub-sub-parts, "1.b.i–ii", answers both', () => {
    const s = runAll(`1.a f_t -> 3
1.b.i–ii
C_t = [0.7, 0.2, 0.05]
h_t = [0.6044, 0, 0]
2.a e_kj = s_(k-1)^T h_j`);
    expect(s.parts['1b.i'].sharedWith).toEqual(['1b.ii']);
    expect(s.parts['1b.ii'].text).toBe('C_t = [0.7, 0.2, 0.05]\nh_t = [0.6044, 0, 0]');
  });

  it('a paragraph per question with bracketed labels inline: "Q1.  [a] …  [b.i] …  [b.ii] …"', () => {
    const s = runAll(`Q1.  [a] f_t = 4, i_t = 8.  [b.i] C_t = f_t*C_t-1 +
i_t*C~_t = [0.7, 0.2, 0.05].  [b.ii] h_t = o_t*tanh(C_t) = [0.6044, 0, 0].
Q3.  [a] W_f is 3 x 5.  [b] b_f is 3 x 1.`);
    expect(s.order).toEqual(['1a', '1b.i', '1b.ii', '3a', '3b']);
    expect(s.parts['1a'].text).toBe('f_t = 4, i_t = 8.');
    expect(s.parts['1b.ii'].text).toBe('h_t = o_t*tanh(C_t) = [0.6044, 0, 0].');
    expect(s.parts['3b'].text).toBe('b_f is 3 x 1.');
    expect(s.warnings).toEqual([]);
  });

  it('a question\'s paragraph opening with its first part\'s own label, "QUESTION 1.  1a) … 1bi)"', () => {
    const s = runAll(`QUESTION 1.  1a) f_t is 4, i_t is 5 and C~_t is 6. 1bi)
C_t = (0.2, 0.2, 0) + (0.5, 0, 0.05) = (0.7, 0.2, 0.05).  1bii) h_t = (0.6044, 0, 0).`);
    expect(s.parts['1a'].text).toBe('f_t is 4, i_t is 5 and C~_t is 6.');
    expect(s.parts['1a'].labelConf).toBeGreaterThan(0.5);
    expect(s.parts['1b.i'].text).toBe('C_t = (0.2, 0.2, 0) + (0.5, 0, 0.05) = (0.7, 0.2, 0.05).');
    expect(s.parts['1b.ii'].text).toBe('h_t = (0.6044, 0, 0).');
  });

  it('essay labels at line starts and after a full stop: "Coming to Q.2 a), …", "… For Q.2 b), …", "In Q.4 a), …"', () => {
    const s = runAll(`Regarding Q.1 a), f(t) is at 2. Answer: f(t)=2, C(t-1)=1.
Coming to Q.2 a), the score is the dot product, e(kj) = h(j)^T s(k). For Q.2 b),
there is nothing to learn, so 0 extra parameters.
For Q.3 a) and b), W_f is 3 x 5 and b_f is 3 x 1. For Q.3 c), 4 x 18 = 72.
In Q.4 a), dL/dc(t) = dL/dh(t) . o(t) . (1 - tanh^2(c(t))) + dL/dc(t+1) . f(t+1).`);
    expect(s.order).toEqual(['1a', '2a', '2b', '3a', '3b', '3c', '4a']);
    expect(s.parts['2b'].text).toContain('there is nothing to learn, so 0 extra parameters.');
    expect(s.parts['3a'].sharedWith).toEqual(['3b']);
    expect(s.parts['3c'].text).toBe('4 x 18 = 72.');
  });

  it('"Ques. 2 → parts a, b" answers both; a path "(b)" listed in an answer is no label', () => {
    const s = runAll(`Ques. 2 → parts a, b
The first is e_kj = s_k . h_j, the second is 0 extra parameters.
Q4 (a) Two paths reach c_t: (a) through h_t = o_t ⊙ tanh(c_t), and (b) through c_(t+1),
so dL/dc_t = dL/dh_t ⊙ o_t ⊙ (1 − tanh²(c_t)) + dL/dc_(t+1) ⊙ f_(t+1)
Q4 (b) the product of forget gates is 1`);
    expect(s.parts['2a'].sharedWith).toEqual(['2b']);
    expect(s.parts['4a'].text).toContain('through c_(t+1)');
    expect(s.parts['4b'].text).toBe('the product of forget gates is 1');
  });

  it('marks copied beside the labels are not the answer: "(b) [1]", "Q 2/b — (1)", "Q3 [3 marks]"', () => {
    const s = runAll(`Q1
(a) [3]
i. f_t 3
(b)(i) [1]
C_t = (0.7, 0.2, 0.05)
Q 2/b — (1) No extra parameters, the dot product has no weights
Q3 [3 marks]
[h, x] has 3 + 2 = 5 entries
(a) W_f : 3 x 5`);
    expect(s.parts['1a'].text).toBe('i. f_t 3');
    expect(s.parts['1b.i'].text).toBe('C_t = (0.7, 0.2, 0.05)');
    expect(s.parts['2b'].text).toBe('No extra parameters, the dot product has no weights');
    expect(s.parts['3a'].text).toContain('3 + 2 = 5');
    expect(s.parts['3a'].text).not.toContain('marks');
    // one bracketed number after one label is no habit: it stays the answer's
    expect(runAll('2b (1) one weight per encoder state\n3a (a) 3 x 5').parts['2b'].text).toBe(
      '(1) one weight per encoder state',
    );
    // an enumeration opened after the label stays too
    const listed = runAll(`4a (1) c_t -> h_t -> L
(2) c_t -> c_(t+1) -> L
4b (1) the product of f's
(2) is 1`);
    expect(listed.parts['4a'].text).toContain('(1) c_t -> h_t');
    expect(listed.parts['4b'].text).toContain("(1) the product of f's");
  });

  it('a question heading with its marks, "3 -  (3)", after "--- end of Q2 ---" heads question 3', () => {
    const s = runAll(`1a -  (3)
f_t = 3, i_t = 5
2 b -  (1)
0. Dot product has no weights
--- end of Q2 ---
3 -  (3)
[h_(t-1), x_t] = 3 + 2 = 5 dim
a -  W_f = 3 x 5
b -  b_f = 3 x 1`);
    expect(s.parts['1a'].text).toBe('f_t = 3, i_t = 5');
    expect(s.parts['2b'].text).toBe('0. Dot product has no weights');
    expect(s.parts['3a'].text).toBe('[h_(t-1), x_t] = 3 + 2 = 5 dim\nW_f = 3 x 5');
    expect(s.parts['3b'].text).toBe('b_f = 3 x 1');
  });

  it('"--- end of Q5 ---" ends the answer: a tally of marks after it is no part of it', () => {
    const s = runAll(`Q5
Total multiplications = 1,862,832 + 1,164,270 = 3,027,102
--- end of Q5 ---
Totals check (margin): 5 + 2 + 3 + 7 + 3 = 20`);
    expect(s.parts['5'].text).toBe('Total multiplications = 1,862,832 + 1,164,270 = 3,027,102');
    expect(s.unlabelled.map((l) => l.text)).toEqual(['Totals check (margin): 5 + 2 + 3 + 7 + 3 = 20']);
  });
});

describe('rough work', () => {
  it('under its own heading, to a rule or the next page, is no answer and holds no label', () => {
    const s = runAll(`Q3
(c) 4 x (15 + 3) = 72
Rough work (not for evaluation)
Q5 size 200 - 4 + 2 = 198
198 x 198 = 39204
-----------------------------
4a. dL/dc_t = dL/dh_t * o_t * (1 - tanh^2(c_t)) + dL/dc_(t+1) * f_(t+1)`);
    expect(s.parts['3c'].text).toBe('4 x (15 + 3) = 72');
    expect(s.parts['5']).toBeUndefined();
    expect(s.rough.map((l) => l.text)).toEqual([
      'Rough work (not for evaluation)',
      'Q5 size 200 - 4 + 2 = 198',
      '198 x 198 = 39204',
    ]);
    expect(s.parts['4a'].text).toContain('dL/dc_t');
    // a pointer to it is no heading
    expect(runAll('Q5 total = 3,088,878\nRough work on page 3').rough).toEqual([]);
  });
});

describe('rounds 65-66: results set off by arrows, steps numbered inside answers, labels that are references', () => {
  it('"Ans => 9 <=" closes its answer: the bare question number below heads the next question', () => {
    const s = runAll(`3.
a) W_f is 3 x 2
c) 6 + 3 = 9
   final ==> 9 <==

1.
a) f_t - 4, o_t - 6
b) C_t = (0.7, 0.2, 0.05)`);
    expect(s.parts['3c'].text).not.toContain('1.');
    expect(s.parts['1a'].text).toBe('f_t - 4, o_t - 6');
  });
  it('a question number over its own sub-label heads it, also right after a part left empty', () => {
    const s = runAll(`2.
a. e_kj = s_k . h_j
b.

4.
a. dL/dc_t = dL/dc_(t+1) f_(t+1) + dL/dh_t o_t (1 - tanh^2 c_t)
b.`);
    expect(s.parts['2b']?.text ?? '').toBe('');
    expect(s.parts['4a'].text).toContain('dL/dc_(t+1) f_(t+1)');
  });
  it('steps numbered (1) (2) (3) inside an answer are not question 1 started again', () => {
    const s = runAll(`1 (a) f_t - 4
(b) (i) C_t = (0.7, 0.2, 0.05)
Soln. 3(c)
(1) W_f has 3 × 5 = 15 values
(2) b_f has 3 values
(3) total = 15 + 3 = 18
4.
a) dL/dc_t = dL/dc_(t+1) f_(t+1)`);
    expect(s.parts['3c'].text).toBe(
      '(1) W_f has 3 × 5 = 15 values\n(2) b_f has 3 values\n(3) total = 15 + 3 = 18',
    );
    expect(s.parts['1b.ii']).toBeUndefined();
    // the list's next number over its question's own sub-label heads that question
    expect(s.parts['4a'].text).toContain('dL/dc_(t+1)');
  });
  it('an earlier part named where a sentence wraps, the label ending its line, is a reference', () => {
    const s = runAll(`Soln. 4(a)
dL/dc_t = dL/dh_t o_t (1 - tanh^2 c_t) + dL/dc_(t+1) f_(t+1)
Soln. 4(b)
We are asked to explain long-term dependency through dL/dc_1 when f_t = 1. Unrolling
(a):
dL/dc_1 = dL/dc_T * f_2 * f_3 * ... * f_T
If every f_t = 1 the product is 1.`);
    expect(s.parts['4b'].text).toContain('dL/dc_1 = dL/dc_T * f_2');
    expect(s.parts['4a'].text).not.toContain('f_2 * f_3');
  });
});

describe('round 67: an order announced in bare numbers, ASCII boxes', () => {
  it('"answers are in the order I attempted them - 5, 3, 1, 2, 4": a bare "5 -" first heads question 5', () => {
    const s = runAll(`Name: A
(Note: answers are in the order I attempted them - 5, 3, 1, 2, 4)
5 -
#####################################
# Answer: total mults = 3,088,878   #
#####################################
Justification: out = (200 + 2 - 4)/1 + 1 = 199
3 a -
# Answer: 3 x 5 #`);
    expect(s.order).toEqual(['5', '3a']);
    // (the box's top and bottom edges are no part of the answer)
    expect(s.parts['5'].text).toBe(
      '# Answer: total mults = 3,088,878   #\nJustification: out = (200 + 2 - 4)/1 + 1 = 199',
    );
  });
  it('"I am answering Q3 first, then 1, 5, 4 and 2" announces the order; "5 -  Depthwise: …" then heads 5 (round 94)', () => {
    expect(
      orderAnnounced(linesOf('(I am answering Q3 first, then 1, 5, 4 and 2 at the end.)', 1, 1)),
    ).toEqual(['3', '1', '5', '4', '2']);
    const s = runAll(`(I am answering Q3 first, then 1, 5, 4 and 2 at the end.)
3 a -  W_f is 3 x 5
3 b -  b_f is 3 x 1
1 a -  f 3, i 4, o 8
1 b ii -  h_t = (0.604, 0, 0)
5 -  Depthwise: each of the 3 channels gets its own 4x4 filter, 199 x 199 x 3
4 a -  two paths`);
    expect(s.parts['5']?.text).toMatch(/^Depthwise/);
    expect(s.parts['1b.ii'].text).not.toMatch(/Depthwise/);
  });
  it('numbers "in order" that are not the answers\' order announce nothing', () => {
    const said = (t: string) => orderAnnounced(linesOf(t, 1, 1));
    expect(said('(Note: answers are in the order I attempted them - 5, 3, 1, 2, 4)')).toEqual([
      '5',
      '3',
      '1',
      '2',
      '4',
    ]);
    expect(said('Order of answers: 5, 3, 1, 2, 4 (numerical ones first).')).toEqual([
      '5',
      '3',
      '1',
      '2',
      '4',
    ]);
    expect(said('The three sigmoids in order - 3, 5, 9 from left to right.')).toEqual([]);
    expect(said('positions in order: 3, 5, 9, 2, 1, 6')).toEqual([]);
  });
});

describe('round 67: labels at the end of a topic heading, a middle dot before "sub-part"', () => {
  it('"Forget-gate bias (Problem 3 · sub-part (b))" heads 3(b); a sentence\'s reference back does not', () => {
    const s = runAll(`Name: A
Problem 3 · sub-part (a)
W_f is 3 × 5.
Forget-gate bias (Problem 3 · sub-part (b))
b_f is 3 × 1, one bias per unit.
Problem 3 · sub-part (c)
4 × 18 = 72, the same sizes as in (Problem 3 · sub-part (a))`);
    expect(s.order).toEqual(['3a', '3b', '3c']);
    expect(s.parts['3b'].text).toBe('b_f is 3 × 1, one bias per unit.');
    expect(s.parts['3c'].text).toContain('the same sizes as in');
  });
  it('a topic heading naming a part already answered is no second answer', () => {
    const s = runAll(`Name: A
Q3 (a) W_f is 3 × 5.
Q3 (b) b_f is 3 × 1
Why 3 × 5 (Question 3, part (a))
the input is [h, x] of size 5`);
    expect(s.parts['3a'].occurrences).toBe(1);
  });
});

describe('round 68: a count at a line start is no bare question number', () => {
  it('"4 matrices (…), each 3 x 5 = 15" under 3(c) stays in 3(c), not a question 4', () => {
    const s = runAll(`Q3(c)
The question asks for the weights only, no biases.
4 matrices (W_f, W_i, W_o, W_C), each 3 x 5 = 15
Total = 4 x 15 = 60 weights.
Q4(a)
dL/dc_t = dL/dh_t * o_t * (1 - tanh^2(c_t)) + dL/dc_(t+1) * f_(t+1)`);
    expect(s.order).toEqual(['3c', '4a']);
    expect(s.parts['3c'].text).toMatch(/4 matrices .*\nTotal = 4 x 15 = 60 weights\./);
  });
});

describe('round 69: a question number alone over a later sub-part', () => {
  it('"1." alone, then "b) C_t = …" (no (a) written): 1(b) is read, not left without a label', () => {
    const s = runAll(`ZEESHAN AHMED WANI 21CH95659
Deep learning test
1.
b) C_t = f_t o C_t-1 + i_t o C~_t
C_t = (0.7, 0.2, 0.05)
2.
a) e_kj = h_k^T h_j`);
    expect(s.order).toEqual(['1b.i', '2a']);
    expect(s.parts['1b.i'].text).toMatch(/^C_t = f_t o C_t-1/);
    expect(s.unlabelled).toEqual([]);
  });
});

describe('labels of round 72: a question without sub-parts numbered as the script numbers the others', () => {
  it('"s5" after "s3-a", "s3-b" is question 5; "v" after "ii-a", "iii-b" is too', () => {
    expect(
      run('s3-a\nW_f is 3 x 5\ns3-b\nb_f is 3 x 1, one per unit\ns5\n199 x 199 x 3').parts['5']?.text,
    ).toBe('199 x 199 x 3');
    expect(run('ii-a\ne = s . h\niii-b\nb_f is 3 x 1, one per unit\nv\n199 x 199 x 3').parts['5']?.text).toBe(
      '199 x 199 x 3',
    );
    // (without such labels, "v" alone is no label)
    expect(run('2a\ne = s . h\n3b\nb_f is 3 x 1\nv\n199 x 199 x 3').parts['5']).toBeUndefined();
  });
});

describe('round 73: marks copied beside labels, rough work set small, school letters inside a line', () => {
  it('marks after a leader of dots, in angle brackets, or summed are no answer ("2b ... 1 mark", "<1 M>", "[3 + 2]")', () => {
    const s = runAll(
      '2a ... 1 mark\n  e = s . h\n2b ... 1 mark\n  0 (no weights)\n3c ... 1 mark\n  4(15 + 3) = 72\n5 ... 3 marks\n  199 x 199 x 3',
    );
    expect(s.parts['2b']?.text).toBe('0 (no weights)');
    // ("4(15 + 3) = 72" is 3(c)'s arithmetic, and "5 ... 3 marks" heads question 5)
    expect(s.parts['3c']?.text).toBe('4(15 + 3) = 72');
    expect(s.parts['5']?.text).toBe('199 x 199 x 3');
    const t = runAll(
      'Ans-2(b) <1 M>\n  0 extra\nQ.3 — [1 + 1 + 1]\n(a) W_f is 3 x 5\nQ.5 — [3 + 2 = 5 points]\n199 x 199 x 3',
    );
    expect(t.parts['2b']?.text).toBe('0 extra');
    expect(t.parts['3a']?.text).toBe('W_f is 3 x 5');
    expect(t.parts['5']?.text).toBe('199 x 199 x 3');
  });
  it('rough work typed smaller ends where the size grows back, and the answer it interrupted goes on', () => {
    const lines = linesOf(
      'Ques 5\nRough work\n200 - 4 + 1 = 197?\n(200 + 2 - 4)/1 + 1 = 199\nOutput 199 x 199 x 3\nTotal = 3,088,878',
    );
    for (const l of lines.slice(1, 4)) l.box.h = 9;
    const s = segment(lines, [pageInfo(1)], allParts);
    expect(s.parts['5']?.text).toBe('Output 199 x 199 x 3\nTotal = 3,088,878');
    expect(s.rough.map((l) => l.text)).toEqual([
      'Rough work',
      '200 - 4 + 1 = 197?',
      '(200 + 2 - 4)/1 + 1 = 199',
    ]);
    // (set in the answer's own size it runs on, as before, to the page's foot)
    expect(
      runAll('Ques 5\nRough work\n200 - 4 + 1 = 197?\nOutput 199 x 199 x 3').parts['5']?.text ?? '',
    ).toBe('');
  });
  it('a school letter inside a line starts the next sub-part ("W_f ∈ R^{3×5}.   (kha) b_f ∈ R^3")', () => {
    const s = runAll('Prashna 3\n(ka) W_f ∈ R^{3×5}.     (kha) b_f ∈ R^3, one per unit\n(ga) 4 × 18 = 72');
    expect(s.parts['3a']?.text).toBe('W_f ∈ R^{3×5}.');
    expect(s.parts['3b']?.text).toBe('b_f ∈ R^3, one per unit');
    expect(s.parts['3c']?.text).toBe('4 × 18 = 72');
  });
  it('a question answered first as "5 -" alone, where the script closes its labels with a dash ("1 a -", "1 b i -")', () => {
    const text =
      '5 - (3 marks)\noutput = (200 - 4)/1 + 1 = 197\ntotal = 3027102\n1 a - (3 marks)\nf_t = 5\n1 b i - (1 mark)\nC_t = [0.7, 0, 0.4]\n3 a - (1 mark)\nW_f = 3 x 2';
    const s = runAll(text);
    expect(s.order[0]).toBe('5');
    expect(s.parts['5']?.text).toBe('output = (200 - 4)/1 + 1 = 197\ntotal = 3027102');
    // (without that habit a bare "5 -" first is no label)
    expect(runAll('5 -\noutput = (200 - 4)/1 + 1 = 197\nQ1(a)\nf_t = 5').parts['5']).toBeUndefined();
  });
  it('a later part\'s whole path in square brackets inside a paragraph ("… C~_t → 4 [1b.i] C_t = …")', () => {
    const s = runAll(
      '[1a] f_t → 3, C~_t → 4 [1b.i] C_t = (.2, .2, 0) + (.5, 0, .05) = (.7, .2, .05) [1b.ii] h_t = (.6044, 0, 0)',
    );
    expect(s.parts['1a']?.text).toBe('f_t → 3, C~_t → 4');
    expect(s.parts['1b.i']?.text).toBe('C_t = (.2, .2, 0) + (.5, 0, .05) = (.7, .2, .05)');
    expect(s.parts['1b.ii']?.text).toBe('h_t = (.6044, 0, 0)'); // (labels side by side, heading what follows together, are no answer cut short)
    const together = runAll(
      '[1b.i] and [1b.ii] Numerical forward pass\nC_t = (0.7, 0.2, 0.05), h_t = (0.6044, 0, 0)',
    );
    expect(together.parts['1b.i']?.text).toMatch(/C_t = \(0\.7/);
    expect(runAll('[3a] [3b] [3c]\nW_f = 3 x 5, b_f = 3 x 1, 4 x 18 = 72').parts['3b']).toBeUndefined();
  });
});

describe("a question's heading after a correction to an earlier part (round 93)", () => {
  it('goes on from the furthest part answered: "III. Parameter count" and its introduction head 3(a)', () => {
    const s = runAll(`I. LSTM cell
I.(a) f 3, i 4, o 8
I.(b)(i) C = [0.7, 0.2, 0.85]
I.(b)(ii) h = [0.604, 0, 0]
II. Attention
II.(a) e = s h
II.(b) zero
Correction to I.(b)(i): 0 x 0.8 is 0, so C = [0.7, 0.2, 0.05]
III. Parameter count
[h, x] has 3 + 2 = 5 entries and every gate produces 3 values.
III.(a) W_f : 3 x 5
III.(b) b_f : 3 x 1`);
    expect(s.parts['1b.i'].text).not.toMatch(/Parameter|entries/);
    expect(s.parts['3a'].text).toMatch(/3 \+ 2 = 5 entries/);
  });
});

describe('rounds 96-97: notes, footnotes and numbered sections', () => {
  it('"(4)" under "Notes" is the note a "(4)" above cites: read after the line citing it', () => {
    const s = runAll(`Name: A B
3 (c) total weights = 4 x 15 = 60 (3)
Q5 output side = (200 - 4)/1 + 1 = 197 (4)
output after depthwise = 197 x 197 x 3
Notes
(3) the question says "weight values" so I did not count the biases.
(4) with padding it would be (200 + 2 - 4) + 1 = 199.`);
    expect(s.parts['3c'].text).toBe(
      'total weights = 4 x 15 = 60 (3)\nthe question says "weight values" so I did not count the biases.',
    );
    expect(s.parts['5'].text.split('\n')[1]).toBe('with padding it would be (200 + 2 - 4) + 1 = 199.');
    // (with no heading of notes, "(4) …" is no note: question 4's number, as it stands)
    const bare = runAll(`Name: A B
Q5 side = 197 (4)
(4) with padding it would be 199.`);
    expect(bare.parts['5'].text).toBe('side = 197 (4)');
  });
  it('"[2] …" under a rule, notes numbered from 1, is the note "… (0.7398, 0, 0) [2]" cites, not question 2 again', () => {
    const s = runAll(`Name: A B
(1a left - the diagram is not clear) [1]
[1b-ii]
  h_t = (1, 0, 0) tanh(0.95) = (0.7398, 0, 0)  [2]
[2a]
  e_kj = s_k h_j
[2b]
  n more parameters are needed. [3]
-------------------------------------------------------------
[1] I know f, i, o are the three sigmoids.
[2] tanh(0.95) = 0.7398 (calculator)
[3] these are learnt with the model`);
    expect(s.parts['1b.ii'].text).toBe(
      'h_t = (1, 0, 0) tanh(0.95) = (0.7398, 0, 0)  [2]\ntanh(0.95) = 0.7398 (calculator)',
    );
    expect(s.parts['2a'].occurrences).toBe(1);
    expect(s.parts['2b'].text).toBe('n more parameters are needed. [3]\nthese are learnt with the model');
  });
  it("a section number naming the part its label names is the script's own numbering, not a counter to blank", () => {
    // (oa-04: "Sec. 1.1 (Q1 a)", "Sec. 2.1 (Q2 a)" … then "Sec. 3.1   W_f : 3 x 2" with no label after it)
    const s = runAll(`Name: A B
Sec. 1.1 (Q1 a)
   f_t = 2, i_t = 4
Sec. 1.2 (Q1 b)
   i)  C_t = [0.7, 0.2, 0.05]
   ii) h_t = [0.604, 0, 0]
Sec. 2.1 (Q2 a)   e_kj = s_k . h_j
Sec. 2.2 (Q2 b)   0. No extra parameters are required.
Sec. 3  LSTM parameters
Sec. 3.1   W_f : 3 x 2
Sec. 3.2   b_f : 3 x 1
Sec. 3.3   per gate 6 + 3 = 9, four gates -> 36`);
    expect(s.parts['3a'].text).toBe('W_f : 3 x 2');
    expect(s.parts['3c'].text).toBe('per gate 6 + 3 = 9, four gates -> 36');
    expect(s.parts['2b'].text).not.toContain('W_f');
  });
  it('"Notes (4 a): …" below a grid of answers is more of 4(a), not a second place', () => {
    const s = runAll(`Name: A B
4 a - dL/dc_t = dL/dh_t * o_t * (1 - tanh^2(c_t)) + dL/dc_t+1 * f_t+1
4 b - dL/dc_1 = dL/dc_T * f_2 * ... * f_T
Notes (4 a): the first term is the path through h_t, the second through c_t+1.
Notes (4 b): the product of ones stays one.`);
    expect(s.parts['4a'].text.split('\n')[1]).toBe(
      'the first term is the path through h_t, the second through c_t+1.',
    );
    expect(s.parts['4a'].occurrences).toBe(1);
    expect(s.parts['4b'].text).not.toContain('first term');
  });
});

describe('round 97: questions in small roman with marks; a note naming a question heads nothing', () => {
  it('"iii [3]" heads question 3 in a script numbering its questions "i - b", "ii - a"', () => {
    const s = runAll(`Name - A B
i - b [2]
Ct = 0.95
ii - a [1]
ekj = sk . hj
iii [3]
xt dimension 2 and ct dimension 3
(a) Wf = 2 x 3
(b) bf = 2
(c) one gate = 6 + 2 = 8, 4 x 8 = 32`);
    expect(s.parts['3a'].text).toContain('Wf = 2 x 3');
    expect(s.parts['3c'].text).toBe('one gate = 6 + 2 = 8, 4 x 8 = 32');
    expect(s.parts['2a'].text).toBe('ekj = sk . hj');
  });
  it('"5 - output side …" after 4(b) is question 5 though "Notes (5): …" names it further down', () => {
    const s = runAll(`Name: A B
4 a - dL/dc_t = dL/dh_t * o_t * (1 - tanh^2(c_t)) + dL/dc_t+1 * f_t+1
4 b - dL/dc_1 = dL/dc_T * f_2 * ... * f_T.
5 - output side (200 - 4 + 2)/1 + 1 = 199
total = 3,088,878
Notes (5): one 4x4 filter per channel.`);
    expect(s.parts['5'].text).toBe(
      'output side (200 - 4 + 2)/1 + 1 = 199\ntotal = 3,088,878\none 4x4 filter per channel.',
    );
  });
});

describe('rounds 100-103: self-marks, marks grids, inner lists, records and a portal numbering', () => {
  it("a student's own marks are no answer: the running total is not 3(c)'s count", () => {
    const s = runAll(`Q3(c) per gate 3*5 + 3 = 18, four gates: 72
Marks I expect here: 1/1, running total so far = 9
Q4(a) dL/dc_t = dL/dh_t o_t (1 - tanh^2 c_t) + dL/dc_{t+1} f_{t+1}`);
    expect(s.parts['3c'].text.trim()).toBe('per gate 3*5 + 3 = 18, four gates: 72');
  });

  it('a row of the parts with the marks a student expects under it heads no answers', () => {
    const s = runAll(`1(a) f_t -> 3, i_t -> 4
Q5 output 199 x 199 x 3
My estimate of the marks
1a 1b 2a 2b 3 4a 4b 5
3 2 1 1 3 5 2 3
Q1(a) 3 | Q1(b) 2 | Q2(a) 1 | Q2(b) 1 | Q3 3 | Q4(a) 4.5 | Q5 3`);
    expect(s.parts['1a'].occurrences).toBe(1);
    expect(s.parts['1a'].text).toBe('f_t -> 3, i_t -> 4');
  });

  it('a row of capital roman labels is read whole, "I(b) II a" as 1(b) then 2(a)', () => {
    const s = runAll(`I (a) f_t -> 3, i_t -> 4
II (a) e_kj = s_k h_j
III-c 4 x 18 = 72
V 199 x 199 x 3, 3 088 878 multiplications
+------+----+----+----+----+-----+-----+----+-------+
| I(a) |I(b)|II a|II b|III | IV a| IV b| V | total |
| 3    | 2  | 1  | 1  | 3  | 5   | 2   | 3  | 20    |`);
    expect(s.parts['1a'].occurrences).toBe(1);
  });

  it("(a), (b), (c) numbering 3(c)'s steps, after 3(a) and 3(b) were labelled, answer 3(c)", () => {
    const s = runAll(`Q3(a) 3 x 5 since [h, x] has 5 entries
Q3(b) 3 x 1
Q3(c)
(a) four weight matrices of 3 x 5
(b) each is 15 values
(c) so 4 x 15 + 4 x 3 = 72`);
    expect(s.parts['3a'].occurrences).toBe(1);
    expect(s.parts['3c'].text).toContain('so 4 x 15 + 4 x 3 = 72');
  });

  it('givens listed (a), (b), (c) after a word on one line are one answer, not three parts', () => {
    const s = runAll(`Question 3
Known: (a) x_t has 2 entries, (b) h_t has 3, (c) the gate sees both
(a) W_f is 3 x 5
(b) b_f is 3 x 1`);
    expect(s.parts['3b'].text).toBe('b_f is 3 x 1');
    expect(s.parts['3b'].occurrences).toBe(1);
  });

  it('a question named where a sentence wraps heads nothing ("… again in" / "Q4), then Q1, …")', () => {
    const s = runAll(`I start with question 3 since its sizes come back again in
Q4), then Q1, Q2, Q4 and Q5 follow.
Q3(a) W_f is 3 x 5
Q4(a) dL/dc_t = dL/dc_{t+1} f_{t+1} + dL/dh_t o_t (1 - tanh^2 c_t)`);
    expect(s.parts['4a'].occurrences).toBe(1);
    expect(s.order).toEqual(['3a', '4a']);
  });

  it("a portal's records are read by their label fields, its own fields set aside", () => {
    const s = runAll(`question_id = 1b_i
time_spent = 00:02:10
answer = C_t = [0.7, 0.2, 0.05]
question_id = 3c
max_marks = 3
answer = 72
{"q": "5", "ans": "3088878", "attempt": 2}`);
    expect(s.order).toEqual(['1b.i', '3c', '5']);
    expect(s.parts['3c'].text).not.toMatch(/3\s*$|max/);
    expect(s.parts['3c'].text.trim()).toBe('72');
    expect(s.parts['5'].text).toContain('3088878');
    expect(s.parts['5'].text).not.toMatch(/attempt|\b2\b/);
  });

  it('a record for several parts answers them together, the letters in its answer no labels', () => {
    const s = runAll(`qid: 1a
answer: f_t -> 3, i_t -> 4
qid: 3a, 3b, 3c
answer: (a) W_f is 3 x 5, (b) b_f is 3 x 1, (c) 72
working: [h, x] has 3 + 2 = 5 entries and f_t has 3; four blocks of 15 + 3`);
    expect(s.parts['3b'].sharedWith).toEqual(expect.arrayContaining(['3a', '3c']));
    expect(s.parts['3a'].text).toContain('four blocks of 15 + 3');
  });
  it("a portal's running numbers beside the paper's labels are blanked; a number alone names its part", () => {
    const s = runAll(`Item 1 [1(a)] f_t -> 3
Item 4 [2(a)] e_kj = s_k h_j
Item 6 [3(a)] W_f is 3 x 5
Item 7
b_f is 3 x 1
Item 11 [5] 199 x 199 x 3`);
    expect(s.order).toEqual(['1a', '2a', '3a', '3b', '5']);
    expect(s.parts['3b'].text).toBe('b_f is 3 x 1');
  });
});

describe('round 103: a script that centres its lines', () => {
  // a page 595 pt wide, each line centred on x = 298 (linesOf puts text at x from its leading spaces)
  const centred = (text: string, conf = 1) => {
    const ls = text.split('\n');
    return segment(
      linesOf(
        ls.map((l) => `${' '.repeat(Math.max(0, Math.round((80 - l.length) / 2)))}${l}`).join('\n'),
        1,
        conf,
      ),
      [pageInfo(1)],
      allParts,
    );
  };
  it('reads its centred labels as labels, each opening the lines under it', () => {
    const s = centred(`Question 1 part a
f_t is 3, i_t is 4, o_t is 8, C_t is 10, C_t-1 is 1, C~_t is 6, as the figure is drawn
Question 1 part b
(i) C_t = f_t * C_t-1 + i_t * C~_t = (0.2, 0.2, 0) + (0.5, 0, 0.05)
= (0.7, 0.2, 0.05)
Question 3 part a
the gate reads [h, x] of 3 + 2 = 5 entries and gives 3, so W_f is 3 x 5
Question 3 part b
b_f is 3 x 1, one bias per unit`);
    expect(s.order).toEqual(['1a', '1b.i', '3a', '3b']);
    expect(s.parts['3b'].text).toBe('b_f is 3 x 1, one bias per unit');
  });
  it('tags alone on their lines with no answer above the first open the blocks under them', () => {
    const lines = linesOf(`Anita Rao
[1a]
f_t -> 3, i_t -> 4, o_t -> 8
[1b-i]
C_t = (0.2, 0.2, 0) + (0.5, 0, 0.05) = (0.7, 0.2, 0.05)
[3a]
W_f : 3 x 5, since [h, x] has 5 entries`);
    const read = trailingLabels(lines, allParts);
    const opened = [...(read?.forced ?? [])].filter(([, l]) => l).map(([line, l]) => [line.text, l?.partId]);
    expect(opened).toEqual([
      ['f_t -> 3, i_t -> 4, o_t -> 8', '1a'],
      ['C_t = (0.2, 0.2, 0) + (0.5, 0, 0.05) = (0.7, 0.2, 0.05)', '1b.i'],
      ['W_f : 3 x 5, since [h, x] has 5 entries', '3a'],
    ]);
  });
  it('"[1a]" alone on its centred line over its answer opens that answer', () => {
    const s = centred(`Anita Rao
[1a]
f_t -> 3, i_t -> 4, o_t -> 8
[1b-i]
C_t = (0.2, 0.2, 0) + (0.5, 0, 0.05) = (0.7, 0.2, 0.05)
[3a]
W_f : 3 x 5, since [h, x] has 5 entries
[3b]
b_f : 3 x 1`);
    expect(s.order).toEqual(['1a', '1b.i', '3a', '3b']);
    expect(s.parts['1a'].text).toBe('f_t -> 3, i_t -> 4, o_t -> 8');
  });
});

describe('round 104: tables with the parts across the top', () => {
  it("an ASCII table's first column names its rows: each part's column is read under its label", () => {
    const s = runAll(`|         | Ans 1 (a)              | Ans 1 (b) (i)                  |
| Working | read off the figure    | C_t = f_t . C_prev + i_t . C~  |
| Answer  | f_t = 3, i_t = 4       | C_t = (0.7, 0.2, 0.05)         |`);
    expect(s.order).toEqual(['1a', '1b.i']);
    expect(s.parts['1b.i'].text).toContain('C_t = (0.7, 0.2, 0.05)');
    expect(s.parts['1b.i'].text).not.toContain('Working');
    expect(s.parts['1a'].text).not.toMatch(/Working|Answer/);
  });
  it('a typeset table: its row names left of the columns, a number wrapped in a cell and a row named "Answer"', () => {
    const s = segment(
      placed(`Problem 3
          Prob. 3 — (a)            Prob. 3 — (b)        Prob. 3 — (c)
Working   [h, x] has 3 + 2 =                            4 × 15 = 60 and
          5                                             one bias: 3
Answer    3 × 5                    3 × 1                60 + 3 = 63`),
      [pageInfo(1)],
      allParts,
    );
    expect(s.parts['3b'].text).toBe('3 × 1');
    expect(s.parts['3a'].text).toContain('3 × 5');
    expect(s.parts['3c'].text).toContain('60 + 3 = 63');
  });
  it('a row of labels side by side whose columns cannot be read sends its parts to a person', () => {
    const s = segment(
      placed(`Soln. 1(a)   Soln. 1(b)(i)  Soln.
                            1(b)(ii)
f_t -> 3     C_t = (0.7,    h_t =
i_t -> 4     0.2, 0.05)     (0.604, 0, 0)`),
      [pageInfo(1)],
      allParts,
    );
    expect(s.parts['1a'].labelConf).toBeLessThanOrEqual(0.5);
  });
});

describe('round 105: parts numbered as sections', () => {
  it('dashed section numbers alone on their lines are the parts: "1-2-1", "3-3", a bare "5"', () => {
    const s = runAll(`Zubair Ahmad Ganai
1-2-1
   C_t = f_t*C_(t-1) + i_t*C~_t = [0.7, 0.2, 0.05]
1-2-2
   h_t = o_t * sigma(C_t) = [0.668, 0, 0]
2-1
   e_kj = s_k . h_j
3-1   W_f = 3 x 2
3-3   4 x (6 + 3) = 36
4-2
   if f_t = 1 then dL/dc_1 = dL/dc_T
5
   total = 3120000`);
    expect(s.order).toEqual(['1b.i', '1b.ii', '2a', '3a', '3c', '4b', '5']);
    expect(s.parts['3c'].text).toBe('4 x (6 + 3) = 36');
    expect(s.parts['1b.ii'].text).toBe('h_t = o_t * sigma(C_t) = [0.668, 0, 0]');
  });
  it('a table cell "Part" over "1.1", a word before the number ("A-2.2"), "5.0" for question 5', () => {
    const s = runAll(`Part
1.1
ft = 3, it = 6, ot = 8
Part
1.2.1
Ct = (0.7, 0.2, 0.05)
A-2.2
n × m extra parameters
5.0 DEPTHWISE SEPARABLE CONVOLUTION
total = 3,088,878`);
    expect(s.order).toEqual(['1a', '1b.i', '2b', '5']);
    expect(s.parts['1a'].text).toBe('ft = 3, it = 6, ot = 8');
    expect(s.parts['2b'].text).toBe('n × m extra parameters');
  });
  it('two decimal values alone on their lines make no numbering', () => {
    const s = runAll(`Q1 (b) (i)
C_t =
1.2
Q3 (a)
2.1
W_f = 3 x 5`);
    expect(s.order).toEqual(['1b.i', '3a']);
    expect(s.parts['1b.i'].text).toBe('C_t =\n1.2');
    expect(s.parts['3a'].text).toBe('2.1\nW_f = 3 x 5');
  });
});

describe('round 106: indices typed on rows of their own', () => {
  it('a row of subscripts under an equation and a superscript over it are set on their words', () => {
    const s = segment(
      placed(`Q2(a)
                    T
        e    =  s      .  h
         kj     k-1        j`),
      [pageInfo(1)],
      allParts,
    );
    expect(s.parts['2a'].text.replace(/\s+/g, ' ')).toBe('e_{kj} = s_{k-1}^{T} . h_{j}');
  });
  it('a value wrapped under an equation, a label under it, or a row of words stay lines', () => {
    const s = segment(
      placed(`Q3(c)
total = 4 x 18 =
72
Q5
Let N = 200 (input side)
 so it is`),
      [pageInfo(1)],
      allParts,
    );
    expect(s.parts['3c'].text).toBe('total = 4 x 18 =\n72');
    expect(s.order).toEqual(['3c', '5']);
    expect(s.parts['5'].text).toBe('Let N = 200 (input side)\nso it is');
    // (a part's letter alone over its equation is its label)
    const t = segment(placed(`Q2\na\ne = s . h`), [pageInfo(1)], allParts);
    expect(t.parts['2a'].text).toBe('e = s . h');
  });
});

describe('round 107: pages printed from a browser', () => {
  const at = (text: string, y: number) => isFurniture(linesOf(text, 1, 1, y)[0], pageInfo(1));
  it("the browser's head and foot are furniture at the page's edge, and set in the page too", () => {
    expect(at('15/03/2021, 11:47   CS60010: Class Test 3 | Moodle', 20)).toBe(true);
    expect(at('https://moodle.iitkgp.ac.in/mod/assign/view.php?id=48213   1/2', 820)).toBe(true);
    expect(at('Page 1 of 2      15/03/2021, 11:43', 400)).toBe(true);
    expect(at('https://moodle.iitkgp.ac.in/mod/assign/view.php?id=48213', 400)).toBe(true);
  });
  it('an answer citing an address or a date is no furniture', () => {
    expect(at('see https://arxiv.org/abs/1409.0473 for the dot-product score', 400)).toBe(false);
    expect(at('CS60010 CT 3, 15/3/21', 20)).toBe(false);
    expect(at('at 11:47 on 15/03/2021 I wrote C_t = f_t * C_{t-1} + i_t * C~_t', 400)).toBe(false);
  });
});

describe("round 105: a reply's RE: before every label", () => {
  it("a question heading after the prefix, with its title, is read as the question once the prefix is the script's", () => {
    const s = runAll(`RE: 1 a — positions in the diagram
f_t → 3
RE: 1 b i — cell state
C_t = 0.7
RE: 2 a — alignment score
e = s h
RE: 3 — W_f, b_f, total
(a) W_f : 3 × 5
(b) b_f : 3 × 1
RE: 5 — depthwise separable conv
199 x 199 x 3`);
    expect(s.order).toEqual(['1a', '1b.i', '2a', '3a', '3b', '5']);
    expect(s.parts['5'].text).toContain('199 x 199 x 3');
    expect(s.parts['2a'].text).not.toContain('W_f');
  });
});

describe('round 105: sections in square brackets', () => {
  it('"[5.0]" names question 5 where the script numbers its parts "[1.1]", "[4.2]"', () => {
    const s = runAll(`[1.1] f_t → 3, i_t → 4
[2.2] 0 extra parameters
[4.2] Going back from T to 1 we get a product of forget gates
[5.0] After depthwise: (200 + 2×1 − 4)/1 + 1 = 199 → 199 × 199 × 3`);
    expect(s.order).toEqual(['1a', '2b', '4b', '5']);
    expect(s.parts['5'].text).toContain('199 × 199 × 3');
  });
});

describe('round 109: a legend running on after "for"', () => {
  it('"… HS = h_t; for" / "Q2 attention: enc_j = h_j …" goes on with the sentence inside the answer', () => {
    const s = runAll(`Q1 (a)
The short names I use: FG = f_t, IG = i_t, HS = h_t; for
Q2 attention: enc_j = h_j, dec_k = s_k.
i. FG 2
ii. IG 4
Q2 (a)
e_kj = s_{k-1} . h_j`);
    expect(s.order).toEqual(['1a', '2a']);
    expect(s.parts['1a'].text).toContain('ii. IG 4');
    expect(s.parts['2a'].text).toBe('e_kj = s_{k-1} . h_j');
  });
});

describe('round 120: labels run into a typeset paragraph, "Result" labels', () => {
  it('"W_f ∈ R^{3×5} 3.b) b_f ∈ R^{3×1} 3.c) 4 × 18 = 72" holds three parts on one line', () => {
    const s = runAll(`3.a) [h, x] has 3 + 2 = 5 entries.
W_f ∈ R^{3×5} 3.b) b_f ∈ R^{3×1} 3.c) 4 × (3 · 5 + 3) = 72.`);
    expect(s.order).toEqual(['3a', '3b', '3c']);
    expect(s.parts['3b'].text).toBe('b_f ∈ R^{3×1}');
    expect(s.parts['3c'].text).toContain('= 72');
  });
  it('"Result 1(b)(i)." under a "Question 1" heading heads its part', () => {
    const s = runAll(`Question 1
Result 1(a). f_t at 5, i_t at 6
Result 1(b)(i).
C_t = (0.7, 0.2, 0.05)
Result 1(b)(ii). h_t = (0.604, 0, 0)
Result 3(c). 4 × 18 = 72`);
    expect(s.order).toEqual(['1a', '1b.i', '1b.ii', '3c']);
    expect(s.parts['1b.i'].text).toContain('0.7');
  });
});

describe('notes lettered, shared, and with lists of their own (round 122)', () => {
  it('"(D)" under NOTES is the note both "C_t … (D)" and "h_t … (D)" cite: read after each', () => {
    const s = run(`Q1 (b) (i) C_t = (0.7, 0.2, 0.05)   (D)
(ii) h_t = (0.6044, 0, 0)   (D)
Q5 199 x 199 x 3   (A)
NOTES
(A) side = (200 + 2 - 4)/1 + 1 = 199.
(D) C_t = (0.2, 0.2, 0) + (0.5, 0, 0.05); h_t = (1 x 0.6044, 0, 0).`);
    expect(s.parts['1b.i'].text).toBe(
      'C_t = (0.7, 0.2, 0.05)   (D)\nC_t = (0.2, 0.2, 0) + (0.5, 0, 0.05); h_t = (1 x 0.6044, 0, 0).',
    );
    expect(s.parts['1b.ii'].text).toContain('h_t = (1 x 0.6044, 0, 0).');
    expect(s.parts['5'].text).toBe('199 x 199 x 3   (A)\nside = (200 + 2 - 4)/1 + 1 = 199.');
  });
  it('a note’s own indented "(1)", "(2)" under "[7]" stay in note 7', () => {
    const s = run(`Q5 total = 3088878 [7]
Q1 (a) f_t → 3
NOTES
[7] two counts:
      (1) depthwise 199 x 199 x 3 x 16 = 1900848
      (2) pointwise 199 x 199 x 3 x 10 = 1188030`);
    expect(s.parts['5'].text).toContain('(2) pointwise 199 x 199 x 3 x 10 = 1188030');
    expect(s.parts['1a'].text).toBe('f_t → 3');
  });
});

describe('a question’s heading in the script’s slash style (round 123)', () => {
  it('"3/" alone at the margin after the answer to 5 heads question 3: its lines are not 5’s', () => {
    const s = runAll(`5/a 199 x 199 x 3
total = 3088878
3/
[h, x] has 3 + 2 = 5 entries, each gate gives 3
3/a W_f is 3 x 5
3/b b_f is 3 x 1`);
    expect(s.parts['5'].text).not.toContain('3 + 2 = 5');
    expect(s.order.slice(0, 2)).toEqual(['5', '3a']);
  });
});

describe('a list of questions wrapped at a comma (round 122)', () => {
  it('"… then Q1, Q4," over "Q2. Order below is …" is a note on the order, not question 2', () => {
    const s = runAll(`Note: I did Q5 and Q3 first, then Q1, Q4,
Q2. Order below is the order I solved them.
Q5 199 x 199 x 3
Q2 (a) e_kj = s_k . h_j`);
    expect(s.parts['2a'].occurrences).toBe(1);
    expect(s.parts['2a'].text).toBe('e_kj = s_k . h_j');
  });
});

describe('notes marked with bare stars (round 122)', () => {
  it('"total = 3088878 *" over "* padding …": the note is 5’s, and "3." after it heads question 3', () => {
    const s = run(`Q5 total = 3088878 *
* padding only in the depthwise step.
3.
a) W_f is 3 x 5`);
    expect(s.parts['5'].text).toBe('total = 3088878\npadding only in the depthwise step.');
    expect(s.parts['3a'].text).toBe('W_f is 3 x 5');
  });
  it('a frame of stars, "* Answer: 3 x 5 *", is no note and cites none', () => {
    const s = run(`Q3 (a)
* Answer: 3 x 5 *
* Justification: [h, x] has 5 entries *`);
    expect(s.parts['3a'].text).toBe('* Answer: 3 x 5 *\n* Justification: [h, x] has 5 entries *');
  });
});

describe('labels in Chinese, Japanese or Korean words, and sub-problems', () => {
  it('"答1(a)", "第二题", "問題3" with "小問(a)": the paper’s parts', () => {
    const s = runAll(
      '答1(a)\nft 3\n答1(b)(i)\nCt = 1\n第二题 Question 2 part a\nekj = s h\n第二题 Question 2 part b\n0\n問題3\n小問(a)\nWf 3x5\n小問(b)\nbf 3',
    );
    expect(s.order).toEqual(['1a', '1b.i', '2a', '2b', '3a', '3b']);
    expect(s.parts['2a'].text).toBe('ekj = s h');
    expect(s.parts['3a'].text).toBe('Wf 3x5');
  });
  it('"Problem 1, subproblem (b)(i)" between rules of "=" is 1(b)(i)', () => {
    const s = runAll(
      '==== Problem 1, subproblem (a) ====\nft 3\n==== Problem 1, subproblem (b)(i) ====\nCt = 1',
    );
    expect(s.order).toEqual(['1a', '1b.i']);
  });
});

describe('rounds 148-149: banner headings and self-assessed marks', () => {
  it('"a)" under "--- Question 2 ---" is 2(a): a banner\'s dashes are no minus going on (ia-04)', () => {
    const s = runAll(`--- Question 2 ---

a) e_kj = s_{k-1}^T h_j
b) Zero. The dot product has no weights.
=== Question 3 ===
a) W_f is 3 x 5`);
    expect(s.order).toEqual(['2a', '2b', '3a']);
    expect(s.parts['2a'].text).toBe('e_kj = s_{k-1}^T h_j');
    // (a minus at a line's end still carries the expression on: "b)" below it is no label)
    const t = runAll(`Q2 (a) e_kj = 1 -
b) 2`);
    expect(t.order).toEqual(['2a']);
  });

  it("the marks a student gives itself, with or without '/', are no answer (id-06, id-12, id-04)", () => {
    const s = runAll(`Q3 (c) 4 weight matrices x 15 = 60, plus 3 for the bias: 63
[expected marks: 3] Answer ✓
Q4 (a) dL/dc_t = dL/dc_{t+1} f_{t+1}
(worth 5) → my guess 4, formula ok. Answer ✓
Q4 (b) the product of the forget gates
-> 2/2 ✓
Q5 199 x 199 x 3
Marks 3 — I think 2 out of 3.
(3 marks) -- probably 1.5 here`);
    expect(s.parts['3c'].text.trim()).toBe('4 weight matrices x 15 = 60, plus 3 for the bias: 63');
    expect(s.parts['4a'].text.trim()).toBe('dL/dc_t = dL/dc_{t+1} f_{t+1}');
    expect(s.parts['4b'].text.trim()).toBe('the product of the forget gates');
    expect(s.parts['5'].text.trim()).toBe('199 x 199 x 3');
    // (an answer after the paper's marks is no estimate: it is larger than the marks)
    expect(runAll('Q3 (c) (3 marks): I think 72 parameters').parts['3c'].text).toMatch(/72 parameters/);
  });
});

describe('a question named in a sentence wrapped onto a line start (round 149, id-08)', () => {
  it('"… then Q1 to" / "Q4 in order." is the note going on, not question 4', () => {
    const s = runAll(`Note: I am doing Q5 first (easiest for me), then Q1 to
Q4 in order.
V. output 199 x 199 x 3
I(a) f_t -> 3
IV(a) dL/dc_t = dL/dc_{t+1} f_{t+1}`);
    expect(s.parts['4a'].occurrences).toBe(1);
    expect(s.parts['4a'].text).toBe('dL/dc_t = dL/dc_{t+1} f_{t+1}');
    // (a question's label after a line ending "to" with its working still heads it)
    const t = runAll(`Q3 (c) answered below, moving on to
Q4 dL/dc_t = dL/dc_{t+1} f_{t+1} + 1`);
    expect(t.parts['4a']?.text ?? '').toContain('dL/dc_t');
  });
});

describe('parts listed as one heading with their question repeated (round 148, jy-10)', () => {
  it('"3/a, 3/b, 3/c" heads question 3, its "(a)", "(b)", "(c)" items each part, not 2(a) again', () => {
    const s = runAll(`2/a e_kj = s_{k-1} . h_j
2/b 0, no weights
3/a, 3/b, 3/c
[h, x] has 3 + 2 = 5 entries.
• (a) W_f : 3 × 5
• (b) b_f : 3 × 1
• (c) 4 × (15 + 3) = 72`);
    expect(s.parts['2a'].occurrences).toBe(1);
    expect(s.parts['3a'].text).toContain('W_f : 3 × 5');
    expect(s.parts['3b'].text).toContain('b_f : 3 × 1');
    expect(s.parts['3c'].text).toContain('72');
  });
});
