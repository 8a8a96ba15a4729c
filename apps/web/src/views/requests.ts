/** Regrade requests of an exam, each answered with a message and optionally a new score. */
import { api } from '../api.ts';
import { errorBox, field, notice } from '../components.ts';
import { h, mount } from '../dom.ts';
import { fmtDate } from '../format.ts';
import { href } from '../router.ts';
import type { RegradeRequest } from '../types.ts';
import { examHeader, loadExam } from './common.ts';
import { listOf } from './home.ts';

export async function requestsView(main: HTMLElement, params: Record<string, string>): Promise<undefined> {
  const { exam, role } = await loadExam(params.examId);
  const draw = async () => {
    const reqs = await api
      .get<RegradeRequest[]>(`/api/exams/${encodeURIComponent(exam.id)}/regrade-requests`)
      .then(listOf<RegradeRequest>('requests'));
    mount(
      main,
      examHeader(exam, role, 'requests'),
      h('h1', null, 'Regrade requests'),
      reqs.length === 0
        ? notice('No open requests.', 'ok')
        : reqs.map((r) => {
            const answer = h('textarea', { name: 'answer', rows: 2, required: true });
            const score = h('input', { type: 'number', min: 0, step: 0.5, name: 'score' });
            const msg = h('div', { 'aria-live': 'polite' });
            return h(
              'article',
              { class: 'card' },
              h('h2', null, `Part ${r.partId}`, r.student?.name ? ` — ${r.student.name}` : ''),
              h(
                'p',
                null,
                r.message,
                r.createdAt ? h('span', { class: 'muted' }, ` (${fmtDate(r.createdAt)})`) : null,
              ),
              r.submissionId
                ? h('p', null, h('a', { href: href('script', { id: r.submissionId }) }, 'Open the script'))
                : null,
              h(
                'form',
                {
                  onsubmit: async (e: Event) => {
                    e.preventDefault();
                    try {
                      await api.post(`/api/regrade-requests/${encodeURIComponent(r.id)}/answer`, {
                        answer: answer.value.trim(),
                        score: score.value === '' ? undefined : Number(score.value),
                      });
                      await draw();
                    } catch (err) {
                      mount(msg, errorBox(err));
                    }
                  },
                },
                field('Answer to the student', answer),
                field('New score (leave empty to keep)', score),
                h('button', { type: 'submit', class: 'primary' }, 'Send answer'),
                msg,
              ),
            );
          }),
    );
  };
  await draw();
  return undefined;
}
