// Exam versions on the server, with the real grading core (CT3, keys from the engine) and the real
// PostgreSQL, Redis and worker: admins create, draw, edit and delete versions and download each
// version's paper; the class list assigns versions; the worker grades each script on its own version
// with the `version` flag; a version change regrades (a released grade changes visibly, audited); a
// student sees their own version and its paper, no other.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { examsDir } from '@grader/exam';
import { type Extractor, loadGradingCore } from '@grader/grading';
import { ct3Answers } from '@grader/grading/testing';
import { IngestError } from '@grader/ingest/errors';
import { waitFor } from '@grader/jobs/testing';
import { scriptFromText } from '@grader/rubric';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { form, type TestClient } from './testing/client.ts';
import { type Harness, startHarness } from './testing/harness.ts';
import { regradeSettled } from './testing/regrade.ts';

/** "PDFs" of text: `%PDF-` then labelled answers (scriptFromText); a `Version: X` line is the code. */
const textExtractor: Extractor = {
  async extract(bytes, { fileName, roster }) {
    const text = Buffer.from(bytes).toString('utf8');
    if (!text.startsWith('%PDF-')) throw new IngestError('not_pdf', `${fileName} is not a PDF`);
    const body = text.split('\n').slice(1).join('\n');
    const s = scriptFromText(body, { file: fileName });
    const code = /^Version:\s*(\S+)/m.exec(body)?.[1];
    if (code) s.header.versionCode = { code, text: `Version ${code}`, region: null };
    const { matchStudent } = await import('@grader/ingest');
    const m = matchStudent({ name: s.header.name, roll: s.header.roll }, roster, 'text');
    s.header.match = m.match;
    s.header.rosterChecked = true;
    return s;
  },
  async close() {},
};

const A_ANSWERS = ct3Answers(3, 1);
const B_ANSWERS = ct3Answers(4, 0);
const pdf = (name: string, roll: string, answers: string, code?: string) =>
  Buffer.from(`%PDF-1.7\nName: ${name}\nRoll: ${roll}\n${code ? `Version: ${code}\n` : ''}${answers}\n`);

let h: Harness;
let admin: TestClient;
let ta: TestClient;
let s1: TestClient;
let s2: TestClient;
let examId = '';
const subIds: Record<string, string> = {};

