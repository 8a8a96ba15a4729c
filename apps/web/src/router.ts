/** Hash routes: `#/exams/abc/review` -> { name: 'review', params: { examId: 'abc' } }. */
export interface Route {
  name: string;
  params: Record<string, string>;
}

const PATTERNS: [string, string][] = [
  ['login', '/login'],
  ['home', '/'],
  ['exam', '/exams/:examId'],
  ['review', '/exams/:examId/review'],
  ['stats', '/exams/:examId/stats'],
  ['roster', '/exams/:examId/roster'],
  ['requests', '/exams/:examId/requests'],
  ['rubric', '/exams/:examId/rubric'],
  ['parameters', '/exams/:examId/parameters'],
  ['versions', '/exams/:examId/versions'],
  ['script', '/submissions/:id'],
  ['compare', '/submissions/:id/similar/:otherId'],
  ['stack', '/stacks/:id'],
  ['mine', '/my/:id'],
  ['members', '/courses/:courseId/members'],
  ['account', '/account'],
];

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').split('?')[0] || '/';
  const segs = path.split('/').filter(Boolean);
  for (const [name, pattern] of PATTERNS) {
    const ps = pattern.split('/').filter(Boolean);
    if (ps.length !== segs.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < ps.length; i++) {
      if (ps[i].startsWith(':')) params[ps[i].slice(1)] = decodeURIComponent(segs[i]);
      else if (ps[i] !== segs[i]) {
        ok = false;
        break;
      }
    }
    if (ok) return { name, params };
  }
  return { name: 'notfound', params: {} };
}

export function href(name: string, params: Record<string, string> = {}): string {
  const found = PATTERNS.find(([n]) => n === name);
  if (!found) throw new Error(`unknown route ${name}`);
  const path = found[1].replace(/:(\w+)/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) throw new Error(`route ${name} needs ${k}`);
    return encodeURIComponent(v);
  });
  return `#${path}`;
}
