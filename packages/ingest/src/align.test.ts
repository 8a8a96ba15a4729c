import { describe, expect, it } from 'vitest';
import { alignLabels, type Candidate, fitLabel, labelScore, type PartDef } from './align.ts';
import { segment } from './segment.ts';
import { CT3_PARTS, linesOf, pageInfo } from './testing.ts';

const parts: PartDef[] = CT3_PARTS;
const part = (id: string) => parts.find((p) => p.id === id) as PartDef;
const cand = (text: string, more: Partial<Candidate> = {}): Candidate => ({
  text,
  indent: 0,
  width: 595,
  pageStart: false,
  ...more,
});

describe('fitLabel', () => {
  it('reads labels written in many styles, with where the answer starts', () => {
    expect(fitLabel('Question 1 part (b)(i) C_t = 0.7', ['1', 'b', 'i'])).toMatchObject({ fit: 1, end: 23 });
    expect(fitLabel('(1)(b)(i)', ['1', 'b', 'i'])).toMatchObject({ fit: 1, alone: true });
    expect(fitLabel('1bii. h_t = 0.6', ['1', 'b', 'ii'])).toMatchObject({ fit: 1, end: 6 });
    expect(fitLabel('2. (a) e_kj = s', ['2', 'a'])).toMatchObject({ fit: 1, end: 7 });
    expect(fitLabel('ii. h_t', ['1', 'b', 'ii'], 2)).toMatchObject({ fit: 1, dropped: 2 });
  });

  it('forgives the misreads of handwriting OCR, at a cost', () => {
    const q = fitLabel('01b. C_t = 3', ['1', 'b']);
    expect(q?.fit).toBeGreaterThan(0.9);
    expect(q?.end).toBe(5);
    expect(fitLabel('lb) C_t', ['1', 'b'])?.fit).toBeGreaterThan(0.8);
    expect(fitLabel('Ouestion 1 port (6)(i) text', ['1', 'b', 'i'])?.fit).toBeGreaterThan(0.8);
    expect(fitLabel('11. h_t', ['1', 'b', 'ii'], 2)?.fit).toBeGreaterThan(0.6);
    // a bracketed component OCR lost entirely ("(b)()")
    expect(fitLabel('Question 1 part (b)()', ['1', 'b', 'i'])?.fit).toBeGreaterThan(0.8);
  });

  it("reads a looped handwritten Q read as 2 before the question's digit, less surely than a Q", () => {
    // (the free-form corpus in hand: "Q2-b" read as "22-b", "Q4-a" as "24-a", "Q1-a" as "21 -a")
    expect(fitLabel('22-b', ['2', 'b'])?.fit).toBeGreaterThan(0.8);
    expect(fitLabel('24-a', ['4', 'a'])?.fit).toBeGreaterThan(0.8);
    expect(fitLabel('21 -a', ['1', 'a'])?.fit).toBeGreaterThan(0.8);
    expect(fitLabel('24-a', ['4', 'a'])!.fit).toBeLessThan(fitLabel('Q4-a', ['4', 'a'])!.fit);
    // a question's own number is read as it stands: "2a" is 2(a), not Q-a
    expect(fitLabel('2a) e_kj', ['2', 'a'])?.fit).toBe(1);
    expect(fitLabel('25 x 4 = 100', ['5'])?.fit ?? 0).toBeLessThan(0.9);
  });

  it('reads a question numbered in roman before its sub-part, "I" read as "l" (round 81 in hand)', () => {
    const r = fitLabel('Ill.(c) 3.3 Parameters in the cell = 15 + 3 = 18', ['3', 'c']);
    expect(r?.fit).toBeGreaterThan(0.75);
    expect(r?.end).toBe(8);
    expect(fitLabel('IV. (a) Path 1: L -> h_t', ['4', 'a'])?.fit).toBeGreaterThan(0.9);
    // (an item of a list numbered in roman is no question: no sub-part's letter after it)
    expect(fitLabel('iii. o_t : 8', ['3', 'a'])?.fit ?? 0).toBeLessThan(0.6);
  });

  it('does not read a component as another one', () => {
    // "b" read as "i" sinks the label, even with the roman numerals right
    expect(fitLabel('ii. oi 8', ['1', 'b', 'ii'], 1)?.fit ?? 0).toBeLessThan(0.5);
    expect(fitLabel('3 + 2 = 5', ['3', 'c'])?.fit ?? 0).toBeLessThan(0.6);
  });
});

