/** TA dashboard of one exam: upload, live progress of the batch, submissions, failures, release. */
import { api } from '../api.ts';
import { errorBox, notice, progressBar, statusBadge } from '../components.ts';
import { h, mount } from '../dom.ts';
import { flagLabel } from '../flags.ts';
import { fmtBytes, fmtDate, fmtScore, fmtScoreOf, isFinal } from '../format.ts';
import {
  DEFAULT_LIST,
  type ListState,
  listQuery,
  pageCount,
  rangeText,
  SORTS,
  type SortKey,
  showOptions,
} from '../list-query.ts';
import { applyEvent, type BatchState, batchSummary, parseEventData } from '../progress.ts';
import { href } from '../router.ts';
import type { ReleasePreview, SubmissionRow } from '../types.ts';
import { examTitle, fileNameOf } from '../types.ts';
import { examHeader, loadExam } from './common.ts';
import { listOf } from './home.ts';
import { removeDialog, stacksLine, uploadStacks, withdrawnCell } from './submission-actions.ts';

interface UploadResult {
  created: SubmissionRow[];
  duplicates: SubmissionRow[];
  rejected: { file: string; reason: string }[];
}

export async function examView(main: HTMLElement, params: Record<string, string>): Promise<() => void> {
  const { exam, role } = await loadExam(params.examId);
  const base = `/api/exams/${encodeURIComponent(exam.id)}`;
  let rows: SubmissionRow[] = [];
  let batch: BatchState = {};
  // sorted, filtered and paged by the server; `total` is what the filter matched
  const list: ListState = { ...DEFAULT_LIST };
  let total = 0;
  const actionBox = h('div');
  const stacksEl = h('div');

  const batchEl = h('div', { class: 'batch', 'aria-live': 'polite' });
  const tableEl = h('div');
  const failuresEl = h('div');
  const uploadMsg = h('div', { 'aria-live': 'polite' });
  const filterSelect = h(
    'select',
    {
      id: 'submissions-filter',
      onchange: () => {
        list.show = filterSelect.value;
        list.page = 1;
        void reload();
      },
    },
    showOptions().map(([v, label]) => h('option', { value: v }, label)),
  ) as HTMLSelectElement;
  const sortSelect = h(
    'select',
    {
      id: 'submissions-sort',
      onchange: () => {
        list.sort = sortSelect.value as SortKey;
        list.page = 1;
        void reload();
      },
    },
    SORTS.map(([v, label]) => h('option', { value: v }, label)),
  ) as HTMLSelectElement;
  const reverseBox = h('input', {
    type: 'checkbox',
    id: 'submissions-reverse',
    onchange: () => {
      list.reverse = reverseBox.checked;
      void reload();
    },
  }) as HTMLInputElement;
  const sizeSelect = h(
    'select',
    {
      id: 'submissions-page-size',
      onchange: () => {
        list.pageSize = Number(sizeSelect.value);
        list.page = 1;
        void reload();
      },
    },
    [5, 10, 25, 50, 100, 200].map((n) => h('option', { value: n, selected: n === list.pageSize }, String(n))),
  ) as HTMLSelectElement;

  async function reload(): Promise<void> {
    const r = await api.get<{ items: SubmissionRow[]; total: number } | SubmissionRow[]>(
      `${base}/submissions?${listQuery(list)}`,
    );
    rows = listOf<SubmissionRow>('items')(r);
    total = Array.isArray(r) ? r.length : r.total;
    // a page past the end (rows withdrawn or deleted meanwhile): go to the last one
    if (rows.length === 0 && list.page > 1) {
      list.page = pageCount(total, list.pageSize);
      return reload();
    }
    void stacksLine(base, exam.id).then((el) => mount(stacksEl, el));
    for (const r of rows) {
      if (!isFinal(r.status) || batch[r.id])
        batch = applyEvent(batch, { submissionId: r.id, status: r.status, progress: r.progress });
    }
    draw();
  }

  function draw(): void {
    const sum = batchSummary(batch);
    mount(
      batchEl,
      sum.files > 0
        ? h(
            'div',
            { class: 'card' },
            h('h2', null, 'Batch progress'),
            progressBar(
              sum.progress,
              'Batch progress',
              `${sum.done} of ${sum.files} done${sum.failed ? `, ${sum.failed} failed` : ''}`,
            ),
          )
        : null,
    );
    const failed = rows.filter((r) => r.status === 'failed');
    mount(
      failuresEl,
      failed.length
        ? h(
            'section',
            { class: 'card' },
            h('h2', null, `Failures (${failed.length})`),
            h(
              'ul',
              { class: 'failures' },
              failed.map((r) =>
                h(
                  'li',
                  null,
                  h('strong', null, fileNameOf(r)),
                  ': ',
                  r.statusReason ?? batch[r.id]?.statusReason ?? 'no reason given',
                  ' ',
                  h('button', { type: 'button', onclick: () => retry(r) }, 'Retry'),
                ),
              ),
            ),
          )
        : null,
    );
    const shown = rows;
    const pages = pageCount(total, list.pageSize);
    const go = (page: number) => {
      list.page = page;
      void reload();
    };
    mount(
      tableEl,
      h(
        'p',
        { class: 'muted', 'data-testid': list.show !== 'all' ? 'filter-count' : 'list-count' },
        `${rangeText(total, list.page, list.pageSize)}${list.show !== 'all' ? ' matching this filter' : ''}`,
      ),
      total === 0 && list.show !== 'all'
        ? h('p', { class: 'muted' }, 'No submissions match this filter.')
        : submissionsTable(shown, batch, () => exam.id, {
            withdraw: (r) => removeDialog(actionBox, 'withdraw', r, reload),
            restore: (r) => removeDialog(actionBox, 'restore', r, reload),
            remove: (r) => removeDialog(actionBox, 'delete', r, reload),
          }),
      pages > 1
        ? h(
            'nav',
            { class: 'pager toolbar', 'aria-label': 'Pages of submissions' },
            h(
              'button',
              { type: 'button', disabled: list.page <= 1, onclick: () => go(list.page - 1) },
              '← Previous',
            ),
            h('span', { 'data-testid': 'page-of' }, `Page ${list.page} of ${pages}`),
            h(
              'button',
              { type: 'button', disabled: list.page >= pages, onclick: () => go(list.page + 1) },
              'Next →',
            ),
          )
        : null,
    );
  }

  async function retry(r: SubmissionRow): Promise<void> {
    try {
      await api.post(`/api/submissions/${encodeURIComponent(r.id)}/retry`);
      batch = applyEvent(batch, { submissionId: r.id, status: 'queued', progress: 0 });
      r.status = 'queued';
      draw();
    } catch (e) {
      mount(uploadMsg, errorBox(e));
    }
  }

  // live progress from the server's events; EventSource reconnects by itself
  const es = new EventSource(`${base}/events`, { withCredentials: true });
  let reloadTimer: number | undefined;
  es.onmessage = (m) => {
    const ev = parseEventData(m.data);
    if (!ev) return;
    batch = applyEvent(batch, ev);
    const row = rows.find((r) => r.id === ev.submissionId);
    if (row) {
      row.status = ev.status;
      if (ev.total != null) row.total = ev.total;
      if (ev.statusReason) row.statusReason = ev.statusReason;
    }
    draw();
    // a finished file has a total and review count: fetch the list again, at most twice a second
    if (!row || isFinal(ev.status)) {
      window.clearTimeout(reloadTimer);
      reloadTimer = window.setTimeout(() => void reload().catch(() => {}), 500);
    }
  };

  const splitBox = h('input', { type: 'checkbox', id: 'upload-split' }) as HTMLInputElement;
  const drop = uploadZone(async (files) => {
    // a stack (one PDF of many scripts): split points first, checked by the TA on thumbnails
    if (splitBox.checked) return uploadStacks(base, files, uploadMsg, reload);
    const form = new FormData();
    for (const f of files) form.append('files[]', f, f.name);
    const total = files.reduce((a, f) => a + f.size, 0);
    const bar = h('div');
    mount(uploadMsg, bar);
    const show = (loaded: number, all: number) =>
      mount(
        bar,
        progressBar(
          all ? loaded / all : 0,
          'Upload progress',
          `Uploading ${files.length} file(s): ${fmtBytes(loaded)} of ${fmtBytes(all)}`,
        ),
      );
    show(0, total);
    try {
      const r = await api.upload<UploadResult>(`${base}/submissions`, form, show);
      for (const s of r.created ?? [])
        batch = applyEvent(batch, { submissionId: s.id, status: s.status ?? 'queued', progress: 0 });
      mount(
        uploadMsg,
        notice(
          [
            `${r.created?.length ?? 0} uploaded`,
            r.duplicates?.length ? `, ${r.duplicates.length} already uploaded (not graded twice)` : '',
            r.rejected?.length ? `, ${r.rejected.length} rejected` : '',
            '.',
            r.rejected?.length
              ? h(
                  'ul',
                  null,
                  r.rejected.map((x) => h('li', null, h('strong', null, x.file), ': ', x.reason)),
                )
              : null,
          ],
          r.rejected?.length ? 'warn' : 'ok',
        ),
      );
      await reload();
    } catch (e) {
      mount(uploadMsg, errorBox(e));
    }
  });

  let releasedAt: string | null = exam.releasedAt ?? (exam.released ? new Date().toISOString() : null);
  const releaseMsg = h('div', { 'aria-live': 'polite' });
  const releaseBox = h('div', { class: 'release-box' });
  const releaseButtons = h('span', { class: 'release-buttons' });

  function drawReleaseButtons(): void {
    mount(
      releaseButtons,
      h(
        'button',
        { type: 'button', onclick: () => void confirmRelease() },
        releasedAt ? 'Release again…' : 'Release grades to students…',
      ),
      releasedAt
        ? h('button', { type: 'button', class: 'danger', onclick: () => confirmUnrelease() }, 'Un-release…')
        : null,
      releasedAt ? h('span', { class: 'muted small' }, ` Released ${fmtDate(releasedAt)}`) : null,
    );
  }

  function confirmBox(title: string, body: unknown[], action: string, run: () => Promise<void>): void {
    const go = h('button', { type: 'button', class: 'primary' }, action) as HTMLButtonElement;
    const cancel = h('button', { type: 'button', onclick: () => mount(releaseBox) }, 'Cancel');
    go.onclick = async () => {
      go.disabled = true;
      try {
        await run();
        mount(releaseBox);
      } catch (err) {
        mount(releaseMsg, errorBox(err));
        go.disabled = false;
      }
    };
    mount(
      releaseBox,
      h(
        'section',
        { class: 'card confirm', role: 'dialog', 'aria-label': title, 'data-testid': 'release-confirm' },
        h('h2', null, title),
        body as never,
        h('div', { class: 'toolbar' }, go, cancel),
      ),
    );
    go.focus();
  }

  async function confirmRelease(): Promise<void> {
    mount(releaseMsg);
    let p: ReleasePreview;
    try {
      p = await api.get<ReleasePreview>(`${base}/release`);
    } catch (err) {
      mount(releaseMsg, errorBox(err));
      return;
    }
    const pending = [
      p.pending.partsInReview
        ? h(
            'li',
            null,
            `${p.pending.partsInReview} part(s) in ${p.pending.scriptsInReview} script(s) still in review: students see "Being reviewed" there, and no total, until a TA grades them. `,
            h('a', { href: href('review', { examId: exam.id }) }, 'Review queue'),
          )
        : null,
      p.pending.identityUnconfirmed
        ? h(
            'li',
            null,
            `${p.pending.identityUnconfirmed} script(s) whose student is unconfirmed: withheld until matched. `,
            h('a', { href: href('roster', { examId: exam.id }) }, 'Roster matching'),
          )
        : null,
      p.pending.notGraded
        ? h('li', null, `${p.pending.notGraded} script(s) not graded yet (failed or still in progress).`)
        : null,
    ].filter(Boolean);
    confirmBox(
      'Release grades?',
      [
        h('p', null, `${p.released} script(s) will be shown to their students.`),
        pending.length
          ? [h('p', null, h('strong', null, 'Still pending:')), h('ul', { class: 'pending' }, pending)]
          : h('p', null, 'Nothing is pending: every part is graded and every script matched.'),
      ],
      'Release now',
      async () => {
        const r = await api.post<{
          releasedAt: string;
          released: number;
          withheld?: { identityUnconfirmed?: number };
        }>(`${base}/release`);
        releasedAt = r.releasedAt;
        drawReleaseButtons();
        const withheld = r.withheld?.identityUnconfirmed ?? 0;
        mount(
          releaseMsg,
          notice(
            `Grades released to students.${withheld ? ` ${withheld} script(s) withheld until their student is confirmed.` : ''}`,
            'ok',
          ),
        );
      },
    );
  }

  function confirmUnrelease(): void {
    mount(releaseMsg);
    confirmBox(
      'Un-release grades?',
      [
        h(
          'p',
          null,
          'Students will stop seeing their grades and cannot ask for regrades until you release again. Grades, overrides and requests are kept.',
        ),
      ],
      'Un-release now',
      async () => {
        await api.del(`${base}/release`);
        releasedAt = null;
        drawReleaseButtons();
        mount(releaseMsg, notice('Grades withdrawn: students no longer see them.', 'warn'));
      },
    );
  }
  drawReleaseButtons();

  mount(
    main,
    examHeader(exam, role, 'exam'),
    h('h1', null, examTitle(exam)),
    h(
      'div',
      { class: 'toolbar' },
      h('a', { class: 'button', href: `${base}/export.csv`, download: '' }, 'Export CSV'),
      releaseButtons,
    ),
    releaseBox,
    releaseMsg,
    h(
      'section',
      { class: 'card' },
      h('h2', null, 'Upload scripts'),
      h(
        'p',
        { class: 'split-option' },
        splitBox,
        h('label', { for: 'upload-split' }, ' Split into scripts (each PDF is a stack of many scripts)'),
      ),
      drop,
      uploadMsg,
      stacksEl,
    ),
    batchEl,
    failuresEl,
    h(
      'section',
      { class: 'card' },
      h('h2', null, 'Submissions'),
      h(
        'div',
        { class: 'filter toolbar' },
        h('span', null, h('label', { for: 'submissions-filter' }, 'Show '), filterSelect),
        h('span', null, h('label', { for: 'submissions-sort' }, 'Sort by '), sortSelect),
        h('span', null, reverseBox, h('label', { for: 'submissions-reverse' }, ' Reverse')),
        h('span', null, h('label', { for: 'submissions-page-size' }, 'Per page '), sizeSelect),
      ),
      actionBox,
      tableEl,
    ),
  );
  await reload();
  return () => {
    es.close();
    window.clearTimeout(reloadTimer);
  };
}

