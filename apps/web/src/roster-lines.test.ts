import { describe, expect, it } from 'vitest';
import { lineIssues } from './roster-lines.ts';

describe('lineIssues', () => {
  it('reads "line N: field" keys, sorted by line; other keys as line 0', () => {
    expect(
      lineIssues({ 'line 4: email': 'not an email', 'line 2: roll': 'needed', csv: 'too long' }),
    ).toEqual([
      { line: 0, field: 'csv', message: 'too long' },
      { line: 2, field: 'roll', message: 'needed' },
      { line: 4, field: 'email', message: 'not an email' },
    ]);
  });
});
