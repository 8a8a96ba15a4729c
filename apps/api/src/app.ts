import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import type { Config } from '@grader/config';
import { type BlobStore, createDb, type Db, LocalBlobStore } from '@grader/db';
import { type GradingCore, loadGradingCore } from '@grader/grading';
import { createQueues, type Queues } from '@grader/queue';
import express from 'express';
import { loadSession, requireUser } from './auth/sessions.ts';
import type { AppContext } from './context.ts';
import { errorHandler, HttpError } from './errors.ts';
import { openApiDocument } from './openapi.ts';
import { authRoutes } from './routes/auth.ts';
import { courseRoutes } from './routes/courses.ts';
import { examRoutes } from './routes/exams.ts';
import { memberRoutes } from './routes/members.ts';
import { reviewRoutes } from './routes/review.ts';
import { rubricRoutes } from './routes/rubric.ts';
import { stackRoutes } from './routes/stacks.ts';
import { submissionRoutes } from './routes/submissions.ts';
import { submissionPaperRoutes, versionRoutes } from './routes/versions.ts';
import { securityHeaders } from './security-headers.ts';
import { pageImageRoutes } from './services/page-images.ts';
import { readCacheOver } from './services/read-cache.ts';
import { rejectNulText } from './text-guard.ts';

/** The Express app over a context. No listening here (tests run it in-process on port 0). */
export function createApp(ctx: AppContext) {
  const app = express();
  app.disable('x-powered-by');
  // X-Forwarded-* are read only from the proxies TRUST_PROXY names (none by default)
  app.set('trust proxy', ctx.config.TRUST_PROXY);
  app.use(securityHeaders);
  app.use(express.json({ limit: '1mb' }));
  app.use(rejectNulText);
  // a write here is seen by this process's next read at once (the database's notice follows)
  app.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') res.on('finish', () => ctx.reads?.clear());
    next();
  });

  const api = express.Router();
  api.get('/health', async (_req, res) => {
    const db = await ctx.db.$queryRaw`SELECT 1`.then(
      () => 'up',
      () => 'down',
    );
    const redis = await ctx.queues.ping().then(
      () => 'up',
      () => 'down',
    );
    res.status(db === 'up' && redis === 'up' ? 200 : 503).json({ db, redis });
  });
  api.get('/docs/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  api.get('/docs', (_req, res) => {
    res.json(openApiDocument());
  });
  api.use(loadSession(ctx.db, ctx.config.SESSION_SECRET));
  api.use('/auth', authRoutes(ctx));
  api.use(requireUser);
  // page images: stored by the worker, only read here (before the routers with older page routes)
  api.use('/', pageImageRoutes(ctx));
  api.use('/courses', courseRoutes(ctx));
  api.use('/courses', memberRoutes(ctx));
  api.use('/exams', examRoutes(ctx));
  api.use('/exams', rubricRoutes(ctx));
  api.use('/exams', versionRoutes(ctx));
  api.use('/submissions', submissionRoutes(ctx));
  api.use('/submissions', submissionPaperRoutes(ctx));
  api.use('/', reviewRoutes(ctx));
  api.use('/', stackRoutes(ctx));
  api.use(() => {
    throw new HttpError('not_found', 'no such API route');
  });
  app.use('/api', api);

  // The built web UI, when there is one; unknown paths get index.html (client-side routing).
  const webDir = resolve(ctx.config.WEB_DIR);
  if (existsSync(resolve(webDir, 'index.html'))) {
    app.use(express.static(webDir, { index: 'index.html', maxAge: '1h' }));
    app.get(/^(?!\/api\/).*/, (_req, res) => res.sendFile(resolve(webDir, 'index.html')));
  }
  app.use(errorHandler(ctx.log));
  return app;
}

export interface ServerOptions {
  config: Config;
  db?: Db;
  queues?: Queues;
  store?: BlobStore;
  grading?: GradingCore;
  log?: (msg: string) => void;
}

export interface GraderServer {
  ctx: AppContext;
  app: ReturnType<typeof createApp>;
  /** start listening (port 0: any free port); resolves to the base URL */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

/** Context (database, queues, storage, grading core) + app. Parts not given are built from config. */
export async function createServer(opts: ServerOptions): Promise<GraderServer> {
  const { config } = opts;
  const ownDb = !opts.db;
  const ownQueues = !opts.queues;
  const reads = readCacheOver(config.DATABASE_URL, config.READ_CACHE_ENTRIES);
  const ctx: AppContext = {
    config,
    db: opts.db ?? createDb(config.DATABASE_URL),
    queues:
      opts.queues ??
      createQueues({
        redisUrl: config.REDIS_URL,
        prefix: config.QUEUE_PREFIX,
        attempts: config.JOB_ATTEMPTS,
      }),
    store: opts.store ?? new LocalBlobStore(config.storageDir),
    grading: opts.grading ?? (await loadGradingCore()),
    log: opts.log ?? ((m) => console.log(`[api] ${m}`)),
    reads: reads.cache,
  };
  const app = createApp(ctx);
  let server: Server | null = null;
  return {
    ctx,
    app,
    listen(port = config.PORT, host = config.HOST) {
      return new Promise((resolveUrl, reject) => {
        const s = app.listen(port, host, (err?: Error) => {
          if (err) return reject(err);
          const addr = s.address();
          const p = typeof addr === 'object' && addr ? addr.port : port;
          resolveUrl(`http://${host.includes(':') ? `[${host}]` : host}:${p}`);
        });
        server = s;
      });
    },
    async close() {
      if (server) {
        server.closeAllConnections();
        await new Promise<void>((r) => server!.close(() => r()));
      }
      await reads.close();
      if (ownQueues) await ctx.queues.close();
      if (ownDb) await ctx.db.$disconnect();
    },
  };
}
