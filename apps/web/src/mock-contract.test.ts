// The e2e's contract mock (e2e/mock-api.ts) answers as the API's contract (@grader/contract) says:
// a day's requests through it over HTTP (no browser), every JSON answer checked against the
// route's schema. When the API's schemas change and the mock does not follow, this fails.
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { checkResponse, findRoute, ROUTES } from '@grader/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockApi, type MockServer } from '../e2e/mock-api.ts';

const samplesDir = fileURLToPath(new URL('../../../samples/', import.meta.url));

describe('the contract check itself', () => {
  it('rejects an answer that drifted from the schema, and names the field', () => {
    const row = {
      id: 's1',
      fileName: 'p01.pdf',
      status: 'graded',
      statusReason: null,
      progress: 1,
      student: null,
      total: 3,
      needsReview: 0,
      flags: [],
      withdrawn: null,
      pages: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    expect(checkResponse('GET', '/api/exams/e1/submissions', 200, [row])).toBeNull();
    const { flags: _gone, ...withoutFlags } = row;
    const problem = checkResponse('GET', '/api/exams/e1/submissions', 200, [withoutFlags]);
    expect(problem?.route).toBe('GET /api/exams/:examId/submissions');
    expect(problem?.issues.join(' ')).toMatch(/flags/);
    expect(checkResponse('POST', '/api/exams/e1/review/grade', 200, { graded: 2 })?.issues[0]).toMatch(
      /graded/,
    );
    // errors are held to the envelope
    expect(checkResponse('GET', '/api/exams/e1', 404, { message: 'nope' })).not.toBeNull();
    expect(
      checkResponse('GET', '/api/exams/e1', 404, { error: { code: 'not_found', message: 'x' } }),
    ).toBeNull();
  });
  it('finds literal routes before parameters', () => {
    expect(findRoute('GET', '/api/submissions/mine')?.route.path).toBe('/api/submissions/mine');
    expect(findRoute('GET', '/api/submissions/abc')?.params).toEqual({ id: 'abc' });
    expect(new Set(ROUTES.map((r) => `${r.method} ${r.path}`)).size).toBe(ROUTES.length);
  });
});

describe('the contract mock', () => {
  let server: MockServer;
  let base = '';
  const seen = new Set<string>();
  const problems: string[] = [];

  /** one signed-in client: cookie and CSRF token kept, every JSON answer checked */
  function client() {
    let cookie = '';
    let csrf = '';
    const call = async (method: string, path: string, body?: unknown, form?: FormData) => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(csrf ? { 'x-csrf-token': csrf } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: form ?? (body !== undefined ? JSON.stringify(body) : undefined),
      });
      const set = res.headers.get('set-cookie');
      if (set) cookie = set.split(';')[0];
      const json = /json/.test(res.headers.get('content-type') ?? '') ? await res.json() : null;
      if (json !== null) {
        const found = findRoute(method, new URL(path, base).pathname);
        if (found && res.ok) seen.add(`${found.route.method} ${found.route.path}`);
        const p = checkResponse(method, new URL(path, base).pathname, res.status, json);
        if (p) problems.push(`${p.route} (${p.status}): ${p.issues.join('; ')}`);
      }
      return { status: res.status, json: json as any };
    };
    return {
      call,
      async login(email: string, password: string) {
        const r = await call('POST', '/api/auth/login', { email, password });
        expect(r.status).toBe(200);
        csrf = r.json.csrfToken;
        return r.json;
      },
    };
  }

  beforeAll(async () => {
    server = createMockApi({ samplesDir, distDir: samplesDir, renderDelayMs: 0 });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it("answers a TA's, an admin's and a student's day within the contract", async () => {
    const ta = client();
    expect((await ta.call('GET', '/api/auth/me')).status).toBe(401);
    const me = await ta.login('ta@example.edu', 'ta-pass');
    const courseId = me.roles[0].courseId;
    const [exam] = (await ta.call('GET', `/api/courses/${courseId}/exams`)).json;
    const e = `/api/exams/${exam.id}`;
    await ta.call('GET', '/api/courses');
    await ta.call('GET', e);

    const { readFileSync } = await import('node:fs');
    const form = new FormData();
    for (const f of ['p01.pdf', 'p03.pdf', 'p07.pdf'])
      form.append('files[]', new Blob([readFileSync(`${samplesDir}${f}`)]), f);
    form.append('files[]', new Blob([Buffer.from('not a pdf')]), 'notes.pdf');
    const up = await ta.call('POST', `${e}/submissions`, undefined, form);
    expect(up.status).toBe(201);
    expect(up.json.rejected).toHaveLength(1);
    for (let i = 0; i < 600; i++) {
      const list = (await ta.call('GET', `${e}/submissions`)).json as { status: string }[];
      if (list.every((s) => ['graded', 'needs_review', 'failed'].includes(s.status))) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const page = (await ta.call('GET', `${e}/submissions?pageSize=2&sort=score`)).json;
    expect(page.total).toBe(3);
    const rows = (await ta.call('GET', `${e}/submissions`)).json as { id: string; fileName: string }[];
    const id = (f: string) => rows.find((r) => r.fileName === f)!.id;
    const mine = id('p01.pdf');
    const detail = (await ta.call('GET', `/api/submissions/${mine}`)).json;
    expect(detail.grade.flags).toContain('similarity');
    await ta.call('GET', `/api/submissions/${mine}/similar/${id('p03.pdf')}`);
    await ta.call('POST', `/api/submissions/${mine}/parts/1a/override`, { score: 1, comment: 'by hand' });
    const bad = await ta.call('POST', `/api/submissions/${mine}/parts/1a/override`, { score: 1 });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields.comment).toBeTruthy();
    const queue = (await ta.call('GET', `${e}/review`)).json;
    if (queue.length) {
      const g = queue[0];
      await ta.call('POST', `${e}/review/grade`, {
        partId: g.partId,
        submissionIds: g.items.map((x: { submissionId: string }) => x.submissionId),
        score: 0,
      });
    }
    await ta.call('GET', `${e}/stats`);
    await ta.call('GET', `${e}/keys`);
    await ta.call('GET', `${e}/rubric`);
    await ta.call('GET', `${e}/roster`);
    await ta.call('GET', `${e}/versions`);
    const members = (await ta.call('GET', `/api/courses/${courseId}/members`)).json;
    const student = members.find((m: { roll: string | null }) => m.roll === 'ARJ-001') ?? members.at(-1);
    await ta.call('POST', `/api/submissions/${id('p07.pdf')}/student`, { studentId: student.userId });
    expect(
      (await ta.call('POST', `/api/submissions/${id('p07.pdf')}/student`, { studentId: 'x' })).status,
    ).toBe(400);
    await ta.call('POST', `/api/courses/${courseId}/roster`, { csv: 'roll,name\n20XX10001,New Student\n' });
    expect(
      (await ta.call('POST', `/api/courses/${courseId}/roster`, { csv: 'roll,name\n,No Roll\n' })).status,
    ).toBe(400);
    await ta.call('GET', `${e}/release`);
    await ta.call('POST', `${e}/release`);
    await ta.call('DELETE', `${e}/release`);
    await ta.call('POST', `${e}/release`);
    // a change after release: the student's "What changed"
    await ta.call('POST', `/api/submissions/${mine}/parts/2a/override`, {
      score: 0.5,
      comment: 'after release',
    });
    await ta.call('POST', `/api/submissions/${id('p03.pdf')}/withdraw`, { reason: 'scanned twice' });
    await ta.call('GET', `${e}/submissions?status=withdrawn&pageSize=5`);
    await ta.call('POST', `/api/submissions/${id('p03.pdf')}/restore`, {});
    expect(
      (await ta.call('DELETE', `/api/submissions/${mine}`, { confirm: 'p01.pdf', reason: 'no' })).status,
    ).toBe(409);

    const admin = client();
    await admin.login('admin@example.edu', 'admin-pass');
    const rubric = (await admin.call('GET', `${e}/rubric`)).json;
    const invalid = await admin.call('POST', `${e}/rubric/preview`, {
      yaml: rubric.yaml.replace(/points: \d+/, 'points: -1'),
    });
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.json.error.fields)[0]).toMatch(/^parts\[\d+\]\.points$/);
    const edited = rubric.yaml.replace(
      /(id: "3b"\n\s*points: )(\d+)/,
      (_: string, a: string, p: string) => `${a}${Number(p) + 1}`,
    );
    await admin.call('POST', `${e}/rubric/preview`, { yaml: edited });
    const saved = (await admin.call('PUT', `${e}/rubric`, { yaml: edited })).json;
    // the regrade it queued, as the page follows it
    await admin.call('GET', `${e}/regrades/${saved.regrade.id}`);
    await admin.call('GET', `${e}/regrades/latest`);
    await admin.call('PUT', `${e}/parameters`, { parameters: { '5.filter': 3 } });
    await admin.call('POST', `${e}/versions`, { name: 'A', parameters: {} });
    await admin.call('POST', `${e}/versions`, { name: 'B', parameters: { '5.padding': 0 } });
    expect((await admin.call('POST', `${e}/versions`, { name: 'not a name!' })).status).toBe(400);
    await admin.call('GET', `${e}/versions`);
    await admin.call('POST', `/api/courses/${courseId}/roster`, {
      csv: 'roll,name,version\n19MT30431,Divya Menon,B\n',
      examId: exam.id,
    });
    await admin.call('POST', `/api/courses/${courseId}/members`, {
      email: 'new@example.edu',
      name: 'New',
      role: 'ta',
    });
    await admin.call('PATCH', `/api/courses/${courseId}/members/${me.user.id}`, {
      name: 'Edited TA',
      roll: 'TA-1',
    });
    expect((await admin.call('PATCH', `/api/courses/${courseId}/members/${me.user.id}`, {})).status).toBe(
      400,
    );

    const st = client();
    await st.login('19mt30431@example.edu', 'student-pass');
    const [own] = (await st.call('GET', '/api/submissions/mine')).json;
    const view = (await st.call('GET', `/api/submissions/${own.id}`)).json;
    expect(view.submission.version?.name).toBe('B');
    expect(view.history.length).toBeGreaterThan(0);
    const rr = await st.call('POST', `/api/submissions/${own.id}/parts/2a/regrade-requests`, {
      message: 'please look again',
    });
    expect(rr.status).toBe(201);
    expect((await st.call('GET', `/api/submissions/${id('p03.pdf')}`)).status).toBe(404);
    const [card] = (await ta.call('GET', `${e}/regrade-requests`)).json;
    await ta.call('POST', `/api/regrade-requests/${card.id}/answer`, { answer: 'kept', score: 1 });
    await st.call('POST', '/api/auth/password', {
      currentPassword: 'student-pass',
      newPassword: 'student-pass-2',
    });
    await st.call('POST', '/api/auth/logout');

    expect(problems).toEqual([]);
    expect(server.contractProblems).toEqual([]);
    // the day reached most of the contract's JSON routes (the stacks have their own e2e step)
    const missed = ROUTES.map((r) => `${r.method} ${r.path}`).filter((r) => !seen.has(r));
    expect(missed.length, `routes not exercised: ${missed.join(', ')}`).toBeLessThanOrEqual(12);
  }, 120_000);
});
