import type { Config } from '@grader/config';
import type { BlobStore, Db } from '@grader/db';
import type { GradingCore } from '@grader/grading';
import type { Queues } from '@grader/queue';
import type { ReadCache } from './services/read-cache.ts';

/** What every route handler needs; built once by createServer (tests pass their own parts). */
export interface AppContext {
  config: Config;
  db: Db;
  queues: Queues;
  store: BlobStore;
  grading: GradingCore;
  log: (msg: string) => void;
  /** submission reads kept in memory until the database says they changed */
  reads: ReadCache<unknown>;
}
