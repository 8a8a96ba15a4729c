import { describe, expect, it } from 'vitest';
import { binScores, mean, median, scoresFromHistogram, toBins } from './stats.ts';

describe('binScores', () => {
  it('uses one bin per half point for small maxima, centred on the half points', () => {
    const bins = binScores([0, 0.5, 0.5, 1, 3, 3], 3);
    expect(bins).toHaveLength(7); // 0, 0.5, ..., 3
    expect(bins.map((b) => b.count)).toEqual([1, 2, 1, 0, 0, 0, 2]);
    expect(bins[0].from).toBe(-0.25);
  });
  it('uses maxBins equal bins for large maxima and counts every score once', () => {
    const scores = Array.from({ length: 200 }, (_, i) => (i * 7919) % 61); // 0..60
    const bins = binScores(scores, 60, 12);
    expect(bins).toHaveLength(12);
    expect(bins.reduce((a, b) => a + b.count, 0)).toBe(200);
    // independent count of the first bin [0, 5)
    expect(bins[0].count).toBe(scores.filter((s) => s >= 0 && s < 5).length);
    // the max lands in the last bin
    expect(bins[11].count).toBe(scores.filter((s) => s >= 55).length);
  });
  it('puts out-of-range scores in the end bins and skips NaN', () => {
    const bins = binScores([-1, 99, Number.NaN], 2);
    expect(bins[0].count).toBe(1);
    expect(bins[bins.length - 1].count).toBe(1);
  });
});

describe('mean and median', () => {
  it('match hand computation', () => {
    expect(mean([1, 2, 3, 10])).toBe(4);
    expect(median([10, 1, 3, 2])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
    expect(mean([])).toBeNull();
    expect(median([])).toBeNull();
  });
});

describe('histograms from the API', () => {
  it('expands a per-score histogram and bins it like raw scores', () => {
    const hist = [
      { score: 0, count: 2 },
      { score: 2.5, count: 1 },
      { score: 3, count: 3 },
    ];
    expect(scoresFromHistogram(hist)).toEqual([0, 0, 2.5, 3, 3, 3]);
    expect(toBins(hist, undefined, 3)).toEqual(binScores([0, 0, 2.5, 3, 3, 3], 3));
  });
  it('keeps ready-made bins and falls back to scores', () => {
    const bins = [{ from: 0, to: 1, count: 4 }];
    expect(toBins(bins, undefined, 1)).toBe(bins);
    expect(toBins(undefined, [1, 1], 1).reduce((a, b) => a + b.count, 0)).toBe(2);
  });
});