interface RowActions {
  withdraw(r: SubmissionRow): void;
  restore(r: SubmissionRow): void;
  remove(r: SubmissionRow): void;
}

function submissionsTable(
  rows: SubmissionRow[],
  batch: BatchState,
  examIdOf: () => string,
  actions: RowActions,
): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'muted' }, 'No submissions yet. Upload PDFs above.');
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'table', 'data-testid': 'submissions' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, 'File'),
          h('th', { scope: 'col' }, 'Student'),
          h('th', { scope: 'col' }, 'Status'),
          h('th', { scope: 'col' }, 'Total'),
          h('th', { scope: 'col' }, 'To review'),
          h('th', { scope: 'col' }, 'Flags'),
          h('th', { scope: 'col' }, 'Actions'),
        ),
      ),
      h(
        'tbody',
        null,
        rows.map((r) => {
          const p = batch[r.id];
          return h(
            'tr',
            { 'data-id': r.id },
            h('td', null, h('a', { href: href('script', { id: r.id }) }, fileNameOf(r))),
            h(
              'td',
              { 'data-identity': r.student?.id ? 'confirmed' : 'unconfirmed' },
              r.student ? `${r.student.name ?? ''} ${r.student.roll ? `(${r.student.roll})` : ''}` : null,
              !r.student?.id && isFinal(r.status) && r.status !== 'failed'
                ? h(
                    'a',
                    { class: 'badge badge-warn', href: href('roster', { examId: r.examId ?? examIdOf() }) },
                    'not on roster',
                  )
                : null,
            ),
            h(
              'td',
              null,
              statusBadge(r.status),
              !isFinal(r.status) && p ? progressBar(p.progress, `Progress of ${fileNameOf(r)}`) : null,
              r.status === 'failed' && r.statusReason ? h('div', { class: 'reason' }, r.statusReason) : null,
            ),
            h(
              'td',
              { class: 'num' },
              r.total == null ? '–' : r.max != null ? fmtScoreOf(r.total, r.max) : fmtScore(r.total),
            ),
            h('td', { class: 'num' }, r.needsReview ? String(r.needsReview) : ''),
            h(
              'td',
              { class: 'flags' },
              (r.flags ?? []).map((f) =>
                h('span', { class: 'badge badge-warn', 'data-flag': f }, '⚑ ', flagLabel(f)),
              ),
            ),
            withdrawnCell(r, actions),
          );
        }),
      ),
    ),
  );
}

/** A drop zone that also works as a file button (keyboard and phone users cannot drag). */
function uploadZone(onFiles: (files: File[]) => void): HTMLElement {
  const input = h('input', {
    type: 'file',
    multiple: true,
    accept: '.pdf,.zip,application/pdf,application/zip',
    id: 'upload-input',
    class: 'visually-hidden',
  });
  input.addEventListener('change', () => {
    if (input.files?.length) onFiles(Array.from(input.files));
    input.value = '';
  });
  const zone = h(
    'div',
    { class: 'dropzone', 'data-testid': 'dropzone' },
    h('p', null, 'Drag PDFs or a zip here, or '),
    // the input comes first so its keyboard focus can be drawn on the visible label after it
    input,
    h('label', { for: 'upload-input', class: 'button' }, 'Choose files'),
  );
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    const files = Array.from(e.dataTransfer?.files ?? []);
    if (files.length) onFiles(files);
  });
  return zone;
}
