import type { Config } from '@grader/config';
import type { BlobStore, Db } from '@grader/db';
import type { GradingCore } from '@grader/grading';
import type { Queues } from '@grader/queue';

/** What every route handler needs; built once by createServer (tests pass their own parts). */
export interface AppContext {
  config: Config;
  db: Db;
  queues: Queues;
  store: BlobStore;
  grading: GradingCore;
  log: (msg: string) => void;
}
