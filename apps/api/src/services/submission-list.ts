// The TA's submissions list: filter, sort and page in the database, so a class of hundreds arrives a
// page at a time with the total count of what the filter matched. Each row is a summary projection
// (the grade's parts JSON is not read for it; see `submissionListPage` in @grader/db).
import type { SubmissionStatus as ContractStatus, ListQuery } from '@grader/contract';
import {
  type SubmissionStatus as DbStatus,
  STATUS_ORDER,
  type SubmissionListRow,
  submissionListPage,
} from '@grader/db';
import type { AppContext } from '../context.ts';
import { type ExamSubmission, progressOf, studentOf } from './grades.ts';

// the query's schema is the contract's (@grader/contract), shared with the web UI's mock
export { ListQuery, SORTS } from '@grader/contract';

/** The default direction: newest and highest first; names, rolls and statuses A to Z. */
export const sortOrder = (q: Pick<ListQuery, 'sort' | 'order'>) =>
  q.order ?? (q.sort === 'score' || q.sort === 'uploaded' ? 'desc' : 'asc');

/**
 * `GET /api/exams/:id/submissions`: without `pageSize` every match as a plain array (older clients),
 * with it one page in an envelope with the count of matches and of withdrawn scripts. One query.
 */
export async function listSubmissions(
  ctx: AppContext,
  exam: { id: string; currentRubricId: string | null },
  q: ListQuery,
) {
  const paged = q.pageSize !== undefined;
  const { rows, total, withdrawn } = await submissionListPage(ctx.db, {
    examId: exam.id,
    rubricVersionId: exam.currentRubricId,
    sort: q.sort,
    order: sortOrder(q),
    status: q.status,
    flag: q.flag,
    review: q.review === '1',
    ...(paged ? { limit: q.pageSize, offset: (q.page - 1) * (q.pageSize ?? 0) } : {}),
  });
  const items = rows.map(rowSummary);
  if (!paged) return items;
  return { items, total, page: q.page, pageSize: q.pageSize, withdrawn };
}

/** A list row as `summary()` (services/grades.ts) shows a submission: the same fields, same order. */
export function rowSummary(s: SubmissionListRow) {
  return {
    id: s.id,
    fileName: s.fileName,
    status: s.status,
    statusReason: s.statusReason,
    progress: progressOf({ status: s.status as DbStatus, progress: s.progress }),
    student: studentOf({
      student: s.studentId ? { id: s.studentId, name: s.studentName ?? '', roll: s.studentRoll } : null,
      headerName: s.headerName,
      headerRoll: s.headerRoll,
    }),
    total: s.total ?? null,
    needsReview: s.needsReview ?? 0,
    flags: (s.flags as string[] | null) ?? [],
    withdrawn: s.withdrawnAt ? { at: s.withdrawnAt, reason: s.withdrawnReason ?? '' } : null,
    pages: s.pageFrom && s.pageTo ? { from: s.pageFrom, to: s.pageTo } : null,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

// The same filter and order over submissions already in memory: the reference the database query is
// tested against (submission-list.test.ts).

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
  const dir = sortOrder(q) === 'asc' ? 1 : -1;
  const byUpload = !['roll', 'name', 'score', 'status'].includes(q.sort ?? '');
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
        return STATUS_ORDER.indexOf(s.status as (typeof STATUS_ORDER)[number]);
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
      // (by upload time, a tie follows the order asked for: newest first is oldest first reversed)
      if (byUpload) return x.s.id.localeCompare(y.s.id) * dir;
      return x.s.createdAt.getTime() - y.s.createdAt.getTime() || x.s.id.localeCompare(y.s.id);
    })
    .map((x) => x.s);
}

/** The contract's statuses are the database's: this fails to compile when one side gains a status. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const STATUSES_AGREE: Same<`${DbStatus}`, ContractStatus> = true;
