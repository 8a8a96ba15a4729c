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
  /** PNG of one page of a stored PDF (the ingest package's renderer by default) */
  renderPage: (bytes: Uint8Array, page: number, dpi: number) => Promise<Buffer>;
  log: (msg: string) => void;
}
