import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '@grader/config';
import { createTestDatabase, LocalBlobStore, pageImageName, type TestDatabase } from '@grader/db';
import { fakeExtractor, fakeGrading, fakeStack } from '@grader/grading/testing';
import { deleteQueueKeys } from '@grader/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storePageImages } from './page-images.ts';
import { reconcile } from './reconciler.ts';
import { addSubmission, seedFakeExam, testConfig, waitFor } from './testing/fixtures.ts';
import { createWorker, type GraderWorker } from './worker.ts';

let t: TestDatabase;
let worker: GraderWorker;
let store: LocalBlobStore;
let config: Config;
/** every rendering the worker asked for: file page and DPI */
const renders: { page: number; dpi: number }[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  // no reconciler pass of its own: the backfill test runs one when it wants it
  config = testConfig(t.url, { RECONCILE_INTERVAL_MS: '600000' });
  store = new LocalBlobStore(config.storageDir);
  worker = await createWorker({
    config,
    db: t.db,
    store,
    extractor: fakeExtractor(),
    grading: fakeGrading,
    renderPage: async (_bytes, page, dpi) => {
      renders.push({ page, dpi });
      return Buffer.from(`png p${page} ${dpi}dpi`);
    },
    log: () => {},
  });
});

afterAll(async () => {
  await worker?.close();
  if (config) await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
  await t?.drop();
});

const stored = async (key: string, page: number, size: 'page' | 'thumb') =>
  (await store.getDerived(pageImageName(key, page, size)))?.toString() ?? null;

describe('page images rendered by the worker (real PostgreSQL and Redis)', () => {
  it('ingest stores every page of the script once, before the script shows as extracted', async () => {
    const { exam } = await seedFakeExam(t.db, []);
    const bytes = fakeStack([{ roll: 'A1', '1a': '42' }, { '2a': '7' }, { '2a': '6' }]);
    const sub = await addSubmission(t.db, store, exam.id, 'three.pdf', bytes);
    renders.length = 0;
    await worker.ctx.queues.addIngest({ submissionId: sub.id });
    await waitFor(async () => {
      const s = await t.db.submission.findUniqueOrThrow({ where: { id: sub.id } });
      return ['graded', 'needs_review'].includes(s.status);
    });
    for (const p of [1, 2, 3]) expect(await stored(sub.storageKey, p, 'page')).toBe(`png p${p} 110dpi`);
    expect(renders.map((r) => r.page).sort()).toEqual([1, 2, 3]);

    // the same job again (a retry): nothing rendered twice
    await worker.ctx.queues.addIngest({ submissionId: sub.id });
    await new Promise((r) => setTimeout(r, 500));
    expect(renders).toHaveLength(3);
  });

  it('a script cut from a stack stores its pages at their page numbers in the stack file', async () => {
    const { exam } = await seedFakeExam(t.db, []);
    const bytes = fakeStack([{ roll: 'A1', '1a': '42' }, { roll: 'B2', '1a': '41' }, { '2a': '7' }]);
    const put = await store.put(bytes);
    const sub = await t.db.submission.create({
      data: {
        examId: exam.id,
        fileName: 'pile.pdf#pages=2-3',
        fileHash: 'h-pages-2-3',
        storageKey: put.key,
        byteSize: put.size,
        status: 'queued',
        pageFrom: 2,
        pageTo: 3,
      },
    });
    await worker.ctx.queues.addIngest({ submissionId: sub.id });
    await waitFor(async () => {
      const s = await t.db.submission.findUniqueOrThrow({ where: { id: sub.id } });
      return ['graded', 'needs_review'].includes(s.status);
    });
    expect(await stored(put.key, 2, 'page')).toBe('png p2 110dpi');
    expect(await stored(put.key, 3, 'page')).toBe('png p3 110dpi');
    expect(await stored(put.key, 1, 'page')).toBeNull(); // another script's page
  });

  it('the split job stores a thumbnail of every page of the stack before its proposal shows', async () => {
    const { exam } = await seedFakeExam(t.db, []);
    const bytes = fakeStack([{ roll: 'A1' }, { '1a': '1' }, { roll: 'B2' }, { '2a': '2' }]);
    const put = await store.put(bytes);
    const stack = await t.db.stack.create({
      data: {
        examId: exam.id,
        fileName: 's.pdf',
        fileHash: put.hash,
        storageKey: put.key,
        byteSize: put.size,
      },
    });
    await worker.ctx.queues.addSplit({ stackId: stack.id });
    // the moment the proposal is visible, every thumbnail is already stored
    const thumbs = await waitFor(
      async () => {
        const s = await t.db.stack.findUniqueOrThrow({ where: { id: stack.id } });
        if (s.status !== 'proposed') return false;
        return Promise.all([1, 2, 3, 4].map((p) => stored(put.key, p, 'thumb')));
      },
      30_000,
      5,
    );
    expect(thumbs).toEqual([1, 2, 3, 4].map((p) => `png p${p} 40dpi`));
  });

  it('the reconciler renders the page images a script ingested earlier lacks, and only those', async () => {
    const { exam } = await seedFakeExam(t.db, []);
    const sub = await addSubmission(
      t.db,
      store,
      exam.id,
      'old.pdf',
      fakeStack([{ roll: 'A1' }, { '1a': '4' }]),
    );
    await worker.ctx.queues.addIngest({ submissionId: sub.id });
    await waitFor(async () => {
      const s = await t.db.submission.findUniqueOrThrow({ where: { id: sub.id } });
      return ['graded', 'needs_review'].includes(s.status);
    });
    // as if ingested before the worker stored images: page 2's is gone
    await store.putDerived(pageImageName(sub.storageKey, 1, 'page'), Buffer.from('kept'));
    await rm(join(config.storageDir, 'derived', pageImageName(sub.storageKey, 2, 'page')));
    expect(await stored(sub.storageKey, 2, 'page')).toBeNull();
    renders.length = 0;
    const ctx = worker.ctx;
    const out = await reconcile(t.db, ctx.queues, { minAgeMs: 3_600_000, pages: ctx });
    expect(out.pageImages).toBeGreaterThanOrEqual(1);
    expect(await stored(sub.storageKey, 2, 'page')).toBe('png p2 110dpi');
    expect(await stored(sub.storageKey, 1, 'page')).toBe('kept'); // present: not rendered again
    expect(renders.filter((r) => r.page === 1)).toEqual([]);
    // nothing missing any more: a full round renders nothing
    renders.length = 0;
    await reconcile(t.db, ctx.queues, { minAgeMs: 3_600_000, pages: ctx });
    const again = await reconcile(t.db, ctx.queues, { minAgeMs: 3_600_000, pages: ctx });
    expect(again.pageImages).toBe(0);
    expect(renders).toEqual([]);
  });

  it("the default renderer is @grader/ingest's: a real PNG of a real page, 110 DPI", async () => {
    const pdf = readFileSync(join(import.meta.dirname, '../../../samples/p01.pdf'));
    const put = await store.put(pdf);
    const n = await storePageImages({ store }, { storageKey: put.key }, [1], 'page');
    expect(n).toBe(1);
    const png = (await store.getDerived(pageImageName(put.key, 1, 'page')))!;
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // IHDR width: an A4 page (595.28 pt) at 110 DPI, to the pixel
    expect(Math.abs(png.readUInt32BE(16) - (595.28 / 72) * 110)).toBeLessThan(1);
  });
});
