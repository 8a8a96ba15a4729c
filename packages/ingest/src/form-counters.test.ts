import type { Line } from '@grader/model';
import { describe, expect, it } from 'vitest';
import { withoutFormCounters } from './form-counters.ts';
import { PartTree } from './labels.ts';

const tree = new PartTree(
  ['1a', '1b.i', '1b.ii', '2a', '2b', '3a', '3b', '3c', '4a', '4b', '5'].map((id) => ({
    id,
    path: id
      .match(/^(\d)([a-z]?)(?:\.(\w+))?$/)!
      .slice(1)
      .filter(Boolean),
  })),
);
const lines = (...texts: string[]): Line[] =>
  texts.map((text, i) => ({
    page: 1,
    text,
    box: { x: 50, y: 40 + 14 * i, w: 400, h: 12 },
    conf: 1,
    words: [],
  }));
const read = (...texts: string[]) => withoutFormCounters(lines(...texts), tree).map((l) => l.text.trim());

describe('a form’s own counters over its boxes', () => {
  it('"Question k of 11 (1 mark)" blanked, the box’s own label kept; a wrapped counter too', () => {
    expect(
      read(
        'Question 1 of 11 (3 marks)',
        'Q1(a) f_t -> 3',
        'Question 2 of 11 (1 mark)',
        'Q1(b)(i) C_t = …',
        'Question 11',
        'of 11 (3 marks)',
        '5 - 199',
      ),
    ).toEqual(['', 'Q1(a) f_t -> 3', '', 'Q1(b)(i) C_t = …', '', '', '5 - 199']);
  });
  it('"Item 1" … "Item 8" alone, past the paper’s five questions, blanked; one per part of the paper kept', () => {
    expect(read('Item 1 (3 marks)', 'x', 'Item 6 (5 marks)', 'y', 'Item 8', 'z')).toEqual([
      '',
      'x',
      '',
      'y',
      '',
      'z',
    ]);
    const perPart = Array.from({ length: 11 }, (_, k) => `Item ${k + 1}`);
    expect(read(...perPart)).toEqual(perPart);
  });
  it('keeps the paper’s own numbering ("Question 2 of 5") and a counter met fewer than three times', () => {
    expect(read('Question 2 of 5', 'Question 3 of 5', 'Question 4 of 5')).toEqual([
      'Question 2 of 5',
      'Question 3 of 5',
      'Question 4 of 5',
    ]);
    expect(read('Question 1 of 12', 'a')).toEqual(['Question 1 of 12', 'a']);
  });
});
