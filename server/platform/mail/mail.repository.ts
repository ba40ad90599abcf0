import { sql, type SQL } from 'drizzle-orm';
import type { TOutboxMessage } from '../../../common/contracts/mail';
import type { DbExecutor } from '../db/database';

export interface MailSettingsRow {
  host: string | null;
  port: number;
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string | null;
  publicBaseUrl: string | null;
  version: number;
}

export async function selectMailSettings(db: DbExecutor): Promise<MailSettingsRow> {
  const result = await db.execute<{
    smtp_host: string | null; smtp_port: number; smtp_secure: boolean; smtp_user: string | null; smtp_password: string | null;
    from_address: string | null; public_base_url: string | null; version: number;
  }>(sql`select smtp_host, smtp_port, smtp_secure, smtp_user, smtp_password, from_address, public_base_url, version
         from mail_settings where id = 1`);
  const row = result.rows[0]!;
  return {
    host: row.smtp_host, port: row.smtp_port, secure: row.smtp_secure, user: row.smtp_user, password: row.smtp_password,
    from: row.from_address, publicBaseUrl: row.public_base_url, version: row.version,
  };
}

export async function updateMailSettingsIfVersion(db: DbExecutor, expectedVersion: number, values: Omit<MailSettingsRow, 'version'>): Promise<boolean> {
  const result = await db.execute(sql`
    update mail_settings set smtp_host = ${values.host}, smtp_port = ${values.port}, smtp_secure = ${values.secure},
      smtp_user = ${values.user}, smtp_password = ${values.password}, from_address = ${values.from},
      public_base_url = ${values.publicBaseUrl}, version = version + 1, updated_at = now()
    where id = 1 and version = ${expectedVersion} returning version`);
  return result.rows.length > 0;
}

type OutboxRow = {
  id: string; to_address: string; subject: string; body_text: string; topic_type: string; topic_id: string | null;
  status: 'queued' | 'sent' | 'failed'; attempts: number; last_error: string | null; created_at: string | Date; sent_at: string | Date | null;
};

const iso = (value: string | Date) => new Date(value).toISOString();

function toMessage(row: OutboxRow): TOutboxMessage {
  return {
    id: row.id, to: row.to_address, subject: row.subject, body: row.body_text, topicType: row.topic_type, topicId: row.topic_id,
    status: row.status, attempts: row.attempts, lastError: row.last_error, createdAt: iso(row.created_at),
    sentAt: row.sent_at === null ? null : iso(row.sent_at),
  };
}

export interface OutboxFilter {
  /** null: every district (platform administrators); else messages of these districts only. */
  districtIds: string[] | null;
  topicType?: string;
  topicId?: string;
  status?: string;
  after?: { createdAt: string; id: string };
  limit: number;
}

/** Newest first, keyset-paged on (created_at, id). */
export async function selectOutboxPage(db: DbExecutor, filter: OutboxFilter): Promise<TOutboxMessage[]> {
  const conditions: SQL[] = [sql`true`];
  if (filter.districtIds !== null) conditions.push(sql`district_id = any(${sql.param(filter.districtIds)}::uuid[])`);
  if (filter.topicType) conditions.push(sql`topic_type = ${filter.topicType}`);
  if (filter.topicId) conditions.push(sql`topic_id = ${filter.topicId}`);
  if (filter.status) conditions.push(sql`status = ${filter.status}`);
  if (filter.after) conditions.push(sql`(created_at, id) < (${filter.after.createdAt}::timestamptz, ${filter.after.id}::uuid)`);
  const result = await db.execute<OutboxRow>(sql`
    select id, to_address, subject, body_text, topic_type, topic_id, status, attempts, last_error, created_at, sent_at
    from mail_outbox where ${sql.join(conditions, sql` and `)}
    order by created_at desc, id desc limit ${filter.limit}`);
  return result.rows.map(toMessage);
}

/** The oldest queued messages (failed ones are retried up to `maxAttempts`). */
export async function selectDeliverable(db: DbExecutor, limit: number, maxAttempts: number): Promise<TOutboxMessage[]> {
  const result = await db.execute<OutboxRow>(sql`
    select id, to_address, subject, body_text, topic_type, topic_id, status, attempts, last_error, created_at, sent_at
    from mail_outbox where status = 'queued' or (status = 'failed' and attempts < ${maxAttempts})
    order by created_at, id limit ${limit}`);
  return result.rows.map(toMessage);
}

export async function markMailResult(db: DbExecutor, id: string, error: string | null): Promise<void> {
  await db.execute(sql`
    update mail_outbox set attempts = attempts + 1,
      status = ${error === null ? 'sent' : 'failed'}, last_error = ${error}, sent_at = ${error === null ? sql`now()` : sql`null`}
    where id = ${id}`);
}

export async function countDeliverable(db: DbExecutor, maxAttempts: number): Promise<number> {
  const result = await db.execute<{ count: number }>(sql`
    select count(*)::int as count from mail_outbox where status = 'queued' or (status = 'failed' and attempts < ${maxAttempts})`);
  return result.rows[0]!.count;
}

export async function selectMessage(db: DbExecutor, id: string): Promise<TOutboxMessage | null> {
  const result = await db.execute<OutboxRow>(sql`
    select id, to_address, subject, body_text, topic_type, topic_id, status, attempts, last_error, created_at, sent_at
    from mail_outbox where id = ${id}`);
  return result.rows[0] ? toMessage(result.rows[0]) : null;
}

/** Ids of the messages still to send (queued, or failed with attempts left). */
export async function selectDeliverableIds(db: DbExecutor, maxAttempts: number): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    select id from mail_outbox where status = 'queued' or (status = 'failed' and attempts < ${maxAttempts}) order by created_at, id`);
  return result.rows.map((row) => row.id);
}

/** Per district: messages the mail server refused (status failed), for the coordinators' home. */
export async function selectFailedMailCounts(db: DbExecutor, districtIds: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (districtIds.length === 0) return counts;
  const result = await db.execute<{ district_id: string; count: number }>(sql`
    select district_id, count(*)::int as count from mail_outbox
    where status = 'failed' and district_id = any(${sql.param(districtIds)}::uuid[])
    group by district_id`);
  for (const row of result.rows) counts.set(row.district_id, row.count);
  return counts;
}
