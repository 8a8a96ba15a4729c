import type { Line } from '@grader/model';
import { describe, expect, it } from 'vitest';
import { withSpacedLabelsClosed } from './spaced-labels.ts';

const line = (text: string): Line => ({
  page: 1,
  text,
  box: { x: 50, y: 50, w: 400, h: 12 },
  conf: 1,
  words: [],
});
const closed = (text: string) => withSpacedLabelsClosed([line(text)])[0].text.trimEnd();

describe('letter-spaced labels closed up', () => {
  it('closes a label word and the label after it, the line keeping its length', () => {
    expect(closed('Q U E S T I O N 1')).toBe('QUESTION 1');
    expect(closed('A n s 1 ( b ) ( i i )')).toBe('Ans 1(b)(ii)');
    expect(closed('P a r t  c   W_f is 3 x 5')).toMatch(/^Part\s+c\s+W_f is 3 x 5$/);
    expect(withSpacedLabelsClosed([line('A N S 3  x')])[0].text).toHaveLength('A N S 3  x'.length);
    expect(closed('2 .')).toBe('2.');
  });
  it('leaves spaced letters that spell no label word, and maths, as they are', () => {
    for (const t of ['f i o C  are the gates', 'Q = K V', '1 0 0', 'x y z', 'Q 1 = 3'])
      expect(closed(t)).toBe(t);
  });
});
