// Every route, tried as the wrong user: logged out (401), another course's TA (404: nothing about
// the resource leaks), another student (404), a role that may not act (403).
import { fakePdf } from '@grader/grading/testing';
import { waitFor } from '@grader/jobs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExam } from './services/exams.ts';
import { form, type TestClient } from './testing/client.ts';
import { FAKE_EXAM_YAML, type Harness, RUBRIC_V1, startHarness } from './testing/harness.ts';

let h: Harness;
let ids: { course: string; exam: string; sub: string; rr: string };
const users: Record<string, TestClient> = {};

beforeAll(async () => {
  h = await startHarness();
  for (const [k, email] of Object.entries({
    adminA: 'admin.a@t.test',
    taA: 'ta.a@t.test',
    s1: 's1@t.test',
    s2: 's2@t.test',
    taB: 'ta.b@t.test',
    adminB: 'admin.b@t.test',
  })) {
    users[k] = await h.as(email);
  }
  users.anon = h.client();
  const exam = await createExam(h.server.ctx, h.courseA.id, {
    examYaml: FAKE_EXAM_YAML,
    rubricYaml: RUBRIC_V1,
    actorId: null,
  });
  const up = await users.taA.req(
    'POST',
    `/api/exams/${exam.id}/submissions`,
    form([{ name: 'secret-s1.pdf', bytes: fakePdf({ roll: '20CS10001', '1a': '42', '2a': '7' }) }]),
  );
  const sub = up.data.created[0].id;
  await waitFor(async () => (await h.db.submission.findUnique({ where: { id: sub } }))?.status === 'graded');
  await users.taA.post(`/api/exams/${exam.id}/release`);
  const rr = await users.s1.post(`/api/submissions/${sub}/parts/1a/regrade-requests`, {
    message: 'please look',
  });
  ids = { course: h.courseA.id, exam: exam.id, sub, rr: rr.data.id };
});
afterAll(async () => {
  await h?.stop();
});

type Who = 'adminA' | 'taA' | 's1' | 's2' | 'taB' | 'adminB' | 'anon';
interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: () => string;
  body?: () => unknown;
  /** expected status per user; users not listed must not get 2xx */
  deny: Partial<Record<Who, number>>;
}

const E = () => `/api/exams/${ids.exam}`;
const S = () => `/api/submissions/${ids.sub}`;
const outsider = { anon: 401, taB: 404, adminB: 404 } as const;
const staffOnly = { ...outsider, s1: 403, s2: 403 } as const;
const adminOnly = { ...staffOnly, taA: 403 } as const;
const ownSubmission = { ...outsider, s2: 404 } as const;

