/**
 * The class list and roster matching: import the course's class list (CSV roll,name[,email]), and
 * for each script whose identity is unconfirmed (no student; the header flag says why) the header
 * crop, a search over the class list, and assign + confirm (audited by the API).
 */
import { ApiError, api } from '../api.ts';
import { errorBox, field, notice, pageCrop } from '../components.ts';
import { h, mount } from '../dom.ts';
import { matchesQuery } from '../format.ts';
import { lineIssues } from '../roster-lines.ts';
import type { Member, SubmissionRow } from '../types.ts';
import { fileNameOf, normalizeSubmission, pageUrl } from '../types.ts';
import { examHeader, loadExam } from './common.ts';
import { listOf } from './home.ts';

interface ImportResult {
  students: number;
  created: number;
  updated: number;
  enrolled: number;
  unchanged: number;
  versions?: { assigned: number; changed: number; regrade?: { scripts: number; changed: number } | null };
}
interface ClassList {
  versions: string[];
  students: { userId: string; name: string; roll: string | null; email: string; version: string | null }[];
}

export async function rosterView(main: HTMLElement, params: Record<string, string>): Promise<undefined> {
  const { exam, role } = await loadExam(params.examId);
  const base = `/api/exams/${encodeURIComponent(exam.id)}`;
  const courseId = exam.courseId;
  const rows = await api
    .get<SubmissionRow[]>(`${base}/submissions`)
    .then(listOf<SubmissionRow>('submissions'));
  // unconfirmed = no student of the course yet (a header read but not matched has no id)
  const unmatched = rows.filter((r) => !r.student?.id && r.status !== 'failed');
  let students: Member[] = [];
  let rosterError: unknown = null;
  const loadStudents = async () => {
    if (!courseId) return;
    try {
      students = (
        await api
          .get<Member[]>(`/api/courses/${encodeURIComponent(courseId)}/members`)
          .then(listOf<Member>('members'))
      ).filter((m) => m.role === 'student');
      rosterError = null;
    } catch (e) {
      rosterError = e;
    }
  };
  await loadStudents();
  const list = h('div', { class: 'roster-list' });
  const classInfo = h('p', { class: 'muted', 'data-testid': 'class-size' });
  const drawInfo = () => mount(classInfo, `${students.length} student(s) on the class list.`);
  drawInfo();
  // the class list with each student's version of this exam (when the exam has versions)
  const classList = h('div', { 'data-testid': 'class-list' });
  const drawClassList = async () => {
    const list = await api.get<ClassList>(`${base}/roster`).catch(() => null);
    mount(classList, list?.versions.length ? classListTable(list) : null);
  };
  await drawClassList();
  mount(
    main,
    examHeader(exam, role, 'roster'),
    h('h1', null, 'Roster matching'),
    rosterError ? errorBox(rosterError) : null,
    courseId
      ? importSection(courseId, exam.id, async () => {
          await loadStudents();
          drawInfo();
          await drawClassList();
        })
      : null,
    classInfo,
    classList,
    h('h2', null, 'Scripts whose student is unconfirmed'),
    unmatched.length === 0 ? notice('Every script is matched to a student.', 'ok') : list,
  );
  for (const r of unmatched) list.appendChild(await rosterCard(r, () => students));
  return undefined;
}

function classListTable(list: ClassList): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'table', 'data-testid': 'roster-versions' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, 'Roll'),
          h('th', { scope: 'col' }, 'Name'),
          h('th', { scope: 'col' }, 'Version'),
        ),
      ),
      h(
        'tbody',
        null,
        list.students.map((s) =>
          h(
            'tr',
            null,
            h('td', null, s.roll ?? ''),
            h('td', null, s.name),
            h('td', null, s.version ?? h('span', { class: 'muted' }, 'none (the code on the script)')),
          ),
        ),
      ),
    ),
  );
}

