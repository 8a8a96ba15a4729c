// The same committed scripts graded three ways must give the same grades:
//  cli    `npx tsx apps/cli/src/main.ts grade --json`, as a user runs it (stdout parsed);
//  worker @grader/jobs' createWorker on a fresh database and queue prefix, the ingest job enqueued
//         for each stored submission, the stored grade read back;
//  api    @grader/api's server on a random port with the real worker, the PDFs uploaded by a TA
//         over HTTP, the grades read with GET /api/submissions/:id.
// Compared per part (score, max, review, values read) and per script (matched student, flags,
// total); a difference is printed as the file, part and each path's value.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createServer, type GraderServer, seedDemo } from '@grader/api';
import type { Config } from '@grader/config';
import { SubmissionDetail, SubmissionSummary, UploadResult } from '@grader/contract';
import { createTestDatabase, LocalBlobStore, type TestDatabase } from '@grader/db';
import { examsDir, loadExam } from '@grader/exam';
import { createWorker, type GraderWorker } from '@grader/jobs';
import { addSubmission, testConfig, waitFor } from '@grader/jobs/testing';
import { parseRoster, ScriptGrade } from '@grader/model';
import { deleteQueueKeys } from '@grader/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { diffPaths, type PathResults, scriptView } from './paths-equal.ts';

const ROOT = resolve(import.meta.dirname, '..');
const EXAM = 'cs60010-ct3';
const SAMPLES = join(ROOT, 'samples');
const ROSTER = join(SAMPLES, 'roster.csv');
// typed, LaTeX and office (~20 s for all three paths). PATHS_EQUAL_SCAN=1 adds a 3-page scan read by
// tesseract (the fastest OCR engine): ~90 s, three OCR runs sharing the cores.
const FILES = [
  'p01.pdf',
  'p03.pdf',
  'p08.pdf',
  ...(process.env.PATHS_EQUAL_SCAN === '1' ? ['p12.pdf'] : []),
] as const;
const ENV = { OCR_ENGINE: 'tesseract' } as const;
const SERVER_ENV = {
  ...ENV,
  OCR_WORKERS: '1',
  // real OCR under load: no stalled-job handoffs, no reconciler re-enqueueing mid-run
  JOB_LOCK_MS: '60000',
  RECONCILE_INTERVAL_MS: '600000',
  RECONCILE_MIN_AGE_MS: '600000',
};
const FINAL = new Set(['graded', 'needs_review', 'failed']);

// everything a path started, cleaned up whatever happened
const cleanup: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const f of cleanup.reverse()) await f().catch((e) => console.error('cleanup:', e));
});

async function freshRun(): Promise<{ t: TestDatabase; config: Config }> {
  const t = await createTestDatabase();
  const config = testConfig(t.url, SERVER_ENV);
  cleanup.push(
    () => t.drop(),
    () => deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX),
  );
  return { t, config };
}

/** Path 1: the CLI, spawned as a user runs it. */
async function viaCli(problems: string[]): Promise<PathResults> {
  const { stdout } = await promisify(execFile)(
    'npx',
    [
      'tsx',
      'apps/cli/src/main.ts',
      'grade',
      '--exam',
      EXAM,
      '--roster',
      ROSTER,
      '--json',
      ...FILES.map((f) => join(SAMPLES, f)),
    ],
    { cwd: ROOT, env: { ...process.env, ...ENV }, maxBuffer: 64 << 20, timeout: 240_000 },
  );
  const rows = z
    .array(z.union([ScriptGrade, z.object({ file: z.string(), error: z.string() })]))
    .parse(JSON.parse(stdout));
  const out: PathResults = {};
  for (const r of rows) {
    if ('parts' in r) out[r.file] = scriptView(r);
    else problems.push(`cli: ${r.file}: ${r.error}`);
  }
  return out;
}

