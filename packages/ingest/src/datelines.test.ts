// A dateline set before every label is dropped; a prefix before a few lines stays.
import { describe, expect, it } from 'vitest';
import { withoutDatelines } from './datelines.ts';
import { PartTree } from './labels.ts';
import { segment } from './segment.ts';
import { CT3_PARTS, linesOf, pageInfo } from './testing.ts';

const tree = new PartTree(CT3_PARTS);
const run = (text: string) => segment(linesOf(text, 1, 1), [pageInfo(1)], CT3_PARTS);

describe('datelines', () => {
  it("a place before every label is the script's dateline: the labels after it are read", () => {
    const s = run(
      'Kharagpur, Q3(a) — W_f is 3 × 5 since [h, x] has 3 + 2 = 5 entries.\nKharagpur, Q3(b) — b_f is 3 × 1.\nKharagpur, Q3(c) — 4 × (15 + 3) = 72.\nKharagpur, Q5 — (200 − 4 + 2)/1 + 1 = 199.',
    );
    expect(s.order).toEqual(['3a', '3b', '3c', '5']);
    expect(s.parts['3b']?.text).toBe('b_f is 3 × 1.');
  });
  it('a prefix on fewer lines, or before no label, stays', () => {
    const two = 'Kharagpur, Q3(a) — 3 × 5\nKharagpur, Q3(b) — 3 × 1';
    expect(withoutDatelines(linesOf(two, 1, 1), tree).map((l) => l.text)).toEqual(two.split('\n'));
    const prose = 'Note: first\nNote: second\nNote: third';
    expect(withoutDatelines(linesOf(prose, 1, 1), tree).map((l) => l.text)).toEqual(prose.split('\n'));
  });
});
