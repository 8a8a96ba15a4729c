import { describe, expect, it } from 'vitest';
import { PartTree } from './labels.ts';
import { unknownLabel } from './unknown-labels.ts';

// A made-up exam with CT3's nesting kinds: question 1 lettered with roman sub-parts, 3 lettered, 5 alone.
const tree = new PartTree([
  { id: 'q1a', path: ['1', 'a'] },
  { id: 'q1b1', path: ['1', 'b', 'i'] },
  { id: 'q1b2', path: ['1', 'b', 'ii'] },
  { id: 'q3a', path: ['3', 'a'] },
  { id: 'q3b', path: ['3', 'b'] },
  { id: 'q5', path: ['5'] },
]);

describe('unknownLabel: a label for a part the exam does not have', () => {
  it.each(['1 c -', '1.(c)', '3(d) total = 72', '1(b)(iii)'])('%s', (t) =>
    expect(unknownLabel(t, tree)).toBe(true),
  );
  // (a question without lettered parts numbers its own steps; arithmetic and values are no labels)
  it.each(['5 (a) depthwise', '3 x 5', '1 c = 3', '1.5 kg', '3. W_f', '1(b)(ii)', '6 x 18 = 108'])(
    '%s',
    (t) => expect(unknownLabel(t, tree)).toBe(false),
  );
});
