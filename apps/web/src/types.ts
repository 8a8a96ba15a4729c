/**
 * The shapes the UI reads from the API (docs/api.md). Optional fields are those the contract does
 * not pin down; views read them defensively.
 */
import type { Box } from './boxes.ts';
import { comparePartIds } from './format.ts';
import type { HistogramIn } from './stats.ts';

export type Role = 'admin' | 'ta' | 'student';

export interface User {
  id: string;
  email: string;
  name: string;
  roll?: string | null;
}
export interface Me {
  user: User;
  roles: { courseId: string; role: Role }[];
  csrfToken: string;
}
export interface Course {
  id: string;
  code?: string;
  name?: string;
  title?: string;
  role: Role;
}
export interface ExamPart {
  id: string;
  max?: number;
  label?: string;
}
export interface Exam {
  id: string;
  courseId?: string;
  title?: string;
  name?: string;
  slug?: string;
  parameters?: Record<string, unknown>;
  parts?: (ExamPart | string)[];
  rubricVersion?: number | { id?: string; version?: number };
  released?: boolean;
  releasedAt?: string | null;
}
export interface Region {
  page: number;
  box: Box;
}
export interface StudentRef {
  id?: string;
  name?: string | null;
  roll?: string | null;
}
export interface SubmissionRow {
  id: string;
  examId?: string;
  fileName?: string;
  file?: string;
  status: string;
  statusReason?: string | null;
  student?: StudentRef | null;
  total?: number | null;
  max?: number | null;
  needsReview?: number;
  /** script-level flags (staff only): header, organisation, similarity, version */
  flags?: string[];
  progress?: number;
  header?: { name?: string | null; roll?: string | null; region?: Region | null; issues?: string[] } | null;
  createdAt?: string;
  /** withdrawn by staff: kept, out of the grades until restored */
  withdrawn?: { at: string; reason: string } | null;
}
export interface ItemGrade {
  id: string;
  label: string;
  max: number;
  awarded: number;
  reason: string;
  evidence?: Region[];
}
export interface PartGrade {
  partId?: string;
  /** null for a student while a person reviews the part */
  score: number | null;
  max: number;
  review: boolean;
  reasons: string[];
  items?: ItemGrade[];
  evidence?: Region[];
  confidence?: number;
  overridden?: boolean;
  /** the TA's override in effect, if any (the API's effective grade carries it) */
  override?: { score: number; comment: string; at?: string } | null;
}
export interface PageRef {
  page: number;
  width: number;
  height: number;
  imageUrl?: string;
}
export interface Answer {
  partId: string;
  text?: string;
  parsed?: unknown;
  regions?: Region[];
  conf?: number;
}
export interface Override {
  partId: string;
  score: number;
  comment: string;
  by?: string | { name?: string };
  at?: string;
  createdAt?: string;
}
export interface RegradeRequest {
  id: string;
  submissionId?: string;
  partId: string;
  message: string;
  answer?: string | null;
  score?: number | null;
  status?: string;
  student?: StudentRef | null;
  createdAt?: string;
  /** staff list: the part's score now (overrides included), its maximum, the answer and its crop */
  current?: { score: number; max: number; review: boolean; overridden: boolean } | null;
  answerText?: string | null;
  crop?: Region | null;
  page?: { page: number; width: number; height: number; imageUrl: string } | null;
}
export interface Submission extends SubmissionRow {
  examId?: string;
  pages?: PageRef[];
  answers?: Answer[] | Record<string, Answer>;
  grade?: {
    total?: number | null;
    max?: number;
    released?: boolean;
    parts: Record<string, PartGrade> | PartGrade[];
    flags?: string[];
    flagReasons?: Record<string, string>;
    /** the scripts a flag names (similarity: the other script) */
    flagLinks?: Record<string, { id: string; fileName: string }[]>;
  } | null;
  /** student only: changes to the released grade, oldest first */
  history?: GradeChange[];
  overrides?: Override[];
  regradeRequests?: RegradeRequest[];
  released?: boolean;
  /** an exam with versions: the script's version and its question paper */
  version?: { name: string; paperUrl: string } | null;
}
export interface GradeChange {
  kind: 'override' | 'regrade';
  /** the part a person changed; null for a regrade of the whole script */
  partId: string | null;
  before: number | null;
  after: number;
  totalBefore?: number | null;
  totalAfter?: number | null;
  reason: string;
  at: string;
}
export interface ReleasePreview {
  releasedAt: string | null;
  released: number;
  pending: {
    partsInReview: number;
    scriptsInReview: number;
    identityUnconfirmed: number;
    notGraded?: number;
  };
}
export interface ReviewGroup {
  partId: string;
  answerKey: string;
  text: string;
  /** the value(s) the grader read: the group's key when present */
  values?: number[] | null;
  count: number;
  max?: number;
  rubricItems?: { id: string; label: string; max: number }[];
  items: {
    submissionId: string;
    /** this script's answer as read (spellings differ within a group of one value) */
    text?: string;
    suggestedScore: number;
    max?: number;
    fileName?: string;
    reasons: string[];
    crop: Region | null;
    page?: PageRef;
    items?: ItemGrade[];
    student?: StudentRef | null;
  }[];
}
export interface RubricSummary {
  scripts: number;
  changed: number;
  meanDelta: number;
  maxDelta: number;
}
export interface StatsBlock {
  max?: number;
  mean?: number | null;
  median?: number | null;
  histogram?: HistogramIn;
  scores?: number[];
}
export interface Stats {
  parts: (StatsBlock & { partId: string; max: number; auto?: number; reviewed?: number; pending?: number })[];
  totals?: StatsBlock;
  total?: StatsBlock;
  auto?: number;
  reviewed?: number;
}
export interface Member {
  id?: string;
  userId?: string;
  email: string;
  name: string;
  role: Role;
  roll?: string | null;
}

/** Grades come as a record keyed by part id (the model's shape) or as an array: read both. */
export function partsOf(grade: Submission['grade']): [string, PartGrade][] {
  if (!grade?.parts) return [];
  const list: [string, PartGrade][] = Array.isArray(grade.parts)
    ? grade.parts.map((p, i) => [p.partId ?? String(i), p])
    : Object.entries(grade.parts);
  return list.sort(([a], [b]) => comparePartIds(a, b));
}

export function answersOf(sub: Submission): Record<string, Answer> {
  const a = sub.answers;
  if (!a) return {};
  if (Array.isArray(a)) return Object.fromEntries(a.map((x) => [x.partId, x]));
  return a;
}

export function examTitle(e: Exam): string {
  return e.title ?? e.name ?? e.slug ?? e.id;
}

export function courseTitle(c: Course): string {
  return [c.code, c.name ?? c.title].filter(Boolean).join(' — ') || c.id;
}

export function fileNameOf(s: SubmissionRow): string {
  return s.fileName ?? s.file ?? s.id;
}

export function pageUrl(submissionId: string, page: PageRef | number): string {
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
export function overrideOf(sub: Submission, partId: string, part?: PartGrade): Override | undefined {
  const list = (sub.overrides ?? []).filter((o) => o.partId === partId);
  if (list.length) return list[list.length - 1];
  if (part?.override)
    return { partId, score: part.override.score, comment: part.override.comment, at: part.override.at };
  return undefined;
}
