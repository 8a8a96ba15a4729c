// `npm run demo`: the whole service on this machine, end to end.
// Checks PostgreSQL and Redis, applies migrations, seeds the CT3 exam and demo users, starts the
// API and the worker in this process, uploads the project's own demo scripts through the API,
// waits until they are graded, prints the results and the logins, and keeps serving until Ctrl-C.
// `--once` or DEMO_EXIT_AFTER_GRADING=1: exit after printing the results (0 when all were graded).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createServer, seedDemo } from '@grader/api';
import { loadConfig } from '@grader/config';
import { ensureDatabase, migrate, withDatabase } from '@grader/db';
import { createWorker } from '@grader/jobs';
import { redisConnection } from '@grader/queue';
import pg from 'pg';
import { makeDemoScripts } from './make-demo-scripts.ts';

const config = loadConfig();
const once = process.argv.includes('--once') || config.DEMO_EXIT_AFTER_GRADING === '1';
const say = (m: string) => console.log(m);

async function checkPostgres(): Promise<void> {
  const client = new pg.Client({
    connectionString: withDatabase(config.DATABASE_URL, 'postgres'),
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    say(`PostgreSQL ${rows[0].server_version}: up (${new URL(config.DATABASE_URL).host})`);
  } catch (err) {
    console.error(
      `PostgreSQL is not reachable at ${new URL(config.DATABASE_URL).host}: ${(err as Error).message}\n` +
        'Start it, for example:\n' +
        '  scripts/ensure-services.sh                      (a local Debian/Ubuntu install)\n' +
        '  docker compose up -d postgres redis             (with Docker)\n' +
        'or point DATABASE_URL at a running server (user needs CREATEDB).',
    );
    process.exit(1);
  } finally {
    await client.end().catch(() => {});
  }
}

async function checkRedis(): Promise<void> {
  const redis = redisConnection(config.REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 3000,
    retryStrategy: () => null,
    maxRetriesPerRequest: 1,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    const info = await redis.info('server');
    const version = /redis_version:(\S+)/.exec(info)?.[1] ?? '?';
    const policy = ((await redis.config('GET', 'maxmemory-policy')) as string[])[1];
    say(`Redis ${version}: up (${new URL(config.REDIS_URL).host}, maxmemory-policy ${policy})`);
    if (policy && policy !== 'noeviction') {
      say(
        `  warning: set maxmemory-policy noeviction, or Redis may evict queue keys (the reconciler repairs it, slowly)`,
      );
    }
  } catch (err) {
    console.error(
      `Redis is not reachable at ${new URL(config.REDIS_URL).host}: ${(err as Error).message}\n` +
        'Start it, for example:\n' +
        '  redis-server --daemonize yes --save "" --appendonly no --maxmemory-policy noeviction\n' +
        '  (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis)\n' +
        '  docker compose up -d redis\n' +
        'or point REDIS_URL at a running server.',
    );
    process.exit(1);
  } finally {
    redis.disconnect();
  }
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (c ?? '').padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

await checkPostgres();
await checkRedis();
if (await ensureDatabase(config.DATABASE_URL))
  say(`created database ${new URL(config.DATABASE_URL).pathname.slice(1)}`);
const m = await migrate(config.DATABASE_URL);
say(`migrations: ${m.applied.length} applied, ${m.alreadyApplied.length} already applied`);

const scriptsDir = resolve('var/demo-scripts');
const scripts = await makeDemoScripts(scriptsDir);
say(`demo scripts: ${scripts.length} typed PDFs in ${scriptsDir}`);

// The web UI is served by the API from its build; build it once if this clone has none yet
// (vite, offline). Skipped with --once: CI needs the API, not the pages.
if (!once && !existsSync(resolve(config.WEB_DIR, 'index.html')) && existsSync('apps/web/vite.config.ts')) {
  say('building the web UI (once)...');
  const b = spawnSync('npm', ['run', '--silent', 'build', '-w', '@grader/web'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (b.status !== 0) say('  the web UI did not build; the API still runs');
}

const server = await createServer({ config, log: (msg) => console.error(`[api] ${msg}`) });
const worker = await createWorker({
  config,
  db: server.ctx.db,
  log: (msg) => console.error(`[worker] ${msg}`),
});
const logins = await seedDemo(
  server.ctx,
  scripts.map((s) => ({ roll: s.roll, name: s.name })),
);
const url = await server.listen(config.PORT, config.HOST);

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  await worker.close().catch(() => {});
  await server.close().catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

// Upload through the API as the TA, exactly as the web UI does.
async function api(path: string, init: RequestInit & { cookie?: string; csrf?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set('cookie', init.cookie);
  if (init.csrf) headers.set('x-csrf-token', init.csrf);
  const res = await fetch(url + path, { ...init, headers });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return res;
}
const loginRes = await api('/api/auth/login', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: logins.ta, password: logins.password }),
});
const cookie = (loginRes.headers.get('set-cookie') ?? '').split(';')[0];
const { csrfToken } = (await loginRes.json()) as { csrfToken: string };
const { readFile } = await import('node:fs/promises');
const fd = new FormData();
for (const s of scripts)
  fd.append('files[]', new Blob([new Uint8Array(await readFile(join(scriptsDir, s.file)))]), s.file);
const uploaded = (await (
  await api(`/api/exams/${logins.examId}/submissions`, { method: 'POST', body: fd, cookie, csrf: csrfToken })
).json()) as { created: unknown[]; duplicates: unknown[]; rejected: { file: string; reason: string }[] };
say(
  `uploaded: ${uploaded.created.length} new, ${uploaded.duplicates.length} already there (same bytes), ${uploaded.rejected.length} rejected`,
);

type Row = {
  id: string;
  fileName: string;
  status: string;
  statusReason: string | null;
  progress: number;
  total: number | null;
};
const FINAL = new Set(['graded', 'needs_review', 'failed']);
const started = Date.now();
let subs: Row[] = [];
for (;;) {
  subs = (await (await api(`/api/exams/${logins.examId}/submissions`, { cookie })).json()) as Row[];
  const done = subs.filter((s) => FINAL.has(s.status)).length;
  const pct = subs.length ? subs.reduce((a, s) => a + s.progress, 0) / subs.length : 1;
  if (process.stdout.isTTY)
    process.stdout.write(`\rgrading: ${done}/${subs.length} done (${Math.round(pct * 100)}%)   `);
  if (done === subs.length) break;
  if (Date.now() - started > 10 * 60_000) {
    console.error('\ngave up waiting after 10 minutes');
    await stop(1);
  }
  await new Promise((r) => setTimeout(r, 500));
}
if (process.stdout.isTTY) process.stdout.write('\n');
say(`all ${subs.length} scripts processed in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

// Results table, from the same endpoint the web UI reads.
const exam = (await (await api(`/api/exams/${logins.examId}`, { cookie })).json()) as {
  parts: { id: string }[];
};
const partIds = exam.parts.map((p) => p.id);
const rows: string[][] = [];
for (const s of [...subs].sort((a, b) => a.fileName.localeCompare(b.fileName))) {
  const d = (await (await api(`/api/submissions/${s.id}`, { cookie })).json()) as {
    submission: { student: { roll: string | null; name: string | null } | null };
    grade: {
      parts: Record<string, { score: number; review: boolean }>;
      total: number;
      flags: string[];
    } | null;
  };
  const g = d.grade;
  rows.push([
    s.fileName,
    d.submission.student?.roll ?? '-',
    d.submission.student?.name ?? '-',
    ...partIds.map((p) => (g?.parts[p] ? `${g.parts[p].score}${g.parts[p].review ? '?' : ''}` : '')),
    g ? String(g.total) : '',
    s.status === 'failed' ? `failed: ${s.statusReason}` : s.status,
    g?.flags.join(',') ?? '',
  ]);
}
say(table(['file', 'roll', 'name', ...partIds, 'total', 'status', 'flags'], rows));
say('? = sent to a person for review\n');

const webBuilt = existsSync(resolve(config.WEB_DIR, 'index.html'));
say(`web: ${url}/${webBuilt ? '' : `   (the web UI is not built: API only; OpenAPI at ${url}/api/docs)`}`);
say(`logins (password for all: ${logins.password}):`);
say(`  admin    ${logins.admin}`);
say(`  TA       ${logins.ta}`);
for (const s of logins.students) say(`  student  ${s.email}  (${s.name})`);

const failed = subs.filter((s) => s.status === 'failed').length;
if (once) await stop(failed ? 1 : 0);
else say('\nserving; Ctrl-C to stop');
