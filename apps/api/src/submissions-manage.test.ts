// The TA's day, continued: the submissions list sorted, filtered and paged on the server; withdraw,
// restore and delete (audited, never silent); the similarity evidence; the regrade-request card;
// a stack split into scripts at the TA's split points.
import { fakePdf, fakeStack } from '@grader/grading/testing';
import { waitFor } from '@grader/jobs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { form, type TestClient } from './testing/client.ts';
import { createFakeExam, type Harness, startHarness } from './testing/harness.ts';

let h: Harness;
let admin: TestClient;
let ta: TestClient;

beforeAll(async () => {
  h = await startHarness();
  admin = await h.as('admin.a@t.test');
  ta = await h.as('ta.a@t.test');
});
afterAll(async () => {
  await h?.stop();
});

const newExam = (slug: string) => createFakeExam(admin, h.courseA.id, slug);

async function upload(examId: string, files: Record<string, Buffer>): Promise<Record<string, string>> {
  const up = await ta.req(
    'POST',
    `/api/exams/${examId}/submissions`,
    form(Object.entries(files).map(([name, bytes]) => ({ name, bytes }))),
  );
  expect(up.status).toBe(201);
  const ids = Object.fromEntries(
    up.data.created.map((s: { fileName: string; id: string }) => [s.fileName, s.id]),
  );
  await waitFor(async () => {
    const l = await ta.get(`/api/exams/${examId}/submissions`);
    return Object.values(ids).every((id) =>
      l.data.some(
        (s: { id: string; status: string }) => s.id === id && ['graded', 'needs_review'].includes(s.status),
      ),
    );
  });
  return ids;
}

const names = (rows: { fileName: string }[]) => rows.map((r) => r.fileName);

describe('submissions list: sort, filter, page on the server', () => {
  let examId: string;
  beforeAll(async () => {
    examId = await newExam('list-exam');
    await upload(examId, {
      'one.pdf': fakePdf({ roll: '20CS10001', name: 'Student One', '1a': '42', '2a': '7' }), // 5
      'two.pdf': fakePdf({ roll: '20CS10002', name: 'Student Two', '1a': '41', '2a': '7' }), // 2
      'anon.pdf': fakePdf({ '1a': '42', '2a': '0' }), // 3, no roll: header flag
      'unsure.pdf': fakePdf({ roll: 'X9', name: 'Zed', '1a': '42?', '2a': '7' }), // review
    });
  });

  it('sorts by roll, name, score and status, missing values last', async () => {
    const get = async (q: string) => (await ta.get(`/api/exams/${examId}/submissions?${q}`)).data;
    expect(names(await get('sort=roll'))).toEqual(['one.pdf', 'two.pdf', 'unsure.pdf', 'anon.pdf']);
    expect(names(await get('sort=roll&order=desc'))).toEqual([
      'unsure.pdf',
      'two.pdf',
      'one.pdf',
      'anon.pdf',
    ]);
    expect(names(await get('sort=name'))).toEqual(['one.pdf', 'two.pdf', 'unsure.pdf', 'anon.pdf']);
    const byScore = await get('sort=score');
    expect(byScore.map((r: { total: number }) => r.total)).toEqual([5, 5, 3, 2]);
    expect(names(await get('sort=status')).at(0)).toBe('unsure.pdf'); // needs_review before graded
    const uploaded = await get('sort=uploaded&order=asc');
    const times = uploaded.map((r: { createdAt: string }) => r.createdAt);
    expect(times).toEqual([...times].sort());
    expect(names(await get('sort=uploaded'))).toEqual(names(uploaded).reverse());
  });

  it('filters by status, flag and needs review', async () => {
    const get = async (q: string) => names((await ta.get(`/api/exams/${examId}/submissions?${q}`)).data);
    expect(await get('status=needs_review')).toEqual(['unsure.pdf']);
    expect((await get('status=graded')).sort()).toEqual(['anon.pdf', 'one.pdf', 'two.pdf']);
    expect(await get('flag=header')).toEqual(['anon.pdf']);
    expect(await get('flag=any')).toEqual(['anon.pdf']);
    expect(await get('review=1')).toEqual(['unsure.pdf']);
    expect(await get('flag=similarity')).toEqual([]);
  });

  it('pages with a total count; bad parameters are 400 naming the field', async () => {
    const p1 = await ta.get(`/api/exams/${examId}/submissions?sort=roll&pageSize=3&page=1`);
    expect(p1.status).toBe(200);
    expect(p1.data).toMatchObject({ total: 4, page: 1, pageSize: 3, withdrawn: 0 });
    expect(names(p1.data.items)).toEqual(['one.pdf', 'two.pdf', 'unsure.pdf']);
    const p2 = await ta.get(`/api/exams/${examId}/submissions?sort=roll&pageSize=3&page=2`);
    expect(names(p2.data.items)).toEqual(['anon.pdf']);
    const filtered = await ta.get(`/api/exams/${examId}/submissions?status=graded&pageSize=2`);
    expect(filtered.data.total).toBe(3);
    expect(filtered.data.items).toHaveLength(2);
    for (const q of ['sort=size', 'pageSize=0', 'pageSize=9999', 'page=-1', 'status=lost', 'flag=%3Cx%3E']) {
      const r = await ta.get(`/api/exams/${examId}/submissions?${q}`);
      expect(r.status, q).toBe(400);
      expect(Object.keys(r.data.error.fields).length).toBe(1);
    }
    const student = await h.as('s1@t.test');
    expect((await student.get(`/api/exams/${examId}/submissions?pageSize=2`)).status).toBe(403);
  });
});

