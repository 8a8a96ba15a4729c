import { isIP } from 'node:net';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];
const isProxyAddress = (s: string) => {
  const [ip, bits, ...rest] = s.split('/');
  return isIP(ip) > 0 && rest.length === 0 && (bits === undefined || /^\d{1,3}$/.test(bits));
};

/** TRUST_PROXY as Express's `trust proxy` setting: false, a hop count, or a list of proxies. */
function trustProxySetting(value: string, ctx: z.RefinementCtx): false | number | string[] {
  if (['', 'off', 'false', 'no', '0'].includes(value.toLowerCase())) return false;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const list = value.split(',').map((s) => s.trim());
  const bad = list.filter((s) => !PROXY_NAMES.includes(s) && !isProxyAddress(s));
  if (bad.length) {
    ctx.addIssue({
      code: 'custom',
      message: `not a hop count, proxy address, subnet or ${PROXY_NAMES.join('/')}: ${bad.join(', ')} (\`true\` is not accepted: it would let any client choose its own address)`,
    });
    return z.NEVER;
  }
  return list;
}

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
  /** signs session ids and CSRF tokens; in production: >= 32 characters, not a placeholder */
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
  RECONCILE_INTERVAL_MS: z.coerce.number().int().positive().default(5_000),
  /** a submission must have been idle this long before the reconciler re-enqueues it (ms) */
  RECONCILE_MIN_AGE_MS: z.coerce.number().int().min(0).default(5_000),
  /** attempts per job before a submission is marked failed */
  JOB_ATTEMPTS: z.coerce.number().int().positive().default(3),
  /** BullMQ job lock: a job whose worker died is retried after this long (ms) */
  JOB_LOCK_MS: z.coerce.number().int().positive().default(30_000),
  /** where the built web UI is served from by the API (if the folder exists) */
  WEB_DIR: z.string().default('apps/web/dist'),
  /** `npm run demo`: 1 = exit after printing the results (CI), 0 = keep serving */
  DEMO_EXIT_AFTER_GRADING: z.enum(['0', '1']).default('0'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** submission reads the API keeps in memory (forgotten on any change; 0: none kept) */
  READ_CACHE_ENTRIES: z.coerce.number().int().min(0).default(2_000),
  /**
   * Which proxies in front of the API may say who the client is (X-Forwarded-For, -Proto): `off`
   * (default: the connection's own address is the client, forwarded headers are ignored), a hop
   * count, or the proxies' addresses/subnets and names (loopback, linklocal, uniquelocal).
   */
  TRUST_PROXY: z.string().trim().default('off').transform(trustProxySetting),
});
export type Config = z.infer<typeof Env> & { storageDir: string };

/** the shortest SESSION_SECRET accepted in production (`openssl rand -hex 32` gives 64) */
const MIN_PRODUCTION_SECRET_LENGTH = 32;
/**
 * Secret-like placeholders that appear in this repository (the development default, the one in
 * .env.example, docker-compose.yml's old default): public, so never accepted in production.
 */
const KNOWN_PLACEHOLDER_SECRETS: readonly string[] = [
  'dev-only-secret-change-me',
  'change-me-to-a-long-random-string',
];

/** Why a SESSION_SECRET may not be used in production, or null when it may. */
function productionSecretProblem(secret: string): string | null {
  const how = 'make one with `openssl rand -hex 32`';
  if (KNOWN_PLACEHOLDER_SECRETS.includes(secret.trim()))
    return `is a placeholder published in the repository, not a secret; ${how}`;
  if (secret.length < MIN_PRODUCTION_SECRET_LENGTH)
    return `must be at least ${MIN_PRODUCTION_SECRET_LENGTH} characters in production (got ${secret.length}); ${how}`;
  return null;
}

/** Read and validate the configuration; a bad value stops the process with the variable named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  const cfg = parsed.data;
  if (cfg.NODE_ENV === 'production') {
    const problem = productionSecretProblem(cfg.SESSION_SECRET);
    if (problem) throw new Error(`invalid configuration:\n  SESSION_SECRET: ${problem}`);
  }
  return { ...cfg, storageDir: resolve(cfg.STORAGE_DIR) };
}