beforeAll(async () => {
  h = await startHarness({}, { grading: await loadGradingCore(), extractor: textExtractor });
  admin = await h.as('admin.a@t.test');
  ta = await h.as('ta.a@t.test');
  s1 = await h.as('s1@t.test');
  s2 = await h.as('s2@t.test');
  const dir = join(examsDir(), 'cs60010-ct3');
  const created = await admin.req(
    'POST',
    `/api/courses/${h.courseA.id}/exams`,
    form(
      ['exam.yaml', 'rubric.yaml'].map((name) => ({ name, bytes: readFileSync(join(dir, name)) })),
      'definition',
    ),
  );
  expect(created.status).toBe(201);
  examId = created.data.id;
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

const V = () => `/api/exams/${examId}/versions`;
/** a version change's regrade, finished */
const settled = (r: { data: { regrade: { id: string } } }) =>
  regradeSettled(admin, examId, r.data.regrade.id);

describe('admins manage versions', () => {
  it('create by explicit parameters; typed field errors; only admins', async () => {
    expect((await ta.post(V(), { name: 'A', parameters: {} })).status).toBe(403);
    const a = await admin.post(V(), { name: 'A', parameters: {} });
    expect(a.status).toBe(202); // the new list is pending until its regrade is done
    expect(a.data.regrade).toMatchObject({ kind: 'apply', status: 'queued' });
    // one change at a time: the next waits for this regrade (409 meanwhile)
    await settled(a);
    const b = await admin.post(V(), { name: 'B', parameters: { '3.hidden': 4, '5.padding': 0 } });
    expect(b.status).toBe(202);
    expect(b.data.versions.map((v: { name: string }) => v.name)).toEqual(['A', 'B']);
    await settled(b);
    expect((await admin.post(V(), { name: 'b', parameters: { '3.hidden': 6 } })).status).toBe(409);
    const unknown = await admin.post(V(), { name: 'C', parameters: { '3.hiden': 4 } });
    expect(unknown.status).toBe(400);
    expect(unknown.data.error.fields['parameters.3.hiden']).toMatch(/unknown parameter "3.hiden"/);
    const same = await admin.post(V(), { name: 'C', parameters: { '3.hidden': 3 } });
    expect(same.status).toBe(400);
    expect(Object.values(same.data.error.fields)[0]).toMatch(/versions A and C have the same parameters/);
    expect((await admin.post(V(), { name: 'no spaces', parameters: {} })).status).toBe(400);
    const audit = await h.db.auditLog.findMany({ where: { examId, action: 'version_create' } });
    expect(audit).toHaveLength(2);
  });

  it('lists versions with their keys for staff; draws one within ranges; edits and deletes', async () => {
    const list = await ta.get(V());
    expect(list.status).toBe(200);
    expect(
      list.data.versions.map((v: { name: string; keys: Record<string, unknown> }) => [v.name, v.keys['3c']]),
    ).toEqual([
      ['A', 72],
      ['B', 112],
    ]);
    expect((await s1.get(V())).status).toBe(403);
    const drawn = await admin.post(V(), {
      draw: { count: 1, seed: 5, ranges: { '3.hidden': { min: 5, max: 8 } } },
    });
    expect(drawn.status).toBe(202);
    await settled(drawn);
    expect(drawn.data.created).toEqual(['C']);
    expect(drawn.data.seed).toBe(5);
    const c = drawn.data.versions.find((v: { name: string }) => v.name === 'C');
    expect(Object.keys(c.parameters)).toEqual(['3.hidden']);
    const edited = await admin.put(`${V()}/C`, { parameters: { '3.hidden': 7 } });
    expect(edited.status).toBe(202);
    await settled(edited);
    expect(edited.data.versions[2]).toEqual({ name: 'C', parameters: { '3.hidden': 7 } });
    const bad = await admin.put(`${V()}/C`, { parameters: { '3.hidden': 4, '5.padding': 0 } });
    expect(bad.status).toBe(400); // the same as B
    const del = await admin.req('DELETE', `${V()}/C`);
    expect(del.status).toBe(202);
    await settled(del);
    expect(del.data.versions.map((v: { name: string }) => v.name)).toEqual(['A', 'B']);
    expect((await admin.req('DELETE', `${V()}/C`)).status).toBe(404);
    // every change is a rubric version carrying the versions
    const rv = await h.db.rubricVersion.findFirstOrThrow({ where: { examId }, orderBy: { version: 'desc' } });
    expect(rv.versions).toEqual([
      { name: 'A', parameters: {} },
      { name: 'B', parameters: { '3.hidden': 4, '5.padding': 0 } },
    ]);
  });

  it("downloads a version's question paper (staff only)", async () => {
    const paper = await ta.get(`${V()}/B/paper.pdf`);
    expect(paper.status).toBe(200);
    expect(paper.headers.get('content-type')).toBe('application/pdf');
    expect(paper.headers.get('content-disposition')).toMatch(/cs60010-ct3-version-B\.pdf/);
    expect((paper.data as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await ta.get(`${V()}/Z/paper.pdf`)).status).toBe(404);
    expect((await s1.get(`${V()}/A/paper.pdf`)).status).toBe(403);
  });
});

describe('the class list assigns versions', () => {
  it('a version column: checked line by line against the exam, needs the exam', async () => {
    const roster = `/api/courses/${h.courseA.id}/roster`;
    const noExam = await ta.post(roster, { csv: 'roll,name,version\n20CS10001,Student One,A\n' });
    expect(noExam.status).toBe(400);
    expect(noExam.data.error.lines[0]).toMatchObject({ field: 'version' });
    const bad = await ta.post(roster, {
      csv: 'roll,name,version\n20CS10001,Student One,A\n20CS10002,Student Two,Z\n',
      examId,
    });
    expect(bad.status).toBe(400);
    expect(bad.data.error.lines).toEqual([
      { line: 3, field: 'version', message: '"Z" is not a version of this exam (A, B)' },
    ]);
    expect(await h.db.rosterVersion.count()).toBe(0);
    const ok = await ta.post(roster, {
      csv: 'roll,name,version\n20CS10001,Student One,a\n20CS10002,Student Two,B\n21CS30003,Student Three,B\n',
      examId,
    });
    expect(ok.status).toBe(200);
    expect(ok.data.versions).toMatchObject({ examId, assigned: 3, changed: 3 });
    const list = await ta.get(`/api/exams/${examId}/roster`);
    expect(list.data.versions).toEqual(['A', 'B']);
    expect(
      list.data.students.map((s: { roll: string; version: string }) => `${s.roll} ${s.version}`),
    ).toEqual(['20CS10001 A', '20CS10002 B', '21CS30003 B']);
    expect((await s1.get(`/api/exams/${examId}/roster`)).status).toBe(403);
  });
});

describe('the worker grades each script on its own version', () => {
  it('a batch mixing two versions; the B script with A’s numbers and the disputed one are flagged', async () => {
    const up = await ta.req(
      'POST',
      `/api/exams/${examId}/submissions`,
      form([
        { name: 'one.pdf', bytes: pdf('Student One', '20CS10001', A_ANSWERS) },
        // version B on the roster, version A's numbers on the page
        { name: 'two.pdf', bytes: pdf('Student Two', '20CS10002', A_ANSWERS, 'B') },
        // version B on the roster, "Version A" written on it, B's numbers
        { name: 'three.pdf', bytes: pdf('Student Three', '21CS30003', B_ANSWERS, 'A') },
      ]),
    );
    expect(up.status).toBe(201);
    for (const s of up.data.created) subIds[s.fileName] = s.id;
    await waitFor(async () => {
      const l = await ta.get(`/api/exams/${examId}/submissions`);
      return l.data.every((s: { status: string }) => ['graded', 'needs_review'].includes(s.status));
    });
    const grades = Object.fromEntries(
      await Promise.all(
        Object.entries(subIds).map(
          async ([f, id]) => [f, (await ta.get(`/api/submissions/${id}`)).data] as const,
        ),
      ),
    );
    const versionOf = (f: string) => grades[f].submission.version?.name;
    expect(['one.pdf', 'two.pdf', 'three.pdf'].map(versionOf)).toEqual(['A', 'B', 'B']);
    // each on its own keys: A's answers right on A, B's right on B; A's numbers on a B paper are not
    expect(grades['one.pdf'].grade.parts['3c'].score).toBe(1);
    expect(grades['three.pdf'].grade.parts['3c'].score).toBe(1);
    expect(grades['three.pdf'].grade.parts['3c'].items[0].label).toMatch(/^112 = /);
    expect(grades['two.pdf'].grade.parts['3a'].score).toBe(0);
    const flagged = Object.keys(grades).filter((f) => grades[f].grade.flags.includes('version'));
    expect(flagged.sort()).toEqual(['three.pdf', 'two.pdf']);
    expect(grades['two.pdf'].grade.flagReasons.version).toMatch(
      /^numbers match version A's key, not its own B/,
    );
    expect(grades['three.pdf'].grade.flagReasons.version).toBe(
      'the roster gives version B but the script says "Version A": graded on B',
    );
    // (each submission's newest grade: a regrade queued by the class list's version change may land
    // after the batch, under another rubric version, on a loaded machine)
    const stored = await h.db.grade.findMany({
      where: { submissionId: { in: Object.values(subIds) } },
      orderBy: { createdAt: 'desc' },
      distinct: ['submissionId'],
    });
    expect(stored.map((g) => g.version).sort()).toEqual(['A', 'B', 'B']);
    const stats = await ta.get(`/api/exams/${examId}/stats`);
    expect(
      stats.data.versions.map((v: { version: string; graded: number; flagged: number }) => [
        v.version,
        v.graded,
        v.flagged,
      ]),
    ).toEqual([
      ['A', 1, 0],
      ['B', 2, 2],
    ]);
  }, 90_000);
});

describe('students and version changes', () => {
  it('a student sees their own version and its paper, and no other', async () => {
    expect((await ta.post(`/api/exams/${examId}/release`)).status).toBe(200);
    const mine = await s1.get(`/api/submissions/${subIds['one.pdf']}`);
    expect(mine.status).toBe(200);
    expect(mine.data.submission.version).toEqual({
      name: 'A',
      paperUrl: `/api/submissions/${subIds['one.pdf']}/paper.pdf`,
    });
    const paper = await s1.get(mine.data.submission.version.paperUrl);
    expect(paper.status).toBe(200);
    expect(paper.headers.get('content-disposition')).toMatch(/version-A\.pdf/);
    // another student's script and its paper, and the exam's version papers: refused
    expect((await s1.get(`/api/submissions/${subIds['two.pdf']}/paper.pdf`)).status).toBe(404);
    expect((await s1.get(`${V()}/B/paper.pdf`)).status).toBe(403);
    const theirs = await s2.get(`/api/submissions/${subIds['two.pdf']}`);
    expect(theirs.data.submission.version.name).toBe('B');
  });

  it('moving a student to another version on the class list regrades; the released change is shown', async () => {
    const before = (await s2.get(`/api/submissions/${subIds['two.pdf']}`)).data.grade.total;
    const r = await ta.post(`/api/courses/${h.courseA.id}/roster`, {
      csv: 'roll,name,version\n20CS10002,Student Two,A\n',
      examId,
    });
    expect(r.status).toBe(200);
    expect(r.data.versions.changed).toBe(1);
    const queued = r.data.versions.regrade;
    const done = await regradeSettled(ta, examId, queued.regradeId);
    expect(done.summary.changed).toBeGreaterThanOrEqual(1);
    const after = (await s2.get(`/api/submissions/${subIds['two.pdf']}`)).data;
    expect(after.submission.version.name).toBe('A');
    expect(after.grade.total).toBeGreaterThan(before);
    expect(after.history.some((c: { kind: string }) => c.kind === 'regrade')).toBe(true);
    const audit = await h.db.auditLog.findFirstOrThrow({
      where: { submissionId: subIds['two.pdf'], action: 'regrade' },
      orderBy: { createdAt: 'desc' },
    });
    expect(audit.reason).toBe('the versions on the class list changed');
    const staff = (await ta.get(`/api/submissions/${subIds['two.pdf']}`)).data;
    // its numbers now fit its version; what is left is the code it carries ("Version B")
    expect(staff.grade.flagReasons.version).toBe(
      'the roster gives version A but the script says "Version B": graded on A',
    );
  });

  it('editing a version regrades its scripts on the new keys', async () => {
    const r = await admin.put(`${V()}/B`, { parameters: { '3.hidden': 5, '5.padding': 0 } });
    expect(r.status).toBe(202);
    expect((await settled(r)).summary.changed).toBeGreaterThanOrEqual(1);
    const three = (await ta.get(`/api/submissions/${subIds['three.pdf']}`)).data;
    expect(three.grade.parts['3c'].score).toBeLessThan(1); // written for H = 4, now H = 5
    const audit = await h.db.auditLog.findFirstOrThrow({
      where: { submissionId: subIds['three.pdf'], action: 'regrade' },
      orderBy: { createdAt: 'desc' },
    });
    expect(audit.reason).toBe('the exam versions changed');
    // a version a student has on the class list cannot be deleted from under them
    expect((await admin.req('DELETE', `${V()}/B`)).status).toBe(409);
  });
});
