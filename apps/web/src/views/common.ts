/** Pieces shared by the exam pages: loading the exam and the tab bar. */
import { api } from '../api.ts';
import { h } from '../dom.ts';
import { href } from '../router.ts';
import { roleIn } from '../session.ts';
import type { Exam, Role } from '../types.ts';
import { examTitle } from '../types.ts';

export async function loadExam(examId: string): Promise<{ exam: Exam; role: Role | null }> {
  const raw = await api.get<Exam | { exam: Exam }>(`/api/exams/${encodeURIComponent(examId)}`);
  const exam = 'exam' in raw && raw.exam ? raw.exam : (raw as Exam);
  return { exam, role: roleIn(exam.courseId) };
}

const TABS: [string, string, Role[]][] = [
  ['exam', 'Submissions', ['ta', 'admin']],
  ['review', 'Review queue', ['ta', 'admin']],
  ['roster', 'Roster matching', ['ta', 'admin']],
  ['requests', 'Regrade requests', ['ta', 'admin']],
  ['stats', 'Statistics', ['ta', 'admin']],
  ['rubric', 'Rubric', ['admin']],
  ['parameters', 'Parameters', ['admin']],
  ['versions', 'Versions', ['ta', 'admin']],
];

export function examHeader(exam: Exam, role: Role | null, active: string): HTMLElement {
  return h(
    'div',
    { class: 'exam-head' },
    h('p', { class: 'crumbs' }, h('a', { href: href('home') }, 'Courses'), ' / ', examTitle(exam)),
    h(
      'nav',
      { class: 'tabs', 'aria-label': 'Exam pages' },
      TABS.filter(([, , roles]) => role && roles.includes(role)).map(([name, label]) =>
        h(
          'a',
          { href: href(name, { examId: exam.id }), 'aria-current': name === active ? 'page' : undefined },
          label,
        ),
      ),
      role === 'admin' && exam.courseId
        ? h('a', { href: href('members', { courseId: exam.courseId }) }, 'Users & roles')
        : null,
    ),
  );
}

/** Part ids and maxima of an exam, whether the API lists parts as strings or objects. */
export function examParts(exam: Exam): { id: string; max?: number }[] {
  return (exam.parts ?? []).map((p) => (typeof p === 'string' ? { id: p } : { id: p.id, max: p.max }));
}
