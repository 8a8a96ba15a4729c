// `npm run bench -w @grader/api`: the server's numbers, on a fresh database and queue prefix, with
// the real core (pdfjs text layer, rubric grading) and the real PostgreSQL and Redis. It runs both
// apps (the API here, the worker in its own process), so it lives with the repository's scripts.
//   1. N typed PDFs (default 200) uploaded in one request -> all graded (s)
//   2. a rubric edit regrading M scripts (default 1,000) from stored extractions (s)
//   3. grade-read latency (GET /api/submissions/:id) under load: autocannon on loopback, p50/p99 at
//      each of --connections (default 10,50,100), and the database queries one read makes
//   4. the paged submissions list (GET /api/exams/:id/submissions?pageSize=50&page=N, pages rotating)
//      over every submission of the exam (>= M): p50/p99 at --list-connections (default 10,100), and
//      its queries per request
// Options: --scripts N --regrade M --duration S (autocannon seconds) --connections C[,C...]
//          --list-connections C[,C...]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, regradeExam, seedDemo } from '@grader/api';
import { loadConfig } from '@grader/config';
import { dropDatabase, ensureDatabase, migrate, withDatabase } from '@grader/db';
import { deleteQueueKeys } from '@grader/queue';
import autocannon from 'autocannon';
import pg from 'pg';
import { makeManyScripts } from './make-demo-scripts.ts';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
}
const N = arg('scripts', 200);
const M = arg('regrade', 1000);
const DURATION = arg('duration', 10);
function list(name: string, dflt: number[]): number[] {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1].split(',').map(Number) : dflt;
}
const CONNECTIONS = list('connections', [10, 50, 100]);
const LIST_CONNECTIONS = list('list-connections', [10, 100]);

// Every statement the API's Prisma client sends (the driver adapter runs them on pg clients; the
// worker is another process and is not counted): queries per request, measured one request at a time.
let queries = 0;
const clientQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...a: unknown[]) {
  queries++;
  return (clientQuery as (...x: unknown[]) => unknown).apply(this, a);
} as typeof clientQuery;

const base = loadConfig();
const dbUrl = withDatabase(base.DATABASE_URL, `grader_bench_${randomBytes(4).toString('hex')}`);
const storage = mkdtempSync(join(tmpdir(), 'grader-bench-'));
const config = loadConfig({
  ...process.env,
  DATABASE_URL: dbUrl,
  QUEUE_PREFIX: `gbench_${randomBytes(4).toString('hex')}`,
  STORAGE_DIR: storage,
  PORT: '0',
});
const results: [string, string][] = [];
const log = (m: string) => process.stderr.write(`${m}\n`);

