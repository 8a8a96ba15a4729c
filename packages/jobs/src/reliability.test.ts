// Reliability with the real servers: a worker killed mid-batch, Redis losing the queue mid-batch,
// and PostgreSQL dropping every connection mid-batch. After recovery, every submission must be
// graded exactly once and none lost.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Config } from '@grader/config';
import { createTestDatabase, LocalBlobStore, type TestDatabase, terminateConnections } from '@grader/db';
import { fakeExtractor, fakeGrading, fakePdf } from '@grader/grading/testing';
import { createQueues, deleteQueueKeys, redisConnection } from '@grader/queue';
import { afterEach, describe, expect, it } from 'vitest';
import { addSubmission, seedFakeExam, testConfig, waitFor } from './testing/fixtures.ts';
import { createWorker, type GraderWorker } from './worker.ts';

const N = 24;
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => {});
});

async function setup(): Promise<{ t: TestDatabase; config: Config; examId: string; ids: string[] }> {
  const t = await createTestDatabase();
  cleanups.push(() => t.drop());
  const config = testConfig(t.url);
  cleanups.push(() => deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX)); // runs last
  const { exam } = await seedFakeExam(t.db);
  const store = new LocalBlobStore(config.storageDir);
  const ids: string[] = [];
  for (let i = 0; i < N; i++) {
    const s = await addSubmission(
      t.db,
      store,
      exam.id,
      `s${i}.pdf`,
      fakePdf({ roll: `R${i}`, '1a': '42', '2a': '7' }),
    );
    ids.push(s.id);
  }
  return { t, config, examId: exam.id, ids };
}

async function startWorker(config: Config, delayMs: number): Promise<GraderWorker> {
  const w = await createWorker({
    config,
    extractor: fakeExtractor({ delayMs }),
    grading: fakeGrading,
    log: () => {},
  });
  cleanups.push(async () => {
    await w.close();
    await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
  });
  return w;
}

// (terminating every connection drops the test's own pooled ones too: a query on one of them fails
// once, and the pool opens a fresh one)
async function gradedCount(t: TestDatabase, examId: string): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await t.db.submission.count({ where: { examId, status: { in: ['graded', 'needs_review'] } } });
    } catch (err) {
      if (attempt >= 5) throw err;
    }
  }
}

/** Every submission graded, exactly one grade and one grading audit entry each, none failed. */
async function expectAllGradedOnce(t: TestDatabase, examId: string, ids: string[]) {
  await waitFor(async () => (await gradedCount(t, examId)) === ids.length, 90_000, 200);
  const subs = await t.db.submission.findMany({
    where: { examId },
    include: { _count: { select: { grades: true } } },
  });
  expect(subs.map((s) => s.status).filter((s) => s !== 'graded')).toEqual([]);
  expect(subs.map((s) => s._count.grades)).toEqual(ids.map(() => 1));
  const audits = await t.db.auditLog.groupBy({
    by: ['submissionId'],
    where: { action: 'auto_grade' },
    _count: true,
  });
  expect(audits).toHaveLength(ids.length);
  expect(audits.every((a) => a._count === 1)).toBe(true);
}

/** A worker in its own process (the test kills it), on this test's database, queues and storage. */
function forkWorker(config: Config, env: Record<string, string>) {
  const child = fork(fileURLToPath(new URL('./testing/worker-child.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      DATABASE_URL: config.DATABASE_URL,
      QUEUE_PREFIX: config.QUEUE_PREFIX,
      STORAGE_DIR: config.STORAGE_DIR,
      ...env,
    },
    stdio: 'ignore',
  });
  cleanups.push(async () => child.kill('SIGKILL'));
  return child;
}

// (each case forks or starts a worker and waits for a batch: on two shared cores under load that
// alone can take most of the default minute, which is no finding)
describe('reliability (real PostgreSQL and Redis)', { timeout: 180_000 }, () => {
  it('a worker process killed mid-batch loses nothing', async () => {
    const { t, config, examId, ids } = await setup();
    const child = forkWorker(config, {
      JOB_LOCK_MS: String(config.JOB_LOCK_MS),
      INGEST_CONCURRENCY: '2',
      FAKE_DELAY_MS: '150',
    });
    await new Promise((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', (code) => reject(new Error(`worker child exited with ${code}`)));
    });
    const queues = createQueues({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, attempts: 5 });
    cleanups.push(() => queues.close());
    for (const id of ids) await queues.addIngest({ submissionId: id });

    await waitFor(async () => (await gradedCount(t, examId)) >= 4, 60_000, 50);
    child.kill('SIGKILL'); // mid-batch, with jobs active
    const before = await gradedCount(t, examId);
    expect(before).toBeLessThan(N);

    await startWorker(config, 10); // a new worker picks up the stalled and waiting jobs
    await expectAllGradedOnce(t, examId, ids);
  });

  it('SIGTERM lets the running job finish before the process exits', async () => {
    const { t, config, ids } = await setup();
    const child = forkWorker(config, { INGEST_CONCURRENCY: '1', FAKE_DELAY_MS: '1500' });
    await new Promise((resolve) => child.once('message', resolve));
    const queues = createQueues({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, attempts: 5 });
    cleanups.push(() => queues.close());
    await queues.addIngest({ submissionId: ids[0] });
    await waitFor(
      async () => (await t.db.submission.findUnique({ where: { id: ids[0] } }))?.status === 'extracting',
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM'); // mid-job: the 1.5 s extraction is running
    expect(await exited).toBe(0);
    // the job finished (extraction stored, grade job queued) instead of being cut off
    const s = await t.db.submission.findUniqueOrThrow({
      where: { id: ids[0] },
      include: { extraction: true },
    });
    expect(['grading', 'graded']).toContain(s.status);
    expect(s.extraction).not.toBeNull();
  });

  it('Redis losing every queue key mid-batch loses nothing (reconciler)', async () => {
    const { t, config, examId, ids } = await setup();
    const w = await startWorker(config, 100);
    for (const id of ids) await w.ctx.queues.addIngest({ submissionId: id });
    await waitFor(async () => (await gradedCount(t, examId)) >= 4, 60_000, 50);
    // Flush only this run's keys: the Redis server is shared.
    const redis = redisConnection(config.REDIS_URL);
    let deleted = 0;
    for await (const keys of redis.scanStream({ match: `${config.QUEUE_PREFIX}:*`, count: 500 })) {
      if ((keys as string[]).length) deleted += await redis.del(...(keys as string[]));
    }
    await redis.quit();
    expect(deleted).toBeGreaterThan(0);
    expect(await gradedCount(t, examId)).toBeLessThan(N);
    await expectAllGradedOnce(t, examId, ids);
  });

  it('PostgreSQL dropping every connection mid-batch loses nothing', async () => {
    const { t, config, examId, ids } = await setup();
    const w = await startWorker(config, 100);
    for (const id of ids) await w.ctx.queues.addIngest({ submissionId: id });
    await waitFor(async () => (await gradedCount(t, examId)) >= 4, 60_000, 50);
    const killed = await terminateConnections(config.DATABASE_URL);
    expect(killed).toBeGreaterThan(0);
    expect(await gradedCount(t, examId)).toBeLessThan(N);
    await expectAllGradedOnce(t, examId, ids);
  });
});
