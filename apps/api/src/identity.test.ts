// "A script never reaches the wrong student": a script whose header names a near roll of another
// student is matched to nobody (studentId null). Until a TA confirms whose it is, no student sees
// it (list, detail, page images, regrade requests), a release does not reach it, and no student's
// CSV row counts it. Once a TA assigns it, it is that student's.
import { fakePdf } from '@grader/grading/testing';
import { waitFor } from '@grader/jobs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExam } from './services/exams.ts';
import { form, type TestClient } from './testing/client.ts';
import { FAKE_EXAM_YAML, type Harness, RUBRIC_V1, startHarness } from './testing/harness.ts';

let h: Harness;
let ta: TestClient;
let s1: TestClient;
let s2: TestClient;
let examId = '';
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await startHarness();
  ta = await h.as('ta.a@t.test');
  s1 = await h.as('s1@t.test');
  s2 = await h.as('s2@t.test');
  // two more on the roster: one absent with an early roll, one without a roll at all
  for (const [email, name, roll] of [
    ['s0@t.test', 'Student Zero', '20CS09999'],
    ['sx@t.test', 'Student Norole', null],
  ] as const) {
    const u = await h.db.user.create({ data: { email, name, roll, passwordHash: 'x' } });
    await h.db.enrolment.create({ data: { userId: u.id, courseId: h.courseA.id, role: 'student' } });
  }
  const exam = await createExam(h.server.ctx, h.courseA.id, {
    examYaml: FAKE_EXAM_YAML,
    rubricYaml: RUBRIC_V1,
    actorId: null,
  });
  examId = exam.id;
  const up = await ta.req(
    'POST',
    `/api/exams/${examId}/submissions`,
    form([
      // s1's own script, one part unsure: confirmed, pending review
      { name: 'own.pdf', bytes: fakePdf({ roll: '20CS10001', name: 'Student One', '1a': '41?', '2a': '7' }) },
      // the header names a near roll of Student Two (letter O for zero): not a safe match
      { name: 'near.pdf', bytes: fakePdf({ roll: '20CS1O002', name: 'Student Two', '1a': '42', '2a': '7' }) },
    ]),
  );
  for (const s of up.data.created) ids[s.fileName] = s.id;
  await waitFor(async () => {
    const subs = await h.db.submission.findMany({ where: { examId } });
    return subs.length === 2 && subs.every((s) => ['graded', 'needs_review'].includes(s.status));
  });
});
afterAll(async () => {
  await h?.stop();
});

const csvLines = async (query = '') =>
  ((await ta.get(`/api/exams/${examId}/export.csv${query}`)).data as string).trim().split('\r\n');

describe('identity gating', () => {
  it('the worker matched the exact roll and left the near roll unconfirmed', async () => {
    const near = await h.db.submission.findUniqueOrThrow({ where: { id: ids['near.pdf'] } });
    expect(near.studentId).toBeNull();
    expect(near.headerRoll).toBe('20CS1O002');
    const own = await h.db.submission.findUniqueOrThrow({ where: { id: ids['own.pdf'] } });
    expect(own.studentId).toBe(h.people.s1.id);
  });

  it('release reaches only confirmed scripts and says how many wait for a TA', async () => {
    const r = await ta.post(`/api/exams/${examId}/release`);
    expect(r.status).toBe(200);
    expect(r.data).toMatchObject({ released: 1, withheld: { identityUnconfirmed: 1 } });
  });

  it('an unconfirmed script is shown to no student, even after release', async () => {
    const near = ids['near.pdf'];
    expect((await s2.get('/api/submissions/mine')).data).toEqual([]);
    for (const path of [`/api/submissions/${near}`, `/api/submissions/${near}/pages/1.png`]) {
      for (const who of [s1, s2]) {
        const r = await who.get(path);
        expect(r.status).toBe(404);
        expect(JSON.stringify(r.data)).not.toMatch(/near\.pdf|20CS1O002/);
      }
    }
    const rr = await s2.post(`/api/submissions/${near}/parts/1a/regrade-requests`, { message: 'mine?' });
    expect(rr.status).toBe(404);
    // s1 sees their own script only, with the unsure part's total held back
    const mine = await s1.get('/api/submissions/mine');
    expect(mine.data).toEqual([expect.objectContaining({ id: ids['own.pdf'], released: true, total: null })]);
  });

  it('CSV: every roster student by roll, absent ones too; the unconfirmed script only as its own row', async () => {
    expect(await csvLines()).toEqual([
      'roll,name,total,status,1a,2a',
      '20CS09999,Student Zero,,absent,,',
      '20CS10001,Student One,,pending review,,2', // 1a under review: no number, no total yet
      '20CS10002,Student Two,,absent,,', // the near-roll script does not count for them
      ',Student Norole,,absent,,',
      ',unconfirmed script near.pdf (header read: name Student Two; roll 20CS1O002),,identity unconfirmed,,',
    ]);
    expect(await csvLines('?unconfirmed=omit')).toHaveLength(5);
  });

  it('after a TA assigns and confirms it, it is that student’s: list, detail, pages, CSV', async () => {
    const near = ids['near.pdf'];
    const a = await ta.post(`/api/submissions/${near}/student`, { studentId: h.people.s2.id });
    expect(a.status).toBe(200);
    expect(a.data.student).toMatchObject({ roll: '20CS10002' });
    const audit = await h.db.auditLog.findFirstOrThrow({
      where: { submissionId: near, action: 'assign_student' },
    });
    expect(audit).toMatchObject({
      actorId: h.people.taA.id,
      before: { studentId: null },
      after: { studentId: h.people.s2.id },
    });

    const mine = await s2.get('/api/submissions/mine');
    expect(mine.data).toEqual([expect.objectContaining({ id: near, released: true, total: 5 })]);
    const detail = await s2.get(`/api/submissions/${near}`);
    expect(detail.status).toBe(200);
    expect(detail.data.grade.total).toBe(5);
    expect((await s2.get(`/api/submissions/${near}/pages/1.png`)).status).toBe(200);
    expect((await s1.get(`/api/submissions/${near}`)).status).toBe(404); // still nobody else's

    const lines = await csvLines();
    expect(lines).toContain('20CS10002,Student Two,5,final,3,2');
    expect(lines.some((l) => l.includes('identity unconfirmed'))).toBe(false);
    expect((await ta.get(`/api/exams/${examId}/export.csv`)).headers.get('x-unconfirmed-scripts')).toBe('0');
  });

  it('unassigned again, it is withdrawn from the student at once', async () => {
    const near = ids['near.pdf'];
    expect((await ta.post(`/api/submissions/${near}/student`, { studentId: null })).status).toBe(200);
    expect((await s2.get('/api/submissions/mine')).data).toEqual([]);
    expect((await s2.get(`/api/submissions/${near}`)).status).toBe(404);
    expect(await csvLines()).toContain('20CS10002,Student Two,,absent,,');
  });
});
