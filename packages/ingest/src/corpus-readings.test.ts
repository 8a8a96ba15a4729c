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

describe('a question’s label before prose or maths of its own', () => {
  it('"5 - Depthwise (3 filters 4 × 4 × 1, …)": a word and its bracket after a space are prose, no function', async () => {
    const s = await freeformScript('va-08.pdf');
    expect(s.parts['5'].text).toMatch(/^Depthwise \(3 filters/);
    expect(s.parts['4b'].text).not.toContain('Depthwise');
  });
  it('"V  o = (200 − 4 + 2)/1 + 1 = 199" in a script of "IV(a)", "IV(b)": question V', async () => {
    const s = await freeformScript('ve-07.pdf');
    expect(s.parts['5'].text).toContain('199');
    expect(s.parts['4b'].text).not.toContain('DW out');
  });
});
