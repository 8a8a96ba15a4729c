// The read paths of a student's and a TA's scripts:
// - `GET /api/submissions/mine`: a student's own scripts with their released totals, in a constant
//   number of database queries whatever the number of scripts (it used to cost two per script);
// - `GET /api/submissions/:id` sends a grade's stored parts projection as stored: the same bytes as
//   the answer computed from the parts JSON (what older rows, without a projection, get).
import { type Db, pageImageName } from '@grader/db';
import { fakeGrading } from '@grader/grading/testing';
import type { ScriptGrade } from '@grader/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type GraderServer } from './app.ts';
import { TestClient } from './testing/client.ts';
import { gradedPart, gradedScript as gradedScriptIn } from './testing/graded-script.ts';
import { createFakeExam, type Harness, PASSWORD, startHarness } from './testing/harness.ts';

let h: Harness;
let counted: GraderServer;
let countedBase: string;
/** every Prisma operation (model and raw) the counted server's client runs */
let queries = 0;
let examId: string;

const part = gradedPart;
const gradedScript = (studentId: string, parts: ScriptGrade['parts'], at: number) =>
  gradedScriptIn(h.db, examId, studentId, parts, at);

async function mineWithCount(email: string) {
  const c = new TestClient(countedBase);
  await c.login(email, PASSWORD);
  const before = queries;
  const r = await c.get('/api/submissions/mine');
  expect(r.status).toBe(200);
  return {
    data: r.data as { id: string; total: number | null; released: boolean }[],
    queries: queries - before,
  };
}

beforeAll(async () => {
  h = await startHarness();
  examId = await createFakeExam(await h.as('admin.a@t.test'), h.courseA.id);
  // the same database through a client that counts its operations, behind a second server (the
  // harness's worker keeps using the uncounted client)
  const db = h.db.$extends({
    query: {
      $allOperations({ args, query }) {
        queries++;
        return query(args);
      },
    },
  }) as unknown as Db;
  counted = await createServer({
    config: h.config,
    db,
    grading: fakeGrading,
    log: () => {},
  });
  countedBase = await counted.listen(0, '127.0.0.1');
}, 60_000);

afterAll(async () => {
  await counted?.close();
  await h?.stop();
});

describe('GET /api/submissions/mine', () => {
  it('makes the same number of queries for 1 script as for 5, with each released total', async () => {
    // Student One: one script; Student Two: five, one with a part under review and one overridden
    const one = await gradedScript(h.people.s1.id, { '1a': part(2, 3), '2a': part(1.5, 2) }, 1);
    const ids = [
      await gradedScript(h.people.s2.id, { '1a': part(3, 3), '2a': part(2, 2) }, 1),
      await gradedScript(h.people.s2.id, { '1a': part(1, 3), '2a': part(0.25, 2) }, 2),
      await gradedScript(h.people.s2.id, { '1a': part(1, 3, true), '2a': part(2, 2) }, 3),
      await gradedScript(h.people.s2.id, { '1a': part(0, 3, true), '2a': part(1, 2) }, 4),
      await gradedScript(h.people.s2.id, { '1a': part(2, 3), '2a': part(0, 2) }, 5),
    ];
    // a TA settles the review part of the fourth script by hand (newest override wins)
    for (const [score, ms] of [
      [1, 0],
      [2.5, 10],
    ])
      await h.db.override.create({
        data: {
          submissionId: ids[3],
          partId: '1a',
          score,
          comment: 'read by hand',
          byId: h.people.taA.id,
          createdAt: new Date(Date.UTC(2026, 0, 2, 0, 0, 0, ms)),
        },
      });

    // not released: no totals
    const hidden = await mineWithCount('s2@t.test');
    expect(hidden.data.map((s) => [s.released, s.total])).toEqual(ids.map(() => [false, null]));

    await h.db.exam.update({ where: { id: examId }, data: { releasedAt: new Date() } });
    const a = await mineWithCount('s1@t.test');
    const b = await mineWithCount('s2@t.test');
    expect(a.data.map((s) => [s.id, s.total])).toEqual([[one, 3.5]]);
    // newest first; a part still under review hides the total; the override counts
    expect(b.data.map((s) => [s.id, s.total])).toEqual(
      [
        [ids[0], 5],
        [ids[1], 1.25],
        [ids[2], null],
        [ids[3], 3.5],
        [ids[4], 2],
      ].reverse(),
    );
    expect(a.queries).toBeGreaterThan(0);
    expect(b.queries).toBe(a.queries);
    expect(b.queries).toBe(hidden.queries);
  });
});

describe('GET /api/submissions/:id', () => {
  it('answers the same bytes from the stored projection as from the parts JSON', async () => {
    const id = await gradedScript(h.people.s1.id, { '2a': part(1.5, 2), '1a': part(1, 3, true) }, 9);
    const raw = async (email: string) => {
      const c = new TestClient(countedBase);
      await c.login(email, PASSWORD);
      const res = await fetch(`${countedBase}/api/submissions/${id}`, { headers: { cookie: c.cookie } });
      expect(res.status).toBe(200);
      return { type: res.headers.get('content-type'), body: await res.text() };
    };
    await h.db.exam.update({ where: { id: examId }, data: { releasedAt: new Date() } });
    const ta = await raw('ta.a@t.test');
    const student = await raw('s1@t.test');
    expect(JSON.parse(ta.body).grade.parts['1a']).toMatchObject({ score: 1, autoScore: 1, override: null });
    expect(JSON.parse(student.body).grade).toMatchObject({ total: null, parts: { '1a': { score: null } } });
    // the same grade without its projection (as stored before it existed): computed on read
    await h.db.grade.updateMany({
      where: { submissionId: id },
      data: { viewParts: null, viewStudentParts: null, viewTotal: null },
    });
    expect(await raw('ta.a@t.test')).toEqual(ta);
    expect(await raw('s1@t.test')).toEqual(student);
  });
});

describe('GET /api/submissions/:id/pages/:n.png', () => {
  it('reads who may see the page and where it is stored in one query (session cached)', async () => {
    const id = await gradedScript(h.people.s1.id, { '1a': part(2, 3) }, 12);
    const sub = await h.db.submission.findUniqueOrThrow({ where: { id } });
    await h.db.page.create({
      data: { submissionId: id, page: 1, width: 595, height: 842, source: 'text', conf: 1 },
    });
    await counted.ctx.store.putDerived(pageImageName(sub.storageKey, 1, 'page'), Buffer.from('PNG 1'));
    const c = new TestClient(countedBase);
    await c.login('ta.a@t.test', PASSWORD);
    const get = async () => {
      const before = queries;
      const res = await fetch(`${countedBase}/api/submissions/${id}/pages/1.png`, {
        headers: { cookie: c.cookie },
      });
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).toString()).toBe('PNG 1');
      return queries - before;
    };
    await get();
    expect(await get()).toBe(1);
  });
});