/** Path 2: the worker of @grader/jobs on stored submissions of a seeded exam; the stored grades read back. */
async function viaWorker(problems: string[]): Promise<PathResults> {
  const { t, config } = await freshRun();
  const { db } = t;
  // the rows the API's exam creation and roster import make: the CT3 exam, rubric v1, the class list
  const course = await db.course.create({ data: { code: 'CS60010', title: 'Deep Learning' } });
  for (const s of parseRoster(readFileSync(ROSTER, 'utf8'))) {
    const u = await db.user.create({
      data: { email: `${s.roll.toLowerCase()}@paths.test`, name: s.name, roll: s.roll, passwordHash: 'x' },
    });
    await db.enrolment.create({ data: { userId: u.id, courseId: course.id, role: 'student' } });
  }
  const { dir: _dir, ...definition } = loadExam(EXAM);
  const exam = await db.exam.create({
    data: {
      courseId: course.id,
      slug: EXAM,
      title: definition.title,
      definition,
      parameters: {},
      reviewThreshold: definition.reviewThreshold,
    },
  });
  const rv = await db.rubricVersion.create({
    data: {
      examId: exam.id,
      version: 1,
      yaml: readFileSync(join(examsDir(), EXAM, 'rubric.yaml'), 'utf8'),
      parameters: {},
    },
  });
  await db.exam.update({ where: { id: exam.id }, data: { currentRubricId: rv.id } });

  const store = new LocalBlobStore(config.storageDir);
  const worker: GraderWorker = await createWorker({ config, db, store, log: () => {} });
  let closed = false;
  cleanup.push(async () => closed || worker.close());
  // every submission stored before any job runs: the batch completes once, as one upload's does
  const subs = [];
  for (const f of FILES)
    subs.push(await addSubmission(db, store, exam.id, f, readFileSync(join(SAMPLES, f))));
  for (const s of subs) await worker.ctx.queues.addIngest({ submissionId: s.id });
  await waitFor(
    async () =>
      (await db.submission.findMany({ where: { examId: exam.id } })).every((s) => FINAL.has(s.status)),
    200_000,
    250,
  );
  // the last grade job refreshes the exam-wide flags after its status change: let it finish
  await worker.close();
  closed = true;

  const out: PathResults = {};
  for (const s of await db.submission.findMany({
    where: { examId: exam.id },
    include: { student: true, grades: { where: { rubricVersionId: rv.id } } },
  })) {
    const g = s.grades[0];
    if (!g) {
      problems.push(`worker: ${s.fileName}: ${s.status} ${s.statusReason ?? ''}`);
      continue;
    }
    out[s.fileName] = scriptView({
      student: s.student ? { name: s.student.name, roll: s.student.roll } : null,
      flags: g.flags as string[],
      total: g.total,
      parts: g.parts as ScriptGrade['parts'],
    });
  }
  return out;
}

/** A signed-in user of the API: session cookie and CSRF token. */
async function signIn(base: string, email: string, password: string) {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`login ${email}: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async (method: string, path: string, body?: FormData | object): Promise<unknown> => {
    const headers: Record<string, string> = { cookie };
    if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
    if (body && !(body instanceof FormData)) headers['content-type'] = 'application/json';
    const res = await fetch(base + path, {
      method,
      headers,
      body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
    });
    const data = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(data)}`);
    return data;
  };
}

/** Path 3: the API on a random port with the real worker; a TA uploads and reads the grades over HTTP. */
async function viaApi(problems: string[]): Promise<PathResults> {
  const { t, config } = await freshRun();
  const server: GraderServer = await createServer({ config, db: t.db, log: () => {} });
  cleanup.push(() => server.close());
  const base = await server.listen(0, '127.0.0.1');
  const worker = await createWorker({ config, db: t.db, log: () => {} });
  let closed = false;
  cleanup.push(async () => closed || worker.close());
  // the demo course: admin, TA and the CT3 exam as `npm run demo` seeds them; the class list by HTTP
  const demo = await seedDemo(server.ctx, []);
  const ta = await signIn(base, demo.ta, demo.password);
  await ta('POST', `/api/courses/${demo.courseId}/roster`, { csv: readFileSync(ROSTER, 'utf8') });

  const upload = new FormData();
  for (const f of FILES) upload.append('files[]', new Blob([readFileSync(join(SAMPLES, f))]), f);
  const up = UploadResult.parse(await ta('POST', `/api/exams/${demo.examId}/submissions`, upload));
  for (const r of up.rejected) problems.push(`api: upload rejected ${r.file}: ${r.reason}`);
  await waitFor(
    async () => {
      const list = z.array(SubmissionSummary).parse(await ta('GET', `/api/exams/${demo.examId}/submissions`));
      return list.length === up.created.length && list.every((s) => FINAL.has(s.status));
    },
    200_000,
    250,
  );
  // the last grade job refreshes the exam-wide flags after its status change: let it finish
  await worker.close();
  closed = true;

  const out: PathResults = {};
  for (const c of up.created) {
    const d = SubmissionDetail.parse(await ta('GET', `/api/submissions/${c.id}`));
    if (!d.grade) {
      problems.push(`api: ${c.fileName}: ${d.submission.status} ${d.submission.statusReason ?? ''}`);
      continue;
    }
    const s = d.submission.student;
    out[c.fileName] = scriptView({
      // a student the script was given to has an id; otherwise the API shows the header as read
      student: s?.id ? { name: s.name, roll: s.roll } : null,
      flags: d.grade.flags,
      total: d.grade.total,
      parts: d.grade.parts,
    });
  }
  return out;
}

