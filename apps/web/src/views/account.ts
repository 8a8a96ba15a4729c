/** One's own account: change the password (other devices are signed out). */
import { ApiError, api } from '../api.ts';
import { errorBox, field, notice } from '../components.ts';
import { h, mount } from '../dom.ts';
import { href } from '../router.ts';
import { current } from '../session.ts';

export const MIN_PASSWORD = 8;

export function accountView(main: HTMLElement): undefined {
  const me = current();
  const pw = (name: string, autocomplete: string) =>
    h('input', { type: 'password', name, autocomplete, required: true, maxlength: 200 });
  const cur = pw('currentPassword', 'current-password');
  const next = pw('newPassword', 'new-password');
  next.minLength = MIN_PASSWORD;
  const again = pw('confirmPassword', 'new-password');
  const msg = h('div', { 'aria-live': 'polite' });
  const button = h('button', { type: 'submit', class: 'primary' }, 'Change password');
  const form = h(
    'form',
    {
      class: 'card narrow',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        if (next.value.length < MIN_PASSWORD) {
          mount(msg, errorBox(`The new password needs at least ${MIN_PASSWORD} characters.`));
          return;
        }
        if (next.value !== again.value) {
          mount(msg, errorBox('The two new passwords differ.'));
          return;
        }
        button.disabled = true;
        try {
          await api.post('/api/auth/password', { currentPassword: cur.value, newPassword: next.value });
          form.reset();
          mount(msg, notice('Password changed. Your other devices are signed out.', 'ok'));
        } catch (err) {
          mount(
            msg,
            errorBox(
              err instanceof ApiError && Object.keys(err.fields).length
                ? Object.values(err.fields).join('; ')
                : err,
            ),
          );
        } finally {
          button.disabled = false;
        }
      },
    },
    h('h2', null, 'Change password'),
    field('Current password', cur),
    field('New password', next, undefined, `At least ${MIN_PASSWORD} characters.`),
    field('New password again', again),
    msg,
    button,
  );
  mount(
    main,
    h('p', { class: 'crumbs' }, h('a', { href: href('home') }, 'Courses')),
    h('h1', null, 'Your account'),
    me
      ? h('p', null, `${me.user.name} · ${me.user.email}${me.user.roll ? ` · roll ${me.user.roll}` : ''}`)
      : null,
    form,
  );
  return undefined;
}
