/** Users and roles of a course (admins). */
import { ApiError, api } from '../api.ts';
import { errorBox, field, notice } from '../components.ts';
import { h, mount } from '../dom.ts';
import { matchesQuery } from '../format.ts';
import { href } from '../router.ts';
import type { Member } from '../types.ts';
import { listOf } from './home.ts';

export async function membersView(main: HTMLElement, params: Record<string, string>): Promise<undefined> {
  const path = `/api/courses/${encodeURIComponent(params.courseId)}/members`;
  const draw = async (msg?: HTMLElement) => {
    const members = await api.get<Member[]>(path).then(listOf<Member>('members'));
    const email = h('input', { type: 'email', name: 'email', required: true });
    const name = h('input', { type: 'text', name: 'name', required: true });
    const roll = h('input', { type: 'text', name: 'roll' });
    const role = h(
      'select',
      { name: 'role' },
      ['student', 'ta', 'admin'].map((r) => h('option', { value: r }, r === 'ta' ? 'TA' : r)),
    );
    const out = h('div', { 'aria-live': 'polite' }, msg ?? null);
    const filter = h('input', { type: 'search', name: 'filter', autocomplete: 'off' });
    // the API sets a role by (re)adding the person with the same email
    const setRole = async (m: Member, next: string) => {
      try {
        await api.post(path, { email: m.email, name: m.name, role: next, roll: m.roll ?? undefined });
        await draw(notice(`${m.name}: role set to ${next === 'ta' ? 'TA' : next}.`, 'ok'));
      } catch (err) {
        mount(out, errorBox(err));
      }
    };
    const rows = members.map((m) => {
      const sel = h(
        'select',
        {
          name: 'role',
          'aria-label': `Role of ${m.name}`,
          onchange: (e: Event) => void setRole(m, (e.target as HTMLSelectElement).value),
        },
        ['student', 'ta', 'admin'].map((r) =>
          h('option', { value: r, selected: r === m.role }, r === 'ta' ? 'TA' : r),
        ),
      );
      const el = h('tr', null);
      const show = () =>
        mount(
          el,
          h('td', null, m.name),
          h('td', null, m.email),
          h('td', null, m.roll ?? ''),
          h('td', null, sel),
          h(
            'td',
            null,
            m.userId
              ? h('button', { type: 'button', 'aria-label': `Edit ${m.name}`, onclick: edit }, 'Edit')
              : null,
          ),
        );
      // name and roll edited in place (the API audits the change)
      function edit(): void {
        const nameIn = h('input', {
          type: 'text',
          name: 'name',
          value: m.name,
          required: true,
          'aria-label': 'Name',
        });
        const rollIn = h('input', { type: 'text', name: 'roll', value: m.roll ?? '', 'aria-label': 'Roll' });
        const save = async () => {
          try {
            await api.request('PATCH', `${path}/${encodeURIComponent(m.userId!)}`, {
              name: nameIn.value.trim(),
              roll: rollIn.value.trim() || null,
            });
            await draw(notice(`Saved ${nameIn.value.trim()}.`, 'ok'));
          } catch (err) {
            mount(out, errorBox(err));
          }
        };
        mount(
          el,
          h('td', null, nameIn),
          h('td', null, m.email),
          h('td', null, rollIn),
          h('td', null, sel),
          h(
            'td',
            null,
            h('button', { type: 'button', class: 'primary', onclick: () => void save() }, 'Save'),
            ' ',
            h('button', { type: 'button', onclick: show }, 'Cancel'),
          ),
        );
        nameIn.focus();
      }
      show();
      return { text: `${m.name} ${m.email} ${m.roll ?? ''}`, el };
    });
    filter.addEventListener('input', () => {
      for (const r of rows) r.el.hidden = !matchesQuery(r.text, filter.value);
    });
    const table = h(
      'table',
      { class: 'table' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ['Name', 'Email', 'Roll', 'Role', ''].map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h(
        'tbody',
        null,
        rows.map((r) => r.el),
      ),
    );
    const counts = { admin: 0, ta: 0, student: 0 } as Record<string, number>;
    for (const m of members) counts[m.role] = (counts[m.role] ?? 0) + 1;
    mount(
      main,
      h('p', { class: 'crumbs' }, h('a', { href: href('home') }, 'Courses')),
      h('h1', null, 'Users and roles'),
      h('p', null, `${counts.admin} admin(s), ${counts.ta} TA(s), ${counts.student} student(s).`),
      h(
        'form',
        {
          class: 'card inline-form',
          onsubmit: async (e: Event) => {
            e.preventDefault();
            try {
              const r = await api.post<{ initialPassword?: string }>(path, {
                email: email.value.trim(),
                name: name.value.trim(),
                role: role.value,
                roll: roll.value.trim() || undefined,
              });
              // a new account's first password is shown once, here, for the admin to pass on
              await draw(
                notice(
                  r?.initialPassword
                    ? [
                        `Added ${name.value.trim()}. First password (shown once): `,
                        h('code', null, r.initialPassword),
                      ]
                    : `Added ${name.value.trim()}.`,
                  'ok',
                ),
              );
            } catch (err) {
              mount(
                out,
                errorBox(
                  err instanceof ApiError && Object.keys(err.fields).length
                    ? Object.entries(err.fields)
                        .map(([k, v]) => `${k}: ${v}`)
                        .join('; ')
                    : err,
                ),
              );
            }
          },
        },
        h('h2', null, 'Add a person'),
        h(
          'div',
          { class: 'row' },
          field('Email', email),
          field('Name', name),
          field('Roll (students)', roll),
          field('Role', role),
        ),
        h('button', { type: 'submit', class: 'primary' }, 'Add'),
        out,
      ),
      field('Filter by name, email or roll', filter),
      h('div', { class: 'table-wrap' }, table),
    );
  };
  await draw();
  return undefined;
}
