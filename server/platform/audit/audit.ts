import { isIP } from 'node:net';
import { sql } from 'drizzle-orm';
import type { Database, DbExecutor } from '../db/database';
import type { AuditAction } from '../../../common/contracts/audit-action-catalog';
import { actorLabel, actorUserId, type Actor } from '../access/actor';

/** What an audit entry says happened: a write, a read of sensitive data, or an attempt the app refused. */
export type AuditKind = 'write' | 'read' | 'refused';

export interface AuditRecord {
  /** A declared name (common/contracts/audit-action-catalog.ts): an undeclared one does not compile. */
  action: AuditAction;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Who acted and from where: the use-case context carries it (contextOf fills the source from the request). */
export interface AuditSource {
  actor: Actor;
  requestId: string | null;
  /** The client's address as Fastify sees it (request.ip); null from the CLI. */
  sourceIp?: string | null;
  userAgent?: string | null;
}

/**
 * A read of sensitive data: which record (or which list: entityId names the scope, e.g. the district) and, in
 * `details`, what was asked and how much was served — never the data itself.
 */
export interface AccessRecord {
  action: AuditAction;
  entityType: string;
  entityId: string;
  details?: Record<string, unknown>;
}

const USER_AGENT_LIMIT = 500;

async function insertEntry(db: DbExecutor, source: AuditSource, kind: AuditKind, record: AuditRecord): Promise<void> {
  const sourceIp = source.sourceIp && isIP(source.sourceIp) ? source.sourceIp : null;
  const userAgent = source.userAgent ? source.userAgent.slice(0, USER_AGENT_LIMIT) : null;
  await db.execute(sql`
    insert into audit_log (kind, actor_user_id, actor_label, action, entity_type, entity_id, before, after, request_id,
                           source_ip, user_agent)
    values (${kind}, ${actorUserId(source.actor)}, ${actorLabel(source.actor)}, ${record.action}, ${record.entityType},
            ${record.entityId}, ${record.before === undefined ? null : JSON.stringify(record.before)}::jsonb,
            ${record.after === undefined ? null : JSON.stringify(record.after)}::jsonb, ${source.requestId},
            ${sourceIp}::inet, ${userAgent})`);
}

/**
 * Appends one entry to the audit log inside the caller's transaction, so the entry exists exactly when the write
 * does. The log has no update or delete path: the table refuses them with a trigger, the app's database role has
 * no right to them, and each entry is chained to the previous one by hash (ADR 0023).
 */
export async function recordAudit(tx: DbExecutor, context: AuditSource, record: AuditRecord): Promise<void> {
  await insertEntry(tx, context, 'write', record);
}

/**
 * Records that the actor was served sensitive data (needs, referrals, full survey reports and response exports,
 * an organization's private fields, the audit log). Call it after the access check and the read succeeded, before
 * returning the data; it commits on its own (a read has no transaction to join), and a failure fails the read.
 */
export async function recordAccess(context: AuditSource & { db: Database }, record: AccessRecord): Promise<void> {
  await insertEntry(context.db.orm, context, 'read', { action: record.action, entityType: record.entityType, entityId: record.entityId, after: record.details });
}

/**
 * Records an attempt the app refused (403, or 404 on a record a signed-in user may not see or that does not exist:
 * the two are answered alike on purpose). Called by the HTTP error handler.
 */
export async function recordRefusal(context: AuditSource & { db: Database }, record: AccessRecord): Promise<void> {
  await insertEntry(context.db.orm, context, 'refused', { action: record.action, entityType: record.entityType, entityId: record.entityId, after: record.details });
}