describe('labelScore', () => {
  it('reads a relative label only against the part before it', () => {
    expect(labelScore(cand('ii. h_t = o_t'), part('1b.ii'), part('1b.i'))?.score).toBeGreaterThan(0.9);
    // after 1(a), "ii." is an item of 1(a)'s own list
    expect(labelScore(cand('ii. i_t: 4'), part('1b.ii'), part('1a'))?.score ?? 0).toBeLessThan(0.6);
    expect(labelScore(cand('(6) i. C_t = 0.7'), part('1b.i'), part('1a'))?.score).toBeGreaterThan(0.75);
  });

  it('reads a label whose opening bracket OCR made a letter ("cc)" for "(c)"), a little less sure', () => {
    const s = labelScore(cand('cc) one gate = 15 + 3 = 18 parameters'), part('3c'), part('3b'))?.score ?? 0;
    expect(s).toBeGreaterThan(0.6);
    expect(s).toBeLessThan(0.95);
    // (a word that starts with the letter is no label: "cell state")
    expect(labelScore(cand('cell state c_t'), part('3c'), part('3b'))?.score ?? 0).toBeLessThan(0.6);
  });

  it('wants a short label to look like one, and a label at the margin', () => {
    expect(labelScore(cand('5'), part('5'), part('4b'))?.score).toBe(1);
    expect(labelScore(cand('5 apples in a box'), part('5'), part('4b'))?.score ?? 0).toBeLessThan(0.6);
    expect(labelScore(cand('(2)(b) 0', { indent: 300 }), part('2b'), part('2a'))?.score ?? 0).toBe(0);
  });

  it('gives a garbled short label with its question number right a low, passing score', () => {
    const s = labelScore(cand('(3X0)'), part('3a'), part('2b'))?.score ?? 0;
    expect(s).toBeGreaterThanOrEqual(0.6);
    expect(s).toBeLessThan(0.8);
  });

  it('leaves a list of i., ii., iii. alone', () => {
    const s = labelScore(cand('ii. h_t', { listy: true }), part('1b.ii'), part('1b.i'))?.score ?? 0;
    expect(s).toBeLessThan(0.6);
  });
});

describe('alignLabels', () => {
  it('aligns misread labels with the parts in exam order, skipping parts not answered', () => {
    const lines = [
      'Name: Riya Sen',
      '01a. f_t is at 3',
      'the input gate is at 4',
      '(6) i. C_t = [0.7, 0.2, 0.05]',
      '11. h_t = [0.6044, 0, 0]',
      '2. (o) e_kj = s^T h',
      '(6) 0 extra parameters',
      '4(a) dL/dc_t = ...',
      '5',
      'output side 199',
    ].map((t) => cand(t));
    const got = alignLabels(lines, parts, null);
    const byLine = Object.fromEntries([...got].map(([i, x]) => [i, x.part.id]));
    expect(byLine).toEqual({ 1: '1a', 3: '1b.i', 4: '1b.ii', 5: '2a', 6: '2b', 7: '4a', 8: '5' });
  });

  it('reads "(a)", "(0)", "()" after a question\'s heading as its sub-parts in order', () => {
    // handwriting: "Ans 3", its intro, then (a), (b), (c) read as "(a)", "(0)" and "()"
    const lines = [
      'Ans 3',
      '[ht-. x] is of size 3+2 = 5',
      '(a) Wis 3 x 5',
      '(0) bis 3 x 1',
      '() Total = 5 x(15 + 3) = 90',
      'Ans 4(0)',
      'dL/d=dL/dh*dht/dq',
    ].map((t) => cand(t));
    const missing = parts.filter((p) => ['3a', '3b', '3c', '4a'].includes(p.id));
    const got = alignLabels(lines, missing, parts.find((p) => p.id === '2b') ?? null);
    const byLine = Object.fromEntries([...got].map(([i, x]) => [i, x.part.id]));
    expect(byLine).toEqual({ 0: '#3', 2: '3a', 3: '3b', 4: '3c', 5: '4a' });
  });

  it('keeps exam order: a label for an earlier part after a later one is not taken', () => {
    const got = alignLabels([cand('2(a) e = s h'), cand('1(a) f_t 3')], parts, null);
    expect(got.size).toBe(1);
  });

  it('takes nothing when no line reads as a label', () => {
    expect(alignLabels([cand('the forget gate is at 3'), cand('= [0.2, 0.2, 0]')], parts, null).size).toBe(0);
  });
});

