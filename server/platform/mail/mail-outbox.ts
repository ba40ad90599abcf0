import { sql } from 'drizzle-orm';
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
