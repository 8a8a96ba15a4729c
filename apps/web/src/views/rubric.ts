/**
 * Rubric editor (admins): the YAML text with a structured view of points, keys and tolerances,
 * validation errors at the field, a preview of how many scripts would change, and save = regrade.
 * Both run on the server's worker: the page shows their progress and then the summary; the exam
 * keeps its current version until the regrade is done.
 */
import { ApiError, api } from '../api.ts';
import { errorBox, notice } from '../components.ts';
import { h, mount } from '../dom.ts';
import { fmtDelta, fmtScore } from '../format.ts';
import { type RegradeRun, regradeProgress, watchRegrade } from '../regrade-watch.ts';
import { describeAlternatives, describeKey, describeTolerance, describeWork } from '../rubric-describe.ts';
import type { RubricSummary } from '../types.ts';
import { lineOfPath } from '../yamlpath.ts';
import { examHeader, loadExam } from './common.ts';

interface RubricDoc {
  yaml: string;
  parsed?: unknown;
  rubric?: unknown;
  version?: number | string;
  /** the engine-computed keys of this version */
  keys?: Record<string, unknown> | null;
}

export async function rubricView(main: HTMLElement, params: Record<string, string>): Promise<undefined> {
  const { exam, role } = await loadExam(params.examId);
  const base = `/api/exams/${encodeURIComponent(exam.id)}`;
  const doc = await api.get<RubricDoc>(`${base}/rubric`);
  const original = doc.yaml ?? '';
  const text = h('textarea', {
    id: 'rubric-yaml',
    class: 'code',
    rows: 28,
    spellcheck: 'false',
    'aria-describedby': 'rubric-errors',
    name: 'yaml',
  });
  text.value = original;
  const errorsEl = h('div', { id: 'rubric-errors', 'aria-live': 'polite' });
  const gutterInner = h('div', { class: 'gutter-inner' });
  const gutter = h('div', { class: 'gutter', 'aria-hidden': 'true' }, gutterInner);
  // the marks sit beside the lines they name, so they scroll with the text
  text.addEventListener('scroll', () => {
    gutterInner.style.transform = `translateY(${-text.scrollTop}px)`;
  });
  const summaryEl = h('div', { 'aria-live': 'polite' });
  const structured = h('div', { class: 'structured' });
  const saveBtn = h(
    'button',
    { type: 'button', class: 'primary', disabled: role !== 'admin' },
    'Save and regrade',
  );
  const previewBtn = h('button', { type: 'button', disabled: role !== 'admin' }, 'Preview changes');
  const editable = role === 'admin';
  if (!editable) text.readOnly = true;

  const showFieldErrors = (fields: Record<string, string>) => {
    const yaml = text.value;
    const entries = Object.entries(fields);
    const marks = entries.map(([path, m]) => ({ path, m, line: lineOfPath(yaml, path) }));
    mount(
      errorsEl,
      h(
        'div',
        { class: 'alert alert-bad', role: 'alert' },
        h('p', null, `The rubric has ${entries.length} problem${entries.length === 1 ? '' : 's'}:`),
        h(
          'ul',
          null,
          marks.map(({ path, m, line }) =>
            h(
              'li',
              null,
              h(
                'button',
                { type: 'button', class: 'link', onclick: () => line !== null && goToLine(text, line) },
                h('code', null, path),
                line !== null ? ` (line ${line + 1})` : '',
              ),
              `: ${m}`,
            ),
          ),
        ),
      ),
    );
    mount(
      gutterInner,
      marks
        .filter((x) => x.line !== null)
        .map((x) =>
          h(
            'span',
            {
              class: 'gutter-mark',
              style: { top: `calc(${x.line} * 1.5 * 0.85rem + 0.5rem + 1px)` },
              title: `${x.path}: ${x.m}`,
            },
            '!',
          ),
        ),
    );
    text.setAttribute('aria-invalid', 'true');
    const first = marks.find((x) => x.line !== null);
    if (first) scrollToLine(text, first.line!);
  };
  const clearErrors = () => {
    mount(errorsEl);
    mount(gutterInner);
    text.removeAttribute('aria-invalid');
  };
  const onError = (e: unknown) => {
    if (e instanceof ApiError && Object.keys(e.fields).length) showFieldErrors(e.fields);
    else mount(errorsEl, errorBox(e));
  };

  const follow = (run: RegradeRun, what: string) =>
    watchRegrade(exam.id, run.id, (r) => mount(summaryEl, regradeProgress(r, what)));
  const failed = (r: RegradeRun) =>
    mount(summaryEl, notice(`The regrade failed: ${r.error ?? 'unknown error'}. Nothing changed.`, 'warn'));

  previewBtn.addEventListener('click', async () => {
    clearErrors();
    previewBtn.disabled = true;
    mount(summaryEl, h('p', { class: 'muted' }, 'Computing the preview…'));
    try {
      const r = await api.post<{ regrade: RegradeRun }>(`${base}/rubric/preview`, { yaml: text.value });
      mount(summaryEl, regradeProgress(r.regrade, 'Computing the preview'));
      const end = await follow(r.regrade, 'Computing the preview');
      if (end.status === 'failed' || !end.summary) return failed(end);
      mount(summaryEl, summaryCard(end.summary, 'If you save'));
    } catch (e) {
      mount(summaryEl);
      onError(e);
    } finally {
      previewBtn.disabled = !editable;
    }
  });

  /** A saved change's regrade: progress, then the summary and the new version in force. */
  const settle = async (run: RegradeRun, version: number | string | null) => {
    saveBtn.disabled = true;
    mount(
      summaryEl,
      h(
        'p',
        { class: 'muted' },
        `Version ${version ?? '?'} is waiting for its regrade; the exam keeps the current version until it is done.`,
      ),
      regradeProgress(run),
    );
    try {
      const end = await watchRegrade(exam.id, run.id, (r) =>
        mount(
          summaryEl,
          h('p', { class: 'muted' }, `Version ${version ?? '?'} is waiting for its regrade.`),
          regradeProgress(r),
        ),
      );
      if (end.status === 'failed' || !end.summary) return failed(end);
      mount(
        summaryEl,
        summaryCard(end.summary, `Saved as version ${version ?? '?'}`),
        notice('Every script of this exam was regraded. TA overrides were kept.', 'ok'),
      );
      const v = document.getElementById('rubric-version');
      if (v && version != null) v.textContent = ` version ${version}`;
      const fresh = await api.get<RubricDoc>(`${base}/rubric`).catch(() => null);
      if (fresh) mount(structured, structuredView(fresh.parsed ?? fresh.rubric, fresh.keys ?? {}));
    } catch (e) {
      mount(summaryEl);
      onError(e);
    } finally {
      saveBtn.disabled = !editable;
    }
  };

  saveBtn.addEventListener('click', async () => {
    clearErrors();
    saveBtn.disabled = true;
    mount(summaryEl, h('p', { class: 'muted' }, 'Saving…'));
    try {
      const r = await api.put<{ version: number; regrade: RegradeRun }>(`${base}/rubric`, {
        yaml: text.value,
      });
      await settle(r.regrade, r.version);
    } catch (e) {
      mount(summaryEl);
      onError(e);
      saveBtn.disabled = !editable;
    }
  });

  // a change still regrading (saved here a moment ago, or by another admin): follow it
  const latest = await api.get<{ regrade: RegradeRun | null }>(`${base}/regrades/latest`).catch(() => null);
  if (latest?.regrade && (latest.regrade.status === 'queued' || latest.regrade.status === 'running'))
    void settle(latest.regrade, latest.regrade.rubricVersion);

  mount(structured, structuredView(doc.parsed ?? doc.rubric, doc.keys ?? {}));
  mount(
    main,
    examHeader(exam, role, 'rubric'),
    h(
      'h1',
      null,
      'Rubric',
      doc.version != null
        ? h('span', { class: 'muted', id: 'rubric-version' }, ` version ${doc.version}`)
        : null,
    ),
    editable ? null : notice('Only admins can change the rubric.', 'warn'),
    h(
      'div',
      { class: 'rubric-layout' },
      h(
        'section',
        { class: 'card' },
        h('label', { for: 'rubric-yaml' }, h('h2', null, 'Rubric (YAML)')),
        h('div', { class: 'editor' }, gutter, text),
        errorsEl,
        h(
          'div',
          { class: 'toolbar' },
          previewBtn,
          saveBtn,
          h(
            'button',
            {
              type: 'button',
              onclick: () => {
                text.value = original;
                clearErrors();
                mount(summaryEl);
              },
            },
            'Undo edits',
          ),
        ),
        summaryEl,
      ),
      h('section', { class: 'card' }, h('h2', null, 'At a glance'), structured),
    ),
  );
  return undefined;
}