describe('segment on OCR lines', () => {
  const ocr = (text: string) => segment(linesOf(text, 1, 0.8), [pageInfo(1, 'ocr')], parts);
  const typed = (text: string) => segment(linesOf(text, 1, 1), [pageInfo(1)], parts);
  const script = `Name: Riya Sen
1(a) f_t is at 3
(6) i. C_t = [0.7, 0.2, 0.05]
16ii. h_t = [0.6044, 0, 0]
2(a) e_kj = s^T h
2(b) no extra parameters`;

  it('finds misread labels between labels read, with a confidence that sends them to review', () => {
    const s = ocr(script);
    expect(s.order).toEqual(['1a', '1b.i', '1b.ii', '2a', '2b']);
    expect(s.parts['1b.i'].text).toBe('C_t = [0.7, 0.2, 0.05]');
    expect(s.parts['1b.ii'].text).toBe('h_t = [0.6044, 0, 0]');
    // ("(6)" for "(b)" is the strict reading's, with its own confidence)
    expect(s.parts['1b.i'].labelConf).toBeLessThan(0.75);
    expect(s.parts['1b.ii'].labelConf).toBeLessThan(0.7);
    expect(s.parts['1a'].text).toBe('f_t is at 3');
  });

  it('leaves a text layer as the strict reading has it', () => {
    const garbled = `(2)(a)
e_kj = s^T h
(3X0)
shape (3, 5)
(3)(b)
b_f is 3 x 1`;
    expect(ocr(garbled).order).toEqual(['2a', '3a', '3b']);
    const s = typed(garbled);
    expect(s.order).toEqual(['2a', '3b']);
    expect(s.parts['2a'].text).toBe('e_kj = s^T h\n(3X0)\nshape (3, 5)');
    expect(s.warnings.join(' ')).not.toContain('aligned');
  });

  it('reads garbled label lines of one style by their question number and order', () => {
    const s = ocr(`(1)(a)
f_t is at 3
(2)(a)
e_kj = s^T h
(3X0)
shape (3, 5)
(3)(e)
b_f is 3 x 1
(3Xc)
4 x 18 = 72`);
    expect(s.order).toEqual(['1a', '2a', '3a', '3b', '3c']);
    expect(s.parts['3a'].text).toBe('shape (3, 5)');
    expect(s.parts['3b'].text).toBe('b_f is 3 x 1');
    expect(s.parts['3c'].text).toBe('4 x 18 = 72');
    for (const id of ['3a', '3b', '3c']) expect(s.parts[id].labelConf).toBeLessThan(0.7);
  });

  it('does not take an answer list of i., ii. for the sub-parts of (b)', () => {
    const s = ocr(`Question 1 part (a)
i. f_t: 3
ii. i_t: 4
iii. o_t: 8
Question 2 part (a)
e_kj = s^T h`);
    expect(s.order).toEqual(['1a', '2a']);
    expect(s.parts['1a'].text).toBe('i. f_t: 3\nii. i_t: 4\niii. o_t: 8');
  });
});
