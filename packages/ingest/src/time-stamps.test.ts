import { describe, expect, it } from 'vitest';
import { linesOf } from './testing.ts';
import { withoutTimeStamps } from './time-stamps.ts';

// (blanked in place: what is left keeps its column, read here trimmed)
const read = (text: string) => withoutTimeStamps(linesOf(text)).map((l) => l.text.trim());

describe('the times a student logs while writing', () => {
  it('are blanked in brackets, opening a line or ending a label’s line, where three or more are logged', () => {
    expect(
      read(
        '[5] (10:15)\nDepthwise: 199 x 199 x 3\nProblem 3 (part a) 10:09\n10:22 — 8 min left.\n(t+16, ~10 min left)\n[1a] (t+4 min)',
      ),
    ).toEqual(['[5]', 'Depthwise: 199 x 199 x 3', 'Problem 3 (part a)', '8 min left.', '', '[1a]']);
  });
  it('leave an index and the working alone: "f_(t+1)", "c_{t+1}", a ratio inside a sentence', () => {
    const lines = [
      '[4a] (10:09)',
      'dL/dc_t = dL/dc_(t+1) * f_(t+1) + …',
      'started at 10:21, then (10:30)',
      '[5] (10:40)',
    ];
    expect(read(lines.join('\n'))).toEqual([
      '[4a]',
      'dL/dc_t = dL/dc_(t+1) * f_(t+1) + …',
      'started at 10:21, then',
      '[5]',
    ]);
  });
  it('read a clock time with a dot in square brackets as a time where three are logged ("[10.07]"), not "eq. (10.41)"', () => {
    expect(read('1 b ii -  [10.07]\n2 b -  [10.10]\nZero, see eq. (10.41)\n5 -  [10.23]')).toEqual([
      '1 b ii -',
      '2 b -',
      'Zero, see eq. (10.41)',
      '5 -',
    ]);
    // (a decimal in square brackets alone is no log: "[0.25]" twice and one time)
    const text = 'ratio [0.25]\nscale [0.35]\n2 b - [10.10]';
    expect(read(text)).toEqual(text.split('\n'));
  });
  it('change nothing in a script that does not log its time', () => {
    const text = '1(b)(i) (10:15)\nC_t = [0.7, 0.2, 0.05]';
    expect(read(text)).toEqual(text.split('\n'));
  });
});
