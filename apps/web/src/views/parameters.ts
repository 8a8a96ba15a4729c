/**
 * Exam parameters (admins): the values the engine computes keys from. Saving creates a new rubric
 * version, regrades, and the recomputed keys are shown next to the old ones.
 */
import { ApiError, api } from '../api.ts';
import { errorBox, field, notice } from '../components.ts';
import { h, mount } from '../dom.ts';
import { type ParamValue, paramToText, textToParam } from '../params.ts';
import { type RegradeRun, regradeProgress, watchRegrade } from '../regrade-watch.ts';
import { keyRows } from '../rubric-describe.ts';
import { examHeader, loadExam } from './common.ts';

type Keys = Record<string, unknown>;
interface KeysResponse {
  keys?: Keys;
  parameters?: Record<string, unknown>;
  /** every parameter with its effective value, when the API sends it */
  values?: Record<string, unknown>;
  definitions?: Record<string, { label?: string; default?: unknown; kind?: string }>;
}

export async function parametersView(main: HTMLElement, params: Record<string, string>): Promise<undefined> {
  const { exam, role } = await loadExam(params.examId);
  const base = `/api/exams/${encodeURIComponent(exam.id)}`;
  const resp = await api.get<KeysResponse>(`${base}/keys`).catch(() => ({}) as KeysResponse);
  const keys: Keys = resp.keys ?? {};
  const defs = resp.definitions ?? {};
  // what to show: every known parameter (definitions/values) with the override on top
  const current: Record<string, unknown> = {
    ...Object.fromEntries(Object.entries(defs).map(([k, d]) => [k, d.default])),
    ...(resp.values ?? {}),
    ...((exam.parameters as Record<string, unknown>) ?? {}),
    ...(resp.parameters ?? {}),
  };
  const admin = role === 'admin';
  const inputs = new Map<string, HTMLInputElement>();
  const fieldsEl = h('div');
  const msg = h('div', { 'aria-live': 'polite' });
  const keysEl = h('div');

  const addField = (name: string, value: unknown) => {
    const inp = h('input', {
      type: 'text',
      value: paramToText(value),
      name,
      readonly: !admin,
      inputmode: typeof value === 'number' ? 'decimal' : undefined,
    });
    inputs.set(name, inp);
    fieldsEl.appendChild(field(defs[name]?.label ? `${name} — ${defs[name].label}` : name, inp));
  };
  for (const [k, v] of Object.entries(current)) addField(k, v);

  const newName = h('input', { type: 'text', name: 'new-name', placeholder: 'e.g. 5.filter' });
  const newValue = h('input', { type: 'text', name: 'new-value', placeholder: 'e.g. 3' });

  const form = h(
    'form',
    {
      class: 'card',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        for (const x of Array.from(form.querySelectorAll('.field-error'))) x.remove();
        for (const x of Array.from(form.querySelectorAll('[aria-invalid]')))
          x.removeAttribute('aria-invalid');
        mount(msg);
        const next: Record<string, ParamValue> = {};
        let bad = false;
        const check = (name: string, inp: HTMLInputElement, like: unknown) => {
          const r = textToParam(inp.value, like);
          if ('error' in r) {
            markError(inp, r.error);
            bad = true;
          } else next[name] = r.value;
        };
        for (const [name, inp] of inputs) check(name, inp, current[name]);
        if (newName.value.trim()) check(newName.value.trim(), newValue, undefined);
        if (bad) return;
        try {
          const r = await api.put<{ oldKeys?: Keys; newKeys?: Keys; regrade: RegradeRun }>(
            `${base}/parameters`,
            { parameters: next },
          );
          mount(keysEl, keysTable(r.oldKeys ?? keys, r.newKeys ?? {}));
          // the regrade runs on the server's worker: its progress, then how many scripts changed
          mount(msg, regradeProgress(r.regrade));
          const end = await watchRegrade(exam.id, r.regrade.id, (p) => mount(msg, regradeProgress(p)));
          mount(
            msg,
            end.status === 'done' && end.summary
              ? notice(
                  `Saved. Keys recomputed; ${end.summary.changed} of ${end.summary.scripts} scripts changed.`,
                  'ok',
                )
              : notice(`The regrade failed: ${end.error ?? 'unknown error'}. Nothing changed.`, 'warn'),
          );
          if (newName.value.trim() && !inputs.has(newName.value.trim())) {
            addField(newName.value.trim(), next[newName.value.trim()]);
            current[newName.value.trim()] = next[newName.value.trim()];
            newName.value = '';
            newValue.value = '';
          }
        } catch (err) {
          if (err instanceof ApiError) {
            for (const [p, m] of Object.entries(err.fields)) {
              const inp = inputs.get(p.replace(/^parameters\./, ''));
              if (inp) markError(inp, m);
            }
          }
          mount(msg, errorBox(err));
        }
      },
    },
    h('h2', null, 'Parameters'),
    inputs.size === 0
      ? h(
          'p',
          { class: 'muted' },
          'Every parameter has its default from the exam definition. Add an override below.',
        )
      : null,
    fieldsEl,
    admin
      ? h(
          'fieldset',
          { class: 'add-param' },
          h('legend', null, 'Set another parameter'),
          h('div', { class: 'row' }, field('Name', newName), field('Value', newValue)),
        )
      : null,
    admin
      ? h('button', { type: 'submit', class: 'primary' }, 'Save, recompute keys and regrade')
      : notice('Only admins can change parameters.', 'warn'),
    msg,
  );
  mount(keysEl, keysTable(keys, null));
  mount(
    main,
    examHeader(exam, role, 'parameters'),
    h('h1', null, 'Exam parameters'),
    h(
      'div',
      { class: 'rubric-layout' },
      form,
      h('section', { class: 'card' }, h('h2', null, 'Answer keys'), keysEl),
    ),
  );
  return undefined;
}

function markError(inp: HTMLInputElement, message: string): void {
  inp.setAttribute('aria-invalid', 'true');
  inp.insertAdjacentElement('afterend', h('small', { class: 'field-error' }, message));
}

function keysTable(oldKeys: Keys, newKeys: Keys | null): HTMLElement {
  const oldRows = new Map(keyRows(oldKeys));
  const newRows = newKeys ? new Map(keyRows(newKeys)) : null;
  const names = [...new Set([...oldRows.keys(), ...(newRows?.keys() ?? [])])];
  if (!names.length) return h('p', { class: 'muted' }, 'No computed keys.');
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'table', 'data-testid': 'keys' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, 'Key'),
          h('th', { scope: 'col' }, newRows ? 'Before' : 'Value'),
          newRows ? h('th', { scope: 'col' }, 'Now') : null,
        ),
      ),
      h(
        'tbody',
        null,
        names.map((name) => {
          const o = oldRows.get(name) ?? '–';
          const n = newRows ? (newRows.get(name) ?? '–') : null;
          const changed = n !== null && n !== o;
          return h(
            'tr',
            { class: changed ? 'changed' : undefined },
            h('th', { scope: 'row' }, name),
            h('td', null, o),
            n !== null ? h('td', null, n, changed ? h('strong', null, ' (changed)') : null) : null,
          );
        }),
      ),
    ),
  );
}
