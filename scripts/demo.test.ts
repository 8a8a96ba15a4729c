// `npm run demo -- --once` end to end on a fresh database and queue prefix: it must exit 0 after
// every demo script was processed, and the grades it stored must be those the core computes directly
// (the `grader grade` path), so the server and the CLI agree.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@grader/config';
import { createDb, dropDatabase, withDatabase } from '@grader/db';
import { computeKeys, examParameters, loadExam } from '@grader/exam';
import { ingestPdf } from '@grader/ingest';
import { deleteQueueKeys } from '@grader/queue';
import { gradeScript, loadRubric } from '@grader/rubric';
import { afterAll, describe, expect, it } from 'vitest';

const url = withDatabase(loadConfig().DATABASE_URL, `grader_test_demo_${randomBytes(4).toString('hex')}`);
const prefix = `gtest_demo_${randomBytes(4).toString('hex')}`;
afterAll(async () => {
  await dropDatabase(url);
  await deleteQueueKeys(loadConfig().REDIS_URL, prefix);
});

describe('npm run demo', () => {
  it('runs end to end and exits 0; stored grades equal the core run directly', async () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', '--once'], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        QUEUE_PREFIX: prefix,
        STORAGE_DIR: mkdtempSync(join(tmpdir(), 'grader-demo-')),
        PORT: '0',
        OCR_WORKERS: '1',
      },
      encoding: 'utf8',
      timeout: 170_000,
    });
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/all 6 scripts processed/);
    expect(r.stdout).toMatch(/admin@grader\.test/);

    const db = createDb(url, { max: 2 });
    try {
      const exam = loadExam('cs60010-ct3');
      const rubric = loadRubric(exam);
      const ctx = {
        keys: computeKeys(exam),
        params: examParameters(exam),
        reviewThreshold: exam.reviewThreshold,
      };
      const subs = await db.submission.findMany({ include: { grades: true } });
      expect(subs).toHaveLength(6);
      for (const s of subs) {
        expect(s.grades).toHaveLength(1);
        const bytes = new Uint8Array(readFileSync(join('var/demo-scripts', s.fileName)));
        const direct = gradeScript(
          rubric,
          ctx,
          await ingestPdf(bytes, { exam, fileName: s.fileName }),
          s.fileName,
        ).grade;
        expect({ file: s.fileName, total: s.grades[0].total }).toEqual({
          file: s.fileName,
          total: direct.total,
        });
        const scores = Object.fromEntries(Object.entries(direct.parts).map(([k, p]) => [k, p.score]));
        const stored = Object.fromEntries(
          Object.entries(s.grades[0].parts as Record<string, { score: number }>).map(([k, p]) => [
            k,
            p.score,
          ]),
        );
        expect(stored).toEqual(scores);
      }
    } finally {
      await db.$disconnect();
    }
  }, 180_000);
});
