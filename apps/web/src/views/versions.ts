/**
 * Exam versions (admins; TAs read): each version's parameters, keys, how many students have it and
 * its question paper; add one by its parameters or draw several at random within ranges, edit,
 * delete. Every change regrades the exam's scripts on their versions on the server's worker: the
 * page shows its progress, then how many changed; the list changes when the regrade is done.
 */
import { api } from '../api.ts';
import { errorBox, field, notice } from '../components.ts';
import { h, mount } from '../dom.ts';
import { type RegradeRun, regradeProgress, watchRegrade } from '../regrade-watch.ts';
import { keyRows } from '../rubric-describe.ts';
import { parameterLines, parseParameterLines, parseRangeLines } from '../version-text.ts';
import { examHeader, loadExam } from './common.ts';

interface VersionRow {
  name: string;
  parameters: Record<string, unknown>;
  keys: Record<string, unknown>;
  students: number;
  paperUrl: string;
}
interface ChangeResult {
  created?: string[];
  seed?: number;
  /** the change's regrade (null: the exam had no rubric to regrade) */
  regrade?: RegradeRun | null;
}

export async function versionsView(main: HTMLElement, params: Record<string, string>): Promise<undefined> {
  const { exam, role } = await loadExam(params.examId);
  const base = `/api/exams/${encodeURIComponent(exam.id)}/versions`;
  const admin = role === 'admin';
  const listEl = h('div');
  const msg = h('div', { 'aria-live': 'polite', 'data-testid': 'versions-message' });
  let editing: string | null = null;

  const name = h('input', { type: 'text', name: 'version-name', autocomplete: 'off', placeholder: 'e.g. B' });
  const parameters = h('textarea', {
    name: 'version-parameters',
    rows: 4,
    placeholder: '3.hidden=4\n5.padding=0',
  });
  const saveButton = h('button', { type: 'submit', class: 'primary' }, 'Add version');
  const count = h('input', { type: 'number', name: 'draw-count', min: '1', max: '26', value: '2' });
  const seed = h('input', { type: 'number', name: 'draw-seed', min: '0', placeholder: 'random' });
  const ranges = h('textarea', {
    name: 'draw-ranges',
    rows: 4,
    placeholder: '3.hidden: 2..8\n5.padding: 0|1|2\n1b.C_prev: -1..1 step 0.1',
  });
  const keepDefault = h('input', { type: 'checkbox', name: 'draw-keep-default', checked: true });

  const forms: HTMLFormElement[] = [];
  /** The change is saved; its regrade runs on the worker: progress, then the list as it now is. */
  const done = async (what: string, r: ChangeResult) => {
    const head = `${what}${r.seed !== undefined ? ` (seed ${r.seed})` : ''}.`;
    if (!r.regrade) return mount(msg, notice(head, 'ok'));
    // one change at a time: the forms wait for this regrade
    for (const f of forms) for (const b of Array.from(f.querySelectorAll('button'))) b.disabled = true;
    try {
      mount(msg, regradeProgress(r.regrade));
      const end = await watchRegrade(exam.id, r.regrade.id, (p) => mount(msg, regradeProgress(p)));
      if (end.status === 'failed' || !end.summary)
        return mount(msg, notice(`${head} The regrade failed: ${end.error ?? 'unknown error'}.`, 'warn'));
      mount(
        msg,
        notice(`${head} Regraded: ${end.summary.changed} of ${end.summary.scripts} scripts changed.`, 'ok'),
      );
    } finally {
      for (const f of forms) for (const b of Array.from(f.querySelectorAll('button'))) b.disabled = false;
    }
  };

  async function draw(): Promise<void> {
    const rows = (await api.get<{ versions: VersionRow[] }>(base)).versions;
    mount(
      listEl,
      rows.length === 0
        ? h(
            'p',
            { class: 'muted' },
            'This exam has no versions: every script is graded on its own parameters.',
          )
        : h(
            'div',
            { class: 'table-wrap' },
            h(
              'table',
              { class: 'table', 'data-testid': 'versions' },
              h(
                'thead',
                null,
                h(
                  'tr',
                  null,
                  [
                    'Version',
                    'Parameters',
                    'Keys',
                    'Students',
                    'Question paper',
                    admin ? 'Change' : null,
                  ].map((c) => (c ? h('th', { scope: 'col' }, c) : null)),
                ),
              ),
              h('tbody', null, rows.map(rowOf)),
            ),
          ),
    );
  }

  function rowOf(v: VersionRow): HTMLElement {
    const overrides = parameterLines(v.parameters);
    const del = h('button', { type: 'button', class: 'link' }, `Delete ${v.name}`);
    let armed = false;
    del.addEventListener('click', async () => {
      if (!armed) {
        armed = true;
        del.textContent = `Really delete ${v.name}?`;
        return;
      }
      try {
        const r = await api.del<ChangeResult>(`${base}/${encodeURIComponent(v.name)}`);
        await done(`Version ${v.name} deleted`, r);
        await draw();
      } catch (e) {
        mount(msg, errorBox(e));
      }
    });
    return h(
      'tr',
      { 'data-version': v.name },
      h('th', { scope: 'row' }, v.name),
      h(
        'td',
        null,
        overrides
          ? h('code', null, overrides.replace(/\n/g, ', '))
          : h('span', { class: 'muted' }, "the exam's own"),
      ),
      h(
        'td',
        { class: 'small' },
        keyRows(v.keys)
          .slice(0, 6)
          .map(([k, val]) => h('div', null, `${k}: ${val}`)),
      ),
      h('td', { class: 'num' }, String(v.students)),
      h('td', null, h('a', { href: v.paperUrl, download: '' }, `Paper (Version ${v.name})`)),
      admin
        ? h(
            'td',
            null,
            h(
              'button',
              {
                type: 'button',
                class: 'link',
                onclick: () => {
                  editing = v.name;
                  name.value = v.name;
                  name.readOnly = true;
                  parameters.value = overrides;
                  saveButton.textContent = `Save version ${v.name}`;
                  parameters.focus();
                },
              },
              `Edit ${v.name}`,
            ),
            ' ',
            del,
          )
        : null,
    );
  }

  const addForm = h(
    'form',
    {
      class: 'card',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const p = parseParameterLines(parameters.value);
        if ('error' in p) return void mount(msg, notice(p.error, 'warn'));
        try {
          if (editing) {
            const r = await api.put<ChangeResult>(`${base}/${encodeURIComponent(editing)}`, {
              parameters: p.value,
            });
            await done(`Version ${editing} saved`, r);
          } else {
            const r = await api.post<ChangeResult>(base, { name: name.value.trim(), parameters: p.value });
            await done(`Version ${name.value.trim()} added`, r);
          }
          editing = null;
          name.readOnly = false;
          name.value = '';
          parameters.value = '';
          saveButton.textContent = 'Add version';
          await draw();
        } catch (err) {
          mount(msg, errorBox(err));
        }
      },
    },
    h('h2', null, 'Add a version'),
    h(
      'p',
      { class: 'muted' },
      "Parameters one per line as NAME=VALUE, over the exam's own; none: the exam as it is.",
    ),
    field('Version name', name),
    field('Parameters', parameters),
    saveButton,
  );

  const drawForm = h(
    'form',
    {
      class: 'card',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const r = parseRangeLines(ranges.value);
        if ('error' in r) return void mount(msg, notice(r.error, 'warn'));
        try {
          const out = await api.post<ChangeResult>(base, {
            draw: {
              count: Number(count.value),
              ...(seed.value ? { seed: Number(seed.value) } : {}),
              ranges: r.value,
              keepDefault: keepDefault.checked,
            },
          });
          await done(`Drawn: ${(out.created ?? []).join(', ')}`, out);
          await draw();
        } catch (err) {
          mount(msg, errorBox(err));
        }
      },
    },
    h('h2', null, 'Draw versions at random'),
    h(
      'p',
      { class: 'muted' },
      'Ranges one per line: NAME: LOW..HIGH (step S), NAME: 32x32x1..128x128x3 or NAME: 0|1|2. Keys must differ between versions.',
    ),
    h('div', { class: 'row' }, field('How many', count), field('Seed', seed)),
    field('Ranges', ranges),
    field('The first is the exam as it is (if it has no versions yet)', keepDefault),
    h('button', { type: 'submit' }, 'Draw versions'),
  );

  forms.push(addForm as HTMLFormElement, drawForm as HTMLFormElement);
  await draw();
  mount(
    main,
    examHeader(exam, role, 'versions'),
    h('h1', null, 'Exam versions'),
    h(
      'p',
      { class: 'muted' },
      "Each student's version comes from the class list (a version column, on the Roster page), else from the version code written on the script.",
    ),
    msg,
    h('section', { class: 'card' }, h('h2', null, 'Versions'), listEl),
    admin
      ? h('div', { class: 'rubric-layout' }, addForm, drawForm)
      : notice('Only admins can change versions.', 'warn'),
  );
  return undefined;
}
