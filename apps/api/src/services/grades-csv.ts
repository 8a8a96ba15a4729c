// The grades export: one row per student on the course roster (absent ones too), sorted by roll,
// then one row per script whose identity is not confirmed. The first line is plain column names,
// `roll,name,total,status,<part ids>`, which Canvas's and Moodle's importers map by hand.
import type { ExamSubmission } from './grades.ts';
import { identityConfirmed } from './identity.ts';

export type RowStatus = 'final' | 'pending review' | 'identity unconfirmed' | 'absent';

export interface RosterStudent {
  id: string;
  name: string;
  roll: string | null;
}

export interface GradesCsv {
  text: string;
  /** scripts that count for nobody until a TA confirms whose they are */
  unconfirmed: number;
}

/** A CSV cell: quoted when needed, spreadsheet formulas in text neutralised. */
export function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  const safe = /^[=+\-@\t\r]/.test(s) && Number.isNaN(Number(s)) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const byRoll = (a: RosterStudent, b: RosterStudent) =>
  a.roll === null || b.roll === null
    ? Number(a.roll === null) - Number(b.roll === null) || a.name.localeCompare(b.name)
    : a.roll.localeCompare(b.roll, 'en', { numeric: true }) || a.name.localeCompare(b.name);

/** The script that stands for a student: the newest graded one, else the newest at all. */
function standing(subs: ExamSubmission[]): ExamSubmission | undefined {
  const newest = (xs: ExamSubmission[]) =>
    xs.reduce<ExamSubmission | undefined>((a, s) => (!a || a.createdAt <= s.createdAt ? s : a), undefined);
  return newest(subs.filter((s) => s.grade)) ?? newest(subs);
}

/**
 * Scores only where a person may rely on them: a part still under review is empty, and so is the
 * total until every part is settled (status `final`).
 */
function studentCells(s: ExamSubmission | undefined, partIds: string[]) {
  const eff = s?.grade?.effective;
  if (!s) return { total: '', status: 'absent' as RowStatus, parts: partIds.map(() => '') };
  const final = Boolean(eff && eff.needsReview === 0);
  const parts = partIds.map((p) => {
    const part = eff && Object.hasOwn(eff.parts, p) ? eff.parts[p] : undefined;
    return part && !part.review ? part.score : '';
  });
  return { total: final ? eff!.total : '', status: (final ? 'final' : 'pending review') as RowStatus, parts };
}

function unconfirmedLabel(s: ExamSubmission): string {
  const read = [s.headerName && `name ${s.headerName}`, s.headerRoll && `roll ${s.headerRoll}`]
    .filter(Boolean)
    .join('; ');
  return `unconfirmed script ${s.fileName}${read ? ` (header read: ${read})` : ''}`;
}

export function gradesCsv(opts: {
  partIds: string[];
  roster: RosterStudent[];
  submissions: ExamSubmission[];
  /** `rows` (default): unconfirmed scripts as rows with an empty roll, at the end; `omit`: left out */
  unconfirmed?: 'rows' | 'omit';
}): GradesCsv {
  const { partIds, roster } = opts;
  const mine = new Map<string, ExamSubmission[]>();
  const unconfirmed: ExamSubmission[] = [];
  for (const s of opts.submissions) {
    if (!identityConfirmed(s)) unconfirmed.push(s);
    else mine.set(s.studentId, [...(mine.get(s.studentId) ?? []), s]);
  }
  const lines: unknown[][] = [['roll', 'name', 'total', 'status', ...partIds]];
  for (const st of [...roster].sort(byRoll)) {
    const c = studentCells(standing(mine.get(st.id) ?? []), partIds);
    lines.push([st.roll ?? '', st.name, c.total, c.status, ...c.parts]);
  }
  if (opts.unconfirmed !== 'omit') {
    for (const s of unconfirmed) {
      lines.push(['', unconfirmedLabel(s), '', 'identity unconfirmed', ...partIds.map(() => '')]);
    }
  }
  return {
    text: `${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`,
    unconfirmed: unconfirmed.length,
  };
}