describe('withdraw, restore, delete', () => {
  let examId: string;
  let ids: Record<string, string>;
  beforeAll(async () => {
    examId = await newExam('withdraw-exam');
    ids = await upload(examId, {
      'w1.pdf': fakePdf({ roll: '20CS10001', name: 'Student One', '1a': '42', '2a': '7' }),
      'w2.pdf': fakePdf({ roll: '20CS10002', name: 'Student Two', '1a': '42', '2a': '0' }),
    });
  });

  it('withdrawing needs a reason, is audited, and takes the script out of lists, CSV, release and the student view', async () => {
    const s1 = await h.as('s1@t.test');
    expect((await ta.post(`/api/exams/${examId}/release`)).status).toBe(200);
    expect((await s1.get(`/api/submissions/${ids['w1.pdf']}`)).status).toBe(200);

    expect((await ta.post(`/api/submissions/${ids['w1.pdf']}/withdraw`, {})).status).toBe(400);
    const w = await ta.post(`/api/submissions/${ids['w1.pdf']}/withdraw`, { reason: 'wrong exam paper' });
    expect(w.status).toBe(200);
    expect(w.data.withdrawn.reason).toBe('wrong exam paper');
    expect((await ta.post(`/api/submissions/${ids['w1.pdf']}/withdraw`, { reason: 'again' })).status).toBe(
      409,
    );
    const audit = await h.db.auditLog.findFirst({
      where: { action: 'withdraw', submissionId: ids['w1.pdf'] },
    });
    expect(audit).toMatchObject({ actorId: h.people.taA.id, reason: 'wrong exam paper', examId });
    expect(audit!.createdAt).toBeInstanceOf(Date);

    const list = await ta.get(`/api/exams/${examId}/submissions`);
    expect(names(list.data)).toEqual(['w2.pdf']);
    const only = await ta.get(`/api/exams/${examId}/submissions?status=withdrawn&pageSize=10`);
    expect(only.data).toMatchObject({ total: 1, withdrawn: 1 });
    expect(only.data.items[0]).toMatchObject({
      fileName: 'w1.pdf',
      withdrawn: { reason: 'wrong exam paper' },
    });
    const csv = await ta.get(`/api/exams/${examId}/export.csv`);
    expect(csv.data).toMatch(/20CS10001,Student One,,absent/);
    const preview = await ta.get(`/api/exams/${examId}/release`);
    expect(preview.data.released).toBe(1);
    expect((await ta.get(`/api/exams/${examId}/stats`)).status).toBe(200);
    // the student no longer sees it, anywhere
    expect((await s1.get(`/api/submissions/${ids['w1.pdf']}`)).status).toBe(404);
    expect((await s1.get(`/api/submissions/${ids['w1.pdf']}/pages/1.png`)).status).toBe(404);
    const mine = (await s1.get('/api/submissions/mine')).data;
    expect(mine.filter((m: { examId: string }) => m.examId === examId)).toEqual([]);
    // staff still can: it is kept
    const kept = await ta.get(`/api/submissions/${ids['w1.pdf']}`);
    expect(kept.status).toBe(200);
    expect(kept.data.submission.withdrawn).toMatchObject({ reason: 'wrong exam paper' });

    const back = await ta.post(`/api/submissions/${ids['w1.pdf']}/restore`, {
      reason: 'it was the right paper',
    });
    expect(back.status).toBe(200);
    expect(await h.db.auditLog.count({ where: { action: 'restore', submissionId: ids['w1.pdf'] } })).toBe(1);
    expect(names((await ta.get(`/api/exams/${examId}/submissions`)).data).sort()).toEqual([
      'w1.pdf',
      'w2.pdf',
    ]);
    expect((await s1.get(`/api/submissions/${ids['w1.pdf']}`)).status).toBe(200);
    expect((await ta.post(`/api/submissions/${ids['w1.pdf']}/restore`, {})).status).toBe(409);
    // students may not withdraw
    expect((await s1.post(`/api/submissions/${ids['w1.pdf']}/withdraw`, { reason: 'x' })).status).toBe(403);
  });

  it('delete names the file, refuses a released grade its student sees, then removes the row and the stored file', async () => {
    const id = ids['w2.pdf'];
    const sub = await h.db.submission.findUniqueOrThrow({ where: { id } });
    expect(await h.server.ctx.store.has(sub.storageKey)).toBe(true);
    const wrongName = await ta.req('DELETE', `/api/submissions/${id}`, { confirm: 'w1.pdf', reason: 'dup' });
    expect(wrongName.status).toBe(400);
    expect(wrongName.data.error.fields.confirm).toMatch(/w2\.pdf/);
    const released = await ta.req('DELETE', `/api/submissions/${id}`, { confirm: 'w2.pdf', reason: 'dup' });
    expect(released.status).toBe(409);
    expect(released.data.error.message).toMatch(/un-release/);
    expect(await h.db.submission.count({ where: { id } })).toBe(1);

    expect((await ta.req('DELETE', `/api/exams/${examId}/release`)).status).toBe(200);
    expect((await ta.req('DELETE', `/api/submissions/${id}`, { confirm: 'w2.pdf' })).status).toBe(400);
    const del = await ta.req('DELETE', `/api/submissions/${id}`, {
      confirm: 'w2.pdf',
      reason: 'scanned twice',
    });
    expect(del.status).toBe(200);
    expect(del.data).toMatchObject({ deleted: true, fileRemoved: true });
    expect(await h.db.submission.count({ where: { id } })).toBe(0);
    expect(await h.server.ctx.store.has(sub.storageKey)).toBe(false);
    const audit = await h.db.auditLog.findFirst({ where: { action: 'delete_submission', examId } });
    expect(audit).toMatchObject({
      actorId: h.people.taA.id,
      reason: 'scanned twice',
      before: { submissionId: id, fileName: 'w2.pdf', total: 3 },
    });
    expect((await ta.get(`/api/submissions/${id}`)).status).toBe(404);
    expect(
      (await ta.req('DELETE', `/api/submissions/${id}`, { confirm: 'w2.pdf', reason: 'x' })).status,
    ).toBe(404);
  });
});

