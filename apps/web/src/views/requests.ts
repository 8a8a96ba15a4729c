/** Regrade requests of an exam, each answered with a message and optionally a new score. */
import { api } from '../api.ts';
import { errorBox, field, notice, pageCrop } from '../components.ts';
import { h, mount } from '../dom.ts';
import { fmtDate, fmtScoreOf } from '../format.ts';
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
              requestContext(r),
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
                field(
                  r.current
                    ? `New score, 0 to ${r.current.max} (leave empty to keep)`
                    : 'New score (leave empty to keep)',
                  score,
                ),
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

/** What the TA needs to answer: the part's score now and its maximum, and the answer on the page. */
function requestContext(r: RegradeRequest): HTMLElement | null {
  if (!r.current && !r.crop) return null;
  return h(
    'div',
    { class: 'request-context' },
    r.current
      ? h(
          'p',
          { 'data-testid': 'rr-current' },
          h('strong', null, 'Current score: '),
          fmtScoreOf(r.current.score, r.current.max),
          r.current.overridden ? ' (set by a TA)' : r.current.review ? ' (still in review)' : '',
        )
      : null,
    r.answerText ? h('p', null, h('strong', null, 'Answer as read: '), h('code', null, r.answerText)) : null,
    r.crop && r.page
      ? h(
          'div',
          { class: 'crop-card', 'data-testid': 'rr-crop' },
          pageCrop(
            r.page.imageUrl,
            { width: r.page.width, height: r.page.height },
            r.crop.box,
            `Answer to part ${r.partId} on page ${r.crop.page}`,
          ),
        )
      : null,
  );
}
