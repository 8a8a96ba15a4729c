import { describe, expect, it } from 'vitest';
import type { LayoutWord } from './layout.ts';
import { mergedQuestionTable } from './merged-questions.ts';

/** A line of words from x, 5.5 pt a character, one space apart. */
function line(text: string, x: number, y: number): LayoutWord[] {
  const out: LayoutWord[] = [];
  for (const t of text.split(' ')) {
    out.push({ text: t, box: { x, y, w: t.length * 5.5, h: 11 }, conf: 1 });
    x += t.length * 5.5 + 3;
  }
  return out;
}

// Q | Part | Answer, rows 13 pt a line, 22 pt between rows; the labels and numbers centred
const table = [
  ...line('Q', 63, 97),
  ...line('Part', 99, 97),
  ...line('Answer and working', 300, 97),
  // 1(a): one line
  ...line('(a)', 83, 119),
  ...line('f_t goes to 3 and i_t to 4 and o_t to 8', 146, 119),
  // 1(b)(i): five lines, its label in the middle, the question's number beside its fourth
  ...line('C_t = f_t * C_(t-1) + i_t * C~_t', 146, 141),
  ...line('f_t * C_(t-1) = [0.2, 0.2, 0]', 146, 154),
  ...line('(b) i', 83, 167),
  ...line('i_t * C~_t = [0.5, 0, 0.05]', 146, 167),
  ...line('1', 64, 180),
  ...line('so the sum is', 146, 180),
  ...line('C_t = [0.7, 0.2, 0.05]', 146, 193),
  // 1(b)(ii): two lines
  ...line('h_t = o_t * tanh(C_t)', 146, 215),
  ...line('(b) ii', 83, 221),
  ...line('= [0.6044, 0, 0]', 146, 228),
  // 2(a), 2(b): the number between them
  ...line('(a)', 83, 250),
  ...line('e_kj = s_(k-1) . h_j a dot product', 146, 250),
  ...line('2', 64, 261),
  ...line('(b)', 83, 272),
  ...line('no new parameters at all', 146, 272),
];

describe('a table whose question numbers stand in merged cells', () => {
  it('reads each row as its label then its cells, the number heading the first row it spans', () => {
    const lines = mergedQuestionTable(1, table)?.map((l) => l.text);
    expect(lines).toEqual([
      'Q Part Answer and working',
      '1 (a)',
      'f_t goes to 3 and i_t to 4 and o_t to 8',
      '(b) i',
      'C_t = f_t * C_(t-1) + i_t * C~_t',
      'f_t * C_(t-1) = [0.2, 0.2, 0]',
      'i_t * C~_t = [0.5, 0, 0.05]',
      'so the sum is',
      'C_t = [0.7, 0.2, 0.05]',
      '(b) ii',
      'h_t = o_t * tanh(C_t)',
      '= [0.6044, 0, 0]',
      '2 (a)',
      'e_kj = s_(k-1) . h_j a dot product',
      '(b)',
      'no new parameters at all',
    ]);
  });
  it('reads a row cell by cell: the working, then the answer column beside it', () => {
    const withAnswers = [
      ...table.filter((w) => w.box.y < 240),
      ...line('(a)', 83, 256),
      ...line('score the pairs with a dot product', 146, 250),
      ...line('of the two states', 146, 263),
      ...line('e_kj = s_(k-1) . h_j', 420, 250),
      ...line('2', 64, 271),
      ...line('(b)', 83, 290),
      ...line('no new parameters at all', 146, 290),
      ...line('0', 420, 290),
    ];
    const lines = mergedQuestionTable(1, withAnswers)?.map((l) => l.text) ?? [];
    expect(lines.slice(lines.indexOf('2 (a)'))).toEqual([
      '2 (a)',
      'score the pairs with a dot product',
      'of the two states',
      'e_kj = s_(k-1) . h_j',
      '(b)',
      'no new parameters at all 0',
    ]);
  });
  it('leaves alone a page whose numbers stand on their first rows (a numbered list)', () => {
    const list = [
      ...line('1', 64, 119),
      ...line('(a)', 83, 119),
      ...line('f_t goes to 3 and i_t to 4 and o_t to 8', 146, 119),
      ...line('(b) i', 83, 141),
      ...line('C_t = f_t * C_(t-1) + i_t * C~_t and more', 146, 141),
      ...line('f_t * C_(t-1) = [0.2, 0.2, 0] and more', 146, 154),
      ...line('2', 64, 176),
      ...line('(a)', 83, 176),
      ...line('e_kj = s_(k-1) . h_j a dot product', 146, 176),
      ...line('(b)', 83, 198),
      ...line('no new parameters at all in this model', 146, 198),
    ];
    expect(mergedQuestionTable(1, list)).toBeNull();
  });
});
