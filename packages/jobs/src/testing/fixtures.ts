import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Config, loadConfig } from '@grader/config';
import type { Db, LocalBlobStore } from '@grader/db';
import { FAKE_RUBRIC_YAML } from '@grader/grading/testing';

/** Config for one test run: its own database, queue prefix and storage folder; fast timers. */
export function testConfig(databaseUrl: string, extra: Record<string, string> = {}): Config {
  return loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    QUEUE_PREFIX: `gtest_${randomBytes(5).toString('hex')}`,
    STORAGE_DIR: mkdtempSync(join(tmpdir(), 'grader-store-')),
    RECONCILE_INTERVAL_MS: '500',
    RECONCILE_MIN_AGE_MS: '300',
    JOB_LOCK_MS: '2000',
    JOB_ATTEMPTS: '5',
    INGEST_CONCURRENCY: '2',
    GRADE_CONCURRENCY: '2',
    ...extra,
  });
}

/** A course with one exam graded by the fake rubric, and its roster of students. */
export async function seedFakeExam(db: Db, students: { roll: string; name: string }[] = []) {
  const course = await db.course.create({
    data: { code: `C${randomBytes(3).toString('hex')}`, title: 'Test course' },
  });
  const exam = await db.exam.create({
    data: {
      courseId: course.id,
      slug: 'fake-exam',
      title: 'Fake exam',
      definition: {
        id: 'fake-exam',
        title: 'Fake exam',
        course: { code: 'X', line: 'X' },
        reviewThreshold: 0.7,
        parts: [],
      },
      parameters: {},
      reviewThreshold: 0.7,
    },
  });
  const rv = await db.rubricVersion.create({
    data: { examId: exam.id, version: 1, yaml: FAKE_RUBRIC_YAML, parameters: {} },
  });
  await db.exam.update({ where: { id: exam.id }, data: { currentRubricId: rv.id } });
  for (const s of students) {
    const u = await db.user.create({
      data: { email: `${s.roll.toLowerCase()}@test`, name: s.name, roll: s.roll, passwordHash: 'x' },
    });
    await db.enrolment.create({ data: { userId: u.id, courseId: course.id, role: 'student' } });
  }
  return { course, exam, rubricVersion: rv };
}

/** Store bytes and create their submission row (what the API's upload does), status queued. */
export async function addSubmission(
  db: Db,
  store: LocalBlobStore,
  examId: string,
  fileName: string,
  bytes: Buffer,
) {
  const put = await store.put(bytes);
  return db.submission.create({
    data: { examId, fileName, fileHash: put.hash, storageKey: put.key, byteSize: put.size, status: 'queued' },
  });
}

export async function waitFor<T>(
  fn: () => Promise<T | undefined | false>,
  timeoutMs = 60_000,
  stepMs = 100,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
