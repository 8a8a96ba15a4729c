// Pages of the free-form corpus read as a grader reads them, where a layout taught the reader something
// (round 75: equations numbered and cited, labels set apart from their answers by a gap).
import { describe, expect, it } from 'vitest';
import { freeformScript } from './testing-pdf.ts';

describe('a derivation that numbers its equations and cites them', () => {
  it('"(2)+(3) in (1): C_t = …" cites equations; the "(ii)" after it is 1(b)(ii)', async () => {
    const s = await freeformScript('rn-05.pdf');
    expect(s.parts['1b.i'].text).toContain('(2)+(3) in (1): Ct = [0.7, 0.2, 0.05].');
    expect(s.parts['1b.ii'].text).toContain('≈ 0.6044');
    expect(s.warnings.join(' ')).not.toContain('"(2)"');
  });
});

describe('a label set apart from its answer', () => {
  it('a question’s number a quad before the number its answer starts with: "5  200 × 200 × 3, k = 4"', async () => {
    const s = await freeformScript('ro-11.pdf');
    expect(s.parts['5'].text).toMatch(/^200 × 200 × 3, k = 4/);
    expect(s.parts['4b'].text).not.toContain('200 × 200 × 3');
  });
  it('a heading under an inline fraction keeps to itself: "Ques-4/b" below "At t = T: ∂L/∂h_T = …"', async () => {
    const s = await freeformScript('rp-11.pdf');
    expect(s.order).toContain('4b');
    expect(s.parts['4b'].text).toContain('without decay');
    expect(s.parts['4a'].text).not.toContain('without decay');
  });
});
