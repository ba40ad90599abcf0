import { sql, type SQL } from 'drizzle-orm';
import type { DbExecutor } from '../db/database';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** What the message is about (e.g. 'survey_invitation', 'proposal', 'referral') and its id. */
  topicType: string;
  topicId: string | null;
  /** Whose coordinators may read it in the outbox; null = platform administrators only. */
  districtId: string | null;
}

/**
 * Queues an e-mail in the same transaction as the change that causes it: if the change is rolled back, no message
 * leaves. Delivery (SMTP when configured) happens later; without SMTP the message stays readable in the outbox.
 */
export async function queueMail(tx: DbExecutor, mail: OutgoingMail): Promise<string> {
  const result = await tx.execute<{ id: string }>(sql`
    insert into mail_outbox (to_address, subject, body_text, topic_type, topic_id, district_id)
    values (${mail.to}, ${mail.subject}, ${mail.text}, ${mail.topicType}, ${mail.topicId}, ${mail.districtId})
    returning id`);
  return result.rows[0]!.id;
}

/**
 * The platform's published read of its outbox (issue 12: modules read only what the owner publishes): a subquery
 * with the status and sent time of the latest message queued about one topic, for a module's list to show whether
 * its invitation left. Use it as `left join lateral (${latestMailOfTopicSql(...)}) m on true`.
 */
export function latestMailOfTopicSql(topicType: string, topicId: SQL): SQL {
  return sql`select status, sent_at from mail_outbox mo where mo.topic_type = ${topicType} and mo.topic_id = ${topicId}
             order by mo.created_at desc limit 1`;
}
