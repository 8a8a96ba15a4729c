/** Formatting of scores, statuses and sizes: pure so the tests can pin them down. */

/** A score with at most two decimals and no trailing zeros: 3, 2.5, 0.33. */
export function fmtScore(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

export function fmtScoreOf(score: number | null | undefined, max: number | null | undefined): string {
  return `${fmtScore(score)} / ${fmtScore(max)}`;
}

/** A signed difference: +1.5, −2, 0. */
export function fmtDelta(n: number): string {
  if (!Number.isFinite(n)) return '–';
  const r = Math.round(n * 100) / 100;
  if (r === 0) return '0';
  return r > 0 ? `+${r}` : `−${Math.abs(r)}`;
}

/** 0..1 -> "42%"; clamped, so a bad progress value never draws outside its bar. */
export function fmtPercent(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '0%';
  return `${Math.round(Math.min(1, Math.max(0, p)) * 100)}%`;
}

export function fmtBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '–';
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

export type Status = 'uploaded' | 'queued' | 'extracting' | 'grading' | 'graded' | 'needs_review' | 'failed';

const STATUS_LABEL: Record<Status, string> = {
  uploaded: 'Uploaded',
  queued: 'Queued',
  extracting: 'Reading pages',
  grading: 'Grading',
  graded: 'Graded',
  needs_review: 'Needs review',
  failed: 'Failed',
};

export function statusLabel(status: string, forStudent = false): string {
  if (forStudent) {
    // a student needs to know whether their grade is final, not the pipeline's stages
    if (status === 'needs_review') return 'Parts being reviewed';
    if (status === 'failed') return 'Could not be read: your TA will look at it';
    if (status !== 'graded') return 'Being processed';
  }
  return STATUS_LABEL[status as Status] ?? status;
}

/** The tone of a status badge: drives its colour (and an icon, so colour is not the only cue). */
export function statusTone(status: string): 'ok' | 'warn' | 'bad' | 'busy' {
  if (status === 'graded') return 'ok';
  if (status === 'needs_review') return 'warn';
  if (status === 'failed') return 'bad';
  return 'busy';
}

/** True once a submission will not move again without someone acting. */
export function isFinal(status: string): boolean {
  return status === 'graded' || status === 'needs_review' || status === 'failed';
}

export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

/** Case- and accent-insensitive match of every word of `query` in `text` (roster search). */
export function matchesQuery(text: string, query: string): boolean {
  const norm = (x: string) =>
    x
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  const t = norm(text);
  return norm(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => t.includes(w));
}

/** Natural order of part ids: 1a < 1b.i < 1b.ii < 2a < 10 (a record keyed by "5" would put it first). */
export function comparePartIds(a: string, b: string): number {
  const ca = a.match(/\d+|\D+/g) ?? [];
  const cb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const x = ca[i];
    const y = cb[i];
    if (x === y) continue;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny) return Number(x) - Number(y);
    if (nx !== ny) return nx ? -1 : 1;
    return ROMAN[x] && ROMAN[y] ? ROMAN[x] - ROMAN[y] : x < y ? -1 : 1;
  }
  return ca.length - cb.length;
}
const ROMAN: Record<string, number> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  v: 5,
  vi: 6,
  vii: 7,
  viii: 8,
  ix: 9,
  x: 10,
};
