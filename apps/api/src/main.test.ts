// The `npm run api` process: it listens, answers health with both servers up, and exits 0 on SIGTERM.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@grader/config';
import { createTestDatabase, type TestDatabase } from '@grader/db';
import { deleteQueueKeys } from '@grader/queue';
import { afterAll, beforeAll, expect, it } from 'vitest';

let t: TestDatabase;
const prefix = `gtest_${randomBytes(4).toString('hex')}`;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
  await deleteQueueKeys(loadConfig().REDIS_URL, prefix);
});

it('npm run api: listens, reports health, shuts down on SIGTERM', async () => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./main.ts', import.meta.url))],
    {
      env: {
        ...process.env,
        DATABASE_URL: t.url,
        PORT: '0',
        HOST: '127.0.0.1',
        QUEUE_PREFIX: prefix,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`api exited with ${code}: ${out}`)));
    });
    const res = await fetch(`${url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ db: 'up', redis: 'up' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  } finally {
    child.kill('SIGKILL');
  }
});
