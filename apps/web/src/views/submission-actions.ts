/**
 * The submissions list's row actions (withdraw, restore, delete: each says what it does and asks
 * for a reason; delete asks for the file name) and stack uploads (one PDF of many scripts).
 */
import { api } from '../api.ts';
import { errorBox, field, notice } from '../components.ts';
import { h, mount } from '../dom.ts';
import { fmtDate } from '../format.ts';
import { href } from '../router.ts';
import type { SubmissionRow } from '../types.ts';
import { fileNameOf } from '../types.ts';

interface StackBrief {
  id: string;
  fileName: string;
  status: 'splitting' | 'proposed' | 'confirmed' | 'failed';
  statusReason?: string | null;
  submissions?: string[];
}

export function withdrawnCell(
  r: SubmissionRow,
  actions: {
    withdraw(r: SubmissionRow): void;
    restore(r: SubmissionRow): void;
    remove(r: SubmissionRow): void;
  },
): HTMLElement {
  const name = fileNameOf(r);
  return h(
    'td',
    { class: 'row-actions' },
    r.withdrawn
      ? [
          h(
            'div',
            { class: 'badge badge-warn', 'data-testid': 'withdrawn' },
            `Withdrawn ${fmtDate(r.withdrawn.at)}`,
          ),
          r.withdrawn.reason ? h('div', { class: 'reason' }, r.withdrawn.reason) : null,
          h(
            'button',
            { type: 'button', 'aria-label': `Restore ${name}`, onclick: () => actions.restore(r) },
            'Restore…',
          ),
        ]
      : h(
          'button',
          { type: 'button', 'aria-label': `Withdraw ${name}`, onclick: () => actions.withdraw(r) },
          'Withdraw…',
        ),
    h(
      'button',
      { type: 'button', class: 'danger', 'aria-label': `Delete ${name}`, onclick: () => actions.remove(r) },
      'Delete…',
    ),
  );
}

const WHAT = {
  withdraw: {
    title: (n: string) => `Withdraw ${n}?`,
    text: 'It leaves the grade lists, the CSV export, the release and the review queue; its student no longer sees it. It is kept, and you can restore it.',
    action: 'Withdraw',
  },
  restore: {
    title: (n: string) => `Restore ${n}?`,
    text: 'It comes back into the grade lists, the CSV export and the release.',
    action: 'Restore',
  },
  delete: {
    title: (n: string) => `Delete ${n} for good?`,
    text: 'The submission, its grades and its stored file are removed; this cannot be undone. A grade its student can see must be un-released first.',
    action: 'Delete for good',
  },
} as const;

/** A confirmation with a reason (and, to delete, the file name typed out); audited by the server. */
export function removeDialog(
  box: HTMLElement,
  kind: keyof typeof WHAT,
  r: SubmissionRow,
  done: () => Promise<void>,
): void {
  const name = fileNameOf(r);
  const w = WHAT[kind];
  const reason = h('textarea', {
    id: `${kind}-reason`,
    rows: 2,
    required: kind !== 'restore',
  }) as HTMLTextAreaElement;
  const confirmName = h('input', { id: 'delete-confirm', autocomplete: 'off' }) as HTMLInputElement;
  const msg = h('div', { 'aria-live': 'polite' });
  const go = h(
    'button',
    { type: 'submit', class: kind === 'restore' ? 'primary' : 'danger' },
    w.action,
  ) as HTMLButtonElement;
  const ready = () => {
    go.disabled =
      (kind !== 'restore' && !reason.value.trim()) || (kind === 'delete' && confirmName.value !== name);
  };
  reason.addEventListener('input', ready);
  confirmName.addEventListener('input', ready);
  ready();
  const id = encodeURIComponent(r.id);
  mount(
    box,
    h(
      'form',
      {
        class: 'card confirm',
        role: 'dialog',
        'aria-label': w.title(name),
        'data-testid': `${kind}-confirm`,
        onsubmit: async (e: Event) => {
          e.preventDefault();
          go.disabled = true;
          try {
            const body = { reason: reason.value.trim() };
            if (kind === 'delete')
              await api.request('DELETE', `/api/submissions/${id}`, { ...body, confirm: confirmName.value });
            else await api.post(`/api/submissions/${id}/${kind}`, body);
            mount(
              box,
              notice(
                `${name}: ${kind === 'delete' ? 'deleted' : kind === 'withdraw' ? 'withdrawn' : 'restored'}.`,
                'ok',
              ),
            );
            await done();
          } catch (err) {
            mount(msg, errorBox(err));
            ready();
          }
        },
      },
      h('h2', null, w.title(name)),
      h('p', null, w.text),
      field(kind === 'restore' ? 'Reason (optional)' : 'Reason (kept in the audit log)', reason),
      kind === 'delete' ? field(`Type the file name to confirm: ${name}`, confirmName) : null,
      h(
        'div',
        { class: 'toolbar' },
        go,
        h('button', { type: 'button', onclick: () => mount(box) }, 'Cancel'),
      ),
      msg,
    ),
  );
  reason.focus();
}

/** Each file as a stack: uploaded, then the TA checks its split points on the stack's page. */
export async function uploadStacks(
  base: string,
  files: File[],
  out: HTMLElement,
  done: () => Promise<void>,
): Promise<void> {
  const links: HTMLElement[] = [];
  mount(out, notice(`Uploading ${files.length} stack(s)…`));
  for (const f of files) {
    const form = new FormData();
    form.append('file', f, f.name);
    try {
      const s = await api.upload<StackBrief>(`${base}/stacks`, form, () => {});
      links.push(
        h('li', null, h('a', { href: href('stack', { id: s.id }) }, `Check the split of ${s.fileName}`)),
      );
    } catch (err) {
      links.push(h('li', null, h('strong', null, f.name), ': ', errorBox(err)));
    }
  }
  mount(
    out,
    notice(
      [
        'Finding where each script starts. Check the split points before the scripts are graded:',
        h('ul', null, links),
      ],
      'ok',
    ),
  );
  await done();
}

/** Stacks of this exam still waiting for a TA (or that failed), with a link to each. */
export async function stacksLine(base: string, _examId: string): Promise<HTMLElement | null> {
  const stacks = await api.get<StackBrief[]>(`${base}/stacks`).catch(() => [] as StackBrief[]);
  const open = (Array.isArray(stacks) ? stacks : []).filter((s) => s.status !== 'confirmed');
  if (!open.length) return null;
  return h(
    'div',
    { class: 'stacks', 'data-testid': 'stacks' },
    h('h3', null, 'Stacks to check'),
    h(
      'ul',
      null,
      open.map((s) =>
        h(
          'li',
          null,
          h('a', { href: href('stack', { id: s.id }) }, s.fileName),
          ' — ',
          s.status === 'splitting'
            ? 'finding the scripts…'
            : s.status === 'failed'
              ? `could not be split: ${s.statusReason ?? 'no reason given'}`
              : 'split points ready to check',
        ),
      ),
    ),
  );
}
