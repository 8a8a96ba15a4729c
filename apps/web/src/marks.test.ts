import { describe, expect, it } from 'vitest';
import { DEFAULT_LIST, listQuery, pageCount, rangeText, showOptions } from './list-query.ts';
import { type Evidence, markSpans, sharedNumbers } from './marks.ts';
import { moveStart, rangesOf, toggleStart } from './splits.ts';

describe('similarity marks', () => {
  const ev: Evidence = {
    values: [
      { partId: '3c', value: '36', scripts: 2 },
      { partId: '1b.i', value: '[0.7, 0.2, 0.5]', scripts: 2 },
    ],
    sentences: ['following the arrows from', 'arrows from the top'],
  };
  it('takes the numbers of the values shared in a part', () => {
    expect(sharedNumbers(ev, '1b.i')).toEqual(['0.7', '0.2', '0.5']);
    expect(sharedNumbers(ev, '3c')).toEqual(['36']);
    expect(sharedNumbers(ev, '5')).toEqual([]);
  });
  it('marks whole numbers only, and sentences across short words and punctuation', () => {
    const s = markSpans('4 × (3 × 2 + 3) = 36, not 360 or 1.36', ['36'], []);
    expect(s.filter((x) => x.mark).map((x) => x.text)).toEqual(['36']);
    const t = markSpans('I matched these by Following the arrows, from the top-left.', [], ev.sentences);
    expect(t.filter((x) => x.mark === 'sentence').map((x) => x.text)).toEqual([
      'Following the arrows, from the top',
    ]);
    expect(t.map((x) => x.text).join('')).toBe('I matched these by Following the arrows, from the top-left.');
    expect(markSpans('', ['1'], [])).toEqual([{ text: '', mark: null }]);
  });
});

describe('submissions list query', () => {
  it('maps the Show filter, sort direction and page to the API query', () => {
    expect(listQuery(DEFAULT_LIST)).toBe('sort=uploaded&order=desc&page=1&pageSize=50');
    expect(listQuery({ ...DEFAULT_LIST, sort: 'roll', show: 'flag:similarity', page: 2 })).toBe(
      'sort=roll&order=asc&flag=similarity&page=2&pageSize=50',
    );
    expect(listQuery({ ...DEFAULT_LIST, sort: 'score', reverse: true, show: 'flagged' })).toContain(
      'order=asc&flag=any',
    );
    expect(listQuery({ ...DEFAULT_LIST, show: 'review' })).toContain('review=1');
    expect(listQuery({ ...DEFAULT_LIST, show: 'status:failed' })).toContain('status=failed');
    expect(listQuery({ ...DEFAULT_LIST, show: 'withdrawn' })).toContain('status=withdrawn');
    expect(showOptions().map(([v]) => v)).toContain('withdrawn');
  });
  it('counts pages and says what is shown', () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(101, 50)).toBe(3);
    expect(rangeText(101, 3, 50)).toBe('Showing 101–101 of 101');
    expect(rangeText(0, 1, 50)).toBe('Nothing to show');
  });
});

describe('stack split points', () => {
  it('adds, removes and moves split points; page 1 always starts a script', () => {
    expect(toggleStart([1, 3], 5)).toEqual([1, 3, 5]);
    expect(toggleStart([1, 3, 5], 3)).toEqual([1, 5]);
    expect(toggleStart([1, 3], 1)).toEqual([1, 3]);
    expect(moveStart([1, 3, 5], 3, 1, 6)).toEqual([1, 4, 5]);
    expect(moveStart([1, 3, 5], 3, 2, 6)).toEqual([1, 3, 5]); // onto another split: no
    expect(moveStart([1, 3], 3, -2, 6)).toEqual([1, 3]); // onto page 1: no
    expect(moveStart([1, 3], 3, 4, 6)).toEqual([1, 3]); // past the end: no
    expect(rangesOf([1, 3, 5], 6)).toEqual([
      { from: 1, to: 2 },
      { from: 3, to: 4 },
      { from: 5, to: 6 },
    ]);
  });
});
