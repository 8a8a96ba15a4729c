// The API's hot reads as single SQL statements: a session with its user and roles, one submission
// with everything its page shows (the access rule in the WHERE clause), a student's own scripts with
// what their totals need, and a page of an exam's
// submissions list filtered, sorted and paged in the database (a summary projection: no parts JSON
// is read unless the script has overrides). Prisma's `include` costs a round trip per relation;
// these cost one each. Times come back as ISO strings (as `Date.toISOString()` writes them).
import type { Db } from './client.ts';
import { Prisma } from './generated/prisma/client.ts';

/** `toISOString()` of a `timestamp(3)` column (stored in UTC). */
const iso = (col: Prisma.Sql) => Prisma.sql`to_char(${col}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// ---------------------------------------------------------------------------------------------
// Session

export interface SessionRow {
  id: string;
  csrfToken: string;
  expiresAt: string;
  user: {
    id: string;
    email: string;
    name: string;
    roll: string | null;
    roles: { courseId: string; role: 'admin' | 'ta' | 'student' }[];
  };
}

/** A session by its stored key, with its user and the user's enrolments (one statement). */
export async function sessionWithUser(db: Db, id: string): Promise<SessionRow | null> {
  const rows = await db.$queryRaw<SessionRow[]>(Prisma.sql`
    SELECT s.id, s."csrfToken", ${iso(Prisma.sql`s."expiresAt"`)} AS "expiresAt",
      json_build_object(
        'id', u.id, 'email', u.email, 'name', u.name, 'roll', u.roll,
        'roles', COALESCE(
          (SELECT json_agg(json_build_object('courseId', e."courseId", 'role', e.role) ORDER BY e.id)
             FROM enrolments e WHERE e."userId" = u.id),
          '[]'::json)
      ) AS "user"
    FROM sessions s JOIN users u ON u.id = s."userId"
    WHERE s.id = ${id}`);
  return rows[0] ?? null;
}

// ---------------------------------------------------------------------------------------------
// One submission, as its page shows it

export interface SubmissionReadArgs {
  id: string;
  userId: string;
  /** courses where the caller is staff (admin or ta): every script of them */
  staffCourses: string[];
  /** courses where the caller is a student: only their own confirmed, non-withdrawn scripts */
  studentCourses: string[];
}

export interface SubmissionReadRow {
  id: string;
  examId: string;
  fileName: string;
  status: string;
  statusReason: string | null;
  progress: number;
  studentId: string | null;
  headerName: string | null;
  headerRoll: string | null;
  createdAt: string;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  exam: {
    courseId: string;
    currentRubricId: string | null;
    releasedAt: string | null;
    versions: unknown;
  };
  /** the caller's view: a student of the course (else staff) */
  asStudent: boolean;
  student: { id: string; name: string; roll: string | null } | null;
  pages: { page: number; width: number; height: number; source: string }[];
  answers: { partId: string; text: string; regions: unknown; confidence: number }[];
  overrides: {
    partId: string;
    score: number;
    comment: string;
    byId: string;
    createdAt: string;
    byName: string;
  }[];
  regradeRequests: {
    id: string;
    submissionId: string;
    partId: string;
    message: string;
    status: string;
    answer: string | null;
    answeredAt: string | null;
    createdAt: string;
  }[];
  /** the grade at the exam's current rubric version */
  grade: {
    /** null when `partsView` stands in for it (a stored projection and no overrides) */
    parts: unknown;
    flags: unknown;
    flagReasons: unknown;
    version: string | null;
    createdAt: string;
    rubricVersion: number;
    needsReview: number;
    /** the stored effective total with no overrides (null: an older row without projections) */
    viewTotal: number | null;
  } | null;
  /** the grade's stored parts JSON as the caller's view shows it (staff or student; see
   *  `gradeViews`), when the script has no overrides; else null and `grade.parts` is read */
  partsView: string | null;
  /** the class list's version for the script's student (exams with versions) */
  rosterVersion: string | null;
  /** staff only: what ingestion read in the header, and its warnings */
  header: unknown;
  warnings: unknown;
  /** staff only, when the grade has a similarity reason: the exam's scripts whose file name occurs
   *  in it (a superset; the caller checks the name's boundaries) */
  similarCandidates: { id: string; fileName: string }[] | null;
  /** student only, once released: the script's grade changes after the exam's first release */
  changes:
    | {
        action: string;
        partId: string | null;
        before: unknown;
        after: unknown;
        reason: string | null;
        createdAt: string;
      }[]
    | null;
}

/**
 * One submission with its exam, pages, answers, overrides (with who), regrade requests, current
 * grade, student, and the staff-only or student-only extras, in one statement. The access rule is
 * the WHERE clause: staff of the course see any script; a student of the course only their own
 * confirmed, non-withdrawn one. Null: nothing the caller may see (answer 404).
 */
export async function submissionForRead(
  db: Db,
  a: SubmissionReadArgs,
  opts: { historyActions: string[] },
): Promise<SubmissionReadRow | null> {
  const staff = a.staffCourses;
  const students = a.studentCourses;
  if (!staff.length && !students.length) return null;
  const rows = await db.$queryRaw<SubmissionReadRow[]>(Prisma.sql`
    WITH s AS (
      SELECT s.*, e."courseId", e."currentRubricId", e."releasedAt", e.versions AS "examVersions",
        NOT (e."courseId" = ANY(${staff}::text[])) AS "asStudent",
        EXISTS (SELECT 1 FROM overrides o WHERE o."submissionId" = s.id) AS "hasOverrides"
      FROM submissions s JOIN exams e ON e.id = s."examId"
      WHERE s.id = ${a.id}
        AND (e."courseId" = ANY(${staff}::text[])
          OR (e."courseId" = ANY(${students}::text[]) AND s."studentId" = ${a.userId}
              AND s."withdrawnAt" IS NULL))
    )
    SELECT s.id, s."examId", s."fileName", s.status::text AS status, s."statusReason", s.progress,
      s."studentId", s."headerName", s."headerRoll",
      ${iso(Prisma.sql`s."createdAt"`)} AS "createdAt",
      ${iso(Prisma.sql`s."withdrawnAt"`)} AS "withdrawnAt", s."withdrawnReason",
      json_build_object(
        'courseId', s."courseId", 'currentRubricId', s."currentRubricId",
        'releasedAt', ${iso(Prisma.sql`s."releasedAt"`)}, 'versions', s."examVersions"
      ) AS exam,
      s."asStudent",
      (SELECT json_build_object('id', u.id, 'name', u.name, 'roll', u.roll)
         FROM users u WHERE u.id = s."studentId") AS student,
      COALESCE((SELECT json_agg(json_build_object(
          'page', p.page, 'width', p.width, 'height', p.height, 'source', p.source) ORDER BY p.page)
        FROM pages p WHERE p."submissionId" = s.id), '[]'::json) AS pages,
      COALESCE((SELECT json_agg(json_build_object(
          'partId', x."partId", 'text', x.text, 'regions', x.regions, 'confidence', x.confidence)
          ORDER BY x.id)
        FROM extracted_answers x WHERE x."submissionId" = s.id), '[]'::json) AS answers,
      COALESCE((SELECT json_agg(json_build_object(
          'partId', o."partId", 'score', o.score, 'comment', o.comment, 'byId', o."byId",
          'createdAt', ${iso(Prisma.sql`o."createdAt"`)}, 'byName', b.name)
          ORDER BY o."createdAt", o.id)
        FROM overrides o JOIN users b ON b.id = o."byId" WHERE o."submissionId" = s.id), '[]'::json)
        AS overrides,
      COALESCE((SELECT json_agg(json_build_object(
          'id', r.id, 'submissionId', r."submissionId", 'partId', r."partId", 'message', r.message,
          'status', r.status, 'answer', r.answer, 'answeredAt', ${iso(Prisma.sql`r."answeredAt"`)},
          'createdAt', ${iso(Prisma.sql`r."createdAt"`)}) ORDER BY r."createdAt", r.id)
        FROM regrade_requests r WHERE r."submissionId" = s.id), '[]'::json) AS "regradeRequests",
      CASE WHEN g.id IS NOT NULL THEN json_build_object(
        'parts', CASE WHEN g."viewParts" IS NULL OR s."hasOverrides" THEN g.parts END,
        'flags', g.flags, 'flagReasons', g."flagReasons", 'version', g.version,
        'createdAt', ${iso(Prisma.sql`g."createdAt"`)},
        'rubricVersion', (SELECT v.version FROM rubric_versions v WHERE v.id = g."rubricVersionId"),
        'needsReview', g."needsReview", 'viewTotal', g."viewTotal")
      END AS grade,
      CASE WHEN s."hasOverrides" THEN NULL WHEN s."asStudent" THEN g."viewStudentParts"
        ELSE g."viewParts" END AS "partsView",
      (SELECT rv.version FROM roster_versions rv
        WHERE rv."examId" = s."examId" AND rv."userId" = s."studentId") AS "rosterVersion",
      CASE WHEN NOT s."asStudent" THEN
        (SELECT x.data -> 'header' FROM extractions x WHERE x."submissionId" = s.id) END AS header,
      CASE WHEN NOT s."asStudent" THEN
        (SELECT x.data -> 'warnings' FROM extractions x WHERE x."submissionId" = s.id) END AS warnings,
      CASE WHEN NOT s."asStudent" AND g.id IS NOT NULL
             AND COALESCE(g."flagReasons" ->> 'similarity', '') <> '' THEN
        COALESCE((SELECT json_agg(json_build_object('id', o.id, 'fileName', o."fileName")
            ORDER BY o."createdAt", o.id)
          FROM submissions o
          WHERE o."examId" = s."examId" AND o.id <> s.id
            AND strpos(g."flagReasons" ->> 'similarity', o."fileName") > 0), '[]'::json)
      END AS "similarCandidates",
      CASE WHEN s."asStudent" AND s."releasedAt" IS NOT NULL AND g.id IS NOT NULL THEN
        COALESCE((SELECT json_agg(json_build_object(
            'action', l.action, 'partId', l."partId", 'before', l.before, 'after', l.after,
            'reason', l.reason, 'createdAt', ${iso(Prisma.sql`l."createdAt"`)})
            ORDER BY l."createdAt", l.id)
          FROM audit_log l
          WHERE l."submissionId" = s.id AND l.action = ANY(${opts.historyActions}::text[])
            AND l."createdAt" > (SELECT min(f."createdAt") FROM audit_log f
                                  WHERE f."examId" = s."examId" AND f.action = 'release')),
          '[]'::json)
      END AS changes
    FROM s
    LEFT JOIN grades g ON g."submissionId" = s.id AND g."rubricVersionId" = s."currentRubricId"`);
  return rows[0] ?? null;
}

// ---------------------------------------------------------------------------------------------
// A student's own submissions

export interface StudentSubmissionRow {
  id: string;
  examId: string;
  examTitle: string;
  fileName: string;
  status: string;
  studentId: string | null;
  released: boolean;
  createdAt: string;
  /** released and graded at the current rubric version: what the total is computed from */
  grade: {
    /** null when `viewTotal` stands in for it (a stored projection and no overrides) */
    parts: unknown;
    needsReview: number;
    viewTotal: number | null;
    overrides: { partId: string; score: number; comment: string; byId: string; createdAt: string }[];
  } | null;
}

/**
 * `GET /api/submissions/mine` in one statement: the user's confirmed, non-withdrawn scripts in the
 * courses where they are a student, newest first, each with what its released grade's total needs
 * (the stored projection, or the parts and overrides when it has overrides or no projection).
 */
export async function studentSubmissions(db: Db, userId: string): Promise<StudentSubmissionRow[]> {
  return db.$queryRaw<StudentSubmissionRow[]>(Prisma.sql`
    SELECT s.id, s."examId", e.title AS "examTitle", s."fileName", s.status::text AS status,
      s."studentId", e."releasedAt" IS NOT NULL AS released, ${iso(Prisma.sql`s."createdAt"`)} AS "createdAt",
      CASE WHEN e."releasedAt" IS NOT NULL AND g.id IS NOT NULL THEN json_build_object(
        'parts', CASE WHEN g."viewParts" IS NULL OR o.list IS NOT NULL THEN g.parts END,
        'needsReview', g."needsReview", 'viewTotal', g."viewTotal",
        'overrides', COALESCE(o.list, '[]'::json))
      END AS grade
    FROM submissions s
    JOIN exams e ON e.id = s."examId"
    LEFT JOIN grades g ON g."submissionId" = s.id AND g."rubricVersionId" = e."currentRubricId"
    LEFT JOIN LATERAL (SELECT json_agg(json_build_object(
        'partId', x."partId", 'score', x.score, 'comment', x.comment, 'byId', x."byId",
        'createdAt', ${iso(Prisma.sql`x."createdAt"`)}) ORDER BY x."createdAt", x.id) AS list
      FROM overrides x WHERE x."submissionId" = s.id) o ON e."releasedAt" IS NOT NULL
    WHERE s."studentId" = ${userId} AND s."withdrawnAt" IS NULL
      AND EXISTS (SELECT 1 FROM enrolments n
                  WHERE n."courseId" = e."courseId" AND n."userId" = ${userId} AND n.role = 'student')
    ORDER BY s."createdAt" DESC, s.id DESC`);
}

// ---------------------------------------------------------------------------------------------
// The submissions list

export const LIST_SORTS = ['uploaded', 'roll', 'name', 'score', 'status'] as const;
/** Pipeline order: a TA sorting by status sees the stuck and failed ones together. */
export const STATUS_ORDER = [
  'failed',
  'uploaded',
  'queued',
  'extracting',
  'grading',
  'needs_review',
  'graded',
] as const;

export interface SubmissionListArgs {
  examId: string;
  /** the exam's current rubric version (grades are read at it) */
  rubricVersionId: string | null;
  sort: (typeof LIST_SORTS)[number];
  order: 'asc' | 'desc';
  /** a pipeline status, or `withdrawn` (only withdrawn scripts; otherwise they are left out) */
  status?: string;
  /** `any` (some flag) or one flag's name */
  flag?: string;
  /** only scripts with parts waiting for a person */
  review?: boolean;
  /** absent: every match */
  limit?: number;
  offset?: number;
}

export interface SubmissionListRow {
  id: string;
  fileName: string;
  status: string;
  statusReason: string | null;
  progress: number;
  studentId: string | null;
  studentName: string | null;
  studentRoll: string | null;
  headerName: string | null;
  headerRoll: string | null;
  /** effective total (overrides applied, rounded to 3 places); null without a grade */
  total: number | null;
  /** parts still waiting for a person (review and no override); null without a grade */
  needsReview: number | null;
  flags: unknown;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  pageFrom: number | null;
  pageTo: number | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * One page of an exam's submissions, filtered, sorted and paged in the database, with the count
 * of all that matched and of all withdrawn ones. Sort keys as the list shows them: the confirmed
 * student's roll or name, else the header's (when the header read anything); the effective
 * total; the pipeline order; upload time. Missing values last in either direction; ties by upload
 * time then id. Strings compare like `localeCompare(.., 'en', {numeric, sensitivity: 'base'})`
 * (the `grader_natural` ICU collation).
 *
 * The effective total and review count come from the grade's `total` and `needsReview` columns,
 * which are its parts' sum (rounded) and review count, unless the script has overrides: then the
 * parts JSON is read and the newest override of each part applied (as `effectiveGrade` does).
 */
export async function submissionListPage(
  db: Db,
  a: SubmissionListArgs,
): Promise<{ rows: SubmissionListRow[]; total: number; withdrawn: number }> {
  // the student as the list shows it: the confirmed one, else the header's when it read anything
  const hasHeader = Prisma.sql`(COALESCE(m."headerName", '') <> '' OR COALESCE(m."headerRoll", '') <> '')`;
  const key = {
    uploaded: Prisma.sql`m."createdAt"`,
    roll: Prisma.sql`(CASE WHEN m."studentId" IS NOT NULL THEN m."studentRoll"
      WHEN ${hasHeader} THEN m."headerRoll" END) COLLATE grader_natural`,
    name: Prisma.sql`(CASE WHEN m."studentId" IS NOT NULL THEN m."studentName"
      WHEN ${hasHeader} THEN m."headerName" END) COLLATE grader_natural`,
    score: Prisma.sql`m.total`,
    status: Prisma.sql`(CASE m.status ${Prisma.join(
      STATUS_ORDER.map((st, i) => Prisma.sql`WHEN ${st} THEN ${i}::int`),
      ' ',
    )} END)`,
  }[a.sort];
  const conds: Prisma.Sql[] = [Prisma.sql`s."examId" = ${a.examId}`];
  if (a.status === 'withdrawn') conds.push(Prisma.sql`s."withdrawnAt" IS NOT NULL`);
  else {
    conds.push(Prisma.sql`s."withdrawnAt" IS NULL`);
    if (a.status) conds.push(Prisma.sql`s.status::text = ${a.status}`);
  }
  const outer: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (a.flag === 'any')
    outer.push(Prisma.sql`jsonb_typeof(m.flags) = 'array' AND jsonb_array_length(m.flags) > 0`);
  else if (a.flag)
    outer.push(Prisma.sql`jsonb_typeof(m.flags) = 'array' AND m.flags @> jsonb_build_array(${a.flag}::text)`);
  if (a.review) outer.push(Prisma.sql`m."needsReview" > 0`);
  const dir = a.order === 'asc' ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  // ties: oldest upload first; by upload time itself, scripts uploaded in the same millisecond follow
  // the order asked for, so the newest-first list is the oldest-first one reversed
  const tie =
    a.sort === 'uploaded'
      ? Prisma.sql`m.id COLLATE "C" ${dir}`
      : Prisma.sql`m."createdAt" ASC, m.id COLLATE "C" ASC`;
  const page =
    a.limit === undefined ? Prisma.empty : Prisma.sql`LIMIT ${a.limit}::int OFFSET ${a.offset ?? 0}::int`;
  // the newest override of each part, applied to the part's automatic score
  const effective = Prisma.sql`
    FROM jsonb_each(CASE WHEN jsonb_typeof(g.parts) = 'object' THEN g.parts ELSE '{}'::jsonb END) p
    LEFT JOIN LATERAL (SELECT o.score FROM overrides o
      WHERE o."submissionId" = s.id AND o."partId" = p.key
      ORDER BY o."createdAt" DESC, o.id DESC LIMIT 1) o ON TRUE`;
  const rows = await db.$queryRaw<(SubmissionListRow & { matched: number; withdrawnCount: number })[]>(
    Prisma.sql`
    WITH m AS (
      SELECT s.id, s."fileName", s.status::text AS status, s."statusReason", s.progress,
        s."studentId", u.name AS "studentName", u.roll AS "studentRoll",
        s."headerName", s."headerRoll", s."withdrawnAt", s."withdrawnReason",
        s."pageFrom", s."pageTo", s."createdAt", s."updatedAt", g.flags,
        CASE WHEN g.id IS NULL THEN NULL
          WHEN NOT EXISTS (SELECT 1 FROM overrides x WHERE x."submissionId" = s.id)
            THEN floor(g.total * 1000 + 0.5) / 1000
          ELSE (SELECT floor(COALESCE(sum(COALESCE(o.score, (p.value ->> 'score')::float8)), 0) * 1000 + 0.5)
                  / 1000 ${effective})
        END AS total,
        CASE WHEN g.id IS NULL THEN NULL
          WHEN NOT EXISTS (SELECT 1 FROM overrides x WHERE x."submissionId" = s.id) THEN g."needsReview"
          ELSE (SELECT count(*)::int ${effective}
                 WHERE o.score IS NULL AND (p.value ->> 'review')::boolean)
        END AS "needsReview"
      FROM submissions s
      LEFT JOIN users u ON u.id = s."studentId"
      LEFT JOIN grades g ON g."submissionId" = s.id AND g."rubricVersionId" = ${a.rubricVersionId ?? ''}
      WHERE ${Prisma.join(conds, ' AND ')}
    )
    SELECT m.id, m."fileName", m.status, m."statusReason", m.progress, m."studentId", m."studentName",
      m."studentRoll", m."headerName", m."headerRoll", m.total, m."needsReview", m.flags,
      ${iso(Prisma.sql`m."withdrawnAt"`)} AS "withdrawnAt", m."withdrawnReason", m."pageFrom", m."pageTo",
      ${iso(Prisma.sql`m."createdAt"`)} AS "createdAt", ${iso(Prisma.sql`m."updatedAt"`)} AS "updatedAt",
      count(*) OVER ()::int AS matched,
      (SELECT count(*)::int FROM submissions w
        WHERE w."examId" = ${a.examId} AND w."withdrawnAt" IS NOT NULL) AS "withdrawnCount"
    FROM m
    WHERE ${Prisma.join(outer, ' AND ')}
    ORDER BY ${key} ${dir} NULLS LAST, ${tie}
    ${page}`,
  );
  if (!rows.length && a.offset) {
    // a page past the end: the counts from the first row
    const first = await submissionListPage(db, { ...a, limit: 1, offset: 0 });
    return { rows: [], total: first.total, withdrawn: first.withdrawn };
  }
  return {
    rows: rows.map(({ matched: _m, withdrawnCount: _w, ...r }) => r),
    total: rows[0]?.matched ?? 0,
    withdrawn:
      rows[0]?.withdrawnCount ??
      (await db.submission.count({ where: { examId: a.examId, withdrawnAt: { not: null } } })),
  };
}