function importSection(courseId: string, examId: string, onImported: () => Promise<void>): HTMLElement {
  const file = h('input', { type: 'file', name: 'class-list', accept: '.csv,text/csv' });
  const msg = h('div', { 'aria-live': 'polite', 'data-testid': 'import-result' });
  const button = h('button', { type: 'submit' }, 'Import class list');
  const form = h(
    'form',
    { class: 'card roster-import' },
    h('h2', null, 'Class list'),
    h(
      'p',
      { class: 'muted' },
      "A CSV file with a header line naming the columns roll, name and optionally email and version (any order; version: the student's version of this exam). Every line is checked; if any line is wrong, nothing is imported.",
    ),
    field('Class list (CSV)', file),
    button,
    msg,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = file.files?.[0];
    if (!f) {
      mount(msg, notice('Choose a CSV file first.', 'warn'));
      return;
    }
    button.disabled = true;
    try {
      const r = await api.post<ImportResult>(`/api/courses/${encodeURIComponent(courseId)}/roster`, {
        csv: await f.text(),
        examId,
      });
      mount(
        msg,
        notice(
          `Class list imported: ${r.students} student(s) — ${r.created} new, ${r.updated} updated, ${r.enrolled} newly enrolled.${
            r.versions
              ? ` Versions: ${r.versions.assigned} assigned, ${r.versions.changed} changed${r.versions.regrade ? `; a regrade of ${r.versions.regrade.scripts} scripts is under way (progress on the Rubric page)` : ''}.`
              : ''
          }`,
          'ok',
        ),
      );
      await onImported();
    } catch (e) {
      const issues = e instanceof ApiError ? lineIssues(e.fields) : [];
      mount(
        msg,
        errorBox(e),
        issues.length
          ? h(
              'table',
              { class: 'line-errors', 'data-testid': 'line-errors' },
              h(
                'thead',
                null,
                h(
                  'tr',
                  null,
                  h('th', { scope: 'col' }, 'Line'),
                  h('th', { scope: 'col' }, 'Field'),
                  h('th', { scope: 'col' }, 'Problem'),
                ),
              ),
              h(
                'tbody',
                null,
                issues.map((i) =>
                  h(
                    'tr',
                    null,
                    h('td', { class: 'num' }, i.line ? String(i.line) : ''),
                    h('td', null, i.field),
                    h('td', null, i.message),
                  ),
                ),
              ),
            )
          : null,
      );
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

async function rosterCard(row: SubmissionRow, students: () => Member[]): Promise<HTMLElement> {
  let crop: HTMLElement | null = null;
  // why the identity is unconfirmed: the header's issues, else the `header` flag's reason
  let why: string[] = row.header?.issues ?? [];
  try {
    const sub = normalizeSubmission(await api.get<unknown>(`/api/submissions/${encodeURIComponent(row.id)}`));
    if (!why.length) why = sub.header?.issues ?? [];
    const flagReason = sub.grade?.flagReasons?.header;
    if (!why.length && flagReason) why = [flagReason];
    const region = sub.header?.region ?? row.header?.region;
    const pg = sub.pages?.find((p) => p.page === (region?.page ?? 1));
    if (pg) {
      // without the header's region from the API, show the top of page 1 (where the header goes)
      const box = region?.box ?? { x: 0, y: 0, w: pg.width, h: pg.height * 0.2 };
      crop = pageCrop(pageUrl(sub.id, pg), pg, box, `Header of ${fileNameOf(row)}`, region ? 'info' : 'none');
    }
  } catch {
    // the crop is a help, not a must
  }
  const search = h('input', {
    type: 'search',
    name: 'student-search',
    autocomplete: 'off',
    placeholder: 'Name or roll number',
  });
  const results = h('ul', { class: 'results' });
  const chosen = h('div', { class: 'chosen' });
  const msg = h('div', { 'aria-live': 'polite' });
  const finder = h('div', { class: 'finder' }, field('Find the student', search), results, chosen);
  const choose = (s: Member) => {
    mount(
      chosen,
      h('p', null, 'Selected: ', h('strong', null, `${s.name} (${s.roll ?? s.email})`)),
      h(
        'button',
        {
          type: 'button',
          onclick: async (ev: Event) => {
            (ev.currentTarget as HTMLButtonElement).disabled = true;
            try {
              const r = await api.post<{ student: { name: string; roll: string | null } | null }>(
                `/api/submissions/${encodeURIComponent(row.id)}/student`,
                { studentId: s.userId ?? s.id },
              );
              const who = r.student ?? { name: s.name, roll: s.roll ?? null };
              finder.remove();
              card.dataset.identity = 'confirmed';
              mount(msg, notice(`Identity confirmed: ${who.name}${who.roll ? ` (${who.roll})` : ''}.`, 'ok'));
            } catch (e) {
              (ev.currentTarget as HTMLButtonElement | null)?.removeAttribute('disabled');
              mount(msg, errorBox(e));
            }
          },
        },
        `Confirm ${s.name}`,
      ),
    );
  };
  const drawResults = () => {
    const q = search.value.trim();
    const hits = q
      ? students()
          .filter((s) => matchesQuery(`${s.name} ${s.roll ?? ''} ${s.email}`, q))
          .slice(0, 8)
      : [];
    mount(
      results,
      q && hits.length === 0 ? h('li', { class: 'muted' }, 'No student on the class list matches.') : null,
      hits.map((s) =>
        h(
          'li',
          null,
          h(
            'button',
            { type: 'button', class: 'link', onclick: () => choose(s) },
            `${s.name} (${s.roll ?? s.email})`,
          ),
        ),
      ),
    );
  };
  search.addEventListener('input', drawResults);
  const card = h(
    'article',
    { class: 'card roster-card', 'data-id': row.id, 'data-identity': 'unconfirmed' },
    h('h2', null, fileNameOf(row)),
    h(
      'p',
      null,
      'Read as: ',
      h(
        'strong',
        null,
        `${row.header?.name ?? row.student?.name ?? '(no name)'} ${row.header?.roll ?? row.student?.roll ?? '(no roll number)'}`,
      ),
    ),
    why.length ? h('p', { class: 'muted', 'data-testid': 'header-why' }, why.join('; ')) : null,
    crop,
    finder,
    msg,
  );
  return card;
}
