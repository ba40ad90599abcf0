import { sql, type SQL } from 'drizzle-orm';
import type { DbExecutor } from '../db/database';
import { enqueueJob, enqueueJobs } from '../jobs/enqueue-job';

/** The job that sends one message of the outbox (server/platform/mail/mail.jobs.ts). */
export const MAIL_DELIVER_JOB = 'mail.deliver';
/** A failed message is retried with backoff, this many attempts in all, then left failed for a human. */
export const MAX_DELIVERY_ATTEMPTS = 5;

/** One job per message, keyed by it, so queueing its delivery twice while one is pending does nothing. */
export function deliveryJobOf(mailId: string) {
  return { type: MAIL_DELIVER_JOB, payload: { mailId }, maxAttempts: MAX_DELIVERY_ATTEMPTS, uniqueKey: `mail:${mailId}` };
}

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
 * leaves. Its delivery is a `mail.deliver` job of the same transaction, which one worker claims (however many
 * processes run); without SMTP the message stays readable in the outbox until settings are saved.
 */
export async function queueMail(tx: DbExecutor, mail: OutgoingMail): Promise<string> {
  const result = await tx.execute<{ id: string }>(sql`
    insert into mail_outbox (to_address, subject, body_text, topic_type, topic_id, district_id)
    values (${mail.to}, ${mail.subject}, ${mail.text}, ${mail.topicType}, ${mail.topicId}, ${mail.districtId})
    returning id`);
  const id = result.rows[0]!.id;
  await enqueueJob(tx, deliveryJobOf(id));
  return id;
}

/** Queues a delivery job for each of these messages that has none pending (after SMTP settings are saved, or by hand). */
export async function queueDeliveryJobs(tx: DbExecutor, mailIds: string[]): Promise<number> {
  return enqueueJobs(tx, mailIds.map(deliveryJobOf));
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
