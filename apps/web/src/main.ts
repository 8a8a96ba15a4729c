/** Entry point: the app shell (header, navigation, main region) and the hash router. */
import './style.css';
import { ApiError, api } from './api.ts';
import { errorBox } from './components.ts';
import { h, mount } from './dom.ts';
import { href, parseRoute } from './router.ts';
import { current, loadMe, setMe } from './session.ts';
import { accountView } from './views/account.ts';
import { compareView } from './views/compare.ts';
import { examView } from './views/exam.ts';
import { homeView } from './views/home.ts';
import { loginView } from './views/login.ts';
import { membersView } from './views/members.ts';
import { parametersView } from './views/parameters.ts';
import { requestsView } from './views/requests.ts';
import { reviewView } from './views/review.ts';
import { rosterView } from './views/roster.ts';
import { rubricView } from './views/rubric.ts';
import { scriptView } from './views/script.ts';
import { stackView } from './views/stack.ts';
import { statsView } from './views/stats.ts';
import { studentView } from './views/student.ts';
import { versionsView } from './views/versions.ts';

/** A view renders into `main` and may return a cleanup (close an event stream, drop key handlers). */
export type View = (
  main: HTMLElement,
  params: Record<string, string>,
) => Promise<(() => void) | undefined> | undefined;

const VIEWS: Record<string, View> = {
  home: homeView,
  exam: examView,
  review: reviewView,
  stats: statsView,
  roster: rosterView,
  requests: requestsView,
  rubric: rubricView,
  parameters: parametersView,
  versions: versionsView,
  script: scriptView,
  compare: compareView,
  stack: stackView,
  mine: studentView,
  members: membersView,
  account: accountView,
};

const root = document.getElementById('app')!;
let cleanup: (() => void) | undefined;
let renderSeq = 0;

function shell(): HTMLElement {
  const me = current();
  const header = h(
    'header',
    { class: 'topbar' },
    h('a', { class: 'brand', href: href('home') }, 'grader'),
    me
      ? h(
          'nav',
          { 'aria-label': 'Account' },
          h(
            'a',
            { class: 'who', href: href('account'), title: 'Your account' },
            me.user.name || me.user.email,
          ),
          h('button', { type: 'button', class: 'link', onclick: logout }, 'Sign out'),
        )
      : null,
  );
  return header;
}

async function logout(): Promise<void> {
  try {
    await api.post('/api/auth/logout');
  } catch {
    // signed out either way
  }
  setMe(null);
  location.hash = href('login');
}

async function render(): Promise<void> {
  const seq = ++renderSeq;
  cleanup?.();
  cleanup = undefined;
  const route = parseRoute(location.hash);
  if (!current() && route.name !== 'login') await loadMe();
  if (seq !== renderSeq) return;
  const main = h('main', { id: 'main', tabindex: '-1' });
  mount(
    root,
    h('a', { class: 'skip', href: '#main', onclick: skipToMain }, 'Skip to content'),
    shell(),
    main,
  );
  if (route.name === 'login') {
    loginView(main, async () => {
      await loadMe();
      location.hash = href('home');
      if (parseRoute(location.hash).name === 'home') void render();
    });
    return;
  }
  if (!current()) {
    location.hash = href('login');
    return;
  }
  const view = VIEWS[route.name];
  if (!view) {
    mount(
      main,
      h('h1', null, 'Page not found'),
      h('p', null, h('a', { href: href('home') }, 'Back to the start')),
    );
    return;
  }
  try {
    const c = await view(main, route.params);
    if (seq === renderSeq) cleanup = c;
    else c?.();
  } catch (e) {
    // a page that cannot be shown says why and offers a way back (404 also covers "not yours")
    const status = e instanceof ApiError ? e.status : 0;
    const title = status === 404 ? 'Not found' : status === 403 ? 'Not allowed' : 'Something went wrong';
    mount(
      main,
      h('h1', null, title),
      errorBox(e),
      status === 404 ? h('p', null, 'It does not exist, or it is not yours to see.') : null,
      h('p', null, h('a', { href: href('home') }, 'Back to the start')),
    );
  }
  // move focus to the new page's heading so screen-reader and keyboard users land on it
  const h1 = main.querySelector('h1');
  if (h1 && seq === renderSeq) {
    h1.setAttribute('tabindex', '-1');
    h1.focus({ preventScroll: true });
  }
}

function skipToMain(e: Event): void {
  e.preventDefault();
  document.getElementById('main')?.focus();
}

api.onUnauthorized = () => {
  setMe(null);
  if (parseRoute(location.hash).name !== 'login') location.hash = href('login');
};

window.addEventListener('hashchange', () => void render());
void render();
