import { PartGrade, type ScriptGrade } from '@grader/model';

export interface OverrideLike {
  partId: string;
  score: number;
  comment: string;
  byId: string;
  createdAt: Date;
}

export type EffectivePart = PartGrade & {
  /** the automatic score, kept when a person overrode it */
  autoScore: number;
  override: { score: number; comment: string; byId: string; at: string } | null;
};

export interface EffectiveGrade {
  parts: Record<string, EffectivePart>;
  total: number;
  /** parts still waiting for a person (review flag and no override) */
  needsReview: number;
}

/**
 * The grade a person sees: the automatic grade of the current rubric version with the newest
 * override of each part applied on top. Overrides are stored apart from grades, so they survive a
 * regrade unchanged and stay marked as overrides.
 */
export function effectiveGrade(parts: unknown, overrides: OverrideLike[]): EffectiveGrade {
  const raw = (parts ?? {}) as Record<string, unknown>;
  const newest = new Map<string, OverrideLike>();
  for (const o of overrides) {
    const prev = newest.get(o.partId);
    if (!prev || prev.createdAt <= o.createdAt) newest.set(o.partId, o);
  }
  const out: Record<string, EffectivePart> = {};
  let total = 0;
  let needsReview = 0;
  for (const [partId, value] of Object.entries(raw)) {
    const p = PartGrade.parse(value);
    const o = newest.get(partId);
    const part: EffectivePart = o
      ? {
          ...p,
          score: o.score,
          review: false,
          autoScore: p.score,
          override: { score: o.score, comment: o.comment, byId: o.byId, at: o.createdAt.toISOString() },
        }
      : { ...p, autoScore: p.score, override: null };
    total += part.score;
    if (part.review) needsReview++;
    out[partId] = part;
  }
  return { parts: out, total: Math.round(total * 1000) / 1000, needsReview };
}

/** The `grades` row for one automatic grade: the one shape the worker and a regrade both insert. */
export function gradeRowData(submissionId: string, rubricVersionId: string, grade: ScriptGrade) {
  return {
    submissionId,
    rubricVersionId,
    total: grade.total,
    parts: grade.parts as object,
    flags: grade.flags,
    flagReasons: grade.flagReasons ?? {},
    needsReview: Object.values(grade.parts).filter((p) => p.review).length,
  };
}
