import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * Every setting the apps read from the environment, validated here and nowhere else.
 * Defaults are safe for a local machine; `.env.example` lists the same names.
 */
const Env = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z.string().url().default('postgresql://postgres@127.0.0.1:5432/grader'),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** secret for signing session ids and CSRF tokens; must be set in production */
  SESSION_SECRET: z.string().min(16).default('dev-only-secret-change-me'),
  /** where uploaded PDFs are stored, content-addressed */
  STORAGE_DIR: z.string().default('var/storage'),
  /** upload limits */
  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(50 * 1024 * 1024),
  MAX_UPLOAD_FILES: z.coerce.number().int().positive().default(500),
  MAX_PDF_PAGES: z.coerce.number().int().positive().default(40),
  /** worker concurrency per queue; OCR pool size defaults to the cores */
  INGEST_CONCURRENCY: z.coerce.number().int().positive().default(2),
  GRADE_CONCURRENCY: z.coerce.number().int().positive().default(4),
  OCR_WORKERS: z.coerce.number().int().positive().default(Math.max(1, cpus().length)),
  /** which engine reads scanned pages: tesseract.js, PaddleOCR (in a worker thread), or both pooled */
  OCR_ENGINE: z.enum(['tesseract', 'paddle', 'both']).default('both'),
  /** BullMQ key prefix in Redis (tests use a unique one per run) */
  QUEUE_PREFIX: z.string().min(1).default('grader'),
  /** how often the worker's reconciler looks for submissions whose job was lost (ms) */
  RECONCILE_INTERVAL_MS: z.coerce.number().int().positive().default(30_000),
  /** a submission must have been idle this long before the reconciler re-enqueues it (ms) */
  RECONCILE_MIN_AGE_MS: z.coerce.number().int().min(0).default(60_000),
  /** attempts per job before a submission is marked failed */
  JOB_ATTEMPTS: z.coerce.number().int().positive().default(3),
  /** BullMQ job lock: a job whose worker died is retried after this long (ms) */
  JOB_LOCK_MS: z.coerce.number().int().positive().default(30_000),
  /** where the built web UI is served from by the API (if the folder exists) */
  WEB_DIR: z.string().default('apps/web/dist'),
  /** `npm run demo`: 1 = exit after printing the results (CI), 0 = keep serving */
  DEMO_EXIT_AFTER_GRADING: z.enum(['0', '1']).default('0'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});
export type Config = z.infer<typeof Env> & { storageDir: string };

/** Read and validate the configuration; a bad value stops the process with the variable named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  const cfg = parsed.data;
  if (cfg.NODE_ENV === 'production' && cfg.SESSION_SECRET === 'dev-only-secret-change-me') {
    throw new Error('invalid configuration:\n  SESSION_SECRET: must be set in production');
  }
  return { ...cfg, storageDir: resolve(cfg.STORAGE_DIR) };
}
