import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectEmbedded, connectPostgres, type Database } from '../db/database';
import { migrate } from '../db/migrations';
import { dropServerDatabase } from './drop-database';

export interface TestDatabase extends Database {
  /** Drops the database (PostgreSQL) or stops the in-memory PGlite. */
  destroy(): Promise<void>;
}

const TEST_QUERY_TIMEOUT_MS = 60_000;

/**
 * A fresh, migrated database for one test file: an in-memory PGlite by default, or — when DATABASE_URL is set —
 * a new database created on that PostgreSQL server and dropped afterwards. The same suite runs on both.
 */
export async function createTestDatabase(options: { queryTimeoutMs?: number; migrate?: boolean } = {}): Promise<TestDatabase> {
  const queryTimeoutMs = options.queryTimeoutMs ?? TEST_QUERY_TIMEOUT_MS;
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const db = await connectEmbedded('memory://', { queryTimeoutMs, max: 4 });
    if (options.migrate !== false) await migrate(db.pool);
    return { ...db, destroy: () => db.close() };
  }
  const name = `distretto_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = connectPostgres(url.toString(), { queryTimeoutMs, max: 5 });
  if (options.migrate !== false) await migrate(db.pool);
  return {
    ...db,
    async destroy() {
      await db.close();
      await dropServerDatabase(serverUrl, name);
    },
  };
}

/**
 * An empty database of its own for a test that runs the `distretto` command as a separate process: on PostgreSQL a new
 * database on the DATABASE_URL server (dropped by `drop`), so the test never depends on what earlier runs left in the
 * shared one; on the embedded PGlite `null`, since each test already gives the process its own data folder.
 */
export async function createScratchDatabase(prefix = 'distretto_cli'): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return null;
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await dropServerDatabase(serverUrl, name);
    },
  };
}
