// Statistics per exam version: how each version's scripts scored, in total and part by part, so an
// admin sees whether one version came out harder than another.
import type { ExamSubmission } from './grades.ts';

const mean = (xs: number[]) =>
  xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 1000) / 1000 : null;

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Graded scripts by the version they were graded on; [] for an exam without versions. */
export function versionStats(partIds: string[], subs: ExamSubmission[]) {
  const byVersion = new Map<string, ExamSubmission[]>();
  for (const s of subs) {
    const v = s.grade?.version;
    if (!v) continue;
    byVersion.set(v, [...(byVersion.get(v) ?? []), s]);
  }
  return [...byVersion.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([version, these]) => {
      const totals = these.map((s) => s.grade!.effective.total);
      return {
        version,
        graded: these.length,
        flagged: these.filter((s) => ((s.grade!.flags as string[]) ?? []).includes('version')).length,
        total: { mean: mean(totals), median: median(totals) },
        parts: partIds.map((id) => {
          const scores = these.flatMap((s) => {
            const p = s.grade!.effective.parts[id];
            return p ? [p.score] : [];
          });
          return { partId: id, mean: mean(scores) };
        }),
      };
    });
}
