import { describe, expect, it } from 'vitest';
import { parameterLines, parseParameterLines, parseRangeLines } from './version-text.ts';

describe('version text', () => {
  it('parameters: NAME=VALUE lines, numbers as numbers, round trip', () => {
    const r = parseParameterLines('3.hidden=4\n\n1b.C_prev = 0.5,0.4,0.8\n5.image=100x100x3');
    expect(r).toEqual({ value: { '3.hidden': 4, '1b.C_prev': '0.5,0.4,0.8', '5.image': '100x100x3' } });
    if ('value' in r) expect(parseParameterLines(parameterLines(r.value))).toEqual(r);
    expect(parseParameterLines('3.hidden')).toEqual({
      error: 'line 1: expected NAME=VALUE, e.g. 3.hidden=4',
    });
  });
  it('ranges: numbers with a step, dims, a list of values', () => {
    expect(
      parseRangeLines(
        '3.hidden: 2..8\n1b.C_prev: -1..1 step 0.1\n5.image: 32x32x1..128x128x3\n5.padding: 0|1|2',
      ),
    ).toEqual({
      value: {
        '3.hidden': { min: 2, max: 8 },
        '1b.C_prev': { min: -1, max: 1, step: 0.1 },
        '5.image': { min: '32x32x1', max: '128x128x3' },
        '5.padding': { values: [0, 1, 2] },
      },
    });
    expect('error' in parseRangeLines('3.hidden 2..8')).toBe(true);
    expect('error' in parseRangeLines('3.hidden: 2..x')).toBe(true);
  });
});
