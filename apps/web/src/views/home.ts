import { api } from '../api.ts';
import { errorBox, statusBadge } from '../components.ts';
import { h, mount } from '../dom.ts';
import { fmtScore, fmtScoreOf } from '../format.ts';
import { href } from '../router.ts';
import { current, isStaff } from '../session.ts';
import type { Course, Exam, Submission } from '../types.ts';
import { courseTitle, examTitle, fileNameOf } from '../types.ts';

export async function homeView(main: HTMLElement): Promise<undefined> {
  const me = current()!;
  const courses = await api
    .get<Course[] | { courses: Course[] }>('/api/courses')
    .then(listOf<Course>('courses'));
  const sections: HTMLElement[] = [];
  const isStudent = courses.some((c) => c.role === 'student') || me.roles.some((r) => r.role === 'student');
  if (isStudent) sections.push(await mySubmissions());
  for (const c of courses) {
    const exams = await api
      .get<Exam[] | { exams: Exam[] }>(`/api/courses/${encodeURIComponent(c.id)}/exams`)
      .then(listOf<Exam>('exams'))
      .catch(() => [] as Exam[]);
    if (!isStaff(c.role)) continue;
    sections.push(
      h(
        'section',
        { class: 'card' },
        h('h2', null, courseTitle(c), ' ', h('span', { class: 'role' }, c.role === 'ta' ? 'TA' : c.role)),
        exams.length
          ? h(
              'ul',
              { class: 'links' },
              exams.map((e) => h('li', null, h('a', { href: href('exam', { examId: e.id }) }, examTitle(e)))),
            )
          : h('p', { class: 'muted' }, 'No exams yet.'),
        c.role === 'admin'
          ? h('p', null, h('a', { href: href('members', { courseId: c.id }) }, 'Users and roles'))
          : null,
      ),
    );
  }
  mount(
    main,
    h('h1', null, `Welcome, ${me.user.name || me.user.email}`),
    sections.length ? sections : h('p', { class: 'muted' }, 'You are not enrolled in any course yet.'),
  );
  return undefined;
}

async function mySubmissions(): Promise<HTMLElement> {
  let subs: Submission[] = [];
  try {
    subs = await api
      .get<Submission[] | { submissions: Submission[] }>('/api/submissions/mine')
      .then(listOf<Submission>('submissions'));
  } catch (e) {
    return h('section', { class: 'card' }, h('h2', null, 'My submissions'), errorBox(e));
  }
  return h(
    'section',
    { class: 'card' },
    h('h2', null, 'My submissions'),
    subs.length === 0
      ? h('p', { class: 'muted' }, 'No submissions yet.')
      : h(
          'ul',
          { class: 'cards' },
          subs.map((s) => {
            const released = s.released ?? s.grade?.released ?? s.grade != null;
            return h(
              'li',
              { class: 'sub-card' },
              h('a', { href: href('mine', { id: s.id }) }, (s as any).examTitle ?? fileNameOf(s)),
              ' ',
              statusBadge(s.status, true),
              !released
                ? h('span', { class: 'muted' }, ' Grades not released yet')
                : s.total == null
                  ? h('span', { class: 'muted' }, ' Total once every part is reviewed')
                  : h(
                      'span',
                      { class: 'total' },
                      'Total ',
                      (s.max ?? s.grade?.max) != null
                        ? fmtScoreOf(s.total, s.max ?? s.grade?.max)
                        : fmtScore(s.total),
                    ),
            );
          }),
        ),
  );
}

/** The API may return a bare array or `{key: [...]}`: accept both. */
export function listOf<T>(key: string): (v: unknown) => T[] {
  return (v) => (Array.isArray(v) ? (v as T[]) : (((v as any)?.[key] ?? []) as T[]));
}
