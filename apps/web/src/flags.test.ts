import { describe, expect, it } from 'vitest';
import { filterOptions, flagLabel, matchesFilter } from './flags.ts';

describe('flags', () => {
  const rows = [
    { id: 'a', flags: ['similarity'], needsReview: 0 },
    { id: 'b', flags: [], needsReview: 2 },
    { id: 'c', flags: ['header', 'version'] },
    { id: 'd' },
  ];
  const ids = (f: string) => rows.filter((r) => matchesFilter(r, f)).map((r) => r.id);
  it('filters all / flagged / a given flag / needs review', () => {
    expect(ids('all')).toEqual(['a', 'b', 'c', 'd']);
    expect(ids('flagged')).toEqual(['a', 'c']);
    expect(ids('flag:version')).toEqual(['c']);
    expect(ids('flag:similarity')).toEqual(['a']);
    expect(ids('review')).toEqual(['b']);
  });
  it('offers each known flag and any other the rows carry', () => {
    const opts = filterOptions([...rows, { flags: ['odd'] }]).map(([v]) => v);
    expect(opts.slice(0, 3)).toEqual(['all', 'flagged', 'review']);
    expect(opts).toContain('flag:organisation');
    expect(opts.at(-1)).toBe('flag:odd');
    expect(flagLabel('odd')).toBe('Odd');
  });
});
