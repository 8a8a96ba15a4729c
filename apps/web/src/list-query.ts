/** The submissions list's state (sort, filter, page) and its query to the server, which pages. */
import { filterOptions } from './flags.ts';

export type SortKey = 'uploaded' | 'roll' | 'name' | 'score' | 'status';

export const SORTS: [SortKey, string][] = [
  ['uploaded', 'Uploaded (newest first)'],
  ['roll', 'Roll number'],
  ['name', 'Name'],
  ['score', 'Score (highest first)'],
  ['status', 'Status'],
];

export interface ListState {
  sort: SortKey;
  /** reverse the sort's natural order */
  reverse: boolean;
  /** a filter of the "Show" select: all, flagged, review, flag:<name>, status:<status>, withdrawn */
  show: string;
  page: number;
  pageSize: number;
}

export const DEFAULT_LIST: ListState = {
  sort: 'uploaded',
  reverse: false,
  show: 'all',
  page: 1,
  pageSize: 50,
};

const NATURAL: Record<SortKey, 'asc' | 'desc'> = {
  uploaded: 'desc',
  score: 'desc',
  roll: 'asc',
  name: 'asc',
  status: 'asc',
};

const STATUSES: [string, string][] = [
  ['needs_review', 'Needs review (status)'],
  ['graded', 'Graded'],
  ['failed', 'Failed'],
  ['queued', 'Waiting'],
];

/** The "Show" choices: the flag filters, then statuses, then withdrawn scripts (kept, restorable). */
export function showOptions(): [string, string][] {
  return [
    ...filterOptions([]),
    ...STATUSES.map(([s, label]): [string, string] => [`status:${s}`, `Status: ${label}`]),
    ['withdrawn', 'Withdrawn'],
  ];
}

/** Query string for GET /api/exams/:id/submissions (always paged: the answer is an envelope). */
export function listQuery(s: ListState): string {
  const q = new URLSearchParams();
  q.set('sort', s.sort);
  const natural = NATURAL[s.sort];
  q.set('order', s.reverse ? (natural === 'asc' ? 'desc' : 'asc') : natural);
  if (s.show === 'flagged') q.set('flag', 'any');
  else if (s.show === 'review') q.set('review', '1');
  else if (s.show.startsWith('flag:')) q.set('flag', s.show.slice(5));
  else if (s.show.startsWith('status:')) q.set('status', s.show.slice(7));
  else if (s.show === 'withdrawn') q.set('status', 'withdrawn');
  q.set('page', String(s.page));
  q.set('pageSize', String(s.pageSize));
  return q.toString();
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** What the list says under its controls: "Showing 51–100 of 230". */
export function rangeText(total: number, page: number, pageSize: number): string {
  if (total === 0) return 'Nothing to show';
  const from = (page - 1) * pageSize + 1;
  return `Showing ${from}–${Math.min(total, page * pageSize)} of ${total}`;
}
