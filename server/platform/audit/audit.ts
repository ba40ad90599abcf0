import { sql } from 'drizzle-orm';
import type { DbExecutor } from '../db/database';
import { actorLabel, actorUserId, type Actor } from '../access/actor';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one entry to the audit log inside the caller's transaction, so the entry exists exactly when the write
 * does. The log has no update or delete path: the table refuses them with a trigger.
 */
export async function recordAudit(
  tx: DbExecutor,
  context: { actor: Actor; requestId: string | null },
  record: AuditRecord,
): Promise<void> {
  await tx.execute(sql`
    insert into audit_log (actor_user_id, actor_label, action, entity_type, entity_id, before, after, request_id)
    values (${actorUserId(context.actor)}, ${actorLabel(context.actor)}, ${record.action}, ${record.entityType},
            ${record.entityId}, ${record.before === undefined ? null : JSON.stringify(record.before)}::jsonb,
            ${record.after === undefined ? null : JSON.stringify(record.after)}::jsonb, ${context.requestId})`);
}
