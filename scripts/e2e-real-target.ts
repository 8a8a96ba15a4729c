/**
 * The real stack for the web UI's e2e run (apps/web/e2e; started by scripts/e2e.ts): the API
 * (createServer) and the worker (createWorker) in this process, on a fresh PostgreSQL database
 * created and dropped here, queues under a unique Redis prefix, blobs in a temp folder; seeded with
 * the demo course (seedDemo) and the sample roster.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, seedDemo } from '@grader/api';
import { createTestDatabase } from '@grader/db';
import { createWorker } from '@grader/jobs';
import { testConfig } from '@grader/jobs/testing';
import type { Target } from '@grader/web/e2e';

export async function startRealTarget(repoRoot: string, distDir: string): Promise<Target> {
  const samplesDir = join(repoRoot, 'samples');
  const roster = readFileSync(join(samplesDir, 'roster.csv'), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => {
      const [roll, name] = l.split(',');
      return { roll: roll.trim(), name: name.trim() };
    });
  const t = await createTestDatabase();
  // a job lock long enough for OCR on a 2-core machine shared with other work; the scans are read
  // by the production engines (tesseract alone reads p10.pdf too poorly for the similarity flag)
  const config = testConfig(t.url, {
    WEB_DIR: distDir,
    LOG_LEVEL: 'warn',
    JOB_LOCK_MS: '60000',
    OCR_ENGINE: 'both',
  });
  const logs: string[] = [];
  const log = (m: string) => {
    logs.push(m);
    if (process.env.E2E_VERBOSE) console.log(m);
  };
  const server = await createServer({ config, db: t.db, log: (m) => log(`[api] ${m}`) });
  const worker = await createWorker({ config, db: t.db, log: (m) => log(`[worker] ${m}`) });
  const logins = await seedDemo(server.ctx, roster);
  const baseUrl = await server.listen(0, '127.0.0.1');
  // text-layer samples (typed, LaTeX, office), read in seconds, and two scans the worker OCRs:
  // p10.pdf is a copy of the typed p04.pdf (the grader flags both `similarity`) and, with p02.pdf,
  // has parts the grader is unsure of, which go to the review queue
  const files = ['p01.pdf', 'p03.pdf', 'p04.pdf', 'p05.pdf', 'p07.pdf', 'p08.pdf', 'p10.pdf', 'p02.pdf'].map(
    (f) => join(samplesDir, f),
  );
  const student = logins.students.find((s) => s.roll === '19MT30431'); // p01.pdf, Divya Menon
  if (!student) throw new Error('the roster has no 19MT30431 (the student of p01.pdf)');
  return {
    name: 'real',
    baseUrl,
    accounts: {
      admin: { email: logins.admin, password: logins.password },
      ta: { email: logins.ta, password: logins.password },
      student: { email: student.email, password: logins.password },
    },
    studentFile: files[0],
    similar: ['p04.pdf', 'p10.pdf'],
    // p07.pdf is typed with a name (Arjun Das, not on the sample roster) and no roll number: it
    // arrives unconfirmed; the flow imports him with the class list and a TA matches it
    unconfirmed: {
      file: 'p07.pdf',
      roll: '20CS10999',
      name: 'Arjun Das',
      email: 'arjun.das@grader.test',
      async login() {
        // the imported account has a password no one knows: give it the demo password
        const ta = await t.db.user.findUniqueOrThrow({ where: { email: logins.ta } });
        await t.db.user.update({
          where: { email: 'arjun.das@grader.test' },
          data: { passwordHash: ta.passwordHash },
        });
        return { email: 'arjun.das@grader.test', password: logins.password };
      },
    },
    zipped: join(samplesDir, 'p11.pdf'),
    files,
    async stop() {
      if (process.env.E2E_VERBOSE === undefined && logs.length) {
        const errors = logs.filter((l) => /error|fail/i.test(l));
        if (errors.length) console.log(`server log (errors):\n  ${errors.slice(-20).join('\n  ')}`);
      }
      await worker.ctx.queues.ingest.obliterate({ force: true }).catch(() => {});
      await worker.ctx.queues.grade.obliterate({ force: true }).catch(() => {});
      await worker.ctx.queues.split.obliterate({ force: true }).catch(() => {});
      await worker.close();
      await server.close();
      await t.drop();
      rmSync(config.storageDir, { recursive: true, force: true });
    },
  };
}
