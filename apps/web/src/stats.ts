/** Histogram binning and summary numbers for the statistics page (computed locally as a fallback). */

export interface Bin {
  /** inclusive lower edge */
  from: number;
  /** exclusive upper edge, except the last bin, which includes `max` */
  to: number;
  count: number;
}

/**
 * Bins of equal width over [0, max]. Scores are often in half points, so by default one bin per
 * half point when that makes at most `maxBins` bins, else `maxBins` equal bins.
 */
export function binScores(scores: number[], max: number, maxBins = 20): Bin[] {
  if (!(max > 0)) return [{ from: 0, to: 0, count: scores.length }];
  const halfSteps = Math.round(max * 2);
  const n = halfSteps >= 1 && halfSteps <= maxBins ? halfSteps + 1 : maxBins;
  // with half-point bins, each bin is centred on a half point: [k/2 - 1/4, k/2 + 1/4)
  const halfPoint = n === halfSteps + 1;
  const width = halfPoint ? 0.5 : max / n;
  const start = halfPoint ? -0.25 : 0;
  const bins: Bin[] = Array.from({ length: n }, (_, i) => ({
    from: start + i * width,
    to: start + (i + 1) * width,
    count: 0,
  }));
  for (const s of scores) {
    if (!Number.isFinite(s)) continue;
    let i = Math.floor((s - start) / width);
    if (i < 0) i = 0;
    if (i >= n) i = n - 1;
    bins[i].count += 1;
  }
  return bins;
}

export function mean(xs: number[]): number | null {
  if (xs.length === 0) return null;
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

export function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** A histogram as the API sends it: bins, or one row per distinct score. */
export type HistogramIn = ({ from: number; to: number; count: number } | { score: number; count: number })[];

/** Scores from any histogram form, so the UI can bin them its own way. */
export function scoresFromHistogram(hist: HistogramIn | undefined): number[] | null {
  if (!hist?.length) return null;
  if (!hist.every((b) => 'score' in b)) return null;
  return hist.flatMap((b) =>
    Array.from({ length: Math.max(0, (b as { count: number }).count) }, () => (b as { score: number }).score),
  );
}

/** Bins for a chart: the API's bins as they are, else the scores (given or from a per-score list) binned. */
export function toBins(hist: HistogramIn | undefined, scores: number[] | undefined, max: number): Bin[] {
  const fromScores = scoresFromHistogram(hist);
  if (fromScores) return binScores(fromScores, max);
  if (hist?.length) return hist as Bin[];
  return binScores(scores ?? [], max);
}
