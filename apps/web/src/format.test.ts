import { describe, expect, it } from 'vitest';
import {
  comparePartIds,
  fmtBytes,
  fmtDelta,
  fmtPercent,
  fmtScore,
  fmtScoreOf,
  isFinal,
  matchesQuery,
  statusLabel,
  statusTone,
} from './format.ts';

describe('format', () => {
  it('prints scores with at most two decimals and no -0', () => {
    expect(fmtScore(3)).toBe('3');
    expect(fmtScore(2.5)).toBe('2.5');
    expect(fmtScore(1 / 3)).toBe('0.33');
    expect(fmtScore(-0.001)).toBe('0');
    expect(fmtScore(null)).toBe('–');
    expect(fmtScore(Number.NaN)).toBe('–');
    expect(fmtScoreOf(17.5, 30)).toBe('17.5 / 30');
  });
  it('signs deltas with a real minus sign', () => {
    expect(fmtDelta(1.5)).toBe('+1.5');
    expect(fmtDelta(-2)).toBe('−2');
    expect(fmtDelta(0.001)).toBe('0');
  });
  it('clamps percentages', () => {
    expect(fmtPercent(0.424)).toBe('42%');
    expect(fmtPercent(1.7)).toBe('100%');
    expect(fmtPercent(-1)).toBe('0%');
    expect(fmtPercent(undefined)).toBe('0%');
  });
  it('prints sizes in binary units', () => {
    expect(fmtBytes(512)).toBe('512 B');
    expect(fmtBytes(1536)).toBe('1.5 KB');
    expect(fmtBytes(200 * 1024 * 1024)).toBe('200 MB');
  });
  it('labels statuses and knows which are final', () => {
    expect(statusLabel('needs_review')).toBe('Needs review');
    expect(statusLabel('weird')).toBe('weird');
    expect(statusLabel('needs_review', true)).toBe('Parts being reviewed');
    expect(statusLabel('extracting', true)).toBe('Being processed');
    expect(statusTone('failed')).toBe('bad');
    expect(statusTone('extracting')).toBe('busy');
    expect(['uploaded', 'queued', 'extracting', 'grading'].some(isFinal)).toBe(false);
    expect(['graded', 'needs_review', 'failed'].every(isFinal)).toBe(true);
  });
  it('matches every word of a query, ignoring case and accents', () => {
    expect(matchesQuery('Asha Verma 20CS10042', 'verma 20cs')).toBe(true);
    expect(matchesQuery('Zoë Müller', 'zoe mull')).toBe(true);
    expect(matchesQuery('Asha Verma', 'asha singh')).toBe(false);
  });
});

describe('comparePartIds', () => {
  it('orders part ids as the exam does, whatever order they come in', () => {
    const ids = ['5', '4b', '1b.ii', '10', '1a', '2a', '1b.i', '3c', '1b.iv'];
    expect([...ids].sort(comparePartIds)).toEqual([
      '1a',
      '1b.i',
      '1b.ii',
      '1b.iv',
      '2a',
      '3c',
      '4b',
      '5',
      '10',
    ]);
  });
});
