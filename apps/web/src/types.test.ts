import { describe, expect, it } from 'vitest';
import { normalizeSubmission, overrideOf, partsOf } from './types.ts';

describe('normalizeSubmission', () => {
  it('flattens the API envelope {submission, pages, grade, ...}', () => {
    const s = normalizeSubmission({
      submission: { id: 's1', status: 'graded', examId: 'e1' },
      pages: [{ page: 1, width: 595, height: 842 }],
      grade: {
        total: 3,
        parts: {
          '5': { score: 1, max: 3, review: false, reasons: [] },
          '1a': { score: 2, max: 3, review: false, reasons: [] },
        },
      },
      overrides: [],
    });
    expect(s.id).toBe('s1');
    expect(s.pages).toHaveLength(1);
    expect(partsOf(s.grade).map(([id]) => id)).toEqual(['1a', '5']);
  });
  it('leaves a flat submission alone', () => {
    expect(normalizeSubmission({ id: 'x', status: 'queued' })).toEqual({ id: 'x', status: 'queued' });
  });
  it('finds the newest override in the list, else the one on the part', () => {
    const s = normalizeSubmission({
      submission: { id: 's', status: 'graded' },
      overrides: [
        { partId: '1a', score: 1, comment: 'old' },
        { partId: '1a', score: 2, comment: 'new' },
      ],
    });
    expect(overrideOf(s, '1a')?.comment).toBe('new');
    expect(
      overrideOf(s, '2a', {
        score: 1,
        max: 1,
        review: false,
        reasons: [],
        override: { score: 1, comment: 'on part' },
      })?.comment,
    ).toBe('on part');
    expect(overrideOf(s, '3a')).toBeUndefined();
  });
});
