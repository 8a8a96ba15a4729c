/** TA script view: every page with part boxes; each part's grade with an override form. */
import { api } from '../api.ts';
import { errorBox, field, notice, statusBadge } from '../components.ts';
import { h, mount } from '../dom.ts';
import { flagLabel } from '../flags.ts';
import { fmtDate, fmtScoreOf } from '../format.ts';
import { href } from '../router.ts';
import type { Submission } from '../types.ts';
import { answersOf, fileNameOf, normalizeSubmission, overrideOf, partsOf } from '../types.ts';
import { pagesWithParts, partCard, partRegions } from './parts.ts';

export async function scriptView(main: HTMLElement, params: Record<string, string>): Promise<undefined> {
  const path = `/api/submissions/${encodeURIComponent(params.id)}`;
  const draw = async () => {
    const sub = normalizeSubmission(await api.get<unknown>(path));
    const parts = partsOf(sub.grade);
    const answers = answersOf(sub);
    const regions = parts.map(
      ([pid, p]) => [pid, partRegions(p, answers[pid]?.regions), p] as [string, any, any],
    );
    for (const [pid, a] of Object.entries(answers))
      if (!parts.some(([id]) => id === pid)) regions.push([pid, a.regions ?? [], undefined]);
    mount(
      main,
      h(
        'p',
        { class: 'crumbs' },
        h('a', { href: href('home') }, 'Courses'),
        sub.examId ? [' / ', h('a', { href: href('exam', { examId: sub.examId }) }, 'Submissions')] : null,
      ),
      h('h1', null, fileNameOf(sub)),
      h(
        'p',
        { class: 'meta' },
        statusBadge(sub.status),
        ' ',
        sub.student
          ? `${sub.student.name ?? ''} ${sub.student.roll ?? ''}`
          : h('span', { class: 'muted' }, 'student not matched'),
        sub.grade
          ? h(
              'strong',
              { class: 'total' },
              ` Total ${fmtScoreOf(sub.grade.total ?? sub.total, sub.grade.max ?? sub.max ?? parts.reduce((a, [, p]) => a + p.max, 0))}`,
            )
          : null,
      ),
      sub.statusReason ? notice(sub.statusReason, 'warn') : null,
      sub.withdrawn
        ? notice(
            `Withdrawn ${fmtDate(sub.withdrawn.at)}: ${sub.withdrawn.reason}. It counts in no grade list, export or release until restored (from the submissions list).`,
            'warn',
          )
        : null,
      flagBanner(sub),
      h(
        'div',
        { class: 'script-layout' },
        h(
          'section',
          { 'aria-label': 'Pages' },
          sub.pages?.length
            ? pagesWithParts(sub.id, sub.pages, regions)
            : h('p', { class: 'muted' }, 'No pages yet.'),
        ),
        h(
          'section',
          { class: 'parts-col', 'aria-label': 'Parts' },
          parts.length === 0 ? h('p', { class: 'muted' }, 'Not graded yet.') : null,
          parts.map(([pid, p]) =>
            partCard(pid, p, {
              studentView: false,
              override: overrideOf(sub, pid, p),
              hasBoxes: regions.some(([id, r]) => id === pid && r.length > 0),
              extra: overrideForm(sub.id, pid, p.max, p.score ?? 0, draw),
            }),
          ),
        ),
      ),
    );
  };
  await draw();
  return undefined;
}

function overrideForm(
  subId: string,
  partId: string,
  max: number,
  current: number,
  done: () => Promise<void>,
): HTMLElement {
  const score = h('input', {
    type: 'number',
    min: 0,
    max,
    step: 0.5,
    value: String(current),
    name: 'score',
    required: true,
  });
  const comment = h('textarea', { name: 'comment', rows: 2, required: true });
  const msg = h('div', { 'aria-live': 'polite' });
  return h(
    'details',
    { class: 'override' },
    h('summary', null, 'Override this part'),
    h(
      'form',
      {
        onsubmit: async (e: Event) => {
          e.preventDefault();
          try {
            await api.post(
              `/api/submissions/${encodeURIComponent(subId)}/parts/${encodeURIComponent(partId)}/override`,
              {
                score: Number(score.value),
                comment: comment.value.trim(),
              },
            );
            await done();
          } catch (err) {
            mount(msg, errorBox(err));
          }
        },
      },
      field(`New score (out of ${max})`, score),
      field('Why (kept in the audit log, shown to the student)', comment),
      h('button', { type: 'submit', class: 'primary' }, 'Save override'),
      msg,
    ),
  );
}

/** Each flag on the script with its reason; a similarity links to the other script(s). */
function flagBanner(sub: Submission): HTMLElement | null {
  const flags = sub.grade?.flags ?? [];
  if (!flags.length) return null;
  const reasons = sub.grade?.flagReasons ?? {};
  const links = sub.grade?.flagLinks ?? {};
  return h(
    'section',
    { class: 'alert alert-warn flag-banner', 'aria-label': 'Flags', 'data-testid': 'flag-banner' },
    h('h2', null, `Flagged for a closer look (${flags.length})`),
    h(
      'ul',
      null,
      flags.map((f) =>
        h(
          'li',
          { 'data-flag': f },
          h('strong', null, `⚑ ${flagLabel(f)}`),
          reasons[f] ? `: ${reasons[f]}` : '',
          (links[f] ?? []).length
            ? [
                ' — ',
                (links[f] ?? []).map((o, i) => [
                  i ? ', ' : '',
                  h(
                    'a',
                    { href: href('script', { id: o.id }), 'data-testid': 'flag-link' },
                    `open ${o.fileName}`,
                  ),
                  // the two scripts side by side with what they share marked
                  f === 'similarity'
                    ? [
                        ' (',
                        h(
                          'a',
                          {
                            href: href('compare', { id: sub.id, otherId: o.id }),
                            'data-testid': 'compare-link',
                          },
                          // no file name here: the link before this one names the script
                          'compare side by side',
                        ),
                        ')',
                      ]
                    : null,
                ]),
              ]
            : null,
        ),
      ),
    ),
  );
}
