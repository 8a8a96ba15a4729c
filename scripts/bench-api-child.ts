// The API under the benchmark's load (scripts/bench-api.ts), in a process of its own so autocannon's
// CPU is not the API's: the same createServer as `npm run api`, configured by the environment, plus a
// count of every statement its Prisma client sends (the driver adapter runs them on pg clients),
// which the parent reads over IPC to give queries per request.
// It also reports its CPU time, so a load's cost per request can be read even on a busy machine.
//   parent -> child: {type: 'stats'}          child -> parent: {url} once listening, then {queries, cpuMs}
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createServer } from '@grader/api';
import { loadConfig } from '@grader/config';
import pg from 'pg';

type ChildMsg = { url: string } | ApiStats;

export interface ApiStats {
  /** statements the child's API has sent so far */
  queries: number;
  /** CPU time (user + system) the child has used so far, ms */
  cpuMs: number;
}

export interface ApiChild {
  url: string;
  /** statements the child's API has sent so far */
  queries(): Promise<number>;
  stats(): Promise<ApiStats>;
  stop(): Promise<void>;
}

/** Start the API in a child process on a free loopback port (env: DATABASE_URL, QUEUE_PREFIX, ...). */
export async function startApiChild(env: Record<string, string>): Promise<ApiChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: { ...process.env, ...env, BENCH_API_CHILD: '1' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = () =>
    new Promise<ChildMsg>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`bench: the API child exited (${code})`));
      child.once('exit', onExit);
      child.once('message', (m) => {
        child.off('exit', onExit);
        resolve(m as ChildMsg);
      });
    });
  const ready = await next();
  if (!('url' in ready)) throw new Error('bench: the API child did not report its address');
  const stats = async (): Promise<ApiStats> => {
    const reply = next();
    child.send({ type: 'stats' });
    const m = await reply;
    if (!('queries' in m)) throw new Error('bench: the API child did not report its stats');
    return m;
  };
  return {
    url: ready.url,
    stats,
    queries: async () => (await stats()).queries,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await gone;
    },
  };
}

async function runApiChild(): Promise<void> {
  let queries = 0;
  const clientQuery = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...a: unknown[]) {
    queries++;
    return (clientQuery as (...x: unknown[]) => unknown).apply(this, a);
  } as typeof clientQuery;
  const server = await createServer({ config: loadConfig(), log: () => {} });
  const url = await server.listen(0, '127.0.0.1');
  process.on('message', (m: { type?: string }) => {
    if (m?.type !== 'stats') return;
    const cpu = process.cpuUsage();
    process.send?.({ queries, cpuMs: (cpu.user + cpu.system) / 1000 } satisfies ChildMsg);
  });
  // the parent going away (a crashed bench) ends the child too
  process.on('disconnect', () => void server.close().finally(() => process.exit(0)));
  process.on('SIGTERM', () => void server.close().finally(() => process.exit(0)));
  process.send?.({ url } satisfies ChildMsg);
}

if (process.env.BENCH_API_CHILD === '1') await runApiChild();
