// Typeset maths rebuilt from the words' positions (layout.ts): here, column vectors a text layer gave
// as three rows with no delimiters.
import { describe, expect, it } from 'vitest';
import { type LayoutLine, linearizeColumnVectors } from './index.ts';

/** A line at height `y` of words at the given x positions, each 5 units a character wide. */
const line = (y: number, words: [string, number][]): LayoutLine => ({
  text: words.map(([t]) => t).join(' '),
  words: words.map(([text, x]) => ({ text, box: { x, y, w: text.length * 5, h: 11 } })),
});

describe('column vectors with no delimiters', () => {
  it('three rows whose middle one holds the signs fold into vectors, column by column', () => {
    const rows = [
      line(280, [
        ['1', 80],
        ['tanh', 129],
        ['0.7', 154],
        ['1', 210],
        ['0.604', 264],
        ['0.604', 329],
      ]),
      line(296, [
        ['0', 80],
        ['∘', 113],
        ['tanh', 129],
        ['0.2', 154],
        ['=', 178],
        ['0', 210],
        ['∘', 242],
        ['0.197', 264],
        ['=', 307],
        ['0', 340],
      ]),
      line(311, [
        ['0', 80],
        ['tanh', 126],
        ['0.05', 151],
        ['0', 210],
        ['0.050', 264],
        ['0', 340],
      ]),
    ];
    const out = linearizeColumnVectors(rows);
    expect(out[1].text).toBe(
      '(1, 0, 0) ∘ (tanh 0.7, tanh 0.2, tanh 0.05) = (1, 0, 0) ∘ (0.604, 0.197, 0.050) = (0.604, 0, 0)',
    );
    expect([out[0].words.length, out[2].words.length]).toEqual([0, 0]);
  });
  it('rows around that are not all cells in columns (prose, a word far from every column) are left alone', () => {
    // (the same middle and bottom rows under two top rows that are no cells of the display)
    const under = (top: [string, number][]) => [
      line(280, top),
      line(296, [
        ['0', 80],
        ['∘', 113],
        ['0.2', 154],
        ['=', 178],
        ['0', 210],
      ]),
      line(311, [
        ['0', 80],
        ['0.05', 151],
        ['0', 210],
      ]),
    ];
    const prose = under([
      ['so', 80],
      ['the', 100],
    ]);
    expect(linearizeColumnVectors(prose)[1].text).toBe(prose[1].text);
    // (the 9 at x = 400 lies in the last column's span but far from its own cells)
    const stray = under([
      ['1', 80],
      ['0.7', 154],
      ['1', 210],
      ['9', 400],
    ]);
    expect(linearizeColumnVectors(stray)[1].text).toBe(stray[1].text);
  });
});
