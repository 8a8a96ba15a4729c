import { describe, expect, it } from 'vitest';
import {
  applySets,
  drawVersions,
  findVersion,
  loadExam,
  loadVersions,
  parseVersions,
  stringifyVersions,
  VersionsError,
} from './index.ts';

const exam = loadExam('cs60010-ct3');

describe('loadVersions', () => {
  it('named parameter sets in file order, each with its parameters and keys', () => {
    const vs = loadVersions('versions: {A: {}, B: {"3.hidden": 4, "5.padding": 0}}', exam);
    expect(vs.map((v) => v.name)).toEqual(['A', 'B']);
    expect(vs[0].keys).toEqual(applySets(exam, []).keys);
    expect(vs[1].sets).toEqual(['3.hidden=4', '5.padding=0']);
    expect(vs[1].params['3.hidden']).toBe(4);
    expect(vs[1].keys['3c']).toBe(112);
    expect(vs[1].keys['5']).toMatchObject({ depthwise_output: [197, 197, 3], multiplications: 3_027_102 });
    expect(findVersion(vs, 'b')?.name).toBe('B');
    expect(findVersion(vs, 'C')).toBeUndefined();
  });
  it('block YAML, lists and dims as --set takes them, an empty version, names in file order', () => {
    const text = [
      'exam: cs60010-ct3',
      'versions:',
      '  "2":',
      '    1b.C_prev: [0.5, 0.4, 0.8]',
      '    5.image: 100x100x3',
      '  "1":',
      '  v3: { "3.input": "4" }',
    ].join('\n');
    const vs = loadVersions(text, exam);
    expect(vs.map((v) => v.name)).toEqual(['2', '1', 'v3']);
    expect(vs[0].sets).toEqual(['1b.C_prev=0.5,0.4,0.8', '5.image=100x100x3']);
    expect(vs[0].params['5.image']).toEqual({ h: 100, w: 100, c: 3 });
    expect(vs[1].sets).toEqual([]);
    expect(vs[2].keys['3a']).toEqual([3, 7]);
  });
  it('round-trips through stringifyVersions', () => {
    const vs = loadVersions(
      'versions: {A: {}, B: {"1b.f": [1, 0.5, 0.25], "5.image": 64x64x1, "3.hidden": 4}}',
      exam,
    );
    const text = stringifyVersions(vs, exam.id);
    expect(text).toBe(
      'exam: cs60010-ct3\nversions:\n  A: {}\n  B: {"1b.f": [1, 0.5, 0.25], "5.image": "64x64x1", "3.hidden": 4}\n',
    );
    expect(loadVersions(text, exam).map((v) => v.keys)).toEqual(vs.map((v) => v.keys));
  });

  const bad: Array<[string, RegExp]> = [
    [
      'versions: {A: {}, B: {"3.hiden": 4}}',
      /^v\.yaml: version B: unknown parameter "3\.hiden" \(known: 1b\.C_prev/,
    ],
    ['versions: {A: {}, B: {"5.stride": two}}', /^v\.yaml: version B: 5\.stride: "two" is not a number$/],
    [
      'versions: {A: {"5.filter": 300}}',
      /^v\.yaml: version A: 5\.filter 300 is larger than the padded image/,
    ],
    ['versions: {A: {"1b.f": [1, 2]}}', /^v\.yaml: version A: vectors of unequal length/],
    ['versions: {A: {"3.hidden": {x: 1}}}', /^v\.yaml: version A: "3\.hidden" must be a number/],
    ['versions: {A: {}, B: {"3.hidden": 3}}', /^v\.yaml: versions A and B have the same parameters$/],
    ['versions: {A: {}, a: {"3.hidden": 4}}', /^v\.yaml: versions A and a differ only in case$/],
    ['versions: {"A B": {}}', /^v\.yaml: version "A B": a version's name is letters/],
    ['versions: {}', /^v\.yaml: no versions given/],
    ['versions: [A, B]', /^v\.yaml: "versions" must map each version's name to its parameters/],
    ['A: {}\nB: {"3.hidden": 4}', /^v\.yaml: expected "versions:" with one entry per version/],
    ['versions: {A: {}, A: {}}', /^v\.yaml: line 1: Map keys must be unique/],
    ['versions: {A: {}\n', /^v\.yaml: line \d+: /],
    ['exam: cs99999\nversions: {A: {}}', /^v\.yaml: the versions are for exam cs99999, not cs60010-ct3$/],
  ];
  for (const [text, message] of bad)
    it(`refuses ${JSON.stringify(text)} with one line naming the version and parameter`, () => {
      let err: unknown;
      try {
        loadVersions(text, exam, 'v.yaml');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(VersionsError);
      expect((err as Error).message).toMatch(message);
      expect((err as Error).message).not.toContain('\n');
    });
  it('parseVersions checks the form alone (no exam)', () => {
    expect(parseVersions('versions: {A: {}, B: {"nope": 1}}').versions).toEqual([
      { name: 'A', sets: [] },
      { name: 'B', sets: ['nope=1'] },
    ]);
  });
});

describe('drawVersions', () => {
  const ranges = {
    '3.hidden': { min: 2, max: 8 },
    '3.input': { min: 2, max: 6 },
    '1b.C_prev': { min: -1, max: 1, step: 0.1 },
    '1b.f': { min: 0, max: 1, step: 0.25 },
    '5.image': { min: '32x32x1', max: '128x128x3' },
    '5.filter': { min: 2, max: 7 },
    '5.padding': { min: 0, max: 2 },
  };
  const drawn = drawVersions(exam, { count: 6, ranges, seed: 11 });

  it('draws the versions asked for, the same for the same seed, another set for another seed', () => {
    expect(drawn.map((v) => v.name)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(drawVersions(exam, { count: 6, ranges, seed: 11 }).map((v) => v.sets)).toEqual(
      drawn.map((v) => v.sets),
    );
    expect(drawVersions(exam, { count: 6, ranges, seed: 12 }).map((v) => v.sets)).not.toEqual(
      drawn.map((v) => v.sets),
    );
  });

  it('stays within the ranges; vectors with at most 2 decimals; sizes positive; every set passes applySets', () => {
    for (const v of drawn) {
      const h = v.params['3.hidden'] as number;
      expect(h).toBeGreaterThanOrEqual(2);
      expect(h).toBeLessThanOrEqual(8);
      for (const x of [...(v.params['1b.C_prev'] as number[]), ...(v.params['1b.f'] as number[])]) {
        expect(Math.abs(x)).toBeLessThanOrEqual(1);
        expect(Math.round(x * 100) / 100).toBe(x);
      }
      const img = v.params['5.image'] as { h: number; w: number; c: number };
      expect(img.h).toBe(img.w); // the default image is square: so are the drawn ones
      expect(img.h).toBeGreaterThanOrEqual(32);
      const k5 = v.keys['5'] as Record<string, number[]>;
      expect([...k5.depthwise_output, ...k5.pointwise_output].every((x) => x > 0)).toBe(true);
      expect(applySets(exam, v.sets).keys).toEqual(v.keys);
    }
    // the unranged parameters keep the exam's values
    expect(new Set(drawn.map((v) => v.params['5.out_channels']))).toEqual(new Set([10]));
  });

  it('no two versions share a key the ranges change (a script’s numbers tell its version)', () => {
    for (const id of ['1b.i', '1b.ii', '3a', '3c']) {
      const seen = drawn.map((v) => JSON.stringify(v.keys[id]));
      expect(new Set(seen).size, id).toBe(drawn.length);
    }
    for (const f of ['depthwise_output', 'pointwise_output', 'multiplications']) {
      const seen = drawn.map((v) => JSON.stringify((v.keys['5'] as Record<string, unknown>)[f]));
      expect(new Set(seen).size, f).toBe(drawn.length);
    }
    // 2b does not depend on the sizes: the same for all, and not a reason to reject
    expect(new Set(drawn.map((v) => v.keys['2b']))).toEqual(new Set([0]));
  });

  it('rejects parameter sets whose keys coincide with another version’s', () => {
    // 10×10 and 11×11 images with stride 2 give the same 5 × 5 outputs and counts: no second version
    const same = { '5.image': { values: ['10x10x3', '11x11x3'] }, '5.stride': { values: [2] } };
    expect(() => drawVersions(exam, { count: 2, ranges: same, seed: 1 })).toThrow(
      /could not draw 2 versions within the ranges: 1 found in \d+ draws; rejected: every key coincides with another version's/,
    );
  });

  it('keepDefault: version A is the exam’s own; a range too narrow for the count is an error', () => {
    const two = drawVersions(exam, {
      count: 2,
      ranges: { '3.hidden': { min: 3, max: 4 } },
      seed: 5,
      keepDefault: true,
    });
    expect(two.map((v) => [v.name, v.sets])).toEqual([
      ['A', []],
      ['B', ['3.hidden=4']],
    ]);
    expect(() =>
      drawVersions(exam, { count: 3, ranges: { '3.hidden': { min: 3, max: 4 } }, seed: 5, maxTries: 200 }),
    ).toThrow(VersionsError);
    // a filter larger than the padded image is rejected by applySets, and drawing goes on
    const small = drawVersions(exam, {
      count: 3,
      ranges: { '5.image': { min: '3x3x1', max: '9x9x1' }, '5.padding': { values: [0] } },
      seed: 2,
    });
    expect(small.every((v) => (v.params['5.image'] as { h: number }).h >= 4)).toBe(true);
  });

  it('bad ranges are errors naming the parameter', () => {
    const draw = (ranges: Record<string, unknown>) => () =>
      drawVersions(exam, { count: 2, ranges: ranges as never, seed: 1 });
    expect(draw({ '3.hiden': { min: 2, max: 4 } })).toThrow(/^ranges: 3\.hiden: unknown parameter/);
    expect(draw({ '3.hidden': { min: 5, max: 4 } })).toThrow(/^ranges: 3\.hidden: min 5 is above max 4$/);
    expect(draw({ '5.image': { min: 2, max: 4 } })).toThrow(/^ranges: 5\.image: a dims range is/);
    expect(draw({ '3.hidden': { min: '2x2x2', max: '4x4x4' } })).toThrow(
      /^ranges: 3\.hidden: a integer range/,
    );
    expect(draw({ '1b.f': { min: 0, max: 1, step: 0.125 } })).toThrow(/at most 2 decimals/);
    expect(draw({ '3.hidden': { values: ['x'] } })).toThrow(
      /^ranges: 3\.hidden: 3\.hidden: "x" is not a number/,
    );
  });
});
