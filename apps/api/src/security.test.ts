// Security findings, each against the real server and database: part ids checked against the
// exam, ids checked at the route boundary, login throttling that cannot lock the real user out,
// upload limits per file and per zip, security headers on every response.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeGrading, fakePdf } from '@grader/grading/testing';
import { waitFor } from '@grader/jobs/testing';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from './app.ts';
import { CONTENT_SECURITY_POLICY } from './security-headers.ts';
import { createExam } from './services/exams.ts';
import { form, type TestClient } from './testing/client.ts';
import { FAKE_EXAM_YAML, type Harness, PASSWORD, RUBRIC_V1, startHarness } from './testing/harness.ts';

const webDir = mkdtempSync(join(tmpdir(), 'grader-web-'));
writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>grader</title>');

let h: Harness;
let ta: TestClient;
let s1: TestClient;
let examId = '';
let subId = '';

beforeAll(async () => {
  h = await startHarness({ WEB_DIR: webDir });
  ta = await h.as('ta.a@t.test');
  s1 = await h.as('s1@t.test');
  examId = (
    await createExam(h.server.ctx, h.courseA.id, {
      examYaml: FAKE_EXAM_YAML,
      rubricYaml: RUBRIC_V1,
      actorId: null,
    })
  ).id;
  const up = await ta.req(
    'POST',
    `/api/exams/${examId}/submissions`,
    form([{ name: 's1.pdf', bytes: fakePdf({ roll: '20CS10001', '1a': '42', '2a': '6' }) }]),
  );
  subId = up.data.created[0].id;
  await waitFor(
    async () => (await h.db.submission.findUnique({ where: { id: subId } }))?.status === 'graded',
  );
  await ta.post(`/api/exams/${examId}/release`);
});
afterAll(async () => {
  await h?.stop();
});

/** One request from a chosen local address (all of 127.0.0.0/8 is this machine): another source. */
function postFrom(
  base: string,
  localAddress: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown> }> {
  const url = new URL(path, base);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...headers,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const login = (
  base: string,
  from: string,
  email: string,
  password: string,
  headers?: Record<string, string>,
) => postFrom(base, from, '/api/auth/login', { email, password }, headers);

describe('part ids are checked against the exam', () => {
  const EVIL = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '3z'];

  it('overrides: 400 for a name that is not a part, never a bypass of 0..max', async () => {
    for (const partId of EVIL) {
      const r = await ta.post(`/api/submissions/${subId}/parts/${partId}/override`, {
        score: 1e3,
        comment: 'x',
      });
      expect({ partId, status: r.status }).toEqual({ partId, status: 400 });
      expect(r.data.error.fields).toHaveProperty('partId');
    }
    const over = await ta.post(`/api/submissions/${subId}/parts/1a/override`, { score: 3.5, comment: 'x' });
    expect(over.status).toBe(400);
    expect(over.data.error.fields).toEqual({ score: '0..3' });
  });

  it('review decisions: 400 for the same names', async () => {
    for (const partId of EVIL) {
      const r = await ta.post(`/api/exams/${examId}/review/grade`, {
        partId,
        submissionIds: [subId],
        score: 1e3,
      });
      expect({ partId, status: r.status }).toEqual({ partId, status: 400 });
    }
  });

  it('regrade requests: 400 for the same names', async () => {
    for (const partId of EVIL) {
      const r = await s1.post(`/api/submissions/${subId}/parts/${partId}/regrade-requests`, { message: 'x' });
      expect({ partId, status: r.status }).toEqual({ partId, status: 400 });
    }
  });

  it('nothing was stored by any of them, and the grade is untouched', async () => {
    expect(await h.db.override.count()).toBe(0);
    expect(await h.db.regradeRequest.count()).toBe(0);
    expect((await ta.get(`/api/submissions/${subId}`)).data.grade.total).toBe(3);
  });

  it('an exam definition may not name a part after an object member', async () => {
    const admin = await h.as('admin.a@t.test');
    const yaml = FAKE_EXAM_YAML.replace('id: fake-exam', 'id: proto-exam').replace(
      'id: "2a"',
      'id: "__proto__"',
    );
    const r = await admin.req(
      'POST',
      `/api/courses/${h.courseA.id}/exams`,
      form(
        [
          { name: 'exam.yaml', bytes: Buffer.from(yaml) },
          { name: 'rubric.yaml', bytes: Buffer.from(RUBRIC_V1) },
        ],
        'definition',
      ),
    );
    expect(r.status).toBe(400);
    expect(r.data.error.fields).toHaveProperty(['exam.yaml: parts.1.id']);
    const nul = await admin.req(
      'POST',
      `/api/courses/${h.courseA.id}/exams`,
      form(
        [
          { name: 'exam.yaml', bytes: Buffer.from(FAKE_EXAM_YAML.replace('Fake exam', 'Fake\u0000exam')) },
          { name: 'rubric.yaml', bytes: Buffer.from(RUBRIC_V1) },
        ],
        'definition',
      ),
    );
    expect(nul.status).toBe(400);
    expect(nul.data.error.fields).toEqual({ 'exam.yaml': 'NUL character' });
  });
});

