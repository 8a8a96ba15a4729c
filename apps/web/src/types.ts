/**
 * The shapes the UI reads from the API: the API's own contract (@grader/contract, the zod schemas
 * its routes answer in), taken as types only (nothing of zod reaches the bundle). The contract mock
 * of the e2e (e2e/mock-api.ts) is checked against the same schemas.
 *
 * `Legacy<...>`: fields some views still read as a fallback that the API does not send (shapes of
 * an older docs/api.md). They are optional, so a view must not depend on them; the contract is
 * what arrives. Remove one once no view reads it.
 */
import type * as C from '@grader/contract';
import { comparePartIds } from './format.ts';

/** fields the API does not send, read by some views as a fallback (see above) */
type Legacy<T> = { [K in keyof T]?: T[K] };

export type Role = C.Role;
export type User = C.User;
export type Me = C.Me;
export type Course = C.Course;
export type ExamPart = Pick<C.ExamPart, 'id' | 'path'> & Legacy<{ max: number; label: string }>;
export type Exam = Omit<C.Exam, 'parts'> & { parts: ExamPart[] } & Legacy<{ released: boolean }>;
export type Region = C.PartGradeView['evidence'][number];
export type StudentRef = C.StudentRef;
/** a row of GET /api/exams/:id/submissions */
export type SubmissionRow = Omit<C.SubmissionSummary, 'status'> & {
  /** the contract's SubmissionStatus; text here, as live progress events (progress.ts) carry it */
  status: string;
} & Legacy<{ examId: string; max: number | null; header: C.SubmissionDetail['header'] }>;
export type ItemGrade = C.PartGradeView['items'][number];
/** a part of a grade: items and evidence may be absent in what a view builds itself */
export type PartGrade = Omit<C.PartGradeView, 'items' | 'evidence'> &
  Partial<Pick<C.PartGradeView, 'items' | 'evidence'>> & { partId?: string } & Legacy<{
    overridden: boolean;
  }>;
export type PageRef = C.PageRef & { source?: string };
export type Answer = C.AnswerView;
export type Override = Omit<C.OverrideView, 'by' | 'at'> & Partial<Pick<C.OverrideView, 'by' | 'at'>>;
export type RegradeRequest = Omit<C.RegradeRequestView, 'status'> & {
  status: string;
} & Partial<Omit<C.RegradeCard, keyof C.RegradeRequestView>> &
  Legacy<{ score: number | null }>;
export type GradeChange = C.GradeChange;
export type Grade = C.GradeView & Legacy<{ released: boolean; max: number }>;
/** GET /api/submissions/:id as the views read it: the envelope flattened (normalizeSubmission) */
export type Submission = C.SubmissionDetail['submission'] &
  Omit<C.SubmissionDetail, 'submission' | 'grade'> & { grade: Grade | null } & Legacy<{
    needsReview: number;
    flags: string[];
    total: number | null;
    max: number | null;
  }>;
export type ReleasePreview = C.ReleasePreview;
export type ReviewGroup = Omit<C.ReviewGroup, 'items'> & {
  items: (C.ReviewGroup['items'][number] &
    Legacy<{ items: ItemGrade[]; page: PageRef; student: StudentRef | null }>)[];
} & Legacy<{ max: number; rubricItems: { id: string; label: string; max: number }[] }>;
export type RubricSummary = C.RegradeSummary;
type StatsBlock = C.Stats['total'] & Legacy<{ max: number; scores: number[] }>;
export type Stats = Omit<C.Stats, 'parts' | 'total'> & {
  total: StatsBlock;
  parts: (C.Stats['parts'][number] & Legacy<{ scores: number[] }>)[];
} & Legacy<{ totals: StatsBlock; auto: number; reviewed: number }>;
export type Member = C.Member & Legacy<{ id: string }>;

/** A grade's parts keyed by part id, in the exam's order. */
export function partsOf(
  grade: { parts: Record<string, PartGrade> } | null | undefined,
): [string, PartGrade][] {
  if (!grade?.parts) return [];
  return Object.entries(grade.parts).sort(([a], [b]) => comparePartIds(a, b));
}

export function answersOf(sub: Pick<Submission, 'answers'>): Record<string, Answer> {
  return Object.fromEntries((sub.answers ?? []).map((x) => [x.partId, x]));
}

export function examTitle(e: Pick<Exam, 'id' | 'title'> & { slug?: string }): string {
  return e.title || e.slug || e.id;
}

export function courseTitle(c: Pick<Course, 'id' | 'code' | 'title'>): string {
  return [c.code, c.title].filter(Boolean).join(' — ') || c.id;
}

export function fileNameOf(s: { id: string; fileName?: string }): string {
  return s.fileName ?? s.id;
}

export function pageUrl(submissionId: string, page: { page: number; imageUrl?: string } | number): string {
  if (typeof page === 'object' && page.imageUrl) return page.imageUrl;
  const n = typeof page === 'number' ? page : page.page;
  return `/api/submissions/${encodeURIComponent(submissionId)}/pages/${n}.png`;
}

/**
 * GET /api/submissions/:id answers `{submission, pages, answers, grade, overrides, regradeRequests}`;
 * the views read one flat object.
 */
export function normalizeSubmission(raw: unknown): Submission {
  const r = (raw ?? {}) as Record<string, any>;
  if (r.submission && typeof r.submission === 'object') {
    const { submission, ...rest } = r;
    return { ...submission, ...rest } as Submission;
  }
  return r as Submission;
}

/** A part's override, from the override list or from the part itself. */
export function overrideOf(
  sub: Pick<Submission, 'overrides'>,
  partId: string,
  part?: PartGrade,
): Override | undefined {
  const list = (sub.overrides ?? []).filter((o) => o.partId === partId);
  if (list.length) return list[list.length - 1];
  if (part?.override)
    return { partId, score: part.override.score, comment: part.override.comment, at: part.override.at };
  return undefined;
}