describe('diffPaths', () => {
  const a = scriptView({
    student: { name: 'A', roll: 'R1' },
    flags: ['header'],
    total: 3,
    parts: { '1a': { score: 3, max: 3, review: false, values: [3, 4] } },
  });
  it('names the file, the part, the field and every path value', () => {
    const b = { ...a, parts: { '1a': { ...a.parts['1a'], review: true, values: null } } };
    expect(
      diffPaths({ cli: { 'x.pdf': a }, worker: { 'x.pdf': a }, api: { 'x.pdf': b } }, ['x.pdf']),
    ).toEqual([
      'x.pdf part 1a review: cli=false worker=false api=true',
      'x.pdf part 1a values: cli=[3,4] worker=[3,4] api=null',
    ]);
    expect(
      diffPaths({ cli: { 'x.pdf': a }, api: { 'x.pdf': b } }, ['x.pdf'], {
        script: false,
        parts: ['values'],
      }),
    ).toEqual(['x.pdf part 1a values: cli=[3,4] api=null']);
  });
  it('a missing result, a part only one path has, another student or flag order', () => {
    const extra = { ...a, parts: { ...a.parts, '2a': { score: 1, max: 1, review: false, values: null } } };
    expect(diffPaths({ cli: { 'x.pdf': a }, api: { 'x.pdf': extra } }, ['x.pdf', 'y.pdf'])).toEqual([
      'x.pdf part 2a score: cli=missing api=1',
      'x.pdf part 2a max: cli=missing api=1',
      'x.pdf part 2a review: cli=missing api=false',
      'x.pdf part 2a values: cli=missing api=null',
      'y.pdf: no result from cli, api',
    ]);
    const other = { ...a, student: null };
    expect(diffPaths({ cli: { 'x.pdf': a }, api: { 'x.pdf': other } }, ['x.pdf'])).toEqual([
      'x.pdf student: cli={"name":"A","roll":"R1"} api=null',
    ]);
    const twoFlags = scriptView({ ...a, flags: ['similarity', 'header'] });
    expect(twoFlags.flags).toEqual(['header', 'similarity']);
    expect(diffPaths({ cli: { 'x.pdf': a }, api: { 'x.pdf': a } }, ['x.pdf'])).toEqual([]);
  });
});

describe('CLI, worker and API grade the same scripts alike', () => {
  const problems: string[] = [];
  let byPath: Record<'cli' | 'worker' | 'api', PathResults>;
  beforeAll(async () => {
    const timed = async <T>(name: string, run: Promise<T>) => {
      const start = Date.now();
      const v = await run;
      console.info(`paths-equal: ${name} ${((Date.now() - start) / 1000).toFixed(1)} s`);
      return v;
    };
    // the three run side by side: each has its own database, queue prefix and OCR pool
    const [cli, worker, api] = await Promise.all([
      timed('cli', viaCli(problems)),
      timed('worker', viaWorker(problems)),
      timed('api', viaApi(problems)),
    ]);
    byPath = { cli, worker, api };
  }, 300_000);

  it(`every path grades ${FILES.join(', ')}`, () => {
    expect(problems, problems.join('\n')).toEqual([]);
    for (const r of Object.values(byPath)) expect(Object.keys(r).sort()).toEqual([...FILES]);
  });

  it('equal grades: per part score, max and review; per script student, flags and total', () => {
    const diffs = diffPaths(byPath, FILES, { script: true, parts: ['score', 'max', 'review'] });
    expect(diffs, `the paths differ:\n${diffs.join('\n')}`).toEqual([]);
  });

  it('equal answer values: the values read in each part', () => {
    const diffs = diffPaths(byPath, FILES, { script: false, parts: ['values'] });
    expect(diffs, `the paths differ:\n${diffs.join('\n')}`).toEqual([]);
  });
});