describe('similarity: the two scripts side by side with the evidence', () => {
  it('answers both scripts and what the grader found shared; staff of the exam only', async () => {
    const examId = await newExam('similar-exam');
    const ids = await upload(examId, {
      'sa.pdf': fakePdf({ roll: '20CS10001', name: 'Student One', '1a': '41', '2a': '6' }),
      'sb.pdf': fakePdf({ roll: '20CS10002', name: 'Student Two', '1a': '41', '2a': '6' }),
      'sc.pdf': fakePdf({ roll: 'Q1', '1a': '42', '2a': '6' }),
    });
    await waitFor(async () => {
      const d = await ta.get(`/api/submissions/${ids['sa.pdf']}`);
      return (d.data.grade?.flags ?? []).includes('similarity');
    });
    const d = await ta.get(`/api/submissions/${ids['sa.pdf']}`);
    expect(d.data.grade.flagLinks.similarity).toEqual([{ id: ids['sb.pdf'], fileName: 'sb.pdf' }]);
    const c = await ta.get(`/api/submissions/${ids['sa.pdf']}/similar/${ids['sb.pdf']}`);
    expect(c.status).toBe(200);
    expect(c.data.a).toMatchObject({
      id: ids['sa.pdf'],
      fileName: 'sa.pdf',
      similarity: 'same answers as sb.pdf',
    });
    expect(c.data.b.answers['1a'].text).toBe('41');
    expect(c.data.a.pages[0].imageUrl).toBe(`/api/submissions/${ids['sa.pdf']}/pages/1.png`);
    expect(c.data.partIds).toEqual(['1a', '2a']);
    // the evidence is the grading core's (the fake: answers written alike, with how many wrote each)
    expect(c.data.evidence.values).toEqual([
      { partId: '1a', value: '41', scripts: 2 },
      { partId: '2a', value: '6', scripts: 3 },
    ]);
    expect((await ta.get(`/api/submissions/${ids['sa.pdf']}/similar/${ids['sa.pdf']}`)).status).toBe(404);
    expect((await ta.get(`/api/submissions/${ids['sa.pdf']}/similar/nope`)).status).toBe(404);
    const taB = await h.as('ta.b@t.test');
    expect((await taB.get(`/api/submissions/${ids['sa.pdf']}/similar/${ids['sb.pdf']}`)).status).toBe(404);
    // a student may not compare, not even from their own script
    const s1 = await h.as('s1@t.test');
    expect((await s1.get(`/api/submissions/${ids['sa.pdf']}/similar/${ids['sb.pdf']}`)).status).toBe(403);
  });
});

