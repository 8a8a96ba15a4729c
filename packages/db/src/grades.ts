import { PartGrade, type ScriptGrade } from '@grader/model';
import type { Db } from './client.ts';
import type { Prisma } from './generated/prisma/client.ts';

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

/** A part as its student sees it: a part still under review shows "being reviewed", not a number. */
export function studentPartView(p: EffectivePart) {
  return {
    score: p.review ? null : p.score,
    max: p.max,
    review: p.review,
    // a part a TA set by hand: the automatic items and reasons no longer say why
    reasons: p.review ? ['being reviewed'] : p.override ? [] : p.reasons,
    items: p.review || p.override ? [] : p.items,
    evidence: p.evidence,
    override: p.override ? { score: p.override.score, comment: p.override.comment, at: p.override.at } : null,
  };
}

/** An object's keys in the order PostgreSQL's jsonb keeps them (shorter first, then bytewise): the
 *  order a read of the stored parts sees, so the projection lists the parts in the same order. */
function inJsonbOrder(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const key = (k: string) => Buffer.from(k, 'utf8');
  const entries = Object.entries(value).sort(([a], [b]) => {
    const ka = key(a);
    const kb = key(b);
    return ka.length - kb.length || Buffer.compare(ka, kb);
  });
  return Object.fromEntries(entries);
}

/** What a grade read sends for a grade with no overrides, computed once when the grade is stored. */
export interface GradeViews {
  /** JSON of the effective parts as staff see them (`effectiveGrade(parts, []).parts`) */
  viewParts: string;
  /** JSON of the parts as their student sees them (`studentPartView` of each) */
  viewStudentParts: string;
  /** the effective total (`effectiveGrade(parts, []).total`) */
  viewTotal: number;
}

/**
 * The read projections of a grade's parts, validated here (PartGrade, via effectiveGrade) so the
 * read path can send them as stored. The same function a read would run, so the bytes are the same.
 */
export function gradeViews(parts: unknown): GradeViews {
  const eff = effectiveGrade(inJsonbOrder(parts), []);
  const student = Object.fromEntries(Object.entries(eff.parts).map(([id, p]) => [id, studentPartView(p)]));
  return {
    viewParts: JSON.stringify(eff.parts),
    viewStudentParts: JSON.stringify(student),
    viewTotal: eff.total,
  };
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
    /** an exam with versions: the version the script was graded on */
    version: grade.version ?? null,
    ...gradeViews(grade.parts),
  };
}

type Tx = Prisma.TransactionClient;

/** One automatic grade to store, and what counted before it (for the audit entry). */
export interface GradeToStore {
  submissionId: string;
  grade: ScriptGrade;
  /** the grade that counted until now: its rubric version and effective total (null: none known) */
  before?: { rubricVersionId: string | null; total: number | null } | null;
}

export interface StoreGradesArgs {
  rubricVersionId: string;
  /** the exam's current rubric version: the submissions' statuses follow these grades */
  isCurrent: boolean;
  grades: GradeToStore[];
  /** who stored them and why: `auto_grade` (a grade job) or `regrade` (a rubric or parameter edit) */
  audit: {
    action: 'auto_grade' | 'regrade';
    actorId?: string | null;
    examId?: string | null;
    reason?: string | null;
  };
}

/** The one shape of the audit entry for a stored automatic grade (`auto_grade` and `regrade`). */
export interface GradeAudit {
  before: { rubricVersionId: string | null; total: number | null } | null;
  after: {
    rubricVersionId: string;
    /** the effective total (overrides applied): what people see */
    total: number;
    /** the automatic grade's own total */
    autoTotal: number;
    /** parts still waiting for a person */
    needsReview: number;
  };
}

export interface StoredGrades {
  /** submissions whose grade under this version was inserted by this call */
  created: Set<string>;
  /** each submission's status now (only when the version is the current one) */
  statuses: Map<string, 'graded' | 'needs_review'>;
}

/**
 * THE place automatic grades are stored (grade jobs and rubric regrades alike): one `grades` row
 * per submission and rubric version, inserted with ON CONFLICT DO NOTHING, so a second call for the
 * same pair (a retried or duplicated job, a worker racing a regrade) stores nothing and logs
 * nothing; one audit entry (GradeAudit) per inserted grade, in the same transaction. When the
 * version is the exam's current one, each submission's status follows its effective grade:
 * `needs_review` while a part flagged for review has no override, else `graded` (only from
 * `grading`, `graded` or `needs_review`: a submission being re-read is left alone).
 */
export async function storeGrades(db: Db | Tx, args: StoreGradesArgs): Promise<StoredGrades> {
  const run = async (tx: Tx): Promise<StoredGrades> => {
    const statuses = new Map<string, 'graded' | 'needs_review'>();
    if (args.grades.length === 0) return { created: new Set(), statuses };
    const ids = args.grades.map((g) => g.submissionId);
    const inserted = await tx.grade.createManyAndReturn({
      data: args.grades.map((g) => gradeRowData(g.submissionId, args.rubricVersionId, g.grade)),
      skipDuplicates: true,
      select: { submissionId: true },
    });
    const created = new Set(inserted.map((g) => g.submissionId));
    const overrides = await tx.override.findMany({ where: { submissionId: { in: ids } } });
    const effective = new Map(
      args.grades.map((g) => [
        g.submissionId,
        effectiveGrade(
          g.grade.parts,
          overrides.filter((o) => o.submissionId === g.submissionId),
        ),
      ]),
    );
    const audits = args.grades.filter((g) => created.has(g.submissionId));
    if (audits.length > 0) {
      await tx.auditLog.createMany({
        data: audits.map((g) => {
          const eff = effective.get(g.submissionId)!;
          const entry: GradeAudit = {
            before: g.before ?? null,
            after: {
              rubricVersionId: args.rubricVersionId,
              total: eff.total,
              autoTotal: g.grade.total,
              needsReview: eff.needsReview,
            },
          };
          return {
            actorId: args.audit.actorId ?? null,
            action: args.audit.action,
            examId: args.audit.examId ?? null,
            submissionId: g.submissionId,
            before: entry.before ?? undefined,
            after: entry.after,
            reason: args.audit.reason ?? null,
          };
        }),
      });
    }
    if (!args.isCurrent) return { created, statuses };
    for (const id of ids) statuses.set(id, effective.get(id)!.needsReview > 0 ? 'needs_review' : 'graded');
    for (const status of ['graded', 'needs_review'] as const) {
      const these = ids.filter((id) => statuses.get(id) === status);
      if (these.length === 0) continue;
      await tx.submission.updateMany({
        where: { id: { in: these }, status: { in: ['grading', 'graded', 'needs_review'] } },
        data: { status, statusReason: null, progress: 1, gradedAt: new Date() },
      });
    }
    return { created, statuses };
  };
  // a few statements, but on a machine busy with OCR the default 5 s can pass before they do
  // ("transaction expired"): give it room rather than fail and retry the job
  return '$transaction' in db
    ? (db as Db).$transaction(run, { maxWait: 10_000, timeout: 30_000 })
    : run(db as Tx);
}
