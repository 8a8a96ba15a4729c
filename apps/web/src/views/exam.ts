/** TA dashboard of one exam: upload, live progress of the batch, submissions, failures, release. */
import { api } from '../api.ts';
import { errorBox, notice, progressBar, statusBadge } from '../components.ts';
import { h, mount } from '../dom.ts';
import { fmtBytes, fmtScore, fmtScoreOf, isFinal } from '../format.ts';
import { applyEvent, type BatchState, batchSummary, parseEventData } from '../progress.ts';
import { href } from '../router.ts';
import type { SubmissionRow } from '../types.ts';
import { examTitle, fileNameOf } from '../types.ts';
import { examHeader, loadExam } from './common.ts';
import { listOf } from './home.ts';

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

  const batchEl = h('div', { class: 'batch', 'aria-live': 'polite' });
  const tableEl = h('div');
  const failuresEl = h('div');
  const uploadMsg = h('div', { 'aria-live': 'polite' });

  async function reload(): Promise<void> {
    rows = await api.get<SubmissionRow[]>(`${base}/submissions`).then(listOf<SubmissionRow>('submissions'));
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
    mount(
      tableEl,
      submissionsTable(rows, batch, () => exam.id),
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

  const drop = uploadZone(async (files) => {
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

  const released = exam.released ?? !!exam.releasedAt;
  const releaseMsg = h('span', { 'aria-live': 'polite' });
  mount(
    main,
    examHeader(exam, role, 'exam'),
    h('h1', null, examTitle(exam)),
    h(
      'div',
      { class: 'toolbar' },
      h('a', { class: 'button', href: `${base}/export.csv`, download: '' }, 'Export CSV'),
      h(
        'button',
        {
          type: 'button',
          onclick: async (e: Event) => {
            const b = e.currentTarget as HTMLButtonElement;
            b.disabled = true;
            try {
              await api.post(`${base}/release`);
              mount(releaseMsg, 'Grades released to students.');
            } catch (err) {
              mount(releaseMsg, errorBox(err));
              b.disabled = false;
            }
          },
        },
        released ? 'Release again' : 'Release grades to students',
      ),
      releaseMsg,
    ),
    h('section', { class: 'card' }, h('h2', null, 'Upload scripts'), drop, uploadMsg),
    batchEl,
    failuresEl,
    h('section', { class: 'card' }, h('h2', null, 'Submissions'), tableEl),
  );
  await reload();
  return () => {
    es.close();
    window.clearTimeout(reloadTimer);
  };
}

function submissionsTable(rows: SubmissionRow[], batch: BatchState, examIdOf: () => string): HTMLElement {
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
              null,
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