await ensureDatabase(dbUrl);
await migrate(dbUrl);
const server = await createServer({ config, log });
// The worker in its own process, as deployed: its PDF parsing does not share the API's event loop.
const worker = spawn(
  process.execPath,
  ['--import', 'tsx', fileURLToPath(new URL('../apps/worker/src/main.ts', import.meta.url))],
  {
    env: {
      ...process.env,
      DATABASE_URL: config.DATABASE_URL,
      QUEUE_PREFIX: config.QUEUE_PREFIX,
      STORAGE_DIR: config.STORAGE_DIR,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
const url = await server.listen(0, '127.0.0.1');
try {
  const scriptsDir = join(storage, 'scripts');
  log(`generating ${N} typed PDFs...`);
  const scripts = await makeManyScripts(scriptsDir, N);
  const logins = await seedDemo(
    server.ctx,
    scripts.map((s) => ({ roll: s.roll, name: s.name })),
  );
  const login = async (email: string) => {
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: logins.password }),
    });
    const body = (await res.json()) as { csrfToken: string };
    return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0], csrf: body.csrfToken };
  };
  const ta = await login(logins.ta);
  const admin = await login(logins.admin);

  // 1. upload -> all graded
  const fd = new FormData();
  for (const s of scripts)
    fd.append('files[]', new Blob([new Uint8Array(readFileSync(join(scriptsDir, s.file)))]), s.file);
  const t0 = performance.now();
  const up = await fetch(`${url}/api/exams/${logins.examId}/submissions`, {
    method: 'POST',
    headers: { cookie: ta.cookie, 'x-csrf-token': ta.csrf },
    body: fd,
  });
  const created = ((await up.json()) as { created: unknown[] }).created.length;
  const tUploaded = performance.now();
  for (;;) {
    const pending = await server.ctx.db.submission.count({
      where: { examId: logins.examId, status: { notIn: ['graded', 'needs_review', 'failed'] } },
    });
    if (pending === 0) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const t1 = performance.now();
  const failed = await server.ctx.db.submission.count({ where: { examId: logins.examId, status: 'failed' } });
  results.push([`${created} typed PDFs: upload request`, `${((tUploaded - t0) / 1000).toFixed(2)} s`]);
  results.push([
    `${created} typed PDFs: upload -> all graded`,
    `${((t1 - t0) / 1000).toFixed(2)} s (${failed} failed)`,
  ]);
  results.push(['  per script (wall)', `${((t1 - t0) / created).toFixed(0)} ms`]);

  // 2. regrade M scripts after a rubric edit: clone stored extractions up to M submissions
  const db = server.ctx.db;
  const exam = await db.exam.findUniqueOrThrow({ where: { id: logins.examId } });
  const extractions = await db.extraction.findMany({ where: { submission: { examId: exam.id } } });
  const extra = M - extractions.length;
  for (let i = 0; i < extra; i += 500) {
    const batch = Array.from({ length: Math.min(500, extra - i) }, (_, k) => {
      const src = extractions[(i + k) % extractions.length];
      return { id: `bench${randomBytes(8).toString('hex')}`, data: src.data };
    });
    await db.submission.createMany({
      data: batch.map((b) => ({
        id: b.id,
        examId: exam.id,
        fileName: `${b.id}.pdf`,
        fileHash: randomBytes(32).toString('hex'),
        storageKey: randomBytes(32).toString('hex'),
        byteSize: 1,
        status: 'graded' as const,
      })),
    });
    await db.extraction.createMany({
      data: batch.map((b) => ({ submissionId: b.id, data: b.data as object })),
    });
  }
  const current = await db.rubricVersion.findUniqueOrThrow({ where: { id: exam.currentRubricId! } });
  const adminUser = await db.user.findUniqueOrThrow({ where: { email: logins.admin } });
  // grade the clones under the current version, so the edit has a "before" for each
  await regradeExam(
    server.ctx,
    exam,
    { yaml: current.yaml, parameters: {} },
    { rubricVersionId: current.id, actorId: adminUser.id },
  );
  const edited = current.yaml.replace(
    '{ expr: "dL/dc_{t+1} * f_t", credit: 1,',
    '{ expr: "dL/dc_{t+1} * f_t", credit: 1.5,',
  );
  if (edited === current.yaml) throw new Error('bench: the rubric edit did not apply (rubric.yaml changed?)');
  const t2 = performance.now();
  const put = await fetch(`${url}/api/exams/${exam.id}/rubric`, {
    method: 'PUT',
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ yaml: edited }),
  });
  const t3 = performance.now();
  const summary = ((await put.json()) as { summary?: { scripts: number; changed: number } }).summary;
  results.push([
    `rubric edit -> regrade ${summary?.scripts ?? M} scripts (no OCR)`,
    `${((t3 - t2) / 1000).toFixed(2)} s (${summary?.changed ?? '?'} changed)`,
  ]);

  // 3. grade-read latency under load: a script with pages, answers and a confirmed student
  const one = await db.submission.findFirstOrThrow({
    where: { examId: exam.id, status: { in: ['graded', 'needs_review'] }, studentId: { not: null } },
    orderBy: { createdAt: 'asc' },
  });
  const perRequest = async (path: string) => {
    const n = 20;
    const before = queries;
    for (let i = 0; i < n; i++) {
      const res = await fetch(`${url}${path}`, { headers: { cookie: ta.cookie } });
      if (!res.ok) throw new Error(`bench: ${path} answered ${res.status}`);
      await res.arrayBuffer();
    }
    return (queries - before) / n;
  };
  results.push([
    'GET /api/submissions/:id: database queries per request (session included)',
    String(await perRequest(`/api/submissions/${one.id}`)),
  ]);
  const load = async (what: string, path: string | ((i: number) => string), connections: number) => {
    let i = 0;
    const first = typeof path === 'string' ? path : path(0);
    const ac = await autocannon({
      url: `${url}${first}`,
      headers: { cookie: ta.cookie },
      connections,
      duration: DURATION,
      ...(typeof path === 'string'
        ? {}
        : { requests: [{ setupRequest: (r: autocannon.Request) => ({ ...r, path: path(++i) }) }] }),
    });
    results.push([
      `${what}, ${connections} connections, ${DURATION} s`,
      `p50 ${ac.latency.p50} ms, p99 ${ac.latency.p99} ms, ${Math.round(ac.requests.average)} req/s, ${ac.non2xx} non-2xx, ${ac.errors + ac.timeouts} errors`,
    ]);
  };
  for (const c of CONNECTIONS) await load('GET /api/submissions/:id', `/api/submissions/${one.id}`, c);

  // 4. the paged list over every submission of the exam (50 a page, pages rotating)
  const total = await db.submission.count({ where: { examId: exam.id, withdrawnAt: null } });
  const pages = Math.max(1, Math.ceil(total / 50));
  const listPath = (i: number) => `/api/exams/${exam.id}/submissions?pageSize=50&page=${(i % pages) + 1}`;
  results.push([
    `GET /api/exams/:id/submissions (${total} submissions, 50 a page): queries per request`,
    String(await perRequest(listPath(0))),
  ]);
  for (const c of LIST_CONNECTIONS)
    await load(`GET /api/exams/:id/submissions (${total}, pageSize 50)`, listPath, c);
} finally {
  worker.kill('SIGTERM');
  await new Promise((r) => worker.once('exit', r));

  await server.close();
  await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX).catch(() => {});
  await dropDatabase(dbUrl).catch(() => {});
  rmSync(storage, { recursive: true, force: true });
}

const w = Math.max(...results.map((r) => r[0].length));
console.log(`\n${'measure'.padEnd(w)}  result`);
console.log(`${'-'.repeat(w)}  ${'-'.repeat(40)}`);
for (const [k, v] of results) console.log(`${k.padEnd(w)}  ${v}`);
// library timers (pdfjs, autocannon) may keep the loop alive: the numbers are printed, stop here
process.exit(0);