describe('regrade-request card', () => {
  it("shows the part's current score (overrides included), its maximum and the answer's crop", async () => {
    const examId = await newExam('card-exam');
    const ids = await upload(examId, {
      'r1.pdf': fakePdf({ roll: '20CS10001', name: 'Student One', '1a': '40', '2a': '7' }),
    });
    await ta.post(`/api/exams/${examId}/release`);
    const s1 = await h.as('s1@t.test');
    const rr = await s1.post(`/api/submissions/${ids['r1.pdf']}/parts/1a/regrade-requests`, {
      message: 'I wrote 42',
    });
    expect(rr.status).toBe(201);
    const list = await ta.get(`/api/exams/${examId}/regrade-requests`);
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).toMatchObject({
      partId: '1a',
      current: { score: 0, max: 3, review: false, overridden: false },
      answerText: '40',
      crop: { page: 1, box: { x: 50, y: 100, w: 200, h: 20 } },
      page: { page: 1, width: 595, height: 842, imageUrl: `/api/submissions/${ids['r1.pdf']}/pages/1.png` },
    });
    await ta.post(`/api/submissions/${ids['r1.pdf']}/parts/1a/override`, { score: 1, comment: 'partly' });
    const after = await ta.get(`/api/exams/${examId}/regrade-requests`);
    expect(after.data[0].current).toMatchObject({ score: 1, max: 3, overridden: true });
  });
});

