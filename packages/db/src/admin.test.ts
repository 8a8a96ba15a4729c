import { randomBytes } from 'node:crypto';
import { loadConfig } from '@grader/config';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { dropDatabase, ensureDatabase, withDatabase } from './admin.ts';

describe('dropDatabase', () => {
  it('drops a database while a client is still connected to it (a pool that has not let go)', async () => {
    const base = loadConfig().DATABASE_URL;
    const url = withDatabase(base, `grader_test_${randomBytes(6).toString('hex')}`);
    await ensureDatabase(url);
    const held = new pg.Client({ connectionString: url });
    held.on('error', () => {}); // its connection is ended by the drop
    await held.connect();
    await dropDatabase(url);
    const admin = new pg.Client({ connectionString: withDatabase(base, 'postgres') });
    await admin.connect();
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      new URL(url).pathname.slice(1),
    ]);
    await admin.end();
    await held.end().catch(() => {});
    expect(rowCount).toBe(0);
  });
});
