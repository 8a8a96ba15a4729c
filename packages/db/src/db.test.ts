import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { effectiveGrade } from './grades.ts';
import { migrate, migrationsDir } from './migrate.ts';
import { LocalBlobStore, sha256 } from './storage.ts';
import { createTestDatabase } from './testing.ts';

describe('migrations (real PostgreSQL)', () => {
  it('apply once, are recorded as Prisma records them, and refuse an edited migration', async () => {
    const t = await createTestDatabase(); // applies them
    try {
      const again = await migrate(t.url);
      expect(again.applied).toEqual([]);
      expect(again.alreadyApplied).toContain('20261124090000_init');
      const rows = await t.db.$queryRaw<
        { migration_name: string; checksum: string; finished_at: Date | null }[]
      >`
        SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`;
      // every migration folder, in name order, each with the checksum of its SQL
      const names = readdirSync(migrationsDir())
        .filter((d) => existsSync(join(migrationsDir(), d, 'migration.sql')))
        .sort();
      expect(names[0]).toBe('20261124090000_init');
      expect(rows).toEqual(
        names.map((name) => ({
          migration_name: name,
          checksum: createHash('sha256')
            .update(readFileSync(join(migrationsDir(), name, 'migration.sql')))
            .digest('hex'),
          finished_at: expect.any(Date),
        })),
      );
      // every model of the schema has its table
      const tables = await t.db.$queryRaw<{ tablename: string }[]>`
        SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`;
      expect(tables.map((x) => x.tablename)).toEqual(
        expect.arrayContaining([
          'users',
          'sessions',
          'submissions',
          'grades',
          'overrides',
          'audit_log',
          'extractions',
        ]),
      );
      await t.db.$executeRaw`UPDATE "_prisma_migrations" SET checksum = 'x'`;
      await expect(migrate(t.url)).rejects.toThrow(/edited after it was applied/);
    } finally {
      await t.drop();
    }
  });
});

describe('effectiveGrade', () => {
  const part = (score: number, max: number, review = false) => ({ score, max, review, reasons: ['r'] });
  it('applies the newest override per part, clears its review flag and keeps the automatic score', () => {
    const at = (s: number) => new Date(1_700_000_000_000 + s * 1000);
    const g = effectiveGrade({ a: part(1, 3, true), b: part(2, 2) }, [
      { partId: 'a', score: 2, comment: 'old', byId: 'u', createdAt: at(1) },
      { partId: 'a', score: 2.5, comment: 'new', byId: 'u', createdAt: at(2) },
    ]);
    expect(g.parts.a).toMatchObject({
      score: 2.5,
      autoScore: 1,
      review: false,
      override: { comment: 'new' },
    });
    expect(g.parts.b).toMatchObject({ score: 2, autoScore: 2, override: null });
    expect(g.total).toBe(4.5);
    expect(g.needsReview).toBe(0);
    expect(effectiveGrade({ a: part(1, 3, true) }, []).needsReview).toBe(1);
  });
});

describe('LocalBlobStore', () => {
  it('stores content-addressed: the same bytes twice are one file', async () => {
    const store = new LocalBlobStore(mkdtempSync(join(tmpdir(), 'blob-')));
    const bytes = Buffer.from('%PDF-1.7 hello');
    const a = await store.put(bytes);
    const b = await store.put(Buffer.from(bytes));
    expect(a).toEqual(b);
    expect(a.key).toBe(sha256(bytes));
    expect(await store.get(a.key)).toEqual(bytes);
    await expect(store.get('../../etc/passwd')).rejects.toThrow(/invalid storage key/);
  });
  it('removes a file for good (twice is no error); keys are checked there too', async () => {
    const store = new LocalBlobStore(mkdtempSync(join(tmpdir(), 'blob-')));
    const a = await store.put(Buffer.from('%PDF-1.7 bye'));
    await store.remove(a.key);
    expect(await store.has(a.key)).toBe(false);
    await store.remove(a.key);
    await expect(store.remove('../x')).rejects.toThrow(/invalid storage key/);
  });
});