describe('a stack split into scripts', () => {
  it('proposes split points, takes the TA’s moved ones and makes one submission per script', async () => {
    const examId = await newExam('stack-exam');
    // four pages: script 1 (p1), script 2 (p2-3: its second page has no header), script 3 (p4);
    // the TA knows page 3 is really a third student's script whose header was not read
    const bytes = fakeStack([
      { roll: '20CS10001', name: 'Student One', '1a': '42' },
      { roll: '20CS10002', name: 'Student Two', '1a': '41' },
      { '2a': '7' },
      { roll: 'Q5', '1a': '42', '2a': '7' },
    ]);
    const up = await ta.req(
      'POST',
      `/api/exams/${examId}/stacks`,
      form([{ name: 'pile.pdf', bytes }], 'file'),
    );
    expect(up.status).toBe(201);
    const stackId = up.data.id;
    await waitFor(async () => (await ta.get(`/api/stacks/${stackId}`)).data.status === 'proposed');
    const s = await ta.get(`/api/stacks/${stackId}`);
    expect(s.data).toMatchObject({ fileName: 'pile.pdf', pageCount: 4, starts: [1, 2, 4] });
    expect(s.data.pages.map((p: { thumbUrl: string }) => p.thumbUrl)).toEqual(
      [1, 2, 3, 4].map((n) => `/api/stacks/${stackId}/pages/${n}.png`),
    );
    const thumb = await ta.get(`/api/stacks/${stackId}/pages/3.png`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/png');
    expect((await ta.get(`/api/stacks/${stackId}/pages/5.png`)).status).toBe(404);
    expect((await ta.get(`/api/exams/${examId}/stacks`)).data.map((x: { id: string }) => x.id)).toEqual([
      stackId,
    ]);
    // the same bytes again: the same stack
    const again = await ta.req(
      'POST',
      `/api/exams/${examId}/stacks`,
      form([{ name: 'p.pdf', bytes }], 'file'),
    );
    expect(again.status).toBe(200);
    expect(again.data).toMatchObject({ id: stackId, duplicate: true });

    for (const starts of [[2, 3], [1, 3, 3], [1, 5], []]) {
      const bad = await ta.post(`/api/stacks/${stackId}/confirm`, { starts });
      expect(bad.status, JSON.stringify(starts)).toBe(400);
      expect(bad.data.error.fields.starts).toBeTruthy();
    }
    const s1 = await h.as('s1@t.test');
    expect((await s1.post(`/api/stacks/${stackId}/confirm`, { starts: [1] })).status).toBe(403);
    const taB = await h.as('ta.b@t.test');
    expect((await taB.get(`/api/stacks/${stackId}`)).status).toBe(404);

    const ok = await ta.post(`/api/stacks/${stackId}/confirm`, { starts: [1, 2, 3, 4] });
    expect(ok.status).toBe(201);
    expect(ok.data.created.map((c: { fileName: string }) => c.fileName)).toEqual([
      'pile.pdf#pages=1-1',
      'pile.pdf#pages=2-2',
      'pile.pdf#pages=3-3',
      'pile.pdf#pages=4-4',
    ]);
    expect((await ta.post(`/api/stacks/${stackId}/confirm`, { starts: [1, 2, 3, 4] })).status).toBe(409);
    const audit = await h.db.auditLog.findFirst({ where: { action: 'stack_split', examId } });
    expect(audit).toMatchObject({
      actorId: h.people.taA.id,
      before: { proposed: [1, 2, 4] },
      after: { starts: [1, 2, 3, 4] },
    });
    const created: string[] = ok.data.created.map((c: { id: string }) => c.id);
    await waitFor(async () => {
      const l = await ta.get(`/api/exams/${examId}/submissions`);
      return (
        l.data.length === 4 &&
        l.data.every((x: { status: string }) => ['graded', 'needs_review'].includes(x.status))
      );
    });
    // each script is graded from its own pages only, and goes to its own student
    const list = (await ta.get(`/api/exams/${examId}/submissions?sort=uploaded&order=asc`)).data;
    const byName = Object.fromEntries(list.map((x: { fileName: string }) => [x.fileName, x]));
    expect(byName['pile.pdf#pages=1-1']).toMatchObject({
      total: 3,
      student: { id: h.people.s1.id },
      pages: { from: 1, to: 1 },
    });
    expect(byName['pile.pdf#pages=2-2']).toMatchObject({ total: 0, student: { id: h.people.s2.id } });
    expect(byName['pile.pdf#pages=3-3']).toMatchObject({ total: 2, student: null, flags: ['header'] });
    expect(byName['pile.pdf#pages=4-4']).toMatchObject({ total: 5 });
    // page 1 of the third script is page 3 of the stack's file
    const png = await ta.get(`/api/submissions/${created[2]}/pages/1.png`);
    expect(png.status).toBe(200);
    expect(Buffer.from(png.data).toString()).toBe('PNG page 3');
    // deleting one script keeps the stack's file: the other scripts still read it
    const del = await ta.req('DELETE', `/api/submissions/${created[3]}`, {
      confirm: 'pile.pdf#pages=4-4',
      reason: 'not a script',
    });
    expect(del.data).toMatchObject({ deleted: true, fileRemoved: false });
  });

  it('a stack whose split job was lost is split by the reconciler', async () => {
    const examId = await newExam('stack-lost');
    const put = await h.server.ctx.store.put(
      fakeStack([
        { roll: 'R1', '1a': '42' },
        { roll: 'R2', '1a': '1' },
      ]),
    );
    // as if Redis lost the job: a row in `splitting`, no job, older than the reconciler's minimum age
    const st = await h.db.stack.create({
      data: {
        examId,
        fileName: 'lost.pdf',
        fileHash: put.hash,
        storageKey: put.key,
        byteSize: put.size,
        createdAt: new Date(Date.now() - 3_600_000),
      },
    });
    // (the reconciler's own periodic pass, every 500 ms in tests, may queue it before this call does:
    // the split is queued once either way, and the stack comes out split)
    const r = await h.worker.reconcile();
    expect(r.split).toBeLessThanOrEqual(1);
    await waitFor(async () => (await h.db.stack.findUnique({ where: { id: st.id } }))?.status === 'proposed');
    expect((await ta.get(`/api/stacks/${st.id}`)).data).toMatchObject({ starts: [1, 2], pageCount: 2 });
    // a split stack is not split again
    expect((await h.worker.reconcile()).split).toBe(0);
  });

  it('refuses what is not a PDF and marks a stack that cannot be read as failed, with the reason', async () => {
    const examId = await newExam('stack-bad');
    const notPdf = await ta.req(
      'POST',
      `/api/exams/${examId}/stacks`,
      form([{ name: 'x.pdf', bytes: Buffer.from('hello') }], 'file'),
    );
    expect(notPdf.status).toBe(400);
    expect((await ta.req('POST', `/api/exams/${examId}/stacks`, new FormData())).status).toBe(400);
    // looks like a PDF at upload (a header within the first KB), cannot be read by the splitter
    const junk = Buffer.from('junk before\n%PDF-1.7\nroll: R1');
    const up = await ta.req(
      'POST',
      `/api/exams/${examId}/stacks`,
      form([{ name: 'junk.pdf', bytes: junk }], 'file'),
    );
    expect(up.status).toBe(201);
    await waitFor(async () => (await ta.get(`/api/stacks/${up.data.id}`)).data.status === 'failed');
    const failed = await ta.get(`/api/stacks/${up.data.id}`);
    expect(failed.data.statusReason).toMatch(/not a PDF/);
    expect(failed.data.pages).toEqual([]);
    expect((await ta.post(`/api/stacks/${up.data.id}/confirm`, { starts: [1] })).status).toBe(409);
  });
});
