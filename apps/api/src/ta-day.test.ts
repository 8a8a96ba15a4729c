// "The TA's day in the UI": review groups by parsed value, password change, admin edits a member.
import { fakePdf } from '@grader/grading/testing';
import { waitFor } from '@grader/jobs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { form, type TestClient } from './testing/client.ts';
import { createFakeExam, type Harness, PASSWORD, startHarness } from './testing/harness.ts';

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

describe('review groups by the parsed answer', () => {
  it('puts two scripts writing the same vector differently in one group, values stored with the grade', async () => {
    const examId = await createFakeExam(admin, h.courseA.id);
    // '?' makes the fake core unsure: the part goes to review
    const up = await ta.req(
      'POST',
      `/api/exams/${examId}/submissions`,
      form([
        { name: 'a.pdf', bytes: fakePdf({ roll: 'R1', '1a': '{0.7,0.2,0.05}?', '2a': '7' }) },
        { name: 'b.pdf', bytes: fakePdf({ roll: 'R2', '1a': '[0.70, 0.20, 0.050]?', '2a': '7' }) },
        { name: 'c.pdf', bytes: fakePdf({ roll: 'R3', '1a': '[0.7, 0.3]?', '2a': '7' }) },
      ]),
    );
    expect(up.status).toBe(201);
    const subIds = Object.fromEntries(
      up.data.created.map((s: { fileName: string; id: string }) => [s.fileName, s.id]),
    );
    await waitFor(async () => {
      const l = await ta.get(`/api/exams/${examId}/submissions`);
      return l.data.length === 3 && l.data.every((s: { status: string }) => s.status === 'needs_review');
    });
    const grade = await h.db.grade.findFirst({ where: { submissionId: subIds['b.pdf'] } });
    expect((grade!.parts as Record<string, { values?: number[] }>)['1a'].values).toEqual([0.7, 0.2, 0.05]);

    const q = await ta.get(`/api/exams/${examId}/review`);
    expect(q.status).toBe(200);
    expect(q.data).toHaveLength(2);
    expect(q.data[0]).toMatchObject({ partId: '1a', count: 2, values: [0.7, 0.2, 0.05] });
    expect(q.data[0].items.map((i: { submissionId: string }) => i.submissionId).sort()).toEqual(
      [subIds['a.pdf'], subIds['b.pdf']].sort(),
    );
    // each script's own spelling is kept for the TA to see
    expect(q.data[0].items.map((i: { text: string }) => i.text).sort()).toEqual([
      '[0.70, 0.20, 0.050]?',
      '{0.7,0.2,0.05}?',
    ]);
    expect(q.data[1]).toMatchObject({ partId: '1a', count: 1, values: [0.7, 0.3] });
  });
});

describe('password change', () => {
  it('needs the current password and a long enough new one; ends the other sessions', async () => {
    const here = await h.as('s1@t.test');
    const other = await h.as('s1@t.test');
    const short = await here.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(short.data.error.fields.newPassword).toMatch(/at least 8/);
    const wrong = await here.post('/api/auth/password', {
      currentPassword: 'not-it',
      newPassword: 'a-new-password',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.data.error.fields.currentPassword).toBe('wrong password');
    const ok = await here.post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'a-new-password',
    });
    expect(ok.status).toBe(200);
    expect(ok.data.sessionsRevoked).toBeGreaterThanOrEqual(1);
    expect((await here.get('/api/auth/me')).status).toBe(200); // this device stays signed in
    expect((await other.get('/api/auth/me')).status).toBe(401); // the other one is signed out
    expect(
      (await h.client().post('/api/auth/login', { email: 's1@t.test', password: PASSWORD })).status,
    ).toBe(401);
    const fresh = h.client();
    await fresh.login('s1@t.test', 'a-new-password');
    const audit = await h.db.auditLog.findFirst({ where: { action: 'password_change' } });
    expect(audit).toMatchObject({ actorId: h.people.s1.id });
    expect(JSON.stringify(audit)).not.toContain('a-new-password');
    expect((await h.client().post('/api/auth/password', {})).status).toBe(401);
  });
});

describe('admin edits a member', () => {
  it("sets a user's name and roll, audited with before and after; others may not", async () => {
    const path = `/api/courses/${h.courseA.id}/members/${h.people.s2.id}`;
    const r = await admin.req('PATCH', path, { name: 'Student Two-Renamed', roll: '20CS10099' });
    expect(r.status).toBe(200);
    expect(r.data).toMatchObject({ name: 'Student Two-Renamed', roll: '20CS10099', role: 'student' });
    const members = await admin.get(`/api/courses/${h.courseA.id}/members`);
    expect(members.data.find((m: { userId: string }) => m.userId === h.people.s2.id)).toMatchObject({
      name: 'Student Two-Renamed',
      roll: '20CS10099',
    });
    const audit = await h.db.auditLog.findFirst({ where: { action: 'member_edit' } });
    expect(audit).toMatchObject({
      actorId: h.people.adminA.id,
      before: { userId: h.people.s2.id, name: 'Student Two', roll: '20CS10002' },
      after: { userId: h.people.s2.id, name: 'Student Two-Renamed', roll: '20CS10099' },
    });
    expect((await admin.req('PATCH', path, { name: '' })).status).toBe(400);
    expect((await admin.req('PATCH', path, {})).status).toBe(400);
    expect((await ta.req('PATCH', path, { name: 'X' })).status).toBe(403);
    const adminB = await h.as('admin.b@t.test');
    expect((await adminB.req('PATCH', path, { name: 'X' })).status).toBe(404);
    // a member of another course only: not found through this course
    const notHere = `/api/courses/${h.courseA.id}/members/${h.people.taB.id}`;
    expect((await admin.req('PATCH', notHere, { name: 'X' })).status).toBe(404);
    const cleared = await admin.req('PATCH', path, { roll: null });
    expect(cleared.data.roll).toBeNull();
  });
});
