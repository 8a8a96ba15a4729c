import { api } from '../api.ts';
import { errorBox, field } from '../components.ts';
import { h, mount } from '../dom.ts';
import { setMe } from '../session.ts';
import type { Me } from '../types.ts';

export function loginView(main: HTMLElement, onDone: () => void): void {
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'username', required: true });
  const password = h('input', {
    type: 'password',
    name: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const msg = h('div', { 'aria-live': 'polite' });
  const button = h('button', { type: 'submit', class: 'primary' }, 'Sign in');
  const form = h(
    'form',
    {
      class: 'card narrow',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        button.disabled = true;
        mount(msg);
        try {
          const r = await api.post<Pick<Me, 'user' | 'csrfToken'>>('/api/auth/login', {
            email: email.value.trim(),
            password: password.value,
          });
          setMe({ user: r.user, roles: [], csrfToken: r.csrfToken });
          onDone();
        } catch (err) {
          mount(msg, errorBox(err));
          password.select();
        } finally {
          button.disabled = false;
        }
      },
    },
    h('h1', null, 'Sign in'),
    field('Email', email),
    field('Password', password),
    msg,
    button,
  );
  mount(main, form);
  email.focus();
}
