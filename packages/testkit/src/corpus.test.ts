import { describe, expect, it } from 'vitest';
import { planCorpus } from './corpus.ts';
import { ExpectedFile } from './expected.ts';
import { PART_IDS, PART_MAX } from './key.ts';
import { longSentences, wrongSignature } from './script.ts';

describe('planCorpus', () => {
  const a = planCorpus({ seed: 5, count: 40 });

  it('is deterministic for a seed and differs across seeds', () => {
    expect(planCorpus({ seed: 5, count: 40 }).expected).toEqual(a.expected);
    expect(planCorpus({ seed: 6, count: 40 }).expected).not.toEqual(a.expected);
  });

  it('writes entries that validate, with totals equal to the sum of in-range part scores', () => {
    expect(() => ExpectedFile.parse(a.expected)).not.toThrow();
    for (const e of a.expected) {
      let sum = 0;
      for (const p of PART_IDS) {
        expect(e.parts[p]).toBeGreaterThanOrEqual(0);
        expect(e.parts[p]).toBeLessThanOrEqual(PART_MAX[p]);
        sum += e.parts[p];
      }
      expect(e.total).toBeCloseTo(sum, 9);
      expect(Object.keys(e.variants).sort()).toEqual([...PART_IDS].sort());
    }
  });

  it('varies answers, label styles and formats', () => {
    const variants = new Set(
      a.expected.flatMap((e) => Object.values(e.variants).map((v) => v.split(':')[0])),
    );
    expect(variants.size).toBeGreaterThan(60);
    expect(new Set(a.expected.map((e) => e.style)).size).toBeGreaterThan(5);
    expect(new Set(a.expected.map((e) => e.format))).toEqual(new Set(['typed', 'scan', 'phone', 'mixed']));
  });

  it('restricts formats on request', () => {
    const t = planCorpus({ seed: 2, count: 10, formats: ['typed'] });
    expect(t.expected.every((e) => e.format === 'typed')).toBe(true);
  });

  it('labels similarity only on pairs sharing three or more wrong results', () => {
    const sig = new Map(
      a.scripts.map((s) => [
        s.file,
        new Set(
          Object.values(s.answers)
            .filter((x) => x.wrong)
            .map(wrongSignature),
        ),
      ]),
    );
    const pairs = a.expected.filter((e) => e.similar_to);
    expect(pairs.length).toBeGreaterThanOrEqual(2);
    for (const e of a.expected) {
      for (const f of a.expected) {
        if (e.file >= f.file) continue;
        const common = [...sig.get(e.file)!].filter((x) => sig.get(f.file)!.has(x)).length;
        if (e.similar_to === f.file) {
          expect(f.similar_to).toBe(e.file);
          expect(common).toBeGreaterThanOrEqual(3);
        } else {
          expect(common, `${e.file} ~ ${f.file}`).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('gives no two scripts outside a pair a long sentence in common', () => {
    const sent = new Map(
      a.scripts.map((s) => [
        s.file,
        new Set(Object.values(s.answers).flatMap((x) => longSentences(x.lines))),
      ]),
    );
    let pairShared = 0;
    for (const e of a.expected)
      for (const f of a.expected) {
        if (e.file >= f.file) continue;
        const common = [...sent.get(e.file)!].filter((x) => sent.get(f.file)!.has(x));
        if (e.similar_to === f.file) pairShared += common.length;
        else expect(common, `${e.file} ~ ${f.file}`).toEqual([]);
      }
    expect(pairShared).toBeGreaterThan(0);
  });

  it('flags a header with a missing name or roll, and only then', () => {
    for (const e of a.expected) {
      const incomplete = e.student === null || e.student.name === null || e.student.roll === null;
      expect(e.flags.includes('header'), e.file).toBe(incomplete);
    }
  });

  it('flags organisation exactly for shuffled scripts and parts answered in two places', () => {
    for (const s of a.scripts) {
      const order = s.blocks.map((b) => PART_IDS.indexOf(b.part));
      const twice = new Set(s.blocks.map((b) => b.part)).size !== s.blocks.length;
      const sorted = order.every((x, k) => k === 0 || order[k - 1] <= x);
      expect(s.flags.includes('organisation'), s.file).toBe(twice || !sorted);
    }
  });
});
