import { describe, expect, it } from 'vitest';
import { segment } from './segment.ts';
import { linesOf, pageInfo } from './testing.ts';

const parts = [
  { id: '4b', path: ['4', 'b'] },
  { id: '5', path: ['5'] },
];
const run = (pages: string[]) =>
  segment(
    pages.flatMap((t, k) => linesOf(t, k + 1)),
    pages.map((_, k) => pageInfo(k + 1)),
    parts,
  );

describe('works cited', () => {
  it('sets a reference list aside, also where it runs over a page, and its "[5]" is no label', () => {
    const s = run([
      `Q4 (b) the carousel keeps the error constant [1].
Q5 output side (200 + 2 - 4)/1 + 1 = 199 [3], so 199 x 199 x 3
total 1,900,848 + 1,188,030 = 3,088,878 (separable convolutions [2])
References
[1] S. Hochreiter, J. Schmidhuber, "Long short-term memory", 1997.`,
      `[2] A. G. Howard et al., "MobileNets", 2017.
[3] V. Dumoulin, F. Visin, "A guide to convolution arithmetic", 2016.
[5] R. Jozefowicz, W. Zaremba, "An empirical exploration", 2015.`,
    ]);
    expect(s.parts['5'].occurrences).toBe(1);
    expect(s.parts['5'].text).not.toMatch(/Howard|Jozefowicz|2017/);
    expect(s.rough.map((l) => l.text)).toContain(
      '[5] R. Jozefowicz, W. Zaremba, "An empirical exploration", 2015.',
    );
    // (the numbers citing the list are blanked in the answers, same length: "199 [3]" is no 199 × 3)
    expect(s.parts['5'].text).toMatch(/= 199\s+, so/);
    expect(s.parts['5'].text).not.toMatch(/\[[23]\]/);
  });
  it('reads works run together on a line with no heading as a list, not as labels', () => {
    const s = run([
      `Q4 (b) the product of the forget gates is 1 [1], so the error does not vanish.
Q5 199 x 199 x 3 and 199 x 199 x 10, 3,088,878 in all.
[4] Hochreiter & Schmidhuber 1997. [5] Howard et al. 2017.`,
    ]);
    expect(s.parts['5'].occurrences).toBe(1);
    expect(s.parts['5'].text).toBe('199 x 199 x 3 and 199 x 199 x 10, 3,088,878 in all.');
  });
  it('leaves brackets alone in a script that cites nothing (a vector, a shape)', () => {
    const s = run(['Q5 the kernel is [4] wide, output 199 [3] channels']);
    expect(s.parts['5'].text).toBe('the kernel is [4] wide, output 199 [3] channels');
  });
});
