/** A student's own script: released grade part by part, their page with the evidence box, regrades. */
import { api } from '../api.ts';
import { errorBox, field, notice, pageCrop, statusBadge } from '../components.ts';
import { h, mount } from '../dom.ts';
import { fmtDate, fmtScore, fmtScoreOf } from '../format.ts';
import { href } from '../router.ts';
import type { GradeChange, Region, RegradeRequest, Submission } from '../types.ts';
import { answersOf, normalizeSubmission, overrideOf, pageUrl, partsOf } from '../types.ts';
import { pagesWithParts, partCard, partRegions } from './parts.ts';

export async function studentView(main: HTMLElement, params: Record<string, string>): Promise<undefined> {
  const path = `/api/submissions/${encodeURIComponent(params.id)}`;
  const draw = async () => {
    const sub = normalizeSubmission(await api.get<unknown>(path));
    const parts = partsOf(sub.grade);
    const answers = answersOf(sub);
    const requests = sub.regradeRequests ?? [];
    const released = parts.length > 0 && (sub.released ?? sub.grade?.released ?? true);
    const regions = parts.map(
      ([pid, p]) => [pid, partRegions(p, answers[pid]?.regions), p] as [string, any, any],
    );
    mount(
      main,
      h('p', { class: 'crumbs' }, h('a', { href: href('home') }, 'My submissions')),
      h('h1', null, 'Your script'),
      h(
        'p',
        { class: 'meta' },
        statusBadge(sub.status, true),
        released && (sub.grade?.total ?? sub.total) != null
          ? h(
              'strong',
              { class: 'total' },
              ` Total ${fmtScoreOf(sub.grade?.total ?? sub.total, sub.grade?.max ?? maxOf(parts))}`,
            )
          : null,
        released && (sub.grade?.total ?? sub.total) == null
          ? h('span', { class: 'muted' }, ' Total shown once every part is reviewed')
          : null,
      ),
      sub.version
        ? h(
            'p',
            { class: 'meta', 'data-testid': 'my-version' },
            'Your exam version: ',
            h('strong', null, `Version ${sub.version.name}`),
            ' · ',
            h(
              'a',
              { href: sub.version.paperUrl, download: '' },
              `Question paper (Version ${sub.version.name})`,
            ),
          )
        : null,
      released
        ? null
        : notice('Your grades have not been released yet. They will appear here once your TA releases them.'),
      released ? changesCard(sub.history ?? []) : null,
      h(
        'div',
        { class: 'script-layout' },
        h(
          'section',
          { 'aria-label': 'Your pages' },
          sub.pages?.length ? pagesWithParts(sub.id, sub.pages, released ? regions : []) : null,
        ),
        h(
          'section',
          { class: 'parts-col', 'aria-label': 'Your grade by part' },
          released
            ? parts.map(([pid, p]) =>
                partCard(pid, p, {
                  studentView: true,
                  override: overrideOf(sub, pid, p),
                  hasBoxes: regions.some(([id, r]) => id === pid && r.length > 0),
                  crop: partCrop(sub, pid, regions),
                  extra: regradeBlock(
                    sub.id,
                    pid,
                    requests.filter((r) => r.partId === pid),
                    draw,
                  ),
                }),
              )
            : null,
        ),
      ),
    );
  };
  await draw();
  return undefined;
}

function regradeBlock(
  subId: string,
  partId: string,
  reqs: RegradeRequest[],
  done: () => Promise<void>,
): HTMLElement {
  const message = h('textarea', { name: 'message', rows: 3, required: true, minlength: 5 });
  const msg = h('div', { 'aria-live': 'polite' });
  const open = reqs.some((r) => !r.answer && r.status !== 'answered' && r.status !== 'closed');
  return h(
    'div',
    { class: 'regrade' },
    reqs.map((r) =>
      h(
        'div',
        { class: 'regrade-thread' },
        h(
          'p',
          null,
          h('strong', null, 'You asked'),
          r.createdAt ? ` (${fmtDate(r.createdAt)})` : '',
          ': ',
          r.message,
        ),
        r.answer
          ? h(
              'p',
              null,
              h('strong', null, 'Answer'),
              ': ',
              r.answer,
              r.score != null ? ` (score now ${r.score})` : '',
            )
          : h('p', { class: 'muted' }, 'Waiting for an answer.'),
      ),
    ),
    open
      ? null
      : h(
          'details',
          null,
          h('summary', null, 'Ask for a regrade of this part'),
          h(
            'form',
            {
              onsubmit: async (e: Event) => {
                e.preventDefault();
                try {
                  await api.post(
                    `/api/submissions/${encodeURIComponent(subId)}/parts/${encodeURIComponent(partId)}/regrade-requests`,
                    {
                      message: message.value.trim(),
                    },
                  );
                  await done();
                } catch (err) {
                  mount(msg, errorBox(err));
                }
              },
            },
            field('What should be looked at again, and why?', message),
            h('button', { type: 'submit', class: 'primary' }, 'Send request'),
            msg,
          ),
        ),
  );
}

function maxOf(parts: [string, { max: number }][]): number | null {
  return parts.length ? parts.reduce((a, [, p]) => a + p.max, 0) : null;
}

/** The student's own answer to a part, cropped from their page with the box where it was read. */
function partCrop(
  sub: Submission,
  partId: string,
  regions: [string, Region[], unknown][],
): HTMLElement | null {
  const r = regions.find(([id]) => id === partId)?.[1]?.[0];
  const pg = r && sub.pages?.find((p) => p.page === r.page);
  if (!r || !pg) return null;
  return pageCrop(pageUrl(sub.id, pg), pg, r.box, `Your answer to part ${partId}, page ${r.page}`, 'info');
}

/** How the released grade changed since: old score -> new score, why, when (newest first). */
function changesCard(changes: GradeChange[]): HTMLElement | null {
  if (!changes.length) return null;
  return h(
    'section',
    { class: 'card grade-history', 'aria-label': 'What changed', 'data-testid': 'grade-history' },
    h('h2', null, 'What changed since your grades were released'),
    h(
      'ul',
      null,
      [...changes]
        .reverse()
        .map((c) =>
          h(
            'li',
            null,
            h('strong', null, c.partId ? `Part ${c.partId}` : 'Total'),
            `: ${fmtScore(c.before)} → ${fmtScore(c.after)}`,
            c.partId && c.totalBefore != null && c.totalAfter != null && c.totalBefore !== c.totalAfter
              ? ` (total ${fmtScore(c.totalBefore)} → ${fmtScore(c.totalAfter)})`
              : '',
            ` — ${c.kind === 'override' ? `a TA: ${c.reason}` : c.reason}`,
            h('span', { class: 'muted small' }, ` (${fmtDate(c.at)})`),
          ),
        ),
    ),
  );
}
