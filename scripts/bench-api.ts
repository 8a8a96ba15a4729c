// `npm run bench -w @grader/api`: the server's numbers, on a fresh database and queue prefix, with
// the real core (pdfjs text layer, rubric grading) and the real PostgreSQL and Redis. It runs both
// apps (the API here, the worker in its own process), so it lives with the repository's scripts.
//   1. N typed PDFs (default 200) uploaded in one request -> all graded (s)
//   2. a rubric edit regrading M scripts (default 1,000) from stored extractions: the PUT's answer
//      (202), the worker's time (grading, the one storing transaction, the flags after), wall time
//      until the exam switched, and the API meanwhile: GET /api/health p99 (autocannon, 10
//      connections) and the API process's max event-loop delay (perf_hooks.monitorEventLoopDelay)
//   3. grade-read latency (GET /api/submissions/:id, every graded script in turn) under load:
//      autocannon on loopback, p50/p99 at each of --connections (default 10,50,100), the database
//      queries one read makes, and the same at the most connections with the read cache off
//   4. the paged submissions list (GET /api/exams/:id/submissions?pageSize=50&page=N, pages rotating)
//      over every submission of the exam (>= M): p50/p99 at --list-connections (default 10,100), and
//      its queries per request
//   5. a page image (GET /api/submissions/:id/pages/1.png): queries per request, p50/p99 at
//      --page-connections (default 10,100)
// The loads of 3-5 go to the API in a child process of its own (scripts/bench-api-child.ts), so
// autocannon's CPU is not counted as the API's; 1-2 use the API in this process.
// Options: --scripts N --regrade M --duration S (autocannon seconds) --connections C[,C...]
//          --list-connections C[,C...] --page-connections C[,C...]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createServer, seedDemo } from '@grader/api';
import { loadConfig } from '@grader/config';
import { dropDatabase, ensureDatabase, migrate, storeGrades, withDatabase } from '@grader/db';
import { refreshExamFlags } from '@grader/grading';
import { gradeExamScripts } from '@grader/jobs';
import { deleteQueueKeys } from '@grader/queue';
import autocannon from 'autocannon';
import { type ApiChild, startApiChild } from './bench-api-child.ts';
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
const PAGE_CONNECTIONS = list('page-connections', [10, 100]);

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
let api: ApiChild | null = null;
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
  // grade the clones under the current version, so the edit has a "before" for each; timed: this
  // (grading, storing, then the exam's flag refresh) is what the PUT itself did before it was a job
  const tSync = performance.now();
  const { graded } = await gradeExamScripts(db, server.ctx.grading, exam, {
    yaml: current.yaml,
    parameters: {},
    versions: [],
  });
  for (let i = 0; i < graded.length; i += 500)
    await storeGrades(db, {
      rubricVersionId: current.id,
      isCurrent: true,
      grades: graded.slice(i, i + 500).map((g) => g.store),
      audit: { action: 'auto_grade', actorId: adminUser.id, examId: exam.id },
    });
  const tSyncStored = performance.now();
  await refreshExamFlags(db, server.ctx.grading, exam.id);
  const tSyncEnd = performance.now();
  results.push([
    `the old synchronous path, same ${graded.length} scripts (in the API process)`,
    `${((tSyncEnd - tSync) / 1000).toFixed(2)} s (grading + storing ${((tSyncStored - tSync) / 1000).toFixed(2)} s, flag refresh ${((tSyncEnd - tSyncStored) / 1000).toFixed(2)} s)`,
  ]);
  const edited = current.yaml.replace(
    '{ expr: "dL/dc_{t+1} * f_t", credit: 1,',
    '{ expr: "dL/dc_{t+1} * f_t", credit: 1.5,',
  );
  if (edited === current.yaml) throw new Error('bench: the rubric edit did not apply (rubric.yaml changed?)');
  // the same load on the API without a regrade first: what its event loop and p99 are anyway
  const idleLoop = monitorEventLoopDelay({ resolution: 10 });
  idleLoop.enable();
  const idle = await autocannon({ url: `${url}/api/health`, connections: 10, duration: 5 });
  idleLoop.disable();
  results.push([
    'API without a regrade: GET /api/health, 10 connections, 5 s',
    `p50 ${idle.latency.p50} ms, p99 ${idle.latency.p99} ms, max ${idle.latency.max} ms; max event-loop delay ${(idleLoop.max / 1e6).toFixed(1)} ms`,
  ]);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  // the API under a steady light load meanwhile: health (database + Redis round trips)
  const health = autocannon({ url: `${url}/api/health`, connections: 10, duration: 600 });
  const t2 = performance.now();
  const put = await fetch(`${url}/api/exams/${exam.id}/rubric`, {
    method: 'PUT',
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ yaml: edited }),
  });
  const t3 = performance.now();
  const queued = (await put.json()) as { regrade: { id: string } };
  let run = await db.regrade.findUniqueOrThrow({ where: { id: queued.regrade.id } });
  while (run.status !== 'done' && run.status !== 'failed') {
    await new Promise((r) => setTimeout(r, 50));
    run = await db.regrade.findUniqueOrThrow({ where: { id: queued.regrade.id } });
  }
  const t4 = performance.now();
  // the flags refresh after the switch: its timings land on the row when the job ends
  while (!(run.timings as { flagsMs?: number } | null)?.flagsMs && run.status === 'done') {
    await new Promise((r) => setTimeout(r, 50));
    run = await db.regrade.findUniqueOrThrow({ where: { id: queued.regrade.id } });
  }
  const t5 = performance.now();
  (health as unknown as { stop(): void }).stop();
  const ac = await health;
  loop.disable();
  const summary = run.summary as { scripts: number; changed: number } | null;
  const tm = (run.timings ?? {}) as { gradeMs?: number; writeMs?: number; flagsMs?: number };
  const sec = (ms?: number) => `${((ms ?? 0) / 1000).toFixed(2)} s`;
  results.push([`rubric edit: PUT answered (${put.status})`, `${(t3 - t2).toFixed(0)} ms`]);
  results.push([
    `regrade ${summary?.scripts ?? M} scripts (no OCR): worker grading + storing`,
    `${sec((tm.gradeMs ?? 0) + (tm.writeMs ?? 0))} (grading ${sec(tm.gradeMs)}, one transaction ${sec(tm.writeMs)}; ${summary?.changed ?? '?'} changed, ${run.status})`,
  ]);
  results.push(['  then the exam-wide flags (similarity) at the new version', sec(tm.flagsMs)]);
  results.push([
    '  wall: PUT -> exam switched / -> job ended',
    `${((t4 - t2) / 1000).toFixed(2)} s / ${((t5 - t2) / 1000).toFixed(2)} s`,
  ]);
  results.push([
    '  API meanwhile: GET /api/health, 10 connections',
    `p50 ${ac.latency.p50} ms, p99 ${ac.latency.p99} ms, max ${ac.latency.max} ms, ${ac.non2xx} non-2xx, ${ac.requests.total} requests`,
  ]);
  results.push([
    '  API process max event-loop delay',
    `${(loop.max / 1e6).toFixed(1)} ms (p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms)`,
  ]);

  // 3-5 against the API in its own process (it counts its statements: queries per request)
  api = await startLoadApi();
  // 3. grade-read latency under load: a script with pages, answers and a confirmed student
  const one = await db.submission.findFirstOrThrow({
    where: { examId: exam.id, status: { in: ['graded', 'needs_review'] }, studentId: { not: null } },
    orderBy: { createdAt: 'asc' },
  });
  const perRequest = async (path: string) => {
    const n = 20;
    // requests a load left in flight finish first (their queries are not this path's)
    let settled = await api!.queries();
    for (;;) {
      await new Promise((r) => setTimeout(r, 200));
      const now = await api!.queries();
      if (now === settled) break;
      settled = now;
    }
    const before = await api!.queries();
    for (let i = 0; i < n; i++) {
      const res = await fetch(`${api!.url}${path}`, { headers: { cookie: ta.cookie } });
      if (!res.ok) throw new Error(`bench: ${path} answered ${res.status}`);
      await res.arrayBuffer();
    }
    return ((await api!.queries()) - before) / n;
  };
  results.push([
    'GET /api/submissions/:id: database queries per request (session included)',
    String(await perRequest(`/api/submissions/${one.id}`)),
  ]);
  const load = async (what: string, path: string | ((i: number) => string), connections: number) => {
    let i = 0;
    const first = typeof path === 'string' ? path : path(0);
    const before = await api!.stats();
    const ac = await autocannon({
      url: `${api!.url}${first}`,
      headers: { cookie: ta.cookie },
      connections,
      duration: DURATION,
      ...(typeof path === 'string'
        ? {}
        : { requests: [{ setupRequest: (r: autocannon.Request) => ({ ...r, path: path(++i) }) }] }),
    });
    const cpuMs = ((await api!.stats()).cpuMs - before.cpuMs) / Math.max(1, ac.requests.total);
    results.push([
      `${what}, ${connections} connections, ${DURATION} s`,
      `p50 ${ac.latency.p50} ms, p99 ${ac.latency.p99} ms, ${Math.round(ac.requests.average)} req/s, API CPU ${cpuMs.toFixed(2)} ms/req, ${ac.non2xx} non-2xx, ${ac.errors + ac.timeouts} errors`,
    ]);
  };
  // every graded script in turn (a TA paging through the exam): the first pass reads the database,
  // then the API's read cache answers until a change arrives
  const readable = await db.submission.findMany({
    where: { examId: exam.id, status: { in: ['graded', 'needs_review'] } },
    select: { id: true },
  });
  const readPath = (i: number) => `/api/submissions/${readable[i % readable.length].id}`;
  for (const c of CONNECTIONS)
    await load(`GET /api/submissions/:id (${readable.length} scripts in turn)`, readPath, c);
  // the same with nothing kept (READ_CACHE_ENTRIES=0): every read is the one database statement
  await api.stop();
  api = await startLoadApi({ READ_CACHE_ENTRIES: '0' });
  await load('GET /api/submissions/:id, nothing kept in memory', readPath, Math.max(...CONNECTIONS));
  await api.stop();
  api = await startLoadApi();

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

  // 5. a page image (stored once by the worker; the API only reads it): one request first so a
  // renderer-on-request API has it cached too, then queries per request and latency
  const pagePath = `/api/submissions/${one.id}/pages/1.png`;
  const firstPage = await fetch(`${url}${pagePath}`, { headers: { cookie: ta.cookie } });
  results.push(['GET /api/submissions/:id/pages/1.png: first request', `${firstPage.status}`]);
  await firstPage.arrayBuffer();
  results.push([
    'GET /api/submissions/:id/pages/1.png: queries per request (session included)',
    String(await perRequest(pagePath)),
  ]);
  for (const c of PAGE_CONNECTIONS) await load('GET /api/submissions/:id/pages/1.png', pagePath, c);
} finally {
  await api?.stop();
  worker.kill('SIGTERM');
  await new Promise((r) => worker.once('exit', r));

  await server.close();
  await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX).catch(() => {});
  await dropDatabase(dbUrl).catch(() => {});
  rmSync(storage, { recursive: true, force: true });
}

/** The API that takes the load: a child process on the bench's database, queues and storage. */
function startLoadApi(env: Record<string, string> = {}): Promise<ApiChild> {
  return startApiChild({
    DATABASE_URL: config.DATABASE_URL,
    QUEUE_PREFIX: config.QUEUE_PREFIX,
    STORAGE_DIR: config.STORAGE_DIR,
    SESSION_SECRET: config.SESSION_SECRET,
    ...env,
  });
}

const w = Math.max(...results.map((r) => r[0].length));
console.log(`\n${'measure'.padEnd(w)}  result`);
console.log(`${'-'.repeat(w)}  ${'-'.repeat(40)}`);
for (const [k, v] of results) console.log(`${k.padEnd(w)}  ${v}`);
// library timers (pdfjs, autocannon) may keep the loop alive: the numbers are printed, stop here
process.exit(0);
