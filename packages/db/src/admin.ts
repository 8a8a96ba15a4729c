import pg from 'pg';

/** The same URL with another database name (for creating/dropping databases from the server). */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

async function onMaintenance<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: withDatabase(url, 'postgres'),
    connectionTimeoutMillis: 5000,
  });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const SAFE_NAME = /^[a-z_][a-z0-9_]*$/;

/** Create the database named in `url` if it does not exist. */
export async function ensureDatabase(url: string): Promise<boolean> {
  const name = databaseName(url);
  if (!SAFE_NAME.test(name)) throw new Error(`refusing to create database with unusual name "${name}"`);
  return onMaintenance(url, async (c) => {
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    await c.query(`CREATE DATABASE "${name}"`);
    return true;
  });
}

/**
 * Drop the database named in `url`, ending its other connections. `WITH (FORCE)` (PostgreSQL 13+)
 * ends them and drops in one statement: terminating them first left a window in which a pool
 * reconnected ("database … is being accessed by other users", seen in CI).
 */
export async function dropDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  if (!SAFE_NAME.test(name)) throw new Error(`refusing to drop database with unusual name "${name}"`);
  await onMaintenance(url, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}

/** End every connection to the database of `url` (tests: simulate a PostgreSQL restart). */
export async function terminateConnections(url: string): Promise<number> {
  const name = databaseName(url);
  return onMaintenance(url, async (c) => {
    const { rowCount } = await c.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
    return rowCount ?? 0;
  });
}
