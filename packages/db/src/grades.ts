import { randomUUID } from 'node:crypto';
import { PartGrade, type ScriptGrade, studentPartView } from '@grader/model';
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
export function gradeRowData(
  submissionId: string,
  rubricVersionId: string,
  grade: ScriptGrade,
  readings: unknown = null,
) {
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
    readings: readings ?? null,
    ...gradeViews(grade.parts),
  };
}

/** What a stored grade row holds of a ScriptGrade (the rest is derived from these). */
export interface StoredGradeFields {
  total: number;
  parts: unknown;
  flags: unknown;
  flagReasons: unknown;
  version: string | null;
}

/**
 * Whether `row` already holds `grade`, as JSON sees them (a key set to undefined is no key; jsonb
 * key order does not count): a regrade stores such a grade by copying the row (`sameAs`).
 */
export function storedGradeEquals(row: StoredGradeFields, grade: ScriptGrade): boolean {
  return (
    row.total === grade.total &&
    (row.version ?? null) === (grade.version ?? null) &&
    jsonEqual(row.flags, grade.flags) &&
    jsonEqual(row.flagReasons, grade.flagReasons ?? {}) &&
    jsonEqual(row.parts, grade.parts)
  );
}

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => jsonEqual(x, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => k in bo && jsonEqual(ao[k], bo[k]));
}

type Tx = Prisma.TransactionClient;

/**
 * Insert `grades` rows, skipping a (submission, version) pair already stored; returns the
 * submissions whose row this call inserted. One statement with one JSON parameter: the server
 * unpacks the rows (jsonb_to_recordset), where Prisma's createMany would build and send a
 * parameter per column per row (~0.6 s for 500 grades of ~10 KB parts JSON, a regrade's batch).
 */
async function insertGradeRows(tx: Tx, rows: ReturnType<typeof gradeRowData>[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const json = JSON.stringify(rows.map((r) => ({ ...r, id: randomUUID() })));
  const inserted = await tx.$queryRaw<{ submissionId: string }[]>`
    INSERT INTO grades (id, "submissionId", "rubricVersionId", total, parts, flags, "flagReasons",
                        "needsReview", version, readings, "viewParts", "viewStudentParts", "viewTotal")
    SELECT id, "submissionId", "rubricVersionId", total, parts, flags, "flagReasons",
           "needsReview", version, readings, "viewParts", "viewStudentParts", "viewTotal"
    FROM jsonb_to_recordset(${json}::jsonb) AS r(id text, "submissionId" text, "rubricVersionId" text,
      total float8, parts jsonb, flags jsonb, "flagReasons" jsonb, "needsReview" int, version text,
      readings jsonb, "viewParts" text, "viewStudentParts" text, "viewTotal" float8)
    ON CONFLICT ("submissionId", "rubricVersionId") DO NOTHING
    RETURNING "submissionId"`;
  return new Set(inserted.map((g) => g.submissionId));
}

/** Copy the `sameAs` rows of `grades` to `rubricVersionId` inside the database; the submissions whose
 *  row was inserted (a pair already stored is skipped, as in insertGradeRows). */
async function copyGradeRows(tx: Tx, rubricVersionId: string, grades: GradeToStore[]): Promise<string[]> {
  const copies = grades.filter((g) => g.sameAs);
  if (copies.length === 0) return [];
  // the readings are this grading's own: an equal grade may have been read differently
  const json = JSON.stringify(
    copies.map((g) => ({ s: g.submissionId, v: g.sameAs, id: randomUUID(), r: g.readings ?? null })),
  );
  const inserted = await tx.$queryRaw<{ submissionId: string }[]>`
    INSERT INTO grades (id, "submissionId", "rubricVersionId", total, parts, flags, "flagReasons",
                        "needsReview", version, readings, "viewParts", "viewStudentParts", "viewTotal")
    SELECT c.id, g."submissionId", ${rubricVersionId}, g.total, g.parts, g.flags, g."flagReasons",
           g."needsReview", g.version, c.r, g."viewParts", g."viewStudentParts", g."viewTotal"
    FROM jsonb_to_recordset(${json}::jsonb) AS c(s text, v text, id text, r jsonb)
    JOIN grades g ON g."submissionId" = c.s AND g."rubricVersionId" = c.v
    ON CONFLICT ("submissionId", "rubricVersionId") DO NOTHING
    RETURNING "submissionId"`;
  const done = new Set(inserted.map((g) => g.submissionId));
  // a row to copy that is gone (deleted meanwhile) must not pass silently as stored
  const missing = copies.filter((g) => !done.has(g.submissionId)).map((g) => g.submissionId);
  if (missing.length) {
    const present = await tx.grade.findMany({
      where: { submissionId: { in: missing }, rubricVersionId },
      select: { submissionId: true },
    });
    const stored = new Set(present.map((p) => p.submissionId));
    const lost = copies.filter((g) => missing.includes(g.submissionId) && !stored.has(g.submissionId));
    if (lost.length)
      for (const id of await insertGradeRows(
        tx,
        lost.map((g) => gradeRowData(g.submissionId, rubricVersionId, g.grade, g.readings)),
      ))
        done.add(id);
  }
  return [...done];
}

/** One automatic grade to store, and what counted before it (for the audit entry). */
export interface GradeToStore {
  submissionId: string;
  grade: ScriptGrade;
  /** the grade that counted until now: its rubric version and effective total (null: none known) */
  before?: { rubricVersionId: string | null; total: number | null } | null;
  /**
   * A rubric version whose stored grade of this submission equals `grade` (same parts, flags and
   * version): the row is copied inside the database instead of sent again. A regrade finds most
   * scripts unchanged by an edit; their ~30 KB rows (parts and read projections) stay server-side.
   */
  sameAs?: string | null;
  /** what grading read in each part (Record<partId, PartReading>), kept for the next regrade */
  readings?: unknown;
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
    const fresh = args.grades.filter((g) => !g.sameAs);
    const created = await insertGradeRows(
      tx,
      fresh.map((g) => gradeRowData(g.submissionId, args.rubricVersionId, g.grade, g.readings)),
    );
    for (const id of await copyGradeRows(tx, args.rubricVersionId, args.grades)) created.add(id);
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
  // (a few statements, in the client's roomy transaction time: client.ts)
  return '$transaction' in db ? (db as Db).$transaction(run) : run(db as Tx);
}
