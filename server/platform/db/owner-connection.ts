import pg from 'pg';
import type { AppConfig } from '../config/config';
import type { Database } from './database';
import { migrate, migrationStatus, type MigrationStatus } from './migrations';

/**
 * Runs `work` on a connection as the tables' owner: DISTRETTO_MIGRATION_DATABASE_URL when set (the app itself
 * connects with a role that may only read and write rows, ADR 0023), else the app's own pool.
 */
export async function withOwnerPool<T>(config: AppConfig, db: Database, work: (pool: pg.Pool) => Promise<T>): Promise<T> {
  if (!config.migrationDatabaseUrl || db.kind !== 'postgresql') return work(db.pool);
  const pool = new pg.Pool({ connectionString: config.migrationDatabaseUrl, max: 1, application_name: 'distretto-migrations' });
  pool.on('error', () => undefined);
  try {
    return await work(pool);
  } finally {
    await pool.end();
  }
}

/** Applies pending migrations as the owner (see withOwnerPool). */
export function migrateDatabase(config: AppConfig, db: Database, options: { onApplied?: (id: string) => void } = {}): Promise<string[]> {
  return withOwnerPool(config, db, (pool) => migrate(pool, options));
}

export function databaseMigrationStatus(config: AppConfig, db: Database): Promise<MigrationStatus> {
  return withOwnerPool(config, db, (pool) => migrationStatus(pool));
}

/** True when the app's own connection is a PostgreSQL superuser, who could lift the audit log's append-only rule. */
export async function connectsAsSuperuser(db: Database): Promise<boolean> {
  if (db.kind !== 'postgresql') return false;
  const result = await db.pool.query<{ is_superuser: boolean }>('select rolsuper as is_superuser from pg_roles where rolname = current_user');
  return result.rows[0]?.is_superuser === true;
}