function goToLine(t: HTMLTextAreaElement, line: number): void {
  const lines = t.value.split('\n');
  const start = lines.slice(0, line).reduce((a, l) => a + l.length + 1, 0);
  t.focus();
  t.setSelectionRange(start, start + (lines[line]?.length ?? 0));
  scrollToLine(t, line);
}

function scrollToLine(t: HTMLTextAreaElement, line: number): void {
  const lh = Number.parseFloat(getComputedStyle(t).lineHeight) || 18;
  t.scrollTop = Math.max(0, line * lh - t.clientHeight / 3);
  t.dispatchEvent(new Event('scroll'));
}

function summaryCard(s: RubricSummary, title: string): HTMLElement {
  const frac = s.scripts ? s.changed / s.scripts : 0;
  return h(
    'div',
    { class: 'summary card inset', 'data-testid': 'rubric-summary' },
    h('h3', null, title),
    h(
      'p',
      null,
      h('strong', null, `${s.changed} of ${s.scripts}`),
      ' scripts change. Mean change ',
      h('strong', null, fmtDelta(s.meanDelta)),
      ', largest ',
      h('strong', null, fmtDelta(s.maxDelta)),
      '.',
    ),
    h(
      'div',
      { class: 'split', 'aria-hidden': 'true' },
      h('div', { class: 'split-rev', style: { width: `${frac * 100}%` } }),
      h('div', { class: 'split-auto', style: { width: `${(1 - frac) * 100}%` } }),
    ),
  );
}

