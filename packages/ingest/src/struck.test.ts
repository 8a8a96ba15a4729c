import { loadExam } from '@grader/exam';
import { describe, expect, it } from 'vitest';
import { ingestPdf } from './ingest.ts';
import { markStruck } from './struck.ts';
import { textPdf } from './testing-pdf.ts';

const exam = loadExam('cs60010-ct3');

/** A word of 10 pt text whose baseline is at `base` (its box's top is 8 pt above it). */
const word = (text: string, x: number, base: number, size = 10) => ({
  text,
  box: { x, y: base - 0.8 * size, w: text.length * 5, h: size },
  conf: 1,
  size,
});

describe('struck-out text on a text page', () => {
  it('a line through a word at its letters’ middle strikes it, and only the letters it crosses', () => {
    const words = [word('h_t', 50, 100), word('=', 70, 100), word('(0.7', 80, 100), word('0.604,', 105, 100)];
    // (pdfTeX's \st draws its line 0.22 of the size above the baseline)
    const out = markStruck(words, [{ y: 97.8, x0: 85, x1: 100 }]);
    expect(out.map((w) => w.text)).toEqual(['h_t', '=', '(~~0.7~~', '0.604,']);
  });

  it('an underline, a fraction’s bar and the line above or below are no strike-out', () => {
    const words = [
      word('Ans', 50, 100),
      // a fraction: "∂L" over the bar, "∂c" under it
      word('∂L', 80, 95),
      word('∂c', 80, 109),
      word('next', 80, 112),
    ];
    const strokes = [
      { y: 101.5, x0: 50, x1: 65 }, // under "Ans"
      { y: 99, x0: 80, x1: 90 }, // the fraction's bar
    ];
    expect(markStruck(words, strokes).map((w) => w.text)).toEqual(['Ans', '∂L', '∂c', 'next']);
  });

  it('a struck subscript goes with the word struck beside it', () => {
    const words = [word('W', 50, 100), word('f', 55, 102, 7), word('is', 70, 100)];
    expect(markStruck(words, [{ y: 97.6, x0: 50, x1: 60 }]).map((w) => w.text)).toEqual([
      '~~W~~',
      '~~f~~',
      'is',
    ]);
  });

  it('a typed PDF’s struck-out value comes out as a typed strike-out does (“~~0.62~~”), the value after it plain', async () => {
    const pdf = await textPdf([
      [
        'Name: Asha Rao   Roll: 20CS10001   CS60010 CT 3, 15/3/21',
        'Q1(b)(ii) h_t = o_t * tanh(C_t) = (~~0.62~~ 0.6044, 0, 0)',
        'Q3(c) 4 x (15 + 3) = ~~60~~ 72',
      ],
    ]);
    const s = await ingestPdf(pdf, { exam });
    expect(s.parts['1b.ii'].text).toBe('h_t = o_t * tanh(C_t) = (~~0.62~~ 0.6044, 0, 0)');
    expect(s.parts['3c'].text).toBe('4 x (15 + 3) = ~~60~~ 72');
  });
});
