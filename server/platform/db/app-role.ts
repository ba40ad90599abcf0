import type pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { systemActor } from '../access/actor';
import { recordAudit } from '../audit/audit';
import { AppError, fieldError } from '../errors/app-error';

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The audit log: insert and read only. */
const APPEND_ONLY_TABLES = ['audit_log'];
/** Read only: the chain head (verification reads it, the trigger writes it as the owner) and the migrations ledger. */
const READ_ONLY_TABLES = ['audit_chain_head', 'schema_migrations'];

/**
 * Gives the role the app connects with (`DATABASE_URL`) only what it needs: read and write rows of every table and
 * use the sequences — except the audit log, which it may only insert into and read, and the chain head and the
 * migrations ledger, which it may only read. Default privileges cover the tables later migrations create (run as
 * the same owner). Run on the owner's connection (DISTRETTO_MIGRATION_DATABASE_URL). A role that is a superuser or
 * owns the tables is refused: it could disable the append-only trigger, so the rule would not hold (ADR 0023).
 */
export async function grantAppRole(ownerPool: pg.Pool, role: string): Promise<{ tables: number; sequences: number }> {
  if (!ROLE_NAME.test(role)) throw fieldError('role', 'must be a PostgreSQL role name in lower case (letters, digits, _)');
  const client = await ownerPool.connect();
  let failure: Error | undefined;
  try {
    await client.query('begin');
    const caller = await client.query<{ is_owner: boolean }>(
      "select pg_has_role(current_user, relowner, 'USAGE') as is_owner from pg_class where oid = 'public.audit_log'::regclass",
    );
    // PostgreSQL only warns when a non-owner grants what it cannot: refuse instead of reporting grants that did not happen.
    if (!caller.rows[0]?.is_owner) {
      throw new AppError('COMMON.CONFLICT', 'Run grant-app-role as the tables\' owner (DISTRETTO_MIGRATION_DATABASE_URL, or DATABASE_URL of the owner)', { role });
    }
    const found = await client.query<{ rolsuper: boolean; rolbypassrls: boolean; rolreplication: boolean; owns: boolean }>(
      `select r.rolsuper, r.rolbypassrls, r.rolreplication, pg_has_role(r.oid, c.relowner, 'USAGE') as owns
       from pg_roles r, pg_class c where r.rolname = $1 and c.oid = 'public.audit_log'::regclass`,
      [role],
    );
    const target = found.rows[0];
    if (!target) throw new AppError('COMMON.NOT_FOUND', `Role ${role} does not exist: create it first (create role ${role} login password '…')`, { entity: 'role', id: role });
    if (target.rolsuper || target.rolbypassrls || target.rolreplication || target.owns) {
      throw new AppError('COMMON.CONFLICT', `Role ${role} is a superuser, bypasses row security, replicates or owns the tables: the app must connect with a role that cannot disable triggers`, { role });
    }
    const quoted = `"${role}"`;
    await client.query(`grant usage on schema public to ${quoted}`);
    await client.query(`grant select, insert, update, delete on all tables in schema public to ${quoted}`);
    await client.query(`grant usage, select on all sequences in schema public to ${quoted}`);
    for (const table of APPEND_ONLY_TABLES) await client.query(`revoke update, delete, truncate, references, trigger on ${table} from ${quoted}`);
    for (const table of READ_ONLY_TABLES) await client.query(`revoke insert, update, delete, truncate, references, trigger on ${table} from ${quoted}`);
    await client.query(`alter default privileges in schema public grant select, insert, update, delete on tables to ${quoted}`);
    await client.query(`alter default privileges in schema public grant usage, select on sequences to ${quoted}`);
    const counts = await client.query<{ tables: number; sequences: number }>(
      `select (select count(*) from pg_tables where schemaname = 'public')::int as tables,
              (select count(*) from pg_sequences where schemaname = 'public')::int as sequences`,
    );
    await recordAudit(drizzle(client), { actor: systemActor('cli'), requestId: null }, {
      action: 'db.grant-app-role', entityType: 'database_role', entityId: role, after: { appendOnly: APPEND_ONLY_TABLES, readOnly: READ_ONLY_TABLES },
    });
    await client.query('commit');
    return counts.rows[0]!;
  } catch (error) {
    failure = error as Error;
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release(failure);
  }
}
