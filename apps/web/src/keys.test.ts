import { describe, expect, it } from 'vitest';
import { itemCreditsFromReasons, quickScores, reviewKeyAction, step } from './keys.ts';

describe('reviewKeyAction', () => {
  it('maps digits to items that exist', () => {
    expect(reviewKeyAction({ key: '1' }, 3)).toEqual({ type: 'item', index: 0 });
    expect(reviewKeyAction({ key: '3' }, 3)).toEqual({ type: 'item', index: 2 });
    expect(reviewKeyAction({ key: '4' }, 3)).toBeNull();
    expect(reviewKeyAction({ key: '0' }, 3)).toBeNull();
  });
  it('maps n/p to next/previous in either case', () => {
    expect(reviewKeyAction({ key: 'n' }, 0)).toEqual({ type: 'next' });
    expect(reviewKeyAction({ key: 'P' }, 0)).toEqual({ type: 'prev' });
  });
  it('ignores keys typed into form fields and chords with modifiers', () => {
    expect(reviewKeyAction({ key: '1', targetTag: 'input' }, 3)).toBeNull();
    expect(reviewKeyAction({ key: 'n', targetTag: 'TEXTAREA' }, 3)).toBeNull();
    expect(reviewKeyAction({ key: 'p', ctrlKey: true }, 3)).toBeNull();
    expect(reviewKeyAction({ key: '2', metaKey: true }, 3)).toBeNull();
  });
  it('lets Enter on a focused button do its own thing', () => {
    expect(reviewKeyAction({ key: 'Enter', targetTag: 'BUTTON' }, 3)).toBeNull();
    expect(reviewKeyAction({ key: 'Enter', targetTag: 'BODY' }, 3)).toEqual({ type: 'submit' });
  });
});

describe('step and quickScores', () => {
  it('moves without wrapping', () => {
    expect(step(0, -1, 5)).toBe(0);
    expect(step(4, 1, 5)).toBe(4);
    expect(step(2, 1, 5)).toBe(3);
    expect(step(0, 1, 0)).toBe(0);
  });
  it('offers half points for small maxima and at most nine buttons', () => {
    expect(quickScores(3)).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3]);
    expect(quickScores(5)).toEqual([0, 1, 2, 3, 4, 5]);
    const big = quickScores(20);
    expect(big.length).toBe(9);
    expect(big[8]).toBe(20);
    expect(quickScores(0)).toEqual([0]);
  });
});

describe('itemCreditsFromReasons', () => {
  it('reads "awarded/max: why" lines and skips the others', () => {
    const r = itemCreditsFromReasons([
      '0/1: 199 × 199 × 3 is right but no working',
      '1/1: right',
      'sent to a person: unsure',
      '0.5/1: slip',
    ]);
    expect(r.map((x) => [x.awarded, x.max])).toEqual([
      [0, 1],
      [1, 1],
      [0.5, 1],
    ]);
    expect(r[0].text).toBe('199 × 199 × 3 is right but no working');
  });
});
