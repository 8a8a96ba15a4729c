/**
 * A stack (one PDF of many scripts): its pages as thumbnails with the split points the worker
 * proposed; the TA adds, removes or moves one, then creates one submission per script.
 */
import { api } from '../api.ts';
import { errorBox, notice } from '../components.ts';
import { h, mount } from '../dom.ts';
import { href } from '../router.ts';
import { moveStart, rangesOf, type Starts, toggleStart } from '../splits.ts';
import { examHeader, loadExam } from './common.ts';

interface Stack {
  id: string;
  examId: string;
  fileName: string;
  status: 'splitting' | 'proposed' | 'confirmed' | 'failed';
  statusReason: string | null;
  pageCount: number | null;
  starts: number[];
  pages: { page: number; thumbUrl: string }[];
  submissions: string[];
}

export async function stackView(main: HTMLElement, params: Record<string, string>): Promise<() => void> {
  const url = `/api/stacks/${encodeURIComponent(params.id)}`;
  let stack = await api.get<Stack>(url);
  const { exam, role } = await loadExam(stack.examId);
  let starts: Starts = [...stack.starts];
  let timer: number | undefined;
  const msg = h('div', { 'aria-live': 'polite' });
  const body = h('div');

  function draw(): void {
    if (stack.status === 'splitting') {
      mount(body, notice('Finding where each script starts (reading the top of every page)…'));
      timer = window.setTimeout(() => void poll(), 1000);
      return;
    }
    if (stack.status === 'failed') {
      mount(
        body,
        notice(`This stack could not be split: ${stack.statusReason ?? 'no reason given'}`, 'warn'),
      );
      return;
    }
    if (stack.status === 'confirmed') {
      mount(
        body,
        notice(
          [
            `Split into ${stack.submissions.length} submission(s); they are being graded. `,
            h('a', { href: href('exam', { examId: exam.id }) }, 'Back to the submissions'),
          ],
          'ok',
        ),
      );
      return;
    }
    const count = stack.pageCount ?? stack.pages.length;
    const ranges = rangesOf(starts, count);
    const set = (next: Starts) => {
      starts = next;
      draw();
    };
    const create = h(
      'button',
      { type: 'button', class: 'primary', 'data-testid': 'confirm-split' },
      `Create ${ranges.length} submission${ranges.length === 1 ? '' : 's'}`,
    ) as HTMLButtonElement;
    create.onclick = async () => {
      create.disabled = true;
      try {
        await api.post(`${url}/confirm`, { starts });
        stack = await api.get<Stack>(url);
        draw();
      } catch (err) {
        mount(msg, errorBox(err));
        create.disabled = false;
      }
    };
    mount(
      body,
      h(
        'p',
        { 'data-testid': 'split-summary' },
        `${ranges.length} script(s): `,
        ranges.map((r, i) => `${i ? ', ' : ''}pages ${r.from}${r.to > r.from ? `–${r.to}` : ''}`).join(''),
      ),
      h(
        'p',
        { class: 'muted' },
        'A script starts at each page marked ✂. Add or remove a split on any page, or move one a page at a time.',
      ),
      h(
        'ol',
        { class: 'thumbs', 'data-testid': 'thumbs' },
        stack.pages.map((p) => {
          const isStart = starts.includes(p.page);
          const script = ranges.findIndex((r) => p.page >= r.from && p.page <= r.to) + 1;
          return h(
            'li',
            {
              class: `thumb${isStart ? ' starts' : ''}`,
              'data-page': p.page,
              'data-start': isStart ? 'yes' : 'no',
            },
            h('img', { src: p.thumbUrl, alt: `Page ${p.page} of the stack`, loading: 'lazy' }),
            h(
              'div',
              { class: 'thumb-caption' },
              isStart ? `✂ Script ${script} starts` : `Script ${script}`,
              ` · page ${p.page}`,
            ),
            p.page === 1
              ? null
              : h(
                  'div',
                  { class: 'thumb-tools' },
                  h(
                    'button',
                    {
                      type: 'button',
                      'aria-label': `${isStart ? 'Remove the split before' : 'Split before'} page ${p.page}`,
                      onclick: () => set(toggleStart(starts, p.page)),
                    },
                    isStart ? 'Remove split' : 'Split here',
                  ),
                  isStart
                    ? [
                        h(
                          'button',
                          {
                            type: 'button',
                            'aria-label': `Move the split at page ${p.page} one page earlier`,
                            onclick: () => set(moveStart(starts, p.page, -1, count)),
                          },
                          '◀',
                        ),
                        h(
                          'button',
                          {
                            type: 'button',
                            'aria-label': `Move the split at page ${p.page} one page later`,
                            onclick: () => set(moveStart(starts, p.page, 1, count)),
                          },
                          '▶',
                        ),
                      ]
                    : null,
                ),
          );
        }),
      ),
      h(
        'div',
        { class: 'toolbar' },
        create,
        h('button', { type: 'button', onclick: () => set([...stack.starts]) }, 'Back to the proposal'),
      ),
    );
  }

  async function poll(): Promise<void> {
    try {
      stack = await api.get<Stack>(url);
      starts = [...stack.starts];
      draw();
    } catch (err) {
      mount(msg, errorBox(err));
    }
  }

  mount(
    main,
    examHeader(exam, role, 'exam'),
    h('h1', null, `Split ${stack.fileName} into scripts`),
    msg,
    body,
  );
  draw();
  return () => window.clearTimeout(timer);
}
