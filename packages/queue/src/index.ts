// Queue names, job payloads (ids only: the database is the source of truth) and Redis settings.
import { type JobsOptions, Queue } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { z } from 'zod';

export const QUEUE_NAMES = { ingest: 'ingest', grade: 'grade', split: 'split', regrade: 'regrade' } as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/** Read the PDF, extract pages and answers, store them, then enqueue a grade job. */
export const IngestJob = z.object({ submissionId: z.string().min(1) });
export type IngestJob = z.infer<typeof IngestJob>;

/** Grade one submission's stored extraction under one rubric version. */
export const GradeJob = z.object({ submissionId: z.string().min(1), rubricVersionId: z.string().min(1) });
export type GradeJob = z.infer<typeof GradeJob>;

/** Find where each script of a stack (one PDF of many scripts) starts, for a TA to check. */
export const SplitJob = z.object({ stackId: z.string().min(1) });
export type SplitJob = z.infer<typeof SplitJob>;

/** Regrade every extracted script of an exam (a `regrades` row: apply a pending version, or preview). */
export const RegradeJob = z.object({ regradeId: z.string().min(1) });
export type RegradeJob = z.infer<typeof RegradeJob>;

/**
 * Deterministic job ids: enqueueing the same work twice (upload + reconciler, two API instances)
 * adds one job while the first still exists. Ids avoid ':' which BullMQ reserves.
 */
export const jobIds = {
  ingest: (j: IngestJob) => `ingest-${j.submissionId}`,
  grade: (j: GradeJob) => `grade-${j.submissionId}-${j.rubricVersionId}`,
  split: (j: SplitJob) => `split-${j.stackId}`,
  regrade: (j: RegradeJob) => `regrade-${j.regradeId}`,
};

export function defaultJobOptions(attempts: number): JobsOptions {
  return {
    attempts,
    backoff: { type: 'exponential', delay: 1000 },
    // Finished jobs are removed so that the same id can be enqueued again (retry, reconciler);
    // their outcome lives in the database.
    removeOnComplete: true,
    removeOnFail: true,
  };
}

/**
 * ioredis options BullMQ needs: workers block on Redis, so `maxRetriesPerRequest` must be null.
 * Redis must run with `maxmemory-policy noeviction`, or it may silently drop queue keys.
 */
export function redisConnection(url: string, extra: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, ...extra });
}

export interface Queues {
  ingest: Queue<IngestJob>;
  grade: Queue<GradeJob>;
  split: Queue<SplitJob>;
  regrade: Queue<RegradeJob>;
  addIngest(job: IngestJob): Promise<void>;
  addGrade(job: GradeJob): Promise<void>;
  addSplit(job: SplitJob): Promise<void>;
  addRegrade(job: RegradeJob): Promise<void>;
  /** Redis round trip, for health checks */
  ping(): Promise<string>;
  close(): Promise<void>;
}

/** Producer side of both queues (the API, the reconciler and the ingest worker enqueue). */
export function createQueues(opts: { redisUrl: string; prefix: string; attempts: number }): Queues {
  const connection = redisConnection(opts.redisUrl);
  const defaults = defaultJobOptions(opts.attempts);
  const ingest = new Queue<IngestJob>(QUEUE_NAMES.ingest, { connection, prefix: opts.prefix });
  const grade = new Queue<GradeJob>(QUEUE_NAMES.grade, { connection, prefix: opts.prefix });
  const split = new Queue<SplitJob>(QUEUE_NAMES.split, { connection, prefix: opts.prefix });
  const regrade = new Queue<RegradeJob>(QUEUE_NAMES.regrade, { connection, prefix: opts.prefix });
  return {
    ingest,
    grade,
    split,
    regrade,
    async addIngest(job) {
      const data = IngestJob.parse(job);
      await ingest.add('ingest', data, { ...defaults, jobId: jobIds.ingest(data) });
    },
    async addGrade(job) {
      const data = GradeJob.parse(job);
      await grade.add('grade', data, { ...defaults, jobId: jobIds.grade(data) });
    },
    async addSplit(job) {
      const data = SplitJob.parse(job);
      await split.add('split', data, { ...defaults, jobId: jobIds.split(data) });
    },
    async addRegrade(job) {
      const data = RegradeJob.parse(job);
      await regrade.add('regrade', data, { ...defaults, jobId: jobIds.regrade(data) });
    },
    ping: () => connection.ping(),
    async close() {
      await ingest.close();
      await grade.close();
      await split.close();
      await regrade.close();
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}

/** Delete every key under a prefix (tests and benchmarks clean up after themselves: Redis is shared). */
export async function deleteQueueKeys(redisUrl: string, prefix: string): Promise<number> {
  if (!prefix) throw new Error('refusing to delete keys without a prefix');
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 500 })) {
      if ((keys as string[]).length) deleted += await redis.del(...(keys as string[]));
    }
  } finally {
    redis.disconnect();
  }
  return deleted;
}
