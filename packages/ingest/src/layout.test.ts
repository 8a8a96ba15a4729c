import { describe, expect, it } from 'vitest';
import { accentsOnLetters, attachAccents, buildLines, inlineFractions, type LayoutWord } from './layout.ts';

const w = (text: string, x: number, y: number, size = 12, wid = text.length * size * 0.5): LayoutWord => ({
  text,
  box: { x, y, w: wid, h: size },
  conf: 1,
  size,
});

describe('buildLines', () => {
  it('keeps subscripts with their base and glues them without a space', () => {
    // LaTeX "f_t → 3": f at baseline, t smaller and lower, touching f
    const lines = buildLines(1, [
      w('f', 83, 100, 12, 4),
      w('t', 87.5, 105, 8, 3),
      w('→', 96, 100),
      w('3', 112, 100),
    ]);
    expect(lines).toHaveLength(1);
    expect(lines[0].text).toBe('ft → 3');
  });
  it('orders lines top to bottom and words left to right', () => {
    const lines = buildLines(2, [
      w('second', 72, 140),
      w('line', 120, 140),
      w('first', 72, 100),
      w('Q1', 20, 100),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['Q1 first', 'second line']);
    expect(lines[0].page).toBe(2);
    expect(lines[0].box.x).toBe(20);
  });
  it('puts a displayed fraction, its halves half a line above and below, back into its line as one word', () => {
    // (a derivative's rows stay rows: @grader/parse rebuilds ∂L over ∂c_t, also several side by side)
    const lines = buildLines(1, [w('∂L', 100, 100), w('∂ct', 100, 116), w('=', 130, 108)]);
    expect(lines.map((l) => l.text)).toEqual(['∂L', '=', '∂ct']);
    // "Step 1: \frac{200 + 2(1) − 4}{1} + 1 = 199": the fraction sits in the gap of its line
    const step = buildLines(1, [
      w('Step', 65, 210, 11, 20),
      w('1:', 89, 210, 11, 8),
      w('200', 184, 203, 11, 15),
      w('+', 204, 203, 11, 5),
      w('2(1)', 214, 203, 11, 19),
      w('−', 236, 203, 11, 8),
      w('4', 247, 203, 11, 5),
      w('+', 256, 210, 11, 5),
      w('1', 266, 210, 11, 5),
      w('=', 276, 210, 11, 5),
      w('199', 285, 210, 11, 15),
      w('1', 216, 218, 11, 5),
      w('next', 65, 232, 11, 20),
    ]);
    expect(step.map((l) => l.text)).toEqual(['Step 1: (200 + 2(1) − 4)/(1) + 1 = 199', 'next']);
    // a table cell's label wrapped around its row's line ("(b)" over "(ii)" beside "1 … = …") is no fraction
    const cell = buildLines(1, [
      w('1', 61, 496, 11, 6),
      w('(b)', 98, 489, 11, 14),
      w('=', 134, 496, 11, 5),
      w('{0.7,', 144, 496, 11, 30),
      w('(ii)', 98, 504, 11, 14),
    ]);
    expect(cell.map((l) => l.text)).toEqual(['(b)', '1 = {0.7,', '(ii)']);
    // lines a full line apart are lines, even centred on each other
    expect(
      buildLines(1, [w('ab', 100, 100), w('=', 130, 113), w('cd', 100, 126)]).map((l) => l.text),
    ).toEqual(['ab', '=', 'cd']);
  });
  it('groups OCR words by the engine line id', () => {
    const a = { ...w('h,', 10, 100), line: 0, size: undefined };
    const b = { ...w('=', 40, 103), line: 0, size: undefined };
    const c = { ...w('next', 10, 104), line: 1, size: undefined };
    expect(buildLines(1, [a, b, c]).map((l) => l.text)).toEqual(['h, =', 'next']);
  });
  it('averages word confidences into the line confidence', () => {
    const lines = buildLines(1, [
      { ...w('a', 0, 0), conf: 0.5 },
      { ...w('b', 20, 0), conf: 1 },
    ]);
    expect(lines[0].conf).toBeCloseTo(0.75);
  });
});

describe('buildLines: scripts that fell onto another line', () => {
  it('a fraction’s small denominator that happens to start where an operator of the line below ends stays out of it', () => {
    // "size: 200+2·1−4 over 1" above "output: 199 × 199 × 3;" — the 1 ends up at the × (yj-07: "×13")
    const lines = buildLines(1, [
      w('size:', 303, 479, 10, 30),
      w('200+2·1−4', 400, 476, 7, 40),
      w('1', 447, 484, 7, 4),
      w('output:', 359, 495, 10, 33),
      w('199', 396, 495, 10, 14),
      w('×', 440, 495, 10, 8),
      w('3;', 450, 495, 10, 8),
    ]);
    expect(lines.map((l) => l.text).find((t) => t.startsWith('output'))).toBe('output: 199 × 3;');
  });
});

describe('buildLines: an inline fraction in running text', () => {
  it('its denominator, in glyph pieces touching the line below, stays under its numerator', () => {
    // "… so \\frac{∂L}{∂c_1} contains …" over "In a plain RNN": the "∂" of the denominator ends
    // where "In" does, the 1 where "a" does (wb-05: "In∂ac1 plain")
    const lines = buildLines(1, [
      w('so', 352, 429, 10, 8),
      w('∂L', 365, 427.6, 7, 10),
      w('contains', 381, 429, 10, 36),
      w('∂', 364, 435, 7, 4),
      w('c', 369, 435, 7, 4),
      w('1', 373, 437.5, 5, 3),
      w('In', 354, 441, 10, 10),
      w('a', 368, 441, 10, 5),
      w('plain', 378, 441, 10, 24),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['so (∂L)/(∂c1) contains', 'In a plain']);
  });
  it('its denominator set a little left of the numerator stays with it, not with a heading it touches below', () => {
    // "At t = T: \frac{∂L}{∂h_T} = W_V^T(…)" over "Ques-4/b": the ∂ of ∂h stands 2.5 left of ∂L's,
    // and ends where the heading does (rp-11: the label read as "Ques-4/b∂hT" and 4(b) not found)
    const lines = buildLines(1, [
      w('At', 56.7, 221.9, 10.9, 12.1),
      w('T:', 90.9, 221.9, 10.9, 10),
      w('∂L', 110.4, 220, 8, 10.7),
      w('=', 128, 221.9, 10.9, 8.5),
      w('W', 139, 221.9, 10.9, 10),
      w('∂h', 107.9, 228, 8, 9.8),
      w('T', 117.7, 231, 6, 4.4),
      w('Ques-4/b', 56.7, 241.4, 10.9, 50.8),
    ]);
    expect(lines.map((l) => l.text).at(-1)).toBe('Ques-4/b');
  });
  it('its numerator stays over its denominator, though it starts where a word of the line above ends', () => {
    // "Given: …, 4 × 4 filter, …" over "Output after depthwise: \frac{200-4+2}{1}+1 = 199": the "200"
    // starts where the "4" above ends (rr-11: read as "4 × 4200filter,−" and "14+2 + 1 = 199")
    const lines = buildLines(1, [
      w('Given:', 306.6, 353.7, 10.9, 31.3),
      w('4', 415.0, 353.7, 10.9, 4.4),
      w('×', 421.8, 353.7, 10.9, 8.5),
      w('4', 432.7, 353.7, 10.9, 3.8),
      w('filter,', 440.4, 353.7, 10.9, 26.9),
      w('Output', 306.6, 367.6, 10.9, 31.0),
      w('depthwise:', 373.7, 367.6, 10.9, 51.6),
      w('200', 435.6, 365.6, 8, 12.7),
      w('−', 448.3, 365.6, 8, 6.6),
      w('4+2', 454.9, 365.6, 8, 15.1),
      w('1', 450.6, 373.7, 8, 4.2),
      w('+', 474.9, 367.6, 10.9, 6.2),
      w('1', 487.3, 367.6, 10.9, 6.2),
      w('=', 499.6, 367.6, 10.9, 6.2),
      w('199', 512.0, 367.6, 10.9, 18.5),
    ]);
    expect(lines.map((l) => l.text)).toEqual([
      'Given: 4 × 4 filter,',
      'Output depthwise: (200−4+2)/(1) + 1 = 199',
    ]);
  });
  it('a product’s limits stacked after its sign (pdfTeX’s ∏, "Q", with "T" over "k=2") are no fraction', () => {
    // (yw-11's `\prod_{k=2}^{T} f_k` in running text: the limits start together where the sign ends)
    const lines = buildLines(1, [
      w('Unrolling,', 62.4, 120.4, 10.9, 41.5),
      w('=', 158.4, 120.4, 10.9, 8.5),
      w('Q', 170.2, 111.5, 10.9, 15.3),
      w('T', 185.5, 117.7, 8, 4.9),
      w('k', 185.5, 126.0, 8, 4.4),
      w('=2', 190.1, 126.0, 8, 10.8),
      w('f', 203.2, 120.4, 10.9, 5.3),
    ]);
    expect(lines.map((l) => l.text)).toContain('QTk=2');
  });
});

describe('attachAccents', () => {
  it('puts a LaTeX tilde back on the C below it', () => {
    const out = attachAccents([w('C', 100, 100, 12, 8), w('˜', 102, 96, 12, 4), w('t', 108, 105, 8, 3)]);
    expect(out.map((x) => x.text)).toEqual(['C\u0303', 't']);
  });
  it('leaves an arrow between words alone', () => {
    const out = attachAccents([w('f', 80, 100), w('→', 96, 100), w('3', 112, 100)]);
    expect(out.map((x) => x.text)).toEqual(['f', '→', '3']);
  });
});

describe('inline fractions', () => {
  // (the file's word helper: text, x, y, size, width)
  it('a numerator and denominator set one over the other become one fraction (\\frac{200+2·1−4}{1})', () => {
    const words = [
      w('depthwise:', 178.9, 89.1, 10.9, 50.1),
      w('200+2', 235.0, 87.2, 8.0, 23.5),
      w('1', 253.4, 95.2, 8.0, 4.2),
      w('·', 258.6, 87.2, 8.0, 2.4),
      w('1', 260.9, 87.2, 8.0, 4.2),
      w('−', 265.1, 87.2, 8.0, 6.6),
      w('4', 271.7, 87.2, 8.0, 4.2),
      w('+', 279.6, 89.1, 10.9, 5.3),
      w('1', 290.1, 89.1, 10.9, 5.3),
    ];
    expect(buildLines(1, words)[0].text).toBe('depthwise: (200+2·1−4)/(1) + 1');
  });
  it('a superscript and subscript stacked on their symbol stay scripts (s_{k−1}^⊤)', () => {
    const words = [
      w('e', 100, 89.1, 10.9, 5),
      w('=', 108, 89.1, 10.9, 6),
      w('s', 118, 89.1, 10.9, 5),
      w('⊤', 123, 86, 7, 5),
      w('k−1', 123, 95, 7, 12),
      w('h', 137, 89.1, 10.9, 6),
    ];
    expect(inlineFractions(words).map((x) => x.text)).toEqual(['e', '=', 's', '⊤', 'k−1', 'h']);
  });
});

describe('footnote marks (round 38)', () => {
  it('a small digit raised right after a full stop is a footnote mark, not a digit of the number', () => {
    // "C̃t → 6.¹": the mark touches the full stop; "199²" stays an exponent
    const note = buildLines(1, [
      w('C', 60, 100, 10, 7),
      w('→', 72, 100, 10),
      w('6.', 84, 100, 10, 8),
      w('1', 92, 97, 7, 3),
    ]);
    expect(note[0].text).toBe('C → 6.');
    const power = buildLines(1, [w('199', 60, 100, 10, 15), w('2', 75, 97, 7, 3)]);
    expect(power[0].text).toBe('199^{2}');
  });
});

describe('accents pdfTeX sets before their letter (round 39)', () => {
  it('"R´eponse" reads "Réponse"; an accent alone stays', () => {
    expect(accentsOnLetters('R´eponse 1 b)')).toBe('Réponse 1 b)');
    expect(accentsOnLetters('x ´ y')).toBe('x ´ y');
  });
});
