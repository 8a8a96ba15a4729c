// Class list import (POST /api/courses/:courseId/roster): every line checked, errors per line with
// nothing imported; a valid file creates or updates students and enrols them, audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRosterCsv } from './services/roster-import.ts';
import type { TestClient } from './testing/client.ts';
import { type Harness, startHarness } from './testing/harness.ts';

let h: Harness;
let ta: TestClient;
let admin: TestClient;
let s1: TestClient;

beforeAll(async () => {
  h = await startHarness();
  ta = await h.as('ta.a@t.test');
  admin = await h.as('admin.a@t.test');
  s1 = await h.as('s1@t.test');
});
afterAll(async () => {
  await h?.stop();
});

const studentsOf = async (courseId: string) =>
  (await h.db.enrolment.findMany({ where: { courseId, role: 'student' }, include: { user: true } }))
    .map((e) => `${e.user.roll} ${e.user.name}`)
    .sort();

describe('roster import', () => {
  it('checks each line: header, cells, zod, duplicates (parseRoster rules)', async () => {
    expect((await checkRosterCsv('name,email\nA,a@x.test\n')).issues).toEqual([
      { line: 1, field: 'header', message: 'the header line names no "roll" column' },
    ]);
    const { rows, issues } = await checkRosterCsv(
      '\uFEFFname,roll,email\r\n"Das, Arjun",21cs10001,\n\nB,,b@x.test\nC,21CS10001,c@x\nD,21CS10004,d@x.test,extra\n',
    );
    expect(rows.map((r) => [r.line, r.roll, r.name, r.email])).toEqual([
      [2, '21CS10001', 'Das, Arjun', undefined],
    ]);
    expect(issues).toEqual([
      { line: 4, field: 'roll', message: 'a roll number is needed' },
      { line: 5, field: 'email', message: 'not an email address' },
      { line: 6, field: 'line', message: '4 cells, the header has 3' },
    ]);
    expect((await checkRosterCsv('roll,name\n1,A\n1,B\n')).issues).toEqual([
      { line: 3, field: 'roll', message: 'roll 1 is also on line 2' },
    ]);
  });

  it('a bad file is refused line by line and imports nothing', async () => {
    const before = await studentsOf(h.courseA.id);
    const r = await ta.post(`/api/courses/${h.courseA.id}/roster`, {
      csv: 'roll,name,email\n21CS20001,New One,new1@t.test\n21CS20002,,new2@t.test\n20CS10001,Someone,other@t.test\n21CS20004,Staff,ta.a@t.test\n',
    });
    expect(r.status).toBe(400);
    expect(r.data.error.code).toBe('invalid');
    expect(r.data.error.fields).toEqual({
      'line 3: name': 'a name is needed',
    });
    const r2 = await ta.post(`/api/courses/${h.courseA.id}/roster`, {
      csv: 'roll,name,email\n21CS20001,New One,new1@t.test\n20CS10001,Someone,other@t.test\n21CS20004,Staff,ta.a@t.test\n',
    });
    expect(r2.status).toBe(400);
    expect(r2.data.error.lines).toEqual([
      { line: 3, field: 'roll', message: "roll 20CS10001 is already Student One's (s1@t.test)" },
      { line: 4, field: 'email', message: 'ta.a@t.test is a ta of this course' },
    ]);
    expect(await studentsOf(h.courseA.id)).toEqual(before);
    expect(await h.db.user.count({ where: { email: 'new1@t.test' } })).toBe(0);
  });

  it('a valid file creates, updates and enrols students; audited', async () => {
    const r = await ta.post(`/api/courses/${h.courseA.id}/roster`, {
      csv: 'email,name,roll\ns1@t.test,Student One Renamed,20CS10001\nnew1@t.test,New One,21cs20001\n,No Mail,21CS20003\nadmin.b@t.test,Admin B,21CS20009\n',
    });
    expect(r.status).toBe(200);
    expect(r.data).toEqual({ students: 4, created: 2, updated: 2, enrolled: 3, unchanged: 0 });
    expect(await studentsOf(h.courseA.id)).toEqual(
      expect.arrayContaining([
        '20CS10001 Student One Renamed',
        '21CS20001 New One',
        '21CS20003 No Mail',
        '21CS20009 Admin B',
      ]),
    );
    expect((await h.db.user.findUniqueOrThrow({ where: { email: '21cs20003@roster.invalid' } })).roll).toBe(
      '21CS20003',
    );
    const audit = await h.db.auditLog.findFirstOrThrow({ where: { action: 'roster_import' } });
    expect(audit.actorId).toBe(h.people.taA.id);
    expect(audit.after).toMatchObject({ courseId: h.courseA.id, created: 2, enrolled: 3 });
    // the same file again changes nothing; a line without email finds the student by roll
    const again = await admin.post(`/api/courses/${h.courseA.id}/roster`, {
      csv: 'roll,name\n21CS20001,New One\n21CS20003,No Mail\n',
    });
    expect(again.data).toEqual({ students: 2, created: 0, updated: 0, enrolled: 0, unchanged: 2 });
  });

  it('students and other courses may not import', async () => {
    const csv = 'roll,name\n21CS29999,X\n';
    expect((await s1.post(`/api/courses/${h.courseA.id}/roster`, { csv })).status).toBe(403);
    expect((await ta.post(`/api/courses/${h.courseB.id}/roster`, { csv })).status).toBe(404);
  });
});
