import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connectEmbedded, connectPostgres, type Database } from '../../server/platform/db/database';
import { migrate } from '../../server/platform/db/migrations';
import { dropServerDatabase } from '../../server/platform/testing/drop-database';

export interface BenchDatabase {
  /** 'PGlite' or 'PostgreSQL', for tables. */
  label: string;
  db: Database;
  /** Stops PGlite and removes its folder, or drops the temporary PostgreSQL database. */
  destroy(): Promise<void>;
}

const BENCH_QUERY_TIMEOUT_MS = 600_000;

/**
 * A migrated embedded PGlite, in memory by default or in a fresh temporary folder (`onDisk`), so benchmarks see the
 * same child-process-behind-a-socket set-up as the app.
 */
export async function openPglite(options: { onDisk?: boolean; queryTimeoutMs?: number; migrated?: boolean } = {}): Promise<BenchDatabase> {
  const folder = options.onDisk ? mkdtempSync(join(tmpdir(), 'distretto-bench-')) : null;
  const db = await connectEmbedded(folder ?? 'memory://', {
    queryTimeoutMs: options.queryTimeoutMs ?? BENCH_QUERY_TIMEOUT_MS,
    max: 4,
  });
  if (options.migrated !== false) await migrate(db.pool);
  return {
    label: 'PGlite',
    db,
    async destroy() {
      await db.close();
      if (folder) rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** The PostgreSQL server URL to benchmark on (BENCH_DATABASE_URL, else DATABASE_URL), or null. */
export function postgresServerUrl(): string | null {
  return process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? null;
}

/** A migrated temporary database on the PostgreSQL server at `serverUrl`, dropped by `destroy`. */
export async function openPostgres(serverUrl: string): Promise<BenchDatabase> {
  const name = `distretto_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = connectPostgres(url.toString(), { queryTimeoutMs: BENCH_QUERY_TIMEOUT_MS, max: 4 });
  await migrate(db.pool);
  return {
    label: 'PostgreSQL',
    db,
    async destroy() {
      await db.close();
      // Kept for EXPLAIN after the run (BENCH_KEEP_DATABASE=1): the name is printed; drop it by hand afterwards.
      if (process.env.BENCH_KEEP_DATABASE === '1') {
        process.stderr.write(`PostgreSQL database kept: ${url.toString()}\n`);
        return;
      }
      await dropServerDatabase(serverUrl, name);
    },
  };
}

/**
 * Runs `work` on PGlite (unless `pglite` is false), then on PostgreSQL when a server URL is configured (printing a
 * notice otherwise), each on a fresh database destroyed afterwards.
 */
export async function onEachDatabase<T>(
  work: (database: BenchDatabase) => Promise<T>,
  log: (line: string) => void,
  options: { pglite?: boolean } = {},
): Promise<T[]> {
  const results: T[] = [];
  const opens: (() => Promise<BenchDatabase>)[] = options.pglite === false ? [] : [() => openPglite()];
  const serverUrl = postgresServerUrl();
  if (serverUrl) opens.push(() => openPostgres(serverUrl));
  else log('PostgreSQL skipped: set BENCH_DATABASE_URL (or DATABASE_URL) to a server URL to benchmark it too.');
  for (const open of opens) {
    const database = await open();
    try {
      log(`— ${database.label}`);
      results.push(await work(database));
    } finally {
      await database.destroy();
    }
  }
  return results;
}
