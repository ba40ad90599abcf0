import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { AppConfig } from '../config/config';
import { lockDataFolder, type DataFolderLock } from './data-folder-lock';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';
import { join } from 'node:path';

export type Orm = NodePgDatabase;
export type OrmTransaction = Parameters<Parameters<Orm['transaction']>[0]>[0];
/** What repositories run their SQL on: the database or an open transaction. */
export type DbExecutor = Orm | OrmTransaction;

export type DatabaseKind = 'pglite' | 'postgresql';

export interface Database {
  kind: DatabaseKind;
  orm: Orm;
  pool: pg.Pool;
  /** Runs `work` in a transaction on one pooled connection; see `transactionOn`. */
  transaction<T>(work: (tx: OrmTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * A transaction on a connection of its own, destroyed instead of reused when anything failed. PGlite's socket
 * server answers a failed extended-protocol query with one ReadyForQuery too many (electric-sql/pglite#958), which
 * leaves that connection one response behind: reused, it would hand a later query an earlier query's rows.
 * (pool.query already discards a connection whose query failed; Drizzle's own transaction does not.)
 */
async function transactionOn<T>(pool: pg.Pool, work: (tx: OrmTransaction) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let failure: Error | undefined;
  // The stray response of #958 can arrive while no query is waiting for it; pg then emits 'error' on the client,
  // which would crash the process with nobody listening. It marks the connection as failed instead (pg also refuses
  // any further query on it, so the transaction fails and the connection is discarded), and stays attached on a
  // discarded connection, whose late messages are expected and ignored.
  const onConnectionError = (error: Error) => {
    failure ??= error;
  };
  client.on('error', onConnectionError);
  try {
    return await drizzle(client).transaction(work);
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    if (!failure) client.off('error', onConnectionError);
    client.release(failure);
  }
}

const PG_INT8 = 20;
const PG_DATE = 1082;

/**
 * One set of type parsers for both databases, so a row reads the same whichever is behind the pool:
 * int8 (counts, sums) → number, refusing silently wrong values; numeric stays a string (exact decimals);
 * date stays 'YYYY-MM-DD' (no time-zone shift); timestamptz → Date (pg's default; Drizzle's raw `execute` returns
 * it as an ISO string, its typed columns as Date). Set on pg's global registry because Drizzle passes its own
 * per-query parser table, which falls back to that registry.
 */
function parseInt8(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) throw new RangeError(`int8 value ${value} exceeds the safe integer range`);
  return parsed;
}
pg.types.setTypeParser(PG_INT8, parseInt8);
pg.types.setTypeParser(PG_DATE, (value: string) => value);

interface PoolOptions {
  queryTimeoutMs: number;
  max: number;
}

function createPool(connection: pg.PoolConfig, options: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    ...connection,
    max: options.max,
    // Client-side limit: the only one that works on PGlite, which ignores statement_timeout.
    query_timeout: options.queryTimeoutMs,
    connectionTimeoutMillis: 30_000,
    idleTimeoutMillis: 30_000,
    application_name: 'distretto',
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  return pool;
}

/** Connects to a PostgreSQL server; the server enforces the query time limit too (statement_timeout). */
export function connectPostgres(databaseUrl: string, options: PoolOptions): Database {
  const pool = createPool(
    { connectionString: databaseUrl, statement_timeout: options.queryTimeoutMs },
    options,
  );
  return {
    kind: 'postgresql',
    pool,
    orm: drizzle(pool),
    transaction: (work) => transactionOn(pool, work),
    close: () => pool.end(),
  };
}

/** Starts an embedded PGlite (child process) on `dataDir` or in memory, and connects to it through `pg`. */
export async function connectEmbedded(
  dataDir: string,
  options: PoolOptions & { lock?: DataFolderLock },
): Promise<Database> {
  let embedded: EmbeddedPostgres;
  try {
    embedded = await startEmbeddedPostgres(dataDir);
  } catch (error) {
    options.lock?.release();
    throw error;
  }
  // One connection, whatever `options.max`: PGlite is a single backend session that every socket connection shares,
  // so two connections' extended-protocol messages (unnamed statements and portals) and transactions interleave —
  // measured here with pglite-socket 0.1.6: two concurrent transactions and a few plain queries gave "unnamed
  // prepared statement does not exist" errors and a query answered with another query's row. With one connection
  // the pool queues every query and every whole transaction, which is what PGlite does anyway.
  const pool = createPool(
    { host: embedded.socketDir, port: 5432, user: 'postgres', database: 'postgres' },
    { ...options, max: 1 },
  );
  return {
    kind: 'pglite',
    pool,
    orm: drizzle(pool),
    transaction: (work) => transactionOn(pool, work),
    async close() {
      await pool.end().catch(() => undefined);
      await embedded.stop();
      options.lock?.release();
    },
  };
}

/** Opens the database the configuration names: the server at DATABASE_URL, else PGlite in the data folder. */
export async function openDatabase(config: AppConfig): Promise<Database> {
  if (config.databaseUrl) return connectPostgres(config.databaseUrl, { queryTimeoutMs: config.queryTimeoutMs, max: 10 });
  const lock = lockDataFolder(config.dataDir);
  return connectEmbedded(join(config.dataDir, 'pgdata'), { queryTimeoutMs: config.queryTimeoutMs, max: 4, lock });
}

/** True when an error is (or wraps) the client-side query time limit or the server's statement_timeout. */
export function isQueryTimeout(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.message === 'Query read timeout' || (error as { code?: string }).code === '57014') return true;
  return isQueryTimeout(error.cause); // Drizzle wraps driver errors in DrizzleQueryError
}
