import { randomBytes } from 'node:crypto';
import { loadConfig } from '@grader/config';
import { dropDatabase, ensureDatabase, withDatabase } from './admin.ts';
import { createDb, type Db } from './client.ts';
import { migrate } from './migrate.ts';

export interface TestDatabase {
  url: string;
  db: Db;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database on the configured PostgreSQL server (grader_test_<random>), for one
 * test file. `drop()` disconnects and removes it.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const base = loadConfig().DATABASE_URL;
  const url = withDatabase(base, `grader_test_${randomBytes(6).toString('hex')}`);
  await ensureDatabase(url);
  await migrate(url);
  const db = createDb(url, { max: 5 });
  return {
    url,
    db,
    async drop() {
      await db.$disconnect();
      await dropDatabase(url);
    },
  };
}

/** A course, an exam and its first rubric version, for tests that store grades. */
export async function seedExam(db: Db) {
  const course = await db.course.create({ data: { code: `C${randomBytes(4).toString('hex')}`, title: 'c' } });
  const exam = await db.exam.create({
    data: {
      courseId: course.id,
      slug: 'e',
      title: 'e',
      definition: {},
      parameters: {},
      reviewThreshold: 0.7,
    },
  });
  const v1 = await db.rubricVersion.create({
    data: { examId: exam.id, version: 1, yaml: 'x', parameters: {} },
  });
  return { course, exam, v1 };
}
