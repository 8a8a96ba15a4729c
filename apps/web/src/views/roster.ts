/** Roster matching: scripts whose header matched no student, with the header crop and a search box. */
import { api } from '../api.ts';
import { errorBox, field, notice, pageCrop } from '../components.ts';
import { h, mount } from '../dom.ts';
import { matchesQuery } from '../format.ts';
import type { Member, SubmissionRow } from '../types.ts';
import { fileNameOf, normalizeSubmission, pageUrl } from '../types.ts';
import { examHeader, loadExam } from './common.ts';
import { listOf } from './home.ts';

export async function rosterView(main: HTMLElement, params: Record<string, string>): Promise<undefined> {
  const { exam, role } = await loadExam(params.examId);
  const base = `/api/exams/${encodeURIComponent(exam.id)}`;
  const rows = await api
    .get<SubmissionRow[]>(`${base}/submissions`)
    .then(listOf<SubmissionRow>('submissions'));
  // matched = tied to a user of the course; a header read but not matched has a name/roll and no id
  const unmatched = rows.filter((r) => !r.student?.id && r.status !== 'failed');
  let students: Member[] = [];
  let rosterError: unknown = null;
  // the course's members are an admin-only list in the API: a TA sees the crops without the search
  if (exam.courseId && role === 'admin') {
    try {
      students = (
        await api
          .get<Member[]>(`/api/courses/${encodeURIComponent(exam.courseId)}/members`)
          .then(listOf<Member>('members'))
      ).filter((m) => m.role === 'student');
    } catch (e) {
      rosterError = e;
    }
  }
  const list = h('div', { class: 'roster-list' });
  mount(
    main,
    examHeader(exam, role, 'roster'),
    h('h1', null, 'Roster matching'),
    rosterError ? errorBox(rosterError) : null,
    role !== 'admin'
      ? notice(
          'Searching the class list needs the API to give TAs the course roster (see the web README).',
          'info',
        )
      : null,
    unmatched.length === 0 ? notice('Every script is matched to a student.', 'ok') : list,
  );
  for (const r of unmatched) list.appendChild(await rosterCard(r, students, role === 'admin'));
  return undefined;
}

async function rosterCard(row: SubmissionRow, students: Member[], canSearch: boolean): Promise<HTMLElement> {
  let crop: HTMLElement | null = null;
  try {
    const sub = normalizeSubmission(await api.get<unknown>(`/api/submissions/${encodeURIComponent(row.id)}`));
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
  const msg = h('div', { 'aria-live': 'polite' });
  const drawResults = () => {
    const q = search.value.trim();
    const hits = q
      ? students.filter((s) => matchesQuery(`${s.name} ${s.roll ?? ''} ${s.email}`, q)).slice(0, 8)
      : [];
    mount(
      results,
      hits.map((s) =>
        h(
          'li',
          null,
          h(
            'button',
            {
              type: 'button',
              onclick: async () => {
                try {
                  await api.post(`/api/submissions/${encodeURIComponent(row.id)}/student`, {
                    studentId: s.userId ?? s.id,
                    roll: s.roll,
                  });
                  mount(msg, notice(`Assigned to ${s.name}.`, 'ok'));
                } catch (e) {
                  mount(msg, errorBox(e));
                }
              },
            },
            `${s.name} (${s.roll ?? s.email})`,
          ),
        ),
      ),
    );
  };
  search.addEventListener('input', drawResults);
  return h(
    'article',
    { class: 'card roster-card' },
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
    row.header?.issues?.length ? h('p', { class: 'muted' }, row.header.issues.join('; ')) : null,
    crop,
    canSearch ? field('Find the student', search) : null,
    canSearch ? results : null,
    msg,
  );
}
