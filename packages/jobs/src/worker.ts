import type { Config } from '@grader/config';
import { type BlobStore, createDb, type Db, LocalBlobStore } from '@grader/db';
import { createCoreExtractor, type Extractor, type GradingCore, loadGradingCore } from '@grader/grading';
import {
  createQueues,
  GradeJob,
  IngestJob,
  QUEUE_NAMES,
  type Queues,
  RegradeJob,
  redisConnection,
  SplitJob,
} from '@grader/queue';
import { type Job, Worker } from 'bullmq';
import type { PageRenderer } from './page-images.ts';
import { processGrade, processIngest, type WorkerContext } from './processors.ts';
import { reconcile } from './reconciler.ts';
import { processRegrade, reconcileRegrades } from './regrade.ts';
import { processSplit } from './split.ts';

export interface GraderWorker {
  ctx: WorkerContext;
  /** one reconciliation pass now (also runs every RECONCILE_INTERVAL_MS) */
  reconcile(): Promise<Awaited<ReturnType<typeof reconcile>> & { regrade: number }>;
  /** stop taking jobs, finish the running ones, close connections */
  close(): Promise<void>;
}

export interface WorkerOptions {
  config: Config;
  db?: Db;
  store?: BlobStore;
  extractor?: Extractor;
  grading?: GradingCore;
  /** page images (absent: @grader/ingest's renderer) */
  renderPage?: PageRenderer;
  log?: (msg: string) => void;
}

/** Both queues' workers plus the reconciler. No process signals here: see main.ts. */
export async function createWorker(opts: WorkerOptions): Promise<GraderWorker> {
  const { config } = opts;
  const log = opts.log ?? ((m: string) => console.log(`[worker] ${m}`));
  const ownDb = !opts.db;
  const db = opts.db ?? createDb(config.DATABASE_URL);
  const queues: Queues = createQueues({
    redisUrl: config.REDIS_URL,
    prefix: config.QUEUE_PREFIX,
    attempts: config.JOB_ATTEMPTS,
  });
  const ownExtractor = !opts.extractor;
  const extractor =
    opts.extractor ??
    (await createCoreExtractor({
      ocrWorkers: config.OCR_WORKERS,
      ocrEngine: config.OCR_ENGINE,
      maxBytes: config.MAX_UPLOAD_BYTES,
      maxPages: config.MAX_PDF_PAGES,
    }));
  const grading = opts.grading ?? (await loadGradingCore());
  // the regrade's helper threads load their modules now, not during the first regrade
  grading.warmUp?.();
  const ctx: WorkerContext = {
    db,
    store: opts.store ?? new LocalBlobStore(config.storageDir),
    queues,
    extractor,
    grading,
    renderPage: opts.renderPage,
    log,
  };
  const final = (job: Job) => job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  const common = {
    prefix: config.QUEUE_PREFIX,
    lockDuration: config.JOB_LOCK_MS,
    stalledInterval: Math.max(1000, Math.floor(config.JOB_LOCK_MS / 2)),
    maxStalledCount: 2,
  };
  const ingest = new Worker(
    QUEUE_NAMES.ingest,
    (job: Job) => processIngest(ctx, IngestJob.parse(job.data), { final: final(job) }),
    { ...common, connection: redisConnection(config.REDIS_URL), concurrency: config.INGEST_CONCURRENCY },
  );
  const grade = new Worker(
    QUEUE_NAMES.grade,
    (job: Job) => processGrade(ctx, GradeJob.parse(job.data), { final: final(job) }),
    { ...common, connection: redisConnection(config.REDIS_URL), concurrency: config.GRADE_CONCURRENCY },
  );
  // one stack at a time: a stack is many pages, and its OCR shares the pool with ingestion
  const split = new Worker(
    QUEUE_NAMES.split,
    (job: Job) => processSplit(ctx, SplitJob.parse(job.data), { final: final(job) }),
    { ...common, connection: redisConnection(config.REDIS_URL), concurrency: 1 },
  );
  // one regrade at a time: it grades a whole exam, and at most one per exam is active anyway
  const regrade = new Worker(
    QUEUE_NAMES.regrade,
    (job: Job) => processRegrade(ctx, RegradeJob.parse(job.data), { final: final(job) }),
    { ...common, connection: redisConnection(config.REDIS_URL), concurrency: 1 },
  );
  for (const w of [ingest, grade, split, regrade]) {
    w.on('failed', (job, err) =>
      log(`${w.name} job ${job?.id} failed (attempt ${job?.attemptsMade}): ${err.message}`),
    );
    // Connection errors are retried by ioredis; log them instead of crashing the process.
    w.on('error', (err) => log(`${w.name} worker error: ${err.message}`));
  }

  const runReconcile = async () => {
    const r = await reconcile(db, queues, { minAgeMs: config.RECONCILE_MIN_AGE_MS, pages: ctx });
    return { ...r, regrade: await reconcileRegrades(db, queues, { minAgeMs: config.RECONCILE_MIN_AGE_MS }) };
  };
  let reconciling = false;
  const timer = setInterval(() => {
    if (reconciling) return;
    reconciling = true;
    runReconcile()
      .then((r) => {
        if (r.ingest || r.grade || r.regrade)
          log(`reconciler re-enqueued ${r.ingest} ingest, ${r.grade} grade and ${r.regrade} regrade jobs`);
      })
      .catch((err) => log(`reconciler: ${(err as Error).message}`))
      .finally(() => {
        reconciling = false;
      });
  }, config.RECONCILE_INTERVAL_MS);
  timer.unref();

  return {
    ctx,
    reconcile: runReconcile,
    async close() {
      clearInterval(timer);
      await Promise.all([ingest.close(), grade.close(), split.close(), regrade.close()]);
      await queues.close();
      if (ownExtractor) await extractor.close();
      if (ownDb) await db.$disconnect();
    },
  };
}
