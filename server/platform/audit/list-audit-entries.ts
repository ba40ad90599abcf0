import { sql, type SQL } from 'drizzle-orm';
import type { TAuditEntry, TAuditKind, TAuditQuery } from '../../../common/contracts/audit';
import { storedNamesOf } from '../../../common/contracts/audit-action-catalog';
import { assertCan } from '../access/policy';
import { fieldError } from '../errors/app-error';
import type { UseCaseContext } from '../use-case';
import { recordAccess } from './audit';
import { AuditActions } from './audit.policy';

type AuditRow = {
  id: number;
  seq: number;
  kind: TAuditKind;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  request_id: string | null;
  source_ip: string | null;
  user_agent: string | null;
};

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * Browses the audit log newest first, filtered, with keyset pages on the id (platform admins). Reading the log is
 * itself recorded: who looked at whose traces is part of the trail.
 */
export async function listAuditEntries(
  context: UseCaseContext,
  query: TAuditQuery,
): Promise<{ items: TAuditEntry[]; nextCursor: string | null }> {
  assertCan(context.actor, AuditActions['audit.read']);
  const conditions: SQL[] = [sql`true`];
  if (query.kind) conditions.push(sql`kind = ${query.kind}`);
  if (query.entityType) conditions.push(sql`entity_type = ${query.entityType}`);
  if (query.entityId) conditions.push(sql`entity_id = ${query.entityId}`);
  // A renamed action's older rows keep their name (the chain is never rewritten): the filter matches every name it had.
  if (query.action) conditions.push(sql`action in (${sql.join(storedNamesOf(query.action).map((name) => sql`${name}`), sql`, `)})`);
  if (query.actorUserId) {
    if (!/^[0-9a-f-]{36}$/i.test(query.actorUserId)) throw fieldError('actorUserId', 'must be a user id');
    conditions.push(sql`actor_user_id = ${query.actorUserId}::uuid`);
  }
  if (query.actor?.trim()) conditions.push(sql`actor_label ilike ${likePattern(query.actor.trim())}`);
  if (query.from) conditions.push(sql`occurred_at >= ${query.from}::timestamptz`);
  if (query.to) conditions.push(sql`occurred_at < ${query.to}::timestamptz`);
  if (query.cursor) {
    const beforeId = Number(query.cursor);
    if (!Number.isSafeInteger(beforeId)) throw fieldError('cursor', 'is not a cursor this endpoint returned');
    conditions.push(sql`id < ${beforeId}`);
  }
  const result = await context.db.orm.execute<AuditRow>(sql`
    select id, seq, kind, occurred_at, actor_user_id, actor_label, action, entity_type, entity_id, before, after,
           request_id, host(source_ip) as source_ip, user_agent
    from audit_log where ${sql.join(conditions, sql` and `)}
    order by id desc limit ${query.limit + 1}`);
  const rows = result.rows.slice(0, query.limit);
  const { cursor: _cursor, limit: _limit, ...filters } = query;
  await recordAccess(context, { action: 'audit.read-log', entityType: 'audit_log', entityId: 'list', details: { filters, served: rows.length } });
  return {
    items: rows.map((row) => ({
      id: String(row.id),
      seq: String(row.seq),
      kind: row.kind,
      occurredAt: new Date(row.occurred_at).toISOString(),
      actorUserId: row.actor_user_id,
      actorLabel: row.actor_label,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      before: row.before ?? null,
      after: row.after ?? null,
      requestId: row.request_id,
      sourceIp: row.source_ip,
      userAgent: row.user_agent,
    })),
    nextCursor: result.rows.length > query.limit ? String(rows.at(-1)!.id) : null,
  };
}