/**
 * A readable view of the parsed rubric: each part with its points and work rule, and per item its
 * points, key (engine keys at their computed value), tolerance and accepted alternatives.
 */
function structuredView(parsed: unknown, keys: Record<string, unknown>): HTMLElement {
  const parts = partsList(parsed);
  if (!parts.length) return h('p', { class: 'muted' }, 'The server sent no parsed rubric to show.');
  const total = (parsed as any)?.total;
  return h(
    'div',
    null,
    total != null ? h('p', null, `Total ${fmtScore(Number(total))} points in ${parts.length} parts.`) : null,
    parts.map(([id, p]) =>
      h(
        'details',
        { class: 'rubric-part' },
        h(
          'summary',
          null,
          h('strong', null, `Part ${id}`),
          (p.points ?? p.max ?? p.marks) ? ` — ${fmtScore(Number(p.points ?? p.max ?? p.marks))} points` : '',
          Array.isArray(p.items)
            ? h('span', { class: 'muted' }, ` · ${p.items.length} item${p.items.length === 1 ? '' : 's'}`)
            : null,
          p.work?.required === true ? h('span', { class: 'badge badge-info' }, 'work required') : null,
        ),
        p.title ? h('p', { class: 'small' }, p.title) : null,
        describeWork(p.work) ? h('p', { class: 'small muted' }, describeWork(p.work)) : null,
        itemsTable(p.items ?? p.criteria ?? [], keys),
      ),
    ),
  );
}

function partsList(parsed: any): [string, any][] {
  const parts = parsed?.parts ?? parsed?.rubric?.parts;
  if (Array.isArray(parts)) return parts.map((p: any, i: number) => [String(p?.id ?? p?.part ?? i), p ?? {}]);
  if (parts && typeof parts === 'object') return Object.entries(parts);
  return [];
}

function itemsTable(items: any, keys: Record<string, unknown>): HTMLElement | null {
  const list: [string, any][] = Array.isArray(items)
    ? items.map((x: any, i: number) => [String(x?.id ?? i + 1), x])
    : Object.entries(items ?? {});
  if (!list.length) return null;
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'table small rubric-items' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ['Item', 'Points', 'Key', 'Tolerance', 'Also accepted'].map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h(
        'tbody',
        null,
        list.map(([id, it]) =>
          h(
            'tr',
            null,
            h('td', null, it?.label ?? it?.description ?? id),
            h('td', { class: 'num' }, fmtScore(Number(it?.points ?? it?.max ?? it?.marks))),
            h('td', null, describeKey(it?.key ?? it?.answer ?? it?.expected, keys)),
            h('td', null, describeTolerance(it?.tolerance ?? it?.tol)),
            h('td', null, describeAlternatives(it?.alternatives ?? it?.accept)),
          ),
        ),
      ),
    ),
  );
}