describe('ids are checked at the route boundary', () => {
  const JUNK = ['%00', `${'c'.repeat(25)}%00`, 'x%00y', "1'%20OR%201=1", 'A'.repeat(300), '%F0%9F%98%80'];

  it('GET /api/submissions/%00 and other junk ids: 404 like any unknown id, never 500', async () => {
    for (const id of JUNK) {
      for (const path of [
        `/api/submissions/${id}`,
        `/api/submissions/${id}/pages/1.png`,
        `/api/exams/${id}`,
        `/api/exams/${id}/export.csv`,
        `/api/exams/${id}/rubric`,
        `/api/exams/${id}/review`,
        `/api/courses/${id}/exams`,
      ]) {
        const r = await ta.get(path);
        expect({ path, status: r.status }).toEqual({ path, status: 404 });
      }
      for (const path of [`/api/regrade-requests/${id}/answer`, `/api/submissions/${id}/retry`]) {
        const r = await ta.post(path, { answer: 'x' });
        expect({ path, status: r.status }).toEqual({ path, status: 404 });
      }
    }
  });

  it('broken %-encoding in a path is 400, not 500', async () => {
    const r = await ta.get('/api/submissions/%E0%A4%A');
    expect(r.status).toBe(400);
    expect(r.data.error.code).toBe('invalid');
  });

  it('ids and text in bodies: NUL is refused before it reaches PostgreSQL', async () => {
    const assign = await ta.post(`/api/submissions/${subId}/student`, { studentId: 'c\u0000x' });
    expect(assign.status).toBe(400);
    const group = (submissionIds: string[]) =>
      ta.post(`/api/exams/${examId}/review/grade`, { partId: '1a', submissionIds, score: 1 });
    expect((await group([subId, '\u0000'])).status).toBe(400);
    expect((await group([subId, 'not an id'])).status).toBe(404);
    const comment = await ta.post(`/api/submissions/${subId}/parts/1a/override`, {
      score: 1,
      comment: 'a\u0000b',
    });
    expect(comment.status).toBe(400);
    expect(comment.data.error.fields).toEqual({ comment: 'NUL character' });
    expect(await h.db.override.count()).toBe(0);
  });
});

describe('login throttling', () => {
  it('ten wrong passwords from one source do not block the right password from another', async () => {
    for (let i = 0; i < 10; i++)
      expect((await login(h.base, '127.0.0.2', 's2@t.test', 'wrong')).status).toBe(401);
    const blocked = await login(h.base, '127.0.0.2', 's2@t.test', PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login(h.base, '127.0.0.3', 's2@t.test', PASSWORD)).status).toBe(200);
    // the blocked source may still sign in to another account
    expect((await login(h.base, '127.0.0.2', 's1@t.test', PASSWORD)).status).toBe(200);
  });

  it('without a trusted proxy, X-Forwarded-For is ignored: rotating it defeats neither limit', async () => {
    const xff = (i: number) => ({ 'x-forwarded-for': `198.51.100.${i}` });
    for (let i = 0; i < 10; i++)
      expect((await login(h.base, '127.0.0.4', 'ta.b@t.test', 'wrong', xff(i))).status).toBe(401);
    expect((await login(h.base, '127.0.0.4', 'ta.b@t.test', PASSWORD, xff(99))).status).toBe(429);
    // per source, over many accounts: 50 failures from one address, whatever the header says
    const codes: number[] = [];
    for (let i = 0; i < 41; i++)
      codes.push((await login(h.base, '127.0.0.4', `nobody${i}@t.test`, 'wrong', xff(100 + i))).status);
    expect(codes.slice(0, 40).every((c) => c === 401)).toBe(true);
    expect(codes.at(-1)).toBe(429);
    expect((await login(h.base, '127.0.0.4', 'admin.a@t.test', PASSWORD, xff(200))).status).toBe(429);
    expect((await login(h.base, '127.0.0.5', 'admin.a@t.test', PASSWORD)).status).toBe(200);
  });

  it('behind a trusted proxy (TRUST_PROXY), the forwarded client is the source', async () => {
    const server = await createServer({
      config: { ...h.config, TRUST_PROXY: ['loopback'] },
      db: h.db,
      grading: fakeGrading,
      log: () => {},
    });
    const base = await server.listen(0, '127.0.0.1');
    try {
      const from = (ip: string) => ({ 'x-forwarded-for': ip });
      // one proxy connection (127.0.0.6) carries two clients; only the guessing one is held back
      for (let i = 0; i < 10; i++)
        expect((await login(base, '127.0.0.6', 'admin.b@t.test', 'wrong', from('203.0.113.7'))).status).toBe(
          401,
        );
      expect((await login(base, '127.0.0.6', 'admin.b@t.test', PASSWORD, from('203.0.113.7'))).status).toBe(
        429,
      );
      expect((await login(base, '127.0.0.6', 'admin.b@t.test', PASSWORD, from('203.0.113.8'))).status).toBe(
        200,
      );
    } finally {
      await server.close();
    }
  });
});