const ROUTES: Route[] = [
  { method: 'GET', path: () => `/api/courses/${ids.course}/exams`, deny: outsider },
  {
    method: 'GET',
    path: () => `/api/courses/${ids.course}/members`,
    deny: { ...outsider, s1: 403 },
  },
  {
    method: 'POST',
    path: () => `/api/courses/${ids.course}/members`,
    body: () => ({ email: 'x@y.z', name: 'X', role: 'ta' }),
    deny: { ...outsider, taA: 403, s1: 403 },
  },
  {
    method: 'POST',
    path: () => `/api/courses/${ids.course}/exams`,
    body: () => form([], 'definition'),
    deny: { ...outsider, taA: 403, s1: 403 },
  },
  { method: 'GET', path: E, deny: outsider },
  { method: 'GET', path: () => `${E()}/keys`, deny: staffOnly },
  { method: 'GET', path: () => `${E()}/submissions`, deny: staffOnly },
  {
    method: 'POST',
    path: () => `${E()}/submissions`,
    body: () => form([{ name: 'x.pdf', bytes: fakePdf({ z: '1' }) }]),
    deny: staffOnly,
  },
  { method: 'GET', path: () => `${E()}/events`, deny: staffOnly },
  { method: 'POST', path: () => `${E()}/release`, deny: staffOnly },
  { method: 'GET', path: () => `${E()}/export.csv`, deny: staffOnly },
  { method: 'GET', path: () => `${E()}/stats`, deny: staffOnly },
  { method: 'GET', path: () => `${E()}/review`, deny: staffOnly },
  {
    method: 'POST',
    path: () => `${E()}/review/grade`,
    body: () => ({ partId: '1a', submissionIds: [ids.sub], score: 3 }),
    deny: staffOnly,
  },
  { method: 'GET', path: () => `${E()}/regrade-requests`, deny: staffOnly },
  {
    method: 'POST',
    path: () => `/api/regrade-requests/${ids.rr}/answer`,
    body: () => ({ answer: 'no' }),
    deny: staffOnly,
  },
  { method: 'GET', path: () => `${E()}/rubric`, deny: staffOnly },
  { method: 'PUT', path: () => `${E()}/rubric`, body: () => ({ yaml: RUBRIC_V1 }), deny: adminOnly },
  { method: 'POST', path: () => `${E()}/rubric/preview`, body: () => ({ yaml: RUBRIC_V1 }), deny: adminOnly },
  { method: 'PUT', path: () => `${E()}/parameters`, body: () => ({ parameters: {} }), deny: adminOnly },
  { method: 'GET', path: S, deny: ownSubmission },
  { method: 'GET', path: () => `${S()}/pages/1.png`, deny: ownSubmission },
  {
    method: 'POST',
    path: () => `${S()}/student`,
    body: () => ({ studentId: null }),
    deny: { ...outsider, s1: 403, s2: 404 },
  },
  { method: 'POST', path: () => `${S()}/retry`, deny: { ...outsider, s1: 403, s2: 404 } },
  {
    method: 'POST',
    path: () => `${S()}/parts/1a/override`,
    body: () => ({ score: 1, comment: 'x' }),
    deny: { ...outsider, s1: 403, s2: 404 },
  },
  {
    method: 'POST',
    path: () => `${S()}/parts/1a/regrade-requests`,
    body: () => ({ message: 'x' }),
    deny: { ...outsider, s2: 404, taA: 403, adminA: 403 },
  },
  {
    method: 'POST',
    path: () => `${S()}/withdraw`,
    body: () => ({ reason: 'x' }),
    deny: { ...outsider, s1: 403, s2: 404 },
  },
  { method: 'POST', path: () => `${S()}/restore`, deny: { ...outsider, s1: 403, s2: 404 } },
  {
    method: 'DELETE',
    path: S,
    body: () => ({ confirm: 'secret-s1.pdf', reason: 'x' }),
    deny: { ...outsider, s1: 403, s2: 404 },
  },
  { method: 'GET', path: () => `${S()}/similar/${ids.sub}`, deny: { ...outsider, s1: 403, s2: 404 } },
  { method: 'GET', path: () => `${E()}/stacks`, deny: staffOnly },
  {
    method: 'POST',
    path: () => `${E()}/stacks`,
    body: () => form([{ name: 'x.pdf', bytes: fakePdf({ z: '1' }) }], 'file'),
    deny: staffOnly,
  },
  { method: 'GET', path: () => '/api/submissions/mine', deny: { anon: 401 } },
  { method: 'GET', path: () => '/api/courses', deny: { anon: 401 } },
  { method: 'GET', path: () => '/api/auth/me', deny: { anon: 401 } },
];

const SECRETS = () => ['secret-s1.pdf', 'Fake exam', '20CS10001', ids.sub];

describe('every route as the wrong user', () => {
  it.each(ROUTES.map((r) => [`${r.method} ${r.path.toString().slice(6, 60)}`, r] as const))(
    '%s',
    async (_name, route) => {
      for (const [who, status] of Object.entries(route.deny) as [Who, number][]) {
        const c = users[who];
        const res = await c.req(
          route.method,
          route.path(),
          route.body?.() ?? (route.method === 'GET' ? undefined : {}),
        );
        expect({ who, status: res.status }).toEqual({ who, status });
        // the error says nothing about the resource
        expect(Object.keys(res.data)).toEqual(['error']);
        const text = JSON.stringify(res.data);
        for (const secret of SECRETS()) expect(text).not.toContain(secret);
      }
    },
  );

  it('a nonexistent id and an id of another course answer the same', async () => {
    const a = await users.taB.get('/api/submissions/doesnotexist');
    const b = await users.taB.get(S());
    expect(a.status).toBe(b.status);
    expect(a.data).toEqual({ error: { code: 'not_found', message: 'submission not found' } });
    expect(b.data).toEqual(a.data);
  });

  it("a TA cannot grade a group that smuggles in another exam's submission", async () => {
    const r = await users.taA.post(`${E()}/review/grade`, {
      partId: '1a',
      submissionIds: [ids.sub, 'other'],
      score: 0,
    });
    expect(r.status).toBe(404);
    expect(await h.db.override.count({ where: { submissionId: ids.sub } })).toBe(0);
  });

  it('nothing was changed by any of the denied requests', async () => {
    expect(await h.db.override.count()).toBe(0);
    expect(await h.db.rubricVersion.count({ where: { examId: ids.exam } })).toBe(1);
    expect(await h.db.regradeRequest.count({ where: { status: 'answered' } })).toBe(0);
    expect(await h.db.submission.count()).toBe(1);
    expect(await h.db.submission.count({ where: { withdrawnAt: { not: null } } })).toBe(0);
    expect(await h.db.stack.count()).toBe(0);
    expect(await h.db.user.count({ where: { email: 'x@y.z' } })).toBe(0);
  });
});
