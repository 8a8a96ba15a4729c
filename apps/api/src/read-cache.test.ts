// `GET /api/submissions/:id` answers from memory until the database says the script changed:
// - the cache itself: most recently used kept, a read that raced a change not kept;
// - a kept answer is served (a write that sends no notice does not show), and a write the API did
//   not make (as the worker's) shows once its notice arrives;
// - a kept answer reaches only who may see it (a staff answer never a student, a student's only its
//   owner), and a write through this API shows at once;
// - an exam's list page is kept for its staff until any script of the exam changes;
// - while the notices are not heard (the listening connection lost), nothing is kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadCache } from './services/read-cache.ts';
import { gradedPart, gradedScript } from './testing/graded-script.ts';
import { createFakeExam, type Harness, startHarness } from './testing/harness.ts';

const entry = (submissionId: string, examId: string) => ({ submissionId, examId, value: submissionId });

describe('ReadCache', () => {
  it('keeps the most recently used up to its capacity, and forgets by script, exam or all', () => {
    const c = new ReadCache<string>(2);
    c.setLive(true);
    c.set('a', c.begin(), entry('a', 'e1'));
    c.set('b', c.begin(), entry('b', 'e1'));
    expect(c.get('a')).toBe('a'); // a is now the most recent
    c.set('c', c.begin(), entry('c', 'e2'));
    expect([c.get('a'), c.get('b'), c.get('c')]).toEqual(['a', undefined, 'c']);
    c.apply({ kind: 'submission', id: 'a', examId: 'e1' });
    expect(c.get('a')).toBeUndefined();
    c.set('d', c.begin(), entry('d', 'e2'));
    c.apply({ kind: 'exam', id: 'e2' });
    expect(c.size).toBe(0);
    c.set('a', c.begin(), entry('a', 'e1'));
    c.apply({ kind: 'all' });
    expect(c.size).toBe(0);
  });

  it("forgets an exam's list on any change of one of its scripts, and keeps other exams' lists", () => {
    const c = new ReadCache<string>(10);
    c.setLive(true);
    c.set('list:e1', c.begin(), { submissionId: null, examId: 'e1', value: 'l1' });
    c.set('list:e2', c.begin(), { submissionId: null, examId: 'e2', value: 'l2' });
    c.set('s9', c.begin(), entry('s9', 'e1'));
    c.apply({ kind: 'submission', id: 's1', examId: 'e1' });
    expect([c.get('list:e1'), c.get('list:e2'), c.get('s9')]).toEqual([undefined, 'l2', 's9']);
    // a notice whose exam is unknown (its script was deleted) reaches every list
    c.apply({ kind: 'submission', id: 's2', examId: null });
    expect([c.get('list:e2'), c.get('s9')]).toEqual([undefined, 's9']);
  });

  it('does not keep a read that began before a change, nor any while not live', () => {
    const c = new ReadCache<string>(10);
    c.setLive(true);
    const since = c.begin();
    c.apply({ kind: 'submission', id: 'other', examId: null }); // arrived while the read was in flight
    c.set('a', since, entry('a', 'e1'));
    expect(c.get('a')).toBeUndefined();
    c.set('a', c.begin(), entry('a', 'e1'));
    c.setLive(false);
    expect(c.get('a')).toBeUndefined();
    c.set('a', c.begin(), entry('a', 'e1'));
    expect(c.size).toBe(0);
    expect(new ReadCache<string>(0).enabled).toBe(false);
  });
});

let h: Harness;
let examId: string;

/** Poll `check` until it holds (a notice arrives within milliseconds; 5 s is generous). */
async function eventually(check: () => Promise<boolean>, what: string) {
  const until = Date.now() + 5_000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  h = await startHarness();
  examId = await createFakeExam(await h.as('admin.a@t.test'), h.courseA.id);
  await eventually(async () => h.server.ctx.reads.enabled, 'the change feed');
}, 60_000);

afterAll(async () => {
  await h?.stop();
});

