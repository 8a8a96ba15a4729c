/** One graded part as a card, and a script's pages with every part's box: shared by TA and student. */
import { type BoxMark, pageWithBoxes, scoreBar } from '../components.ts';
import { h } from '../dom.ts';
import { fmtScore, fmtScoreOf } from '../format.ts';
import type { Override, PageRef, PartGrade, Region } from '../types.ts';
import { pageUrl } from '../types.ts';

export function partRegions(part: PartGrade | undefined, answerRegions: Region[] = []): Region[] {
  const ev = part?.evidence?.length ? part.evidence : [];
  const fromItems = (part?.items ?? []).flatMap((i) => i.evidence ?? []);
  const all = ev.length ? ev : fromItems.length ? fromItems : answerRegions;
  return all;
}

export function partCard(
  partId: string,
  part: PartGrade,
  opts: {
    studentView: boolean;
    override?: Override;
    extra?: HTMLElement | null;
    hasBoxes?: boolean;
    crop?: HTMLElement | null;
  },
): HTMLElement {
  const reviewing = (part.review || part.score === null) && !opts.override;
  const score = part.score ?? 0;
  return h(
    'article',
    { class: 'part', id: `part-${partId}`, 'data-part': partId },
    h(
      'header',
      { class: 'part-head' },
      h('h3', null, `Part ${partId}`),
      reviewing && opts.studentView
        ? h('span', { class: 'badge badge-warn' }, 'Being reviewed')
        : h(
            'span',
            { class: 'part-score' },
            scoreBar(score, part.max),
            ' ',
            fmtScoreOf(part.score, part.max),
          ),
      !opts.studentView && part.review ? h('span', { class: 'badge badge-warn' }, 'Needs review') : null,
      opts.override || part.overridden ? h('span', { class: 'badge badge-info' }, 'Changed by a TA') : null,
    ),
    opts.crop ?? null,
    reviewing && opts.studentView
      ? h('p', { class: 'muted' }, 'A person is checking this part; its score will appear here.')
      : opts.override && opts.studentView
        ? // a TA set this part: the system's item lines (✕ missed…) no longer say why
          h(
            'p',
            { class: 'override-items-note' },
            `A TA graded this part by hand: ${fmtScoreOf(opts.override.score, part.max)}. TA comment: ${opts.override.comment}`,
          )
        : [
            opts.override && part.items?.length
              ? h(
                  'p',
                  { class: 'override-items-note' },
                  `The items below are how the system graded it; a TA then set the score to ${fmtScore(opts.override.score)}.`,
                )
              : null,
            part.items?.length
              ? h(
                  'ul',
                  { class: 'items-list' },
                  part.items.map((it) => {
                    const met = it.awarded >= it.max && it.max > 0;
                    const none = it.awarded <= 0;
                    return h(
                      'li',
                      { class: met ? 'met' : none ? 'missed' : 'partial' },
                      h('span', { class: 'mark', 'aria-hidden': 'true' }, met ? '✓' : none ? '✕' : '½'),
                      h(
                        'span',
                        { class: 'visually-hidden' },
                        met ? 'Met: ' : none ? 'Missed: ' : 'Partly met: ',
                      ),
                      h('strong', null, it.label),
                      ` (${fmtScore(it.awarded)}/${fmtScore(it.max)})`,
                      it.reason ? h('span', { class: 'reason' }, ` — ${it.reason}`) : null,
                    );
                  }),
                )
              : null,
            otherReasons(part).length
              ? h(
                  'ul',
                  { class: 'reasons' },
                  otherReasons(part).map((r) => h('li', null, r)),
                )
              : null,
            opts.override ? h('p', { class: 'override-note' }, `TA comment: ${opts.override.comment}`) : null,
          ],
    opts.hasBoxes
      ? h(
          'button',
          { type: 'button', class: 'link show-box', onclick: () => showOnPage(partId) },
          'Show where it was read',
        )
      : null,
    opts.extra ?? null,
  );
}

/** Reasons that are not already said by an item line ("0.5/1: ..." repeats the item's reason). */
function otherReasons(part: PartGrade): string[] {
  const reasons = part.reasons ?? [];
  if (!part.items?.length) return reasons;
  return reasons.filter((r) => !/^\s*\d+(\.\d+)?\s*\/\s*\d+(\.\d+)?\s*:/.test(r));
}

/** Scroll the first box of a part into view and highlight the part's boxes for a moment. */
function showOnPage(partId: string): void {
  const boxes = [
    ...Array.from(document.querySelectorAll<HTMLElement>(`.pages .box[data-part="${CSS.escape(partId)}"]`)),
  ];
  if (!boxes.length) return;
  boxes[0].scrollIntoView({ behavior: 'smooth', block: 'center' });
  for (const b of boxes) b.classList.add('hl');
  window.setTimeout(() => {
    for (const b of boxes) b.classList.remove('hl');
  }, 2000);
}

/** Every page with the boxes of every part on it, labelled with the part id. */
export function pagesWithParts(
  submissionId: string,
  pages: PageRef[],
  regionsByPart: [string, Region[], PartGrade | undefined][],
  highlight?: string,
): HTMLElement {
  return h(
    'div',
    { class: 'pages' },
    pages.map((pg) => {
      const marks: BoxMark[] = [];
      for (const [pid, regions, part] of regionsByPart) {
        for (const r of regions) {
          if (r.page !== pg.page) continue;
          const s = part?.score ?? null;
          const tone =
            !part || s === null
              ? 'info'
              : part.review
                ? 'warn'
                : s >= part.max
                  ? 'ok'
                  : s <= 0
                    ? 'bad'
                    : 'warn';
          marks.push({
            box: r.box,
            label: pid,
            part: pid,
            tone: highlight && highlight !== pid ? 'info' : tone,
          });
        }
      }
      return h(
        'div',
        { class: 'page-wrap' },
        h('p', { class: 'muted small' }, `Page ${pg.page}`),
        pageWithBoxes(pageUrl(submissionId, pg), pg, marks, `Page ${pg.page} of the script`),
      );
    }),
  );
}
