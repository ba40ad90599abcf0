import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

/** Every `migrations/*.sql` under server/, applied in the order of their timestamped file names. */
const SERVER_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MIGRATION_NAME = /^\d{12}_[a-z0-9_]+\.sql$/;

export interface MigrationFile {
  id: string;
  path: string;
  sql: string;
  checksum: string;
}

export interface MigrationStatus {
  applied: { id: string; appliedAt: Date }[];
  pending: string[];
}

export class MigrationError extends Error {}

export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

export function discoverMigrations(serverRoot: string = SERVER_ROOT): MigrationFile[] {
  const files = readdirSync(serverRoot, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.split(/[\\/]/).at(-2) === 'migrations' && path.endsWith('.sql'))
    .map((path) => join(serverRoot, path));
  const migrations = files.map((path) => {
    const id = basename(path);
    if (!MIGRATION_NAME.test(id)) {
      throw new MigrationError(`Migration file name ${relative(serverRoot, path)} must look like YYYYMMDDHHMM_name.sql`);
    }
    const sql = readFileSync(path, 'utf8');
    return { id, path: relative(serverRoot, path), sql, checksum: checksumOf(sql) };
  });
  migrations.sort((a, b) => a.id.localeCompare(b.id));
  const seen = new Set<string>();
  for (const m of migrations) {
    if (seen.has(m.id)) throw new MigrationError(`Two migrations share the name ${m.id}`);
    seen.add(m.id);
  }
  return migrations;
}

const LEDGER_DDL = `create table if not exists schema_migrations (
  id text primary key,
  checksum text not null,
  applied_at timestamptz not null default now()
)`;

async function readLedger(client: pg.PoolClient | pg.Pool): Promise<{ id: string; checksum: string; applied_at: Date }[]> {
  // Created only when missing: the app's own role (ADR 0023) may read the ledger but not create tables.
  const ledger = await client.query<{ present: boolean }>("select to_regclass('schema_migrations') is not null as present");
  if (!ledger.rows[0]?.present) await client.query(LEDGER_DDL);
  const result = await client.query<{ id: string; checksum: string; applied_at: Date }>(
    'select id, checksum, applied_at from schema_migrations order by id',
  );
  return result.rows;
}

/** Refuses to go on when an applied migration was edited or deleted: the schema would no longer match the code. */
function verifyApplied(applied: { id: string; checksum: string }[], files: MigrationFile[]): void {
  const byId = new Map(files.map((file) => [file.id, file]));
  for (const row of applied) {
    const file = byId.get(row.id);
    if (!file) {
      throw new MigrationError(`Migration ${row.id} is recorded as applied but its file is missing; migrations are never deleted.`);
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${file.path} was edited after it was applied (checksum ${file.checksum.slice(0, 12)} ≠ ` +
          `recorded ${row.checksum.slice(0, 12)}). Migrations are forward-only: restore the file and add a new migration.`,
      );
    }
  }
}

/**
 * Applies pending migrations in one transaction (all or none), after checking that every applied migration is
 * unchanged. An advisory lock keeps two starting processes from migrating at once on a PostgreSQL server.
 */
export async function migrate(
  pool: pg.Pool,
  options: { files?: MigrationFile[]; onApplied?: (id: string) => void } = {},
): Promise<string[]> {
  const files = options.files ?? discoverMigrations();
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock(7405361)');
    const applied = await readLedger(client);
    verifyApplied(applied, files);
    const appliedIds = new Set(applied.map((row) => row.id));
    const pending = files.filter((file) => !appliedIds.has(file.id));
    for (const file of pending) {
      try {
        await client.query(file.sql);
      } catch (error) {
        throw new MigrationError(`Migration ${file.path} failed: ${(error as Error).message}`);
      }
      await client.query('insert into schema_migrations (id, checksum) values ($1, $2)', [file.id, file.checksum]);
      options.onApplied?.(file.id);
    }
    await client.query('commit');
    return pending.map((file) => file.id);
  } catch (error) {
    failure = error as Error;
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release(failure); // a connection that saw an error is not reused (see transactionOn in database.ts)
  }
}

/** What is applied and what is pending, after the same checksum verification as `migrate`. */
export async function migrationStatus(pool: pg.Pool, files: MigrationFile[] = discoverMigrations()): Promise<MigrationStatus> {
  const applied = await readLedger(pool);
  verifyApplied(applied, files);
  const appliedIds = new Set(applied.map((row) => row.id));
  return {
    applied: applied.map((row) => ({ id: row.id, appliedAt: row.applied_at })),
    pending: files.filter((file) => !appliedIds.has(file.id)).map((file) => file.id),
  };
}
