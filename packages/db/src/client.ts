import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.ts';

export type Db = InstanceType<typeof PrismaClient>;

/**
 * A Prisma client over node-postgres (Prisma 7's driver adapter: no query engine binary needed).
 * `max` bounds the pool so many workers and API instances do not exhaust PostgreSQL's connections.
 */
export function createDb(connectionString: string, opts: { max?: number } = {}): Db {
  const adapter = new PrismaPg({ connectionString, max: opts.max ?? 10 });
  // every interactive transaction (a roster import, a grade's rows) gets room on a machine busy with
  // OCR: Prisma's defaults (2 s to get a connection, 5 s to finish) fail them as "internal error"
  // under load, where waiting a little longer succeeds
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 30_000 } });
}
