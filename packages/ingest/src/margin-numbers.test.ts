// A margin's line numbers are blanked; numbers that open a few lines only are left as they are.
import { describe, expect, it } from 'vitest';
import { withoutLineNumbers, withoutMarginNumbers } from './margin-numbers.ts';
import { segment } from './segment.ts';
import { CT3_PARTS, linesOf, pageInfo } from './testing.ts';

const run = (text: string) => segment(linesOf(text, 1, 1), [pageInfo(1)], CT3_PARTS);
const numbered = (rows: string[], mark = (n: number) => `${n} |`) =>
  rows.map((r, i) => `${mark(i + 1)} ${r}`.trimEnd()).join('\n');

const ROWS = [
  'Q3(a) [h, x] has 3 + 2 = 5 entries, so W_f is 3 x 5.',
  '',
  'Q3(b) b_f is 3 x 1, one bias per unit.',
  '',
  'Q3(c) 4 x (15 + 3) = 72.',
  '',
  'Q5 (200 + 2 - 4)/1 + 1 = 199, so 199 x 199 x 3',
  'and 199 x 199 x 10; 1,900,848 + 1,188,030 = 3,088,878.',
  '',
  'Q4(b) the product of the forget gates is 1: no vanishing.',
];

describe("a margin's line numbers", () => {
  it('on every line, in any style, start no part', () => {
    for (const mark of [(n: number) => `${n} |`, (n: number) => `[${n}]`, (n: number) => `0${n}`.slice(-3)]) {
      const s = run(numbered(ROWS, mark));
      expect(s.order).toEqual(['3a', '3b', '3c', '5', '4b']);
      expect(s.parts['5']?.text).toMatch(/^Q?\s*\(200 \+ 2 - 4\)/);
    }
  });
  it('a few numbered lines are the text, not a margin', () => {
    const text = '1. f_t -> 3\n2. e = s^T h\n3. 3 x 5\nsome prose\nmore prose\nand more\nstill more\nthe end';
    expect(withoutMarginNumbers(linesOf(text, 1, 1)).map((l) => l.text)).toEqual(text.split('\n'));
  });
});

describe("an editor's line numbers, found where they stand", () => {
  const lines = (rows: string[]) => linesOf(rows.join('\n'));
  it('a column of numbers counting up line by line past 14 is blanked, whatever follows them', () => {
    const rows = Array.from(
      { length: 18 },
      (_, i) => `${i + 1} ${i === 4 ? 'Q3(b) b_f is 3 x 1' : `line ${i}`}`,
    );
    const out = withoutLineNumbers(lines(rows));
    expect(out[4].text.trim()).toBe('Q3(b) b_f is 3 x 1');
    expect(out.every((l) => !/^\s*\d/.test(l.text))).toBe(true);
  });
  it('a script numbering its eleven answers 1 to 11, one a line, keeps them', () => {
    const rows = Array.from({ length: 11 }, (_, i) => `${i + 1} answer ${i}`);
    expect(withoutLineNumbers(lines(rows)).map((l) => l.text)).toEqual(rows);
  });
  it('numbers every fifth line, 5, 10, 15, 20, are line numbers', () => {
    const rows = Array.from({ length: 20 }, (_, i) => ((i + 1) % 5 === 0 ? `${i + 1} text` : 'text'));
    const out = withoutLineNumbers(lines(rows));
    expect(out.map((l) => l.text.trim())).toEqual(rows.map(() => 'text'));
  });
  it('a column of figures counting by five row by row is no numbering, "t 0", "t 5", … "t 95"', () => {
    const rows = Array.from({ length: 20 }, (_, i) => `t ${5 * i}`);
    expect(withoutLineNumbers(lines(rows)).map((l) => l.text)).toEqual(rows);
  });
});
