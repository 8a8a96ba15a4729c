// The TA's submissions list: filter, sort and page on the server, so a class of hundreds arrives a
// page at a time with the total count of what the filter matched.
import { SubmissionStatus } from '@grader/db';
import { z } from 'zod';
import { type ExamSubmission, studentOf } from './grades.ts';

export const SORTS = ['uploaded', 'roll', 'name', 'score', 'status'] as const;

export const ListQuery = z.object({
  sort: z.enum(SORTS).default('uploaded'),
  order: z.enum(['asc', 'desc']).optional(),
  /** a pipeline status, or `withdrawn` (the only way withdrawn scripts are listed) */
  status: z.enum(['withdrawn', ...Object.values(SubmissionStatus)]).optional(),
  /** `any` (some flag) or one flag's name */
  flag: z
    .string()
    .regex(/^[a-z_]{1,32}$/, 'a flag name or "any"')
    .optional(),
  /** `1`: only scripts with parts waiting for a person */
  review: z.enum(['0', '1']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  /** absent: every match as a plain array (older clients); present: one page in an envelope */
  pageSize: z.coerce.number().int().min(1).max(500).optional(),
});
export type ListQuery = z.infer<typeof ListQuery>;

/** Pipeline order: a TA sorting by status sees the stuck and failed ones together. */
const STATUS_ORDER = ['failed', 'uploaded', 'queued', 'extracting', 'grading', 'needs_review', 'graded'];

const flagsOf = (s: ExamSubmission) => (s.grade?.flags as string[] | undefined) ?? [];

export function filterSubmissions(subs: ExamSubmission[], q: ListQuery): ExamSubmission[] {
  return subs.filter((s) => {
    if (q.status && q.status !== 'withdrawn' && s.status !== q.status) return false;
    if (q.flag === 'any' ? flagsOf(s).length === 0 : q.flag && !flagsOf(s).includes(q.flag)) return false;
    if (q.review === '1' && !(s.grade && s.grade.effective.needsReview > 0)) return false;
    return true;
  });
}

/** Sorted by the key, ties by upload time then id (a stable page order); missing values last. */
export function sortSubmissions(subs: ExamSubmission[], q: ListQuery): ExamSubmission[] {
  const dir = (q.order ?? (q.sort === 'score' || q.sort === 'uploaded' ? 'desc' : 'asc')) === 'asc' ? 1 : -1;
  const key = (s: ExamSubmission): string | number | null => {
    const st = studentOf(s);
    switch (q.sort) {
      case 'roll':
        return st?.roll ?? null;
      case 'name':
        return st?.name ?? null;
      case 'score':
        return s.grade ? s.grade.effective.total : null;
      case 'status':
        return STATUS_ORDER.indexOf(s.status);
      default:
        return s.createdAt.getTime();
    }
  };
  const cmp = (a: string | number, b: string | number) =>
    typeof a === 'number' && typeof b === 'number'
      ? a - b
      : String(a).localeCompare(String(b), 'en', { numeric: true, sensitivity: 'base' });
  return subs
    .map((s) => ({ s, k: key(s) }))
    .sort((x, y) => {
      if (x.k === null || y.k === null) {
        if (x.k !== y.k) return x.k === null ? 1 : -1;
      } else {
        const c = cmp(x.k, y.k);
        if (c) return c * dir;
      }
      return x.s.createdAt.getTime() - y.s.createdAt.getTime() || x.s.id.localeCompare(y.s.id);
    })
    .map((x) => x.s);
}
