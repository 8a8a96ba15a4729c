/**
 * The review queue: parts the system deferred to a person, grouped by identical answer so a TA
 * grades a whole group at once. Keys: 1–9 toggle rubric items, n/p next/previous group, Enter saves.
 */
import { api } from '../api.ts';
import { errorBox, field, notice, pageCrop } from '../components.ts';
import { h, mount } from '../dom.ts';
import { fmtScore, fmtScoreOf } from '../format.ts';
import { itemCreditsFromReasons, quickScores, reviewKeyAction, step } from '../keys.ts';
import { href } from '../router.ts';
import type { ItemGrade, PageRef, ReviewGroup } from '../types.ts';
import { normalizeSubmission, pageUrl } from '../types.ts';
import { examHeader, examParts, loadExam } from './common.ts';
import { listOf } from './home.ts';

export async function reviewView(main: HTMLElement, params: Record<string, string>): Promise<() => void> {
  const { exam, role } = await loadExam(params.examId);
  const base = `/api/exams/${encodeURIComponent(exam.id)}`;
  const maxOf = new Map(examParts(exam).map((p) => [p.id, p.max]));
  const pagesCache = new Map<string, Promise<PageRef[]>>();
  // the rubric's items per part, for the item buttons (a TA may read the rubric)
  const rubricItems = new Map<string, { id: string; label: string; max: number }[]>();
  try {
    const doc = await api.get<{
      parsed?: { parts?: { id: string; items?: { id: string; label?: string; points?: number }[] }[] };
    }>(`${base}/rubric`);
    for (const p of doc.parsed?.parts ?? []) {
      if (Array.isArray(p.items) && p.items.length) {
        rubricItems.set(
          String(p.id),
          p.items.map((it) => ({
            id: String(it.id),
            label: it.label ?? String(it.id),
            max: Number(it.points ?? 0),
          })),
        );
      }
    }
  } catch {
    // no rubric to show: the queue falls back to score buttons
  }
  let groups: ReviewGroup[] = [];
  let index = 0;
  let selected = new Set<number>();
  let scoreInput: HTMLInputElement | null = null;
  let commentInput: HTMLTextAreaElement | null = null;
  let items: { id: string; label: string; max: number }[] = [];
  let currentMax = 0;

  const listEl = h('nav', { class: 'queue-list', 'aria-label': 'Groups to review' });
  const detailEl = h('section', { class: 'queue-detail card', 'aria-live': 'polite' });
  const msgEl = h('div', { 'aria-live': 'polite' });
  const leftEl = h('p', { class: 'queue-left', 'aria-live': 'polite' });

  function pagesOf(submissionId: string): Promise<PageRef[]> {
    let p = pagesCache.get(submissionId);
    if (!p) {
      p = api
        .get<unknown>(`/api/submissions/${encodeURIComponent(submissionId)}`)
        .then((s) => normalizeSubmission(s).pages ?? [])
        .catch(() => []);
      pagesCache.set(submissionId, p);
    }
    return p;
  }

  async function load(): Promise<void> {
    groups = await api.get<ReviewGroup[]>(`${base}/review`).then(listOf<ReviewGroup>('groups'));
    index = Math.min(index, Math.max(0, groups.length - 1));
    const left = groups.reduce((n, g) => n + g.count, 0);
    mount(
      leftEl,
      left === 0 ? 'Nothing left' : `${left} left in ${groups.length} group${groups.length === 1 ? '' : 's'}`,
    );
    drawList();
    await drawDetail();
  }

  function drawList(): void {
    mount(
      listEl,
      groups.length === 0
        ? null
        : h(
            'ol',
            null,
            groups.map((g, i) =>
              h(
                'li',
                null,
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'queue-item',
                    'aria-current': i === index ? 'true' : undefined,
                    onclick: () => {
                      index = i;
                      drawList();
                      void drawDetail();
                    },
                  },
                  h('strong', null, `Part ${g.partId}`),
                  ' ',
                  h('span', { class: 'count' }, `×${g.count}`),
                  h('span', { class: 'answer-snippet' }, groupLabel(g)),
                ),
              ),
            ),
          ),
    );
  }

  async function drawDetail(): Promise<void> {
    const g = groups[index];
    if (!g) {
      mount(detailEl, msgEl, notice('Nothing left to review. Every deferred part has a grade.', 'ok'));
      return;
    }
    const first = g.items[0];
    const max =
      g.max ?? first?.max ?? maxOf.get(g.partId) ?? Math.max(...g.items.map((i) => i.suggestedScore), 0);
    currentMax = max;
    const itemGrades: ItemGrade[] = first?.items ?? [];
    items =
      g.rubricItems ??
      rubricItems.get(g.partId) ??
      itemGrades.map((x) => ({ id: x.id, label: x.label, max: x.max }));
    // pre-select what the system gave full credit: from item grades, else from its "a/b: why" reasons
    const credits = itemGrades.length
      ? itemGrades.map((x) => ({ awarded: x.awarded, max: x.max }))
      : itemCreditsFromReasons(first?.reasons ?? []);
    selected = new Set(
      credits.length === items.length
        ? credits.map((c, i) => (c.awarded >= c.max && c.max > 0 ? i : -1)).filter((i) => i >= 0)
        : [],
    );
    scoreInput = h('input', {
      type: 'number',
      min: 0,
      max: max || undefined,
      step: 0.5,
      value: String(first?.suggestedScore ?? 0),
      name: 'score',
      inputmode: 'decimal',
    });
    commentInput = h('textarea', { name: 'comment', rows: 2 });
    const crops = h('div', { class: 'crops' });
    mount(
      detailEl,
      h('h2', null, `Part ${g.partId}: ${g.count} script${g.count === 1 ? '' : 's'} with this answer`),
      g.values?.length
        ? [
            h('p', { class: 'label' }, 'Value read'),
            h('pre', { class: 'answer answer-value' }, groupLabel(g)),
            h('p', { class: 'label' }, 'As written'),
            h(
              'ul',
              { class: 'spellings' },
              spellings(g).map((t) => h('li', null, h('code', null, t))),
            ),
          ]
        : [h('p', { class: 'label' }, 'Answer as read'), h('pre', { class: 'answer' }, g.text || '(blank)')],
      first
        ? h(
            'div',
            { class: 'suggested' },
            h('p', null, 'Suggested score: ', h('strong', null, fmtScoreOf(first.suggestedScore, max))),
            first.reasons?.length
              ? h(
                  'ul',
                  { class: 'reasons' },
                  first.reasons.map((r) => h('li', null, r)),
                )
              : null,
          )
        : null,
      crops,
      items.length
        ? h(
            'div',
            { class: 'items', role: 'group', 'aria-label': 'Rubric items (keys 1–9)' },
            items.map((it, i) =>
              h(
                'button',
                {
                  type: 'button',
                  class: 'item-btn',
                  'aria-pressed': selected.has(i) ? 'true' : 'false',
                  onclick: () => toggle(i),
                },
                h('kbd', null, String(i + 1)),
                ` ${it.label} (${fmtScore(it.max)})`,
              ),
            ),
          )
        : h(
            'div',
            { class: 'items', role: 'group', 'aria-label': 'Quick scores (keys 1–9)' },
            quickScores(max).map((v, i) =>
              h(
                'button',
                { type: 'button', class: 'item-btn', onclick: () => setScore(v) },
                h('kbd', null, String(i + 1)),
                ` ${fmtScore(v)}`,
              ),
            ),
          ),
      h(
        'form',
        {
          class: 'grade-form',
          onsubmit: (e: Event) => {
            e.preventDefault();
            void submit();
          },
        },
        field(`Score (out of ${fmtScore(max)})`, scoreInput),
        field('Comment (optional, shown to students)', commentInput),
        h(
          'div',
          { class: 'toolbar' },
          h(
            'button',
            { type: 'submit', class: 'primary' },
            g.count > 1 ? `Grade all ${g.count}` : 'Save grade',
          ),
          h('button', { type: 'button', onclick: () => move(1) }, 'Skip (n)'),
        ),
      ),
      msgEl,
      h('p', { class: 'muted small' }, 'Keys: 1–9 rubric items, n next, p previous, Enter save.'),
    );
    // crops of up to three scripts in the group, with links to the full scripts
    const shown = g.items.slice(0, 3);
    const figs = await Promise.all(
      shown.map(async (it) => {
        const pages = await pagesOf(it.submissionId);
        const pg = it.page ?? pages.find((p) => p.page === it.crop?.page);
        const link = h(
          'a',
          { href: href('script', { id: it.submissionId }) },
          it.student?.name ?? it.fileName ?? 'Open script',
        );
        if (!it.crop || !pg)
          return h(
            'div',
            { class: 'crop-card' },
            h('p', { class: 'muted' }, 'No location on the page.'),
            link,
          );
        return h(
          'div',
          { class: 'crop-card' },
          pageCrop(
            pageUrl(it.submissionId, pg),
            pg,
            it.crop.box,
            `Answer to part ${g.partId} on page ${it.crop.page}`,
          ),
          link,
        );
      }),
    );
    if (groups[index] === g)
      mount(
        crops,
        figs,
        g.items.length > shown.length
          ? h('p', { class: 'muted' }, `and ${g.items.length - shown.length} more`)
          : null,
      );
  }

  function toggle(i: number): void {
    if (i >= items.length) return;
    if (selected.has(i)) selected.delete(i);
    else selected.add(i);
    const buttons = Array.from(detailEl.querySelectorAll<HTMLButtonElement>('.item-btn'));
    buttons.forEach((b, j) => {
      b.setAttribute('aria-pressed', selected.has(j) ? 'true' : 'false');
    });
    setScore([...selected].reduce((a, j) => a + items[j].max, 0));
  }

  function setScore(v: number): void {
    if (scoreInput) scoreInput.value = String(v);
  }

  function move(d: number): void {
    const n = step(index, d, groups.length);
    if (n === index) return;
    index = n;
    drawList();
    void drawDetail();
  }

  async function submit(): Promise<void> {
    const g = groups[index];
    if (!g || !scoreInput) return;
    const score = Number(scoreInput.value);
    if (!Number.isFinite(score) || score < 0) {
      mount(msgEl, errorBox('Enter a score of 0 or more.'));
      return;
    }
    try {
      await api.post(`${base}/review/grade`, {
        partId: g.partId,
        submissionIds: g.items.map((i) => i.submissionId),
        score,
        comment: commentInput?.value.trim() || undefined,
      });
      await load();
      // after the reload, so the message means the queue already reflects it
      mount(msgEl, notice(`Saved ${fmtScore(score)} for ${g.count} script(s) of part ${g.partId}.`, 'ok'));
    } catch (e) {
      mount(msgEl, errorBox(e));
    }
  }

  const onKey = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement | null;
    const action = reviewKeyAction(
      { key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, targetTag: target?.tagName },
      items.length || quickScores(currentMax).length,
    );
    if (!action) return;
    e.preventDefault();
    if (action.type === 'next') move(1);
    else if (action.type === 'prev') move(-1);
    else if (action.type === 'submit') void submit();
    else if (action.type === 'item') {
      if (items.length) toggle(action.index);
      else {
        const qs = quickScores(currentMax);
        if (action.index < qs.length) setScore(qs[action.index]);
      }
    }
  };
  document.addEventListener('keydown', onKey);

  mount(
    main,
    examHeader(exam, role, 'review'),
    h('h1', null, 'Review queue'),
    leftEl,
    h('div', { class: 'queue' }, listEl, h('div', { class: 'queue-detail-wrap' }, detailEl)),
  );
  await load();
  return () => document.removeEventListener('keydown', onKey);
}

/** A group as the list names it: the value read (`[0.7, 0.2, 0.05]`), else the answer's text. */
export function groupLabel(g: Pick<ReviewGroup, 'values' | 'text'>): string {
  const v = g.values ?? [];
  if (v.length === 1) return String(v[0]);
  if (v.length > 1) return `[${v.join(', ')}]`;
  return g.text || '(blank)';
}

/** The different ways the scripts of a group wrote their answer (at most five). */
function spellings(g: ReviewGroup): string[] {
  const seen = [...new Set(g.items.map((i) => i.text ?? g.text).filter((t) => t !== ''))];
  return seen.length > 5 ? [...seen.slice(0, 5), `… ${seen.length - 5} more`] : seen;
}
