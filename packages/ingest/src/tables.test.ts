// Answers set out in tables and gone over again in notes (round 74 of the free-form corpus, its class
// that answers in tables): read from the committed PDFs as a grader reads them.
import { loadExam } from '@grader/exam';
import { describe, expect, it } from 'vitest';
import { stackedLabel } from './cells.ts';
import { byHeaderColumns } from './header-row.ts';
import { linesOf } from './testing.ts';
import { freeformScript } from './testing-pdf.ts';

/** A script of the free-form corpus, read for CT3. */
const corpus = freeformScript;
const parts = loadExam('cs60010-ct3').parts;

describe('a table whose header row names the parts', () => {
  it('drawn in ASCII ("| Q#3/a | Q#3/b | Q#3/c |"): each column is its part, answer and working', async () => {
    const s = await corpus('rl-11.pdf');
    expect(s.parts['3a'].text).toContain('3 x 5');
    expect(s.parts['3a'].text).toContain('size 3+2=5');
    expect(s.parts['3b'].text).toBe('3 x 1\none bias\nper unit');
    expect(s.parts['3c'].text).toContain('4 x 18 = 72');
    expect(s.parts['3c'].text).not.toContain('one bias');
  });
  it('typeset, labels set close and centred over their columns; prose below them is the question’s working', async () => {
    const s = await corpus('rl-03.pdf');
    expect(s.parts['2a'].text).toContain('state k and encoder state j)');
    expect(s.parts['2b'].text).toContain('No additional parameters (0).');
    expect(s.parts['2b'].text).not.toContain('encoder state j');
    expect(s.parts['3a'].text).toContain('3 × 5');
    // ("Working: … so W_f is 3 × 5 … and b_f is 3 × 1 …" below the table: each part's working, in one place)
    for (const id of ['3a', '3b', '3c']) expect(s.parts[id].text).toContain('has 3 + 2 = 5 entries');
    expect(s.parts['3b'].occurrences).toBe(1);
  });
  it('a row of labels with nothing beneath it, or prose straight after it, is left as it is', () => {
    const lines = linesOf('Q3 (a) and (b) are below\n(a) W_f is 3 x 5\n(b) b_f is 3 x 1');
    expect(byHeaderColumns(lines, parts)).toEqual(lines);
  });
});

describe('answers in a table, then notes going over the parts again', () => {
  it('a question’s number alone opens its notes, a question answered in the table row of the labels’ column', async () => {
    const s = await corpus('rl-05.pdf');
    // ("5   Depthwise output 199 × 199 × 3; …" in the labels' column of the table, after "4.b")
    expect(s.parts['5'].text).toContain('Depthwise output 199 × 199 × 3');
    expect(s.parts['4b'].text).not.toContain('Depthwise output');
    // ("3 The forget gate weight multiplies …" in the notes: question 3's working, each part's)
    for (const id of ['3a', '3b', '3c']) expect(s.parts[id].text).toContain('Per gate 6 + 3 = 9');
    expect(s.parts['2a'].text).not.toContain('Per gate');
    // ("2.a / 2.b  Score is the dot product …": the working of both, answered in the table)
    expect(s.parts['2b'].text).toContain('Nothing here is learned');
    // ("5  Output side = …" on the next page: the notes' last question)
    expect(s.parts['5'].text).toContain('Output side = (200 + 2 × 1 − 4)/1 + 1 = 199.');
  });
});

describe('a displayed fraction in a labelled row of a table (round 75 fixes)', () => {
  it('its numerators, set above the label’s line, go with the label: "4.a  ∂L/∂c_t = …" whole in 4(a)', async () => {
    const s = await corpus('rl-05.pdf');
    const rows = s.parts['4a'].lines.map((l) => l.text);
    expect(rows.slice(0, 3)).toEqual(['= ot (1 − tanh^{2} ct) + ft+1', '∂L ∂L ∂L', '∂ct ∂ht ∂ct+1']);
    expect(s.parts['3c'].text).not.toContain('∂L');
    // (and its words from "=" on: the raised 2 of tanh² is the line's "^{2}")
    expect(s.parts['4a'].lines[0].words[0].text).toBe('=');
  });
  it('a heading alone between one fraction’s denominators and the next one’s numerators moves nothing', async () => {
    // ("∂ct ∂ct+1 ∂ht" / "IV(b)" / "∂L T ∂L": the denominators stay in 4(a), under their numerators)
    const s = await corpus('tb-05.pdf');
    expect(s.parts['4a'].text).toContain('∂ct ∂ct+1 ∂ht');
    expect(s.parts['4b'].text).not.toContain('∂ct ∂ct+1 ∂ht');
  });
});

describe('a table of final answers ahead of the working', () => {
  it('its last row runs on while its lines stand in the answers’ column ("5   DW …" over "total 3.088878 × 10^6")', async () => {
    const s = await corpus('ye-05.pdf');
    expect(s.parts['5'].text).toMatch(/total 3\.088878/);
    expect(s.parts['5'].text).not.toMatch(/^Working$/m);
  });
});

describe('questions named by sections and outlines (round 74)', () => {
  it('"Section C — Question 3" heads question 3; a list of questions wrapped onto the next line heads nothing', async () => {
    const s = await corpus('rm-06.pdf');
    expect(s.order.slice(0, 4)).toEqual(['3a', '3b', '3c', '5']);
    expect(s.parts['3a'].text).toContain('3 × 5');
    expect(s.parts['4a'].text).toContain('ct affects L through ht and through ct+1');
    expect(s.parts['4b'].text).toContain('With ft = 1 the product stays 1');
    expect(s.warnings.join(' ')).not.toContain('"Q4."');
  });
  it('questions lettered before bracketed roman parts ("A(i)", "A(ii)(1)", "E(iii)")', async () => {
    const s = await corpus('rm-07.pdf');
    expect(s.parts['1a'].text).toContain('ft = 5');
    expect(s.parts['1b.ii'].text).toContain('= (0.604, 0, 0)');
    expect(s.parts['1b.i'].text).toContain('= (0.7, 0, 0.4)');
    expect(s.parts['3c'].text).toContain('Total = 3 × 18 = 54');
    expect(s.parts['5'].text).toContain('Total = 1900848 + 396010 = 2296858');
  });
  it('parts numbered "1.", "2." afresh under each "Question N" heading; "1. Depthwise …" under question 5 is a step', async () => {
    const s = await corpus('rm-08.pdf');
    expect(s.parts['2b'].text).toContain('Zero. Dot-product scoring has no weights');
    expect(s.parts['3c'].text).toContain('= 60 + 12 = 72.');
    expect(s.parts['4b'].text).toContain('When every ft = 1 this product is 1');
    expect(s.parts['5'].text).toContain('Total = 1,920,000 + 1,200,000 = 3,120,000');
  });
});

describe('a label over two or three lines of a narrow cell', () => {
  it('is one label in pieces: "2" / "(b)", "1" / "(b)" / "ii", "Q3" / "c)"', () => {
    expect(stackedLabel(['2', '(b)'])).toBe(true);
    expect(stackedLabel(['1', '(b)', 'ii'])).toBe(true);
    expect(stackedLabel(['Q3', 'c)'])).toBe(true);
  });
  it('is not two labels of rows run together, a wrapped word, or a label alone', () => {
    expect(stackedLabel(['2 (b)', '3 (a)'])).toBe(false);
    expect(stackedLabel(['Subjec', 't'])).toBe(false);
    expect(stackedLabel(['1 (a)'])).toBe(false);
    expect(stackedLabel(['Step', 'one'])).toBe(false);
  });
});
