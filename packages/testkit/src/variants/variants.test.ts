import { describe, expect, it } from 'vitest';
import { PART_IDS, PART_MAX, type PartId } from '../key.ts';
import { Notation, randomProfile } from '../notation.ts';
import { Rng } from '../rng.ts';
import { answerOf, LIBRARY } from './index.ts';
import type { Answer, StudentValues } from './types.ts';

function make(part: PartId, id: string, own: Partial<StudentValues> = {}, seed = 7): Answer | null {
  const v = LIBRARY[part].find((x) => x.id === id);
  if (!v) throw new Error(`no variant ${id}`);
  const n = new Notation(randomProfile(new Rng(seed), { scan: false }));
  return answerOf(v, { n, own: { ct: null, wf: null, bf: null, ...own }, rng: new Rng(seed) });
}

describe('variant library', () => {
  it('has several variants for every part, with a blank', () => {
    for (const p of PART_IDS) {
      expect(LIBRARY[p].length, p).toBeGreaterThanOrEqual(6);
      expect(LIBRARY[p].some((v) => v.id.endsWith('.blank'))).toBe(true);
    }
  });

  it('every answer scores within [0, part max] and blank answers have no lines', () => {
    const owns: StudentValues[] = [
      { ct: null, wf: null, bf: null },
      { ct: [0.6, 0.2, 0.05], wf: [3, 2], bf: 3 },
      { ct: [0.7, 0.2, 0.5], wf: [5, 3], bf: 5 },
    ];
    for (const p of PART_IDS)
      for (const v of LIBRARY[p])
        for (const own of owns)
          for (let seed = 1; seed < 6; seed++) {
            const n = new Notation(randomProfile(new Rng(seed), { scan: seed % 2 === 0 }));
            const a = answerOf(v, { n, own, rng: new Rng(seed) });
            if (!a) continue;
            expect(a.score, a.id).toBeGreaterThanOrEqual(0);
            expect(a.score, a.id).toBeLessThanOrEqual(PART_MAX[p]);
            expect(a.lines.length === 0, a.id).toBe(a.id.endsWith('.blank'));
            for (const l of a.lines) expect(l, a.id).not.toMatch(/\{\{|\}\}/);
          }
  });

  // the numbers below are the rubric document's own (cs60010-ct3-rubric.md), typed in by hand
  it('1(a): half a point per right match', () => {
    expect(make('1a', '1a.ok')!.score).toBe(3);
    expect(make('1a', '1a.swap-io')!.score).toBe(2);
    expect(make('1a', '1a.one-off')!.score).toBe(2.5);
    expect(make('1a', '1a.two-swaps')!.score).toBe(1);
    expect(make('1a', '1a.seq')!.score).toBe(0);
  });

  it('1(b)(i) shows the key vector [0.7, 0.2, 0.05]; slips 0.5, bare 0', () => {
    const ok = make('1b.i', '1bi.ok')!;
    expect(ok.values?.ct).toEqual([0.7, 0.2, 0.05].map((x) => expect.closeTo(x, 9)));
    expect(ok.score).toBe(1);
    expect(make('1b.i', '1bi.bare')!.score).toBe(0);
    expect(make('1b.i', '1bi.slip3')!.score).toBe(0.5);
    expect(make('1b.i', '1bi.forget-only')!.score).toBe(0);
  });

  it('1(b)(ii) carries the student own C_t forward', () => {
    const right = make('1b.ii', '1bii.carry', { ct: [0.7, 0.2, 0.05] })!;
    expect([right.id, right.score]).toEqual(['1bii.ok', 1]);
    expect(right.lines.join(' ')).toContain('0.6044');
    // a slip in the 3rd element does not reach h_t (o_t = [1, 0, 0]): still right
    const third = make('1b.ii', '1bii.carry', { ct: [0.7, 0.2, 0.5] })!;
    expect([third.id, third.score]).toEqual(['1bii.ok', 1]);
    // a slip in the 1st element does: error carried forward
    const first = make('1b.ii', '1bii.carry', { ct: [0.6, 0.2, 0.05] })!;
    expect([first.id, first.score]).toEqual(['1bii.ecf', 0.5]);
    expect(first.lines.join(' ')).toContain('0.537');
  });

  it('1(b)(ii) without tanh is left out where c ≈ tanh(c) would hide it', () => {
    expect(make('1b.ii', '1bii.notanh', { ct: [0.7, 0.2, 0.05] })!.score).toBe(0);
    // own C_t = [0.2, 0.2, 0]: o ⊙ C_t = 0.2 is within 0.005 of tanh(0.2) = 0.1974
    expect(make('1b.ii', '1bii.notanh', { ct: [0.2, 0.2, 0] })).toBeNull();
  });

  it('3(c): 72 with work 1, 60 or 18 with work 0.5, own-3a total 0.5', () => {
    expect(make('3c', '3c.ok')!.lines.join(' ')).toContain('72');
    expect(make('3c', '3c.weights-only')!.score).toBe(0.5);
    expect(make('3c', '3c.one-gate')!.score).toBe(0.5);
    const ecf = make('3c', '3c.ecf', { wf: [3, 2], bf: 3 })!;
    expect(ecf.score).toBe(0.5);
    expect(ecf.lines.join(' ')).toContain('36');
    expect(make('3c', '3c.ecf', { wf: [5, 3], bf: 3 })).toBeNull(); // transposed: 72, not an error
  });

  it('4(a): 2 + 2 + 1 items and the bare-expression cap', () => {
    const s = (id: string) => make('4a', id)!.score;
    expect(s('4a.ok')).toBe(5);
    expect(s('4a.ok-sech')).toBe(5);
    expect(s('4a.ft')).toBe(4);
    expect(s('4a.notanh')).toBe(3);
    expect(s('4a.recursive-only')).toBe(2);
    expect(s('4a.direct-only')).toBe(2);
    expect(s('4a.recursive-only-ft')).toBe(1);
    expect(s('4a.bare')).toBe(2);
    expect(make('4a', '4a.bare')!.lines).toHaveLength(1);
  });

  it('4(b): "still vanishes" keeps only the product item', () => {
    expect(make('4b', '4b.ok')!.score).toBe(2);
    expect(make('4b', '4b.negated')!.score).toBe(1);
    expect(make('4b', '4b.negated')!.lines.join(' ')).toMatch(/still vanishes/);
    expect(make('4b', '4b.bare')!.score).toBe(0);
  });

  it('5: 199 × 199, 1,900,848 + 1,188,030 = 3,088,878; 200 × 200 gives 3,120,000 for 0.5', () => {
    const digits = (a: Answer) => a.lines.join(' ').replace(/[,\s]/g, '');
    const ok = make('5', '5.ok')!;
    expect(ok.score).toBe(3);
    for (const x of ['199', '1900848', '1188030', '3088878']) expect(digits(ok)).toContain(x);
    const same = make('5', '5.same200')!;
    expect(same.score).toBe(0.5);
    expect(digits(same)).toContain('3120000');
    expect(make('5', '5.standard')!.score).toBe(2);
    expect(digits(make('5', '5.standard')!)).toContain('19008480');
  });
});
