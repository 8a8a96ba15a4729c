import { describe, expect, it } from 'vitest';
import {
  describeAlternatives,
  describeKey,
  describeTolerance,
  describeWork,
  keyRows,
} from './rubric-describe.ts';

describe('rubric words', () => {
  it('shows literal keys as their value and engine keys at their computed value', () => {
    expect(describeKey({ literal: 3 })).toBe('3');
    expect(describeKey({ engine: '1b.i' }, { '1b.i': [0.7, 0.2, 0.05] })).toBe(
      '[0.7, 0.2, 0.05] (engine 1b.i)',
    );
    expect(describeKey({ engine: '5.depthwise_output' }, { '5': { depthwise_output: [199, 199, 3] } })).toBe(
      '[199, 199, 3] (engine 5.depthwise_output)',
    );
    expect(describeKey({ engine: '3c' })).toBe('computed (engine 3c)');
  });
  it('says tolerances like a person', () => {
    expect(describeTolerance({ abs: 0.005, perElement: true })).toBe('±0.005 per element');
    expect(describeTolerance({ rel: 0.01 })).toBe('±1%');
    expect(describeTolerance(undefined)).toBe('–');
  });
  it('lists alternatives with their credit', () => {
    expect(
      describeAlternatives([
        { value: [0.6, 0, 0], credit: 1, reason: 'x' },
        { value: 60, credit: 0.5 },
      ]),
    ).toBe('[0.6, 0, 0] → 1; 60 → 0.5');
    expect(describeAlternatives([])).toBe('–');
  });
  it('describes the work rule', () => {
    expect(describeWork({ required: false })).toBe('no work needed');
    expect(describeWork({ required: true, describe: 'the computation' })).toBe(
      'work must be shown: the computation',
    );
    expect(describeWork(undefined)).toBeNull();
  });
});

describe('keyRows', () => {
  it('spreads a key with several fields over rows and rounds long decimals', () => {
    expect(
      keyRows({
        '1b.ii': [0.604367777117, 0, 0],
        '5': { depthwise_output: [199, 199, 3], multiplications: 3088878 },
      }),
    ).toEqual([
      ['1b.ii', '[0.6044, 0, 0]'],
      ['5 depthwise output', '[199, 199, 3]'],
      ['5 multiplications', '3088878'],
    ]);
  });
});