describe('GET /api/submissions/:id from memory', () => {
  it('serves a kept answer until the notice of a change made elsewhere arrives', async () => {
    const id = await gradedScript(h.db, examId, h.people.s1.id, { '1a': gradedPart(2, 3) }, 1);
    const ta = await h.as('ta.a@t.test');
    const fileName = async () => (await ta.get(`/api/submissions/${id}`)).data.submission.fileName;
    const first = await fileName();

    // a write that sends no notice (triggers off for this session): the kept answer is still served
    await h.db.$transaction([
      h.db.$executeRaw`SET LOCAL session_replication_role = replica`,
      h.db.$executeRaw`UPDATE submissions SET "fileName" = 'quiet.pdf' WHERE id = ${id}`,
    ]);
    expect(await fileName()).toBe(first);
    // its notice: read again
    await h.db.$executeRaw`SELECT pg_notify('grader_reads', ${`s:${id}`})`;
    await eventually(async () => (await fileName()) === 'quiet.pdf', 'the notice');

    // an ordinary write made elsewhere sends its own notice (an override, as a script would store it)
    const before = (await ta.get(`/api/submissions/${id}`)).data.grade.total;
    await h.db.$executeRaw`INSERT INTO overrides (id, "submissionId", "partId", score, comment, "byId")
      VALUES ('ov1', ${id}, '1a', 3, 'by hand', ${h.people.taA.id})`;
    await eventually(
      async () => (await ta.get(`/api/submissions/${id}`)).data.grade.total === 3,
      'the override to show',
    );
    expect(before).toBe(2);
  });

  it('gives a kept answer only to who may see it, and shows a write through the API at once', async () => {
    const id = await gradedScript(h.db, examId, h.people.s1.id, { '1a': gradedPart(1, 3) }, 2);
    await h.db.exam.update({ where: { id: examId }, data: { releasedAt: new Date() } });
    const ta = await h.as('ta.a@t.test');
    const s1 = await h.as('s1@t.test');
    const s2 = await h.as('s2@t.test');
    const taB = await h.as('ta.b@t.test');
    await eventually(async () => (await s1.get(`/api/submissions/${id}`)).status === 200, 'the release');

    const staff = await ta.get(`/api/submissions/${id}`);
    expect(staff.status).toBe(200);
    expect(staff.data.header).not.toBeUndefined();
    // kept for staff: another course's TA and another student still get 404
    expect((await taB.get(`/api/submissions/${id}`)).status).toBe(404);
    expect((await s2.get(`/api/submissions/${id}`)).status).toBe(404);
    // the owner gets the student's answer, not the staff one, the first time and the kept time
    const own = await s1.get(`/api/submissions/${id}`);
    expect(own.status).toBe(200);
    expect(own.data.grade.flags).toEqual([]);
    expect(own.data).toEqual((await s1.get(`/api/submissions/${id}`)).data);
    expect(h.server.ctx.reads.size).toBeGreaterThan(0);

    // withdrawn through the API: the owner no longer sees it on the very next read
    const w = await ta.post(`/api/submissions/${id}/withdraw`, { reason: 'duplicate upload' });
    expect(w.status).toBe(200);
    expect((await s1.get(`/api/submissions/${id}`)).status).toBe(404);
    expect((await ta.get(`/api/submissions/${id}`)).data.submission.withdrawn.reason).toBe(
      'duplicate upload',
    );
  });

  it("serves a kept list page to the exam's staff only, until a script of the exam changes", async () => {
    const id = await gradedScript(h.db, examId, h.people.s1.id, { '1a': gradedPart(1, 3) }, 4);
    const ta = await h.as('ta.a@t.test');
    const path = `/api/exams/${examId}/submissions?pageSize=50&sort=uploaded`;
    const row = async () =>
      ((await ta.get(path)).data.items as { id: string; status: string }[]).find((s) => s.id === id);
    expect((await row())?.status).toBe('graded');
    // a write that sends no notice does not show: the page is kept
    await h.db.$transaction([
      h.db.$executeRaw`SET LOCAL session_replication_role = replica`,
      h.db.$executeRaw`UPDATE submissions SET status = 'failed' WHERE id = ${id}`,
    ]);
    expect((await row())?.status).toBe('graded');
    // kept for this exam's staff: another course's TA and a student of the course still cannot list it
    expect((await (await h.as('ta.b@t.test')).get(path)).status).toBe(404);
    expect((await (await h.as('s1@t.test')).get(path)).status).toBe(403);
    // the worker changes the script (another connection): the page shows it once the notice arrives
    await h.db.$executeRaw`UPDATE submissions SET status = 'needs_review' WHERE id = ${id}`;
    await eventually(async () => (await row())?.status === 'needs_review', 'the list to show the change');
  });

  it('keeps nothing while the notices are not heard, and again once they are', async () => {
    const id = await gradedScript(h.db, examId, h.people.s2.id, { '1a': gradedPart(3, 3) }, 3);
    const ta = await h.as('ta.a@t.test');
    const reads = h.server.ctx.reads;
    const rows = await h.db.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity
      WHERE query = 'LISTEN grader_reads' AND datname = current_database()`;
    expect(rows.length).toBe(1);
    await h.db.$executeRaw`SELECT pg_terminate_backend(${rows[0].pid})`;
    await eventually(async () => !reads.enabled, 'the feed to be lost');
    expect(reads.size).toBe(0);
    expect((await ta.get(`/api/submissions/${id}`)).status).toBe(200);
    if (!reads.enabled) expect(reads.size).toBe(0);
    await eventually(async () => reads.enabled, 'the feed to come back');
    expect((await ta.get(`/api/submissions/${id}`)).status).toBe(200);
    expect(reads.size).toBe(1);
  });
});
