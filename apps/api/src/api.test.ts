import { fakePdf } from '@grader/grading/testing';
import { waitFor } from '@grader/jobs/testing';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { form, type TestClient } from './testing/client.ts';
import { FAKE_EXAM_YAML, type Harness, PASSWORD, RUBRIC_V1, startHarness } from './testing/harness.ts';
import { regradeSettled } from './testing/regrade.ts';

let h: Harness;
let admin: TestClient;
let ta: TestClient;
let s1: TestClient;
let examId = '';
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await startHarness();
  admin = await h.as('admin.a@t.test');
  ta = await h.as('ta.a@t.test');
  s1 = await h.as('s1@t.test');
});
afterAll(async () => {
  await h?.stop();
});

const pdfS1 = fakePdf({ roll: '20CS10001', name: 'Student One', '1a': '42', '2a': '6' }); // 3/5
const pdfS2 = fakePdf({ roll: '20CS10002', name: 'Student Two', '1a': '41?', '2a': '7' }); // 1a unsure
const pdfS2b = fakePdf({ roll: 'ZZ', '1a': '41?', '2a': '7', x: 'other' }); // same unsure answer

describe('API flow (real PostgreSQL and Redis, fake OCR/grading core)', () => {
  it('signs in with a session cookie and refuses wrong passwords', async () => {
    const me = await ta.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.data.user.email).toBe('ta.a@t.test');
    expect(me.data.roles).toEqual([{ courseId: h.courseA.id, role: 'ta' }]);
    expect(me.data.user.passwordHash).toBeUndefined();
    const bad = await h.client().post('/api/auth/login', { email: 'ta.a@t.test', password: 'nope' });
    expect(bad.status).toBe(401);
    const res = await fetch(`${h.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 's2@t.test', password: PASSWORD }),
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^sid=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it('rejects state-changing requests without the CSRF header', async () => {
    const r = await ta.req('POST', '/api/auth/logout', {}, { 'x-csrf-token': 'wrong' });
    expect(r.status).toBe(403);
    expect((await ta.get('/api/auth/me')).status).toBe(200);
  });

  it('rate-limits login attempts for one email', async () => {
    const c = h.client();
    const codes: number[] = [];
    for (let i = 0; i < 12; i++)
      codes.push((await c.post('/api/auth/login', { email: 'admin.b@t.test', password: 'x' })).status);
    expect(codes.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });

  it('creates an exam from an uploaded definition, with errors that point at the field', async () => {
    const bad = await admin.req(
      'POST',
      `/api/courses/${h.courseA.id}/exams`,
      form(
        [
          {
            name: 'exam.yaml',
            bytes: Buffer.from(FAKE_EXAM_YAML.replace('reviewThreshold: 0.7', 'reviewThreshold: 7')),
          },
          { name: 'rubric.yaml', bytes: Buffer.from('parts:\n  "1a": { max: -1, key: "42" }\n') },
        ],
        'definition',
      ),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.data.error.fields)).toEqual(['exam.yaml: reviewThreshold']);
    // the line in the uploaded file comes with it (exam.yaml line 4)
    expect(bad.data.error.fields['exam.yaml: reviewThreshold']).toMatch(/^line 4: /);
    const badRubric = await admin.req(
      'POST',
      `/api/courses/${h.courseA.id}/exams`,
      form(
        [
          { name: 'exam.yaml', bytes: Buffer.from(FAKE_EXAM_YAML) },
          { name: 'rubric.yaml', bytes: Buffer.from('parts:\n  "1a": { max: -1, key: "42" }\n') },
        ],
        'definition',
      ),
    );
    expect(badRubric.status).toBe(400);
    expect(Object.keys(badRubric.data.error.fields)).toEqual(['rubric.yaml: parts.1a.max']);
    const zip = zipSync({
      'def/exam.yaml': Buffer.from(FAKE_EXAM_YAML),
      'def/rubric.yaml': Buffer.from(RUBRIC_V1),
    });
    const ok = await admin.req(
      'POST',
      `/api/courses/${h.courseA.id}/exams`,
      form([{ name: 'def.zip', bytes: zip }], 'definition'),
    );
    expect(ok.status).toBe(201);
    expect(ok.data.parts.map((p: { id: string }) => p.id)).toEqual(['1a', '2a']);
    expect(ok.data.rubricVersion.version).toBe(1);
    examId = ok.data.id;
    const list = await s1.get(`/api/courses/${h.courseA.id}/exams`);
    expect(list.data.map((e: { id: string }) => e.id)).toEqual([examId]);
  });

  it('bulk upload: PDFs and a zip; duplicates recognised; bad files rejected alone with reasons', async () => {
    const bomb = zipSync({ 'bomb.pdf': new Uint8Array(8 << 20) }, { level: 9 });
    const zip = zipSync({ 'inner/s2b.pdf': pdfS2b, '../escape.pdf': pdfS1, 'readme.txt': Buffer.from('hi') });
    const r = await ta.req(
      'POST',
      `/api/exams/${examId}/submissions`,
      form([
        { name: 's1.pdf', bytes: pdfS1 },
        { name: 's2.pdf', bytes: pdfS2 },
        { name: 's1-again.pdf', bytes: pdfS1 },
        { name: 'photo.jpg', bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) },
        { name: 'batch.zip', bytes: zip },
        { name: 'bomb.zip', bytes: bomb },
      ]),
    );
    expect(r.status).toBe(201);
    expect(r.data.created.map((s: { fileName: string }) => s.fileName).sort()).toEqual([
      's1.pdf',
      's2.pdf',
      's2b.pdf',
    ]);
    expect(r.data.duplicates.map((s: { fileName: string }) => s.fileName)).toEqual(['s1.pdf']);
    const reasons = Object.fromEntries(
      r.data.rejected.map((x: { file: string; reason: string }) => [x.file, x.reason]),
    );
    expect(reasons['photo.jpg']).toMatch(/not a PDF/);
    expect(reasons['batch.zip/../escape.pdf']).toMatch(/unsafe/);
    expect(reasons['batch.zip/readme.txt']).toMatch(/not a/);
    expect(reasons['bomb.zip/bomb.pdf']).toMatch(/too large/);
    for (const s of r.data.created) ids[s.fileName] = s.id;
    // the same bytes again in a later request: a duplicate, not a second submission
    const again = await ta.req(
      'POST',
      `/api/exams/${examId}/submissions`,
      form([{ name: 'x.pdf', bytes: pdfS2 }]),
    );
    expect(again.status).toBe(200);
    expect(again.data.duplicates[0].id).toBe(ids['s2.pdf']);
  });

  it('refuses an oversize file alone, named, with the limit; the rest of the batch goes on', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2 << 20)]);
    const small = fakePdf({ roll: 'YY', '1a': '1', '2a': '1' });
    const r = await ta.req(
      'POST',
      `/api/exams/${examId}/submissions`,
      form([
        { name: 'big.pdf', bytes: big },
        { name: 'small.pdf', bytes: small },
      ]),
    );
    expect(r.status).toBe(201);
    expect(r.data.created.map((s: { fileName: string }) => s.fileName)).toEqual(['small.pdf']);
    expect(r.data.rejected).toEqual([
      { file: 'big.pdf', reason: 'larger than the limit of 1 MiB (1048576 bytes) per file' },
    ]);
    // not one of this flow's scripts: out of the way again
    await h.db.submission.delete({ where: { id: r.data.created[0].id } });
  });

  it('a re-upload of a file whose first upload died before it was queued queues it at once', async () => {
    const bytes = fakePdf({ roll: 'ZZ', '1a': '3', '2a': '3' });
    const r = await ta.req('POST', `/api/exams/${examId}/submissions`, form([{ name: 'z.pdf', bytes }]));
    const id = r.data.created[0].id;
    // the state an API killed between the row and the queue leaves behind
    await waitFor(async () => {
      const s = await h.db.submission.findUnique({ where: { id } });
      return s && ['graded', 'needs_review'].includes(s.status);
    });
    await h.db.submission.update({ where: { id }, data: { status: 'uploaded' } });
    const again = await ta.req('POST', `/api/exams/${examId}/submissions`, form([{ name: 'z.pdf', bytes }]));
    expect(again.data.duplicates).toEqual([expect.objectContaining({ id, status: 'queued' })]);
    const done = await waitFor(async () => {
      const s = await h.db.submission.findUnique({ where: { id } });
      return s && ['graded', 'needs_review'].includes(s.status) ? s.status : false;
    });
    expect(['graded', 'needs_review']).toContain(done);
    await h.db.submission.delete({ where: { id } });
  });

  it('streams progress and ends with every submission in a final state', async () => {
    const ctrl = new AbortController();
    const res = await fetch(`${h.base}/api/exams/${examId}/events`, {
      headers: { cookie: ta.cookie },
      signal: ctrl.signal,
    });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    let text = '';
    while (!text.includes('"submissionId"')) text += new TextDecoder().decode((await reader.read()).value);
    // the stream stays open and keeps reporting: wait for a later message (change or keep-alive)
    const before = text.length;
    while (text.length === before) text += new TextDecoder().decode((await reader.read()).value);
    ctrl.abort();
    const first = JSON.parse(text.slice(text.indexOf('data: ') + 6).split('\n')[0]);
    expect(Object.values(ids)).toContain(first.submissionId);
    expect(first.progress).toBeGreaterThanOrEqual(0);

    const list = await waitFor(async () => {
      const l = await ta.get(`/api/exams/${examId}/submissions`);
      return (
        l.data.every((s: { status: string }) => ['graded', 'needs_review', 'failed'].includes(s.status)) &&
        l.data
      );
    });
    const by = Object.fromEntries(list.map((s: any) => [s.fileName, s]));
    expect(by['s1.pdf']).toMatchObject({ status: 'graded', total: 3, needsReview: 0 });
    expect(by['s1.pdf'].student).toMatchObject({ name: 'Student One', roll: '20CS10001' });
    expect(by['s2.pdf']).toMatchObject({ status: 'needs_review', needsReview: 1 });
    expect(by['s2b.pdf'].student).toMatchObject({ id: null, roll: 'ZZ' }); // not on the roster: as read
  });

  it('shows a TA the grade with reasons and page boxes, and serves page images', async () => {
    const r = await ta.get(`/api/submissions/${ids['s1.pdf']}`);
    expect(r.status).toBe(200);
    expect(r.data.grade.total).toBe(3);
    expect(r.data.grade.parts['2a']).toMatchObject({
      score: 0,
      max: 2,
      review: false,
      reasons: ['expected 7'],
    });
    expect(r.data.grade.parts['1a'].evidence[0]).toEqual({ page: 1, box: { x: 50, y: 100, w: 200, h: 20 } });
    expect(r.data.header).toMatchObject({ name: 'Student One', roll: '20CS10001' });
    expect(r.data.warnings).toEqual([]);
    expect(r.data.pages).toEqual([
      expect.objectContaining({ page: 1, imageUrl: `/api/submissions/${ids['s1.pdf']}/pages/1.png` }),
    ]);
    const png = await ta.get(r.data.pages[0].imageUrl);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect((await ta.get(`/api/submissions/${ids['s1.pdf']}/pages/2.png`)).status).toBe(404);
  });

  it('groups parts under review by identical answer and grades a group at once', async () => {
    const q = await ta.get(`/api/exams/${examId}/review`);
    expect(q.data).toHaveLength(1);
    expect(q.data[0]).toMatchObject({ partId: '1a', text: '41?', count: 2 });
    const subIds = q.data[0].items.map((i: { submissionId: string }) => i.submissionId).sort();
    expect(subIds).toEqual([ids['s2.pdf'], ids['s2b.pdf']].sort());
    const g = await ta.post(`/api/exams/${examId}/review/grade`, {
      partId: '1a',
      submissionIds: subIds,
      score: 1,
      comment: 'close',
    });
    expect(g.status).toBe(200);
    expect((await ta.get(`/api/exams/${examId}/review`)).data).toEqual([]);
    const s2 = await ta.get(`/api/submissions/${ids['s2.pdf']}`);
    expect(s2.data.submission.status).toBe('graded');
    expect(s2.data.grade.parts['1a']).toMatchObject({
      score: 1,
      autoScore: 0,
      override: { score: 1, comment: 'close' },
    });
    expect(s2.data.grade.total).toBe(3);
  });

  it('overrides a part with a comment, audited with before and after', async () => {
    const bad = await ta.post(`/api/submissions/${ids['s1.pdf']}/parts/2a/override`, {
      score: 5,
      comment: 'x',
    });
    expect(bad.status).toBe(400);
    const o = await ta.post(`/api/submissions/${ids['s1.pdf']}/parts/2a/override`, {
      score: 1.5,
      comment: 'arithmetic slip only',
    });
    expect(o.status).toBe(201);
    expect(o.data.total).toBe(4.5);
    const audit = await h.db.auditLog.findFirst({
      where: { submissionId: ids['s1.pdf'], action: 'override' },
    });
    expect(audit).toMatchObject({
      partId: '2a',
      before: { score: 0, total: 3 },
      after: { score: 1.5, total: 4.5 },
      reason: 'arithmetic slip only',
    });
    expect(audit?.actorId).toBe(h.people.taA.id);
  });

  it('shows a student nothing before release, then their released grade; regrade request and answer', async () => {
    let mine = await s1.get('/api/submissions/mine');
    expect(mine.data).toEqual([expect.objectContaining({ id: ids['s1.pdf'], released: false, total: null })]);
    expect((await s1.get(`/api/submissions/${ids['s1.pdf']}`)).data.grade).toBeNull();
    expect(
      (await s1.post(`/api/submissions/${ids['s1.pdf']}/parts/2a/regrade-requests`, { message: 'please' }))
        .status,
    ).toBe(409);

    expect((await ta.post(`/api/exams/${examId}/release`)).status).toBe(200);
    mine = await s1.get('/api/submissions/mine');
    expect(mine.data[0]).toMatchObject({ released: true, total: 4.5 });
    const detail = await s1.get(`/api/submissions/${ids['s1.pdf']}`);
    expect(detail.data.grade.parts['2a']).toMatchObject({
      score: 1.5,
      override: { comment: 'arithmetic slip only' },
    });
    expect(detail.data.grade.flags).toEqual([]);
    expect(detail.data.header).toBeNull(); // what the reader made of the header is staff business

    const rr = await s1.post(`/api/submissions/${ids['s1.pdf']}/parts/1a/regrade-requests`, {
      message: 'I showed my work',
    });
    expect(rr.status).toBe(201);
    const open = await ta.get(`/api/exams/${examId}/regrade-requests`);
    expect(open.data).toEqual([
      expect.objectContaining({ id: rr.data.id, partId: '1a', message: 'I showed my work' }),
    ]);
    const ans = await ta.post(`/api/regrade-requests/${rr.data.id}/answer`, {
      answer: 'the key stands',
      score: 3,
    });
    expect(ans.status).toBe(200);
    expect(ans.data.status).toBe('answered');
    expect((await ta.get(`/api/exams/${examId}/regrade-requests`)).data).toEqual([]);
  });

  it('exports CSV: a row per roster student by roll with a status, unconfirmed scripts last; stats', async () => {
    const csv = await ta.get(`/api/exams/${examId}/export.csv`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('x-unconfirmed-scripts')).toBe('1');
    expect((csv.data as string).split('\r\n')).toEqual([
      'roll,name,total,status,1a,2a',
      '20CS10001,Student One,4.5,final,3,1.5',
      '20CS10002,Student Two,3,final,1,2',
      // matched to nobody (header roll ZZ): listed for a TA, counted for no student
      ',unconfirmed script s2b.pdf (header read: roll ZZ),,identity unconfirmed,,',
      '',
    ]);
    const lms = await ta.get(`/api/exams/${examId}/export.csv?unconfirmed=omit`);
    expect((lms.data as string).trim().split('\r\n')).toHaveLength(3);
    expect((await ta.get(`/api/exams/${examId}/export.csv?unconfirmed=maybe`)).status).toBe(400);
    const stats = await ta.get(`/api/exams/${examId}/stats`);
    const p1a = stats.data.parts.find((p: { partId: string }) => p.partId === '1a');
    expect(p1a).toMatchObject({ max: 3, reviewed: 3, pending: 0 });
    expect(stats.data.graded).toBe(3);
  });

  it('rubric edit: 202, a pending version regraded on the worker from stored extractions, overrides survive', async () => {
    const extractCalls = (h.worker.ctx.extractor as unknown as { calls: number }).calls;
    const invalid = await admin.put(`/api/exams/${examId}/rubric`, {
      yaml: 'parts:\n  "1a": { max: "x" }\n',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.data.error.fields).toHaveProperty('parts.1a.max');
    const v2 = 'parts:\n  "1a": { max: 3, key: "42" }\n  "2a": { max: 2, key: "6" }\n';
    const preview = await admin.post(`/api/exams/${examId}/rubric/preview`, { yaml: v2 });
    expect(preview.status).toBe(202);
    expect(preview.data.regrade).toMatchObject({ kind: 'preview', rubricVersion: null });
    const previewed = await regradeSettled(admin, examId, preview.data.regrade.id);
    expect(previewed.summary).toMatchObject({ scripts: 3, changed: 2 });
    expect((await ta.get(`/api/exams/${examId}/rubric`)).data.version).toBe(1); // preview saved nothing

    const put = await admin.put(`/api/exams/${examId}/rubric`, { yaml: v2 });
    expect(put.status).toBe(202);
    expect(put.data.version).toBe(2);
    expect(put.data.regrade).toMatchObject({ kind: 'apply', rubricVersion: 2 });
    const done = await regradeSettled(admin, examId, put.data.regrade.id);
    expect(done.status).toBe('done');
    expect(done.done).toBe(done.total);
    // s1's 2a is overridden (1.5): it stays 1.5, so s1 does not change; s2 and s2b lose 2a's 2 points
    expect(done.summary).toMatchObject({ scripts: 3, changed: 2, maxDelta: -2, meanDelta: -1.333 });
    const s1d = await ta.get(`/api/submissions/${ids['s1.pdf']}`);
    expect(s1d.data.grade.rubricVersion).toBe(2);
    expect(s1d.data.grade.parts['2a']).toMatchObject({ score: 1.5, autoScore: 2, override: { score: 1.5 } });
    expect((h.worker.ctx.extractor as unknown as { calls: number }).calls).toBe(extractCalls); // no OCR again
    expect(await h.db.auditLog.count({ where: { action: 'regrade' } })).toBe(3);
    const latest = await ta.get(`/api/exams/${examId}/regrades/latest`);
    expect(latest.data.regrade).toMatchObject({ id: put.data.regrade.id, status: 'done' });
  });

  it('parameters change: new keys, 202, regraded', async () => {
    const r = await admin.put(`/api/exams/${examId}/parameters`, { parameters: { '2a': '7' } });
    expect(r.status).toBe(202);
    expect(r.data).toMatchObject({ version: 3, oldKeys: {}, newKeys: { '2a': '7' } });
    expect((await regradeSettled(admin, examId, r.data.regrade.id)).status).toBe('done');
    expect((await ta.get(`/api/exams/${examId}/keys`)).data.keys).toEqual({ '2a': '7' });
    expect((await ta.get(`/api/exams/${examId}`)).data.rubricVersion.version).toBe(3);
  });

  it('matches a script to a student by hand, audited; only students of the course', async () => {
    const sub = ids['s2b.pdf'];
    const bad = await ta.post(`/api/submissions/${sub}/student`, { studentId: h.people.taA.id });
    expect(bad.status).toBe(400);
    const r = await ta.post(`/api/submissions/${sub}/student`, { studentId: h.people.s2.id });
    expect(r.data.student).toMatchObject({ name: 'Student Two', roll: '20CS10002' });
    expect(await h.db.auditLog.count({ where: { submissionId: sub, action: 'assign_student' } })).toBe(1);
    const members = await ta.get(`/api/courses/${h.courseA.id}/members`);
    expect(members.data.map((m: { email: string }) => m.email)).toContain('s2@t.test');
    await ta.post(`/api/submissions/${sub}/student`, { studentId: null });
  });

  it('retries a failed submission', async () => {
    const sub = await h.db.submission.update({
      where: { id: ids['s2b.pdf'] },
      data: { status: 'failed', statusReason: 'x' },
    });
    expect((await ta.post(`/api/submissions/${ids['s1.pdf']}/retry`)).status).toBe(409);
    const r = await ta.post(`/api/submissions/${sub.id}/retry`);
    expect(r.status).toBe(200);
    await waitFor(
      async () => (await h.db.submission.findUnique({ where: { id: sub.id } }))?.status === 'graded',
    );
  });

  it('flags: the list carries them, the script its reasons and a link to the script a similarity names', async () => {
    const sub = await h.db.submission.findUniqueOrThrow({
      where: { id: ids['s1.pdf'] },
      include: { exam: true },
    });
    await h.db.grade.update({
      where: {
        submissionId_rubricVersionId: { submissionId: sub.id, rubricVersionId: sub.exam.currentRubricId! },
      },
      data: {
        flags: ['similarity'],
        flagReasons: { similarity: 'shares the same unusual sentences with s2.pdf' },
      },
    });
    const list = await ta.get(`/api/exams/${examId}/submissions`);
    expect(list.data.find((s: { id: string }) => s.id === sub.id).flags).toEqual(['similarity']);
    const d = await ta.get(`/api/submissions/${sub.id}`);
    expect(d.data.grade.flagReasons.similarity).toMatch(/s2\.pdf/);
    // s2b.pdf is not named (and "s2.pdf" inside another name would not count)
    expect(d.data.grade.flagLinks).toEqual({ similarity: [{ id: ids['s2.pdf'], fileName: 's2.pdf' }] });
    const mine = await s1.get(`/api/submissions/${sub.id}`);
    expect(mine.data.grade.flags).toEqual([]);
    expect(mine.data.grade.flagLinks).toBeUndefined();
  });

  it('release preview says what is pending; un-release hides grades from students again, audited', async () => {
    const pre = await ta.get(`/api/exams/${examId}/release`);
    expect(pre.status).toBe(200);
    expect(pre.data.releasedAt).not.toBeNull();
    expect(pre.data.pending).toMatchObject({ identityUnconfirmed: 1, notGraded: 0 });
    expect(typeof pre.data.pending.partsInReview).toBe('number');
    expect(pre.data.pending.scriptsInReview).toBeLessThanOrEqual(pre.data.pending.partsInReview);
    expect((await s1.req('DELETE', `/api/exams/${examId}/release`)).status).toBe(403);

    const un = await ta.req('DELETE', `/api/exams/${examId}/release`);
    expect(un.status).toBe(200);
    expect(await h.db.auditLog.count({ where: { examId, action: 'unrelease' } })).toBe(1);
    expect((await s1.get('/api/submissions/mine')).data[0]).toMatchObject({ released: false, total: null });
    expect((await s1.get(`/api/submissions/${ids['s1.pdf']}`)).data.grade).toBeNull();
    expect((await ta.get(`/api/exams/${examId}/release`)).data.releasedAt).toBeNull();
    expect((await ta.req('DELETE', `/api/exams/${examId}/release`)).status).toBe(409);

    expect((await ta.post(`/api/exams/${examId}/release`)).status).toBe(200);
    expect((await s1.get('/api/submissions/mine')).data[0]).toMatchObject({ released: true });
  });

  it('a student sees how their released grade changed: override and regrade, old -> new, why, when', async () => {
    const o = await ta.post(`/api/submissions/${ids['s1.pdf']}/parts/2a/override`, {
      score: 2,
      comment: 'full credit after all',
    });
    expect(o.status).toBe(201);
    const d = await s1.get(`/api/submissions/${ids['s1.pdf']}`);
    const last = d.data.history.at(-1);
    expect(last).toMatchObject({
      kind: 'override',
      partId: '2a',
      before: 1.5,
      after: 2,
      reason: 'full credit after all',
    });
    expect(Date.parse(last.at)).toBeGreaterThan(0);
    // the override before release is not "a change", nor an answer that kept the score
    expect(d.data.history.filter((x: { kind: string }) => x.kind === 'override')).toHaveLength(1);
    // the TA set the part: the automatic missed-item lines are not shown to the student
    expect(d.data.grade.parts['2a'].items).toEqual([]);
    expect(d.data.grade.parts['2a'].reasons).toEqual([]);

    const s2 = await h.as('s2@t.test');
    const d2 = await s2.get(`/api/submissions/${ids['s2.pdf']}`);
    const regrades = d2.data.history.filter((x: { kind: string }) => x.kind === 'regrade');
    expect(regrades.length).toBeGreaterThanOrEqual(1);
    expect(regrades[0]).toMatchObject({ partId: null });
    expect(regrades[0].after).toBe(regrades[0].before - 2); // rubric v2: 2a's key changed
    expect((await ta.get(`/api/submissions/${ids['s2.pdf']}`)).data.history).toEqual([]);
  });

  it('serves health and the OpenAPI file', async () => {
    const c = h.client();
    expect((await c.get('/api/health')).data).toEqual({ db: 'up', redis: 'up' });
    const doc = await c.get('/api/docs/openapi.json');
    expect(doc.data.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.data.paths)).toContain('/exams/{examId}/review/grade');
    expect((await c.get('/api/nope')).status).toBe(401);
  });
});
