import type { Config } from '@grader/config';
import { createTestDatabase, LocalBlobStore, type TestDatabase } from '@grader/db';
import { fakeExtractor, fakeGrading, fakePdf } from '@grader/grading/testing';
import { deleteQueueKeys } from '@grader/queue';
import { UnrecoverableError } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processGrade, processIngest } from './processors.ts';
import { addSubmission, seedFakeExam, testConfig, waitFor } from './testing/fixtures.ts';
import { createWorker, type GraderWorker } from './worker.ts';

let t: TestDatabase;
let worker: GraderWorker;
let store: LocalBlobStore;
let config: Config;
const extractor = fakeExtractor();

beforeAll(async () => {
  t = await createTestDatabase();
  config = testConfig(t.url, { RECONCILE_INTERVAL_MS: '600000' });
  store = new LocalBlobStore(config.storageDir);
  worker = await createWorker({ config, db: t.db, store, extractor, grading: fakeGrading, log: () => {} });
});

afterAll(async () => {
  await worker?.close();
  if (config) await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
  await t?.drop();
});

const final = (s: string) => ['graded', 'needs_review', 'failed'].includes(s);

describe('worker (real PostgreSQL and Redis)', () => {
  it('ingests and grades queued submissions; one bad file fails alone with its reason', async () => {
    const { exam, rubricVersion } = await seedFakeExam(t.db, [{ roll: '20CS10001', name: 'Asha' }]);
    const good = await addSubmission(
      t.db,
      store,
      exam.id,
      'a.pdf',
      fakePdf({ roll: '20CS10001', '1a': '42', '2a': '6' }),
    );
    const unsure = await addSubmission(
      t.db,
      store,
      exam.id,
      'b.pdf',
      fakePdf({ roll: 'X', '1a': '42?', '2a': '7' }),
    );
    const bad = await addSubmission(t.db, store, exam.id, 'c.pdf', Buffer.from('hello, not a pdf'));
    for (const s of [good, unsure, bad]) await worker.ctx.queues.addIngest({ submissionId: s.id });

    const subs = await waitFor(async () => {
      const all = await t.db.submission.findMany({ where: { examId: exam.id }, include: { grades: true } });
      return all.every((s) => final(s.status)) && all;
    });
    const by = Object.fromEntries(subs.map((s) => [s.fileName, s]));
    expect(by['a.pdf'].status).toBe('graded');
    expect(by['a.pdf'].grades[0].total).toBe(3); // 1a right (3), 2a wrong
    expect(by['a.pdf'].grades[0].rubricVersionId).toBe(rubricVersion.id);
    expect(by['a.pdf'].studentId).not.toBeNull(); // matched to the enrolled student by roll
    expect(by['b.pdf'].status).toBe('needs_review');
    expect(by['b.pdf'].studentId).toBeNull();
    expect(by['c.pdf'].status).toBe('failed');
    expect(by['c.pdf'].statusReason).toMatch(/not a PDF/);
    expect(await t.db.page.count({ where: { submissionId: good.id } })).toBe(1);
    expect(await t.db.extractedAnswer.count({ where: { submissionId: good.id } })).toBe(2);
  });

  it('a file that cannot be read ends its job at once (UnrecoverableError), with no retries', async () => {
    const { exam } = await seedFakeExam(t.db);
    const direct = await addSubmission(t.db, store, exam.id, 'e1.pdf', Buffer.from('GIF89a'));
    await expect(
      processIngest(worker.ctx, { submissionId: direct.id }, { final: false }),
    ).rejects.toBeInstanceOf(UnrecoverableError);
    expect(await t.db.submission.findUniqueOrThrow({ where: { id: direct.id } })).toMatchObject({
      status: 'failed',
      statusReason: 'e1.pdf is not a PDF',
    });
    // through the queue (JOB_ATTEMPTS 5, backoff from 1 s): read once, never again
    const queued = await addSubmission(t.db, store, exam.id, 'e2.pdf', Buffer.from('GIF89a again'));
    const before = extractor.calls;
    await worker.ctx.queues.addIngest({ submissionId: queued.id });
    await waitFor(
      async () => (await t.db.submission.findUnique({ where: { id: queued.id } }))?.status === 'failed',
    );
    await new Promise((r) => setTimeout(r, 2500));
    expect(extractor.calls - before).toBe(1);
  });

  it('is idempotent: running the same jobs again stores nothing new', async () => {
    const { exam, rubricVersion } = await seedFakeExam(t.db);
    const s = await addSubmission(
      t.db,
      store,
      exam.id,
      'd.pdf',
      fakePdf({ roll: 'R1', '1a': '42', '2a': '7' }),
    );
    const ctx = worker.ctx;
    expect(await processIngest(ctx, { submissionId: s.id }, { final: false })).toBe('extracted');
    expect(await processIngest(ctx, { submissionId: s.id }, { final: false })).toMatch(/^skipped/);
    const job = { submissionId: s.id, rubricVersionId: rubricVersion.id };
    const runs = await Promise.all([1, 2, 3].map(() => processGrade(ctx, job, { final: false })));
    // the live worker may have graded it first: at most one of all the runs stores a grade
    expect(runs.filter((r) => r.startsWith('graded')).length).toBeLessThanOrEqual(1);
    await waitFor(
      async () => (await t.db.submission.findUnique({ where: { id: s.id } }))?.status === 'graded',
    );
    expect(await t.db.grade.count({ where: { submissionId: s.id } })).toBe(1);
    expect(await t.db.auditLog.count({ where: { submissionId: s.id, action: 'auto_grade' } })).toBe(1);
  });

  it('flags scripts across the exam once its batch is complete (similarity)', async () => {
    const { exam } = await seedFakeExam(t.db);
    const a = await addSubmission(
      t.db,
      store,
      exam.id,
      'x1.pdf',
      fakePdf({ roll: 'A1', '1a': '13', '2a': '99' }),
    );
    const b = await addSubmission(
      t.db,
      store,
      exam.id,
      'x2.pdf',
      fakePdf({ roll: 'B2', '1a': '13', '2a': '99' }),
    );
    const c = await addSubmission(
      t.db,
      store,
      exam.id,
      'x3.pdf',
      fakePdf({ roll: 'C3', '1a': '42', '2a': '7' }),
    );
    for (const s of [a, b, c]) await worker.ctx.queues.addIngest({ submissionId: s.id });
    const grades = await waitFor(async () => {
      const g = await t.db.grade.findMany({
        where: { submission: { examId: exam.id } },
        include: { submission: true },
      });
      return g.length === 3 && g.some((x) => (x.flags as string[]).includes('similarity')) && g;
    });
    const flagsOf = Object.fromEntries(grades.map((g) => [g.submission.fileName, g.flags]));
    expect(flagsOf).toEqual({ 'x1.pdf': ['similarity'], 'x2.pdf': ['similarity'], 'x3.pdf': [] });
    const reason = grades.find((g) => g.submission.fileName === 'x1.pdf')!.flagReasons as Record<
      string,
      string
    >;
    expect(reason.similarity).toMatch(/x2\.pdf/);
  });

  it('reconciler re-enqueues a submission whose job was lost', async () => {
    const { exam } = await seedFakeExam(t.db);
    const s = await addSubmission(
      t.db,
      store,
      exam.id,
      'e.pdf',
      fakePdf({ roll: 'R2', '1a': '1', '2a': '7' }),
    );
    // no job was ever enqueued (as after a Redis flush); make it look idle
    await t.db.$executeRaw`UPDATE submissions SET "updatedAt" = now() - interval '1 hour' WHERE id = ${s.id}`;
    const r = await worker.reconcile();
    expect(r.ingest).toBeGreaterThanOrEqual(1);
    const done = await waitFor(async () => {
      const x = await t.db.submission.findUnique({ where: { id: s.id } });
      return x && final(x.status) ? x : undefined;
    });
    expect(done.status).toBe('graded');
  });
});
