// The `npm run worker` process: it starts both queues' workers on the configured prefix, takes a
// job end to end (a file that is not a PDF fails with its reason) and exits 0 on SIGTERM.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@grader/config';
import { createTestDatabase, LocalBlobStore, type TestDatabase } from '@grader/db';
import { addSubmission, seedFakeExam, waitFor } from '@grader/jobs/testing';
import { createQueues, deleteQueueKeys } from '@grader/queue';
import { afterAll, beforeAll, expect, it } from 'vitest';

let t: TestDatabase;
const prefix = `gtest_${randomBytes(4).toString('hex')}`;
const storage = mkdtempSync(join(tmpdir(), 'grader-store-'));
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
  await deleteQueueKeys(loadConfig().REDIS_URL, prefix);
});

it('npm run worker: takes jobs from its queues, shuts down on SIGTERM', async () => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./main.ts', import.meta.url))],
    {
      env: {
        ...process.env,
        DATABASE_URL: t.url,
        QUEUE_PREFIX: prefix,
        STORAGE_DIR: storage,
        OCR_WORKERS: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const queues = createQueues({ redisUrl: loadConfig().REDIS_URL, prefix, attempts: 1 });
  try {
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes(`prefix "${prefix}"`)) resolve();
      });
      child.stderr.on('data', (d) => {
        out += d;
      });
      child.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${out}`)));
    });
    const { exam } = await seedFakeExam(t.db);
    const s = await addSubmission(
      t.db,
      new LocalBlobStore(storage),
      exam.id,
      'x.pdf',
      Buffer.from('not a PDF'),
    );
    await queues.addIngest({ submissionId: s.id });
    const failed = await waitFor(async () => {
      const x = await t.db.submission.findUnique({ where: { id: s.id } });
      return x?.status === 'failed' ? x : undefined;
    });
    expect(failed.statusReason).toMatch(/not a PDF/);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  } finally {
    child.kill('SIGKILL');
    await queues.close();
  }
});
