import type { ExamSubmission } from './grades.ts';
import { versionStats } from './version-stats.ts';

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const mean = (xs: number[]) =>
  xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 1000) / 1000 : null;

function histogram(xs: number[]): { score: number; count: number }[] {
  const h = new Map<number, number>();
  for (const x of xs) h.set(x, (h.get(x) ?? 0) + 1);
  return [...h.entries()].sort((a, b) => a[0] - b[0]).map(([score, count]) => ({ score, count }));
}

/** Per-part histograms, mean/median, totals distribution, and how many scores a person set. */
export function examStats(exam: { definition: unknown }, subs: ExamSubmission[]) {
  const partIds = ((exam.definition as { parts?: { id: string }[] }).parts ?? []).map((p) => p.id);
  const graded = subs.filter((s) => s.grade);
  const parts = partIds.map((id) => {
    const scores: number[] = [];
    let auto = 0;
    let reviewed = 0;
    let pending = 0;
    let max = 0;
    for (const s of graded) {
      const p = s.grade!.effective.parts[id];
      if (!p) continue;
      max = p.max;
      scores.push(p.score);
      if (p.override) reviewed++;
      else if (p.review) pending++;
      else auto++;
    }
    return {
      partId: id,
      max,
      mean: mean(scores),
      median: median(scores),
      histogram: histogram(scores),
      auto,
      reviewed,
      pending,
    };
  });
  const totals = graded.map((s) => s.grade!.effective.total);
  const byStatus: Record<string, number> = {};
  for (const s of subs) byStatus[s.status] = (byStatus[s.status] ?? 0) + 1;
  return {
    submissions: subs.length,
    graded: graded.length,
    byStatus,
    total: { mean: mean(totals), median: median(totals), histogram: histogram(totals) },
    parts,
    // an exam with versions: the same per version ([] without versions)
    versions: versionStats(partIds, graded),
  };
}
