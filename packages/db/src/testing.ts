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