describe('uploads', () => {
  it('one oversize file in a batch fails alone, named, with the limit; the others go on', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc((1 << 20) + 1)]);
    const r = await ta.req(
      'POST',
      `/api/exams/${examId}/submissions`,
      form([
        { name: 'a.pdf', bytes: fakePdf({ roll: 'A', '1a': '1' }) },
        { name: 'big.pdf', bytes: big },
        { name: 'c.pdf', bytes: fakePdf({ roll: 'C', '1a': '1' }) },
      ]),
    );
    expect(r.status).toBe(201);
    expect(r.data.created.map((s: { fileName: string }) => s.fileName)).toEqual(['a.pdf', 'c.pdf']);
    expect(r.data.rejected).toEqual([
      { file: 'big.pdf', reason: expect.stringMatching(/1 MiB \(1048576 bytes\)/) },
    ]);
  });

  it('a zip with more entries than allowed is refused whole before any submission is made', async () => {
    const before = await h.db.submission.count();
    const many = zipSync(
      Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`z${i}.pdf`, fakePdf({ roll: `Z${i}` })])),
    );
    const r = await ta.req(
      'POST',
      `/api/exams/${examId}/submissions`,
      form([
        { name: 'many.zip', bytes: many },
        { name: 'd.pdf', bytes: fakePdf({ roll: 'D', '1a': '1' }) },
      ]),
    );
    expect(r.data.rejected).toEqual([
      { file: 'many.zip', reason: expect.stringMatching(/more than 20 files.*whole/) },
    ]);
    expect(r.data.created.map((s: { fileName: string }) => s.fileName)).toEqual(['d.pdf']);
    expect(await h.db.submission.count()).toBe(before + 1);
    expect(await h.db.submission.count({ where: { fileName: { startsWith: 'z' } } })).toBe(0);
  });
});

describe('security headers', () => {
  const expectHeaders = (headers: Headers, what: string) => {
    expect({ what, csp: headers.get('content-security-policy') }).toEqual({
      what,
      csp: CONTENT_SECURITY_POLICY,
    });
    expect(headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
  };

  it('on every response: API, errors, the web UI and its client-side routes', async () => {
    const anon = h.client();
    const cases: [string, Promise<{ status: number; headers: Headers }>][] = [
      ['health', anon.get('/api/health')],
      ['401', anon.get('/api/courses')],
      ['404 api', ta.get('/api/nope')],
      ['400 json', ta.req('POST', '/api/auth/login', undefined, { 'content-type': 'application/json' })],
      ['csv', ta.get(`/api/exams/${examId}/export.csv`)],
      ['png', ta.get(`/api/submissions/${subId}/pages/1.png`)],
      ['index', anon.get('/')],
      ['spa route', anon.get('/exams/x')],
    ];
    for (const [what, p] of cases) expectHeaders((await p).headers, what);
    const bad = await fetch(`${h.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(bad.status).toBe(400);
    expectHeaders(bad.headers, 'bad json');
  });

  it('the policy allows only what apps/web uses: its own files, data: icon, style via the DOM', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'self'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/img-src 'self' data:/);
  });
});
