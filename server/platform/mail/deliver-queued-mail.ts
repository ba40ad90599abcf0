import nodemailer from 'nodemailer';
import { z } from 'zod';
import type { TDeliveryReport } from '../../../common/contracts/mail';
import { assertCan } from '../access/policy';
import { recordAudit } from '../audit/audit';
import { defineJob, JobFailure, type JobHandler } from '../jobs/job-definitions';
import { runDueJobs } from '../jobs/worker';
import { makeQueuedJobsDue } from '../jobs/jobs.repository';
import { inTransaction, type UseCaseContext } from '../use-case';
import { MailActions } from './mail.policy';
import { MAIL_DELIVER_JOB, MAX_DELIVERY_ATTEMPTS, queueDeliveryJobs } from './mail-outbox';
import { countDeliverable, markMailResult, selectDeliverableIds, selectMailSettings, selectMessage, type MailSettingsRow } from './mail.repository';

export { MAX_DELIVERY_ATTEMPTS };

const DEFAULT_LIMIT = 50;

type DeliveryOutcome = 'sent' | 'failed' | 'skipped';

const isConfigured = (settings: MailSettingsRow) => Boolean(settings.host && settings.from);

/** Why the SMTP exchange failed, from nodemailer's error code and the command it failed on, for the jobs page's words. */
export const MAIL_FAILURE_REASONS = {
  recipientRefused: 'mail.recipient-refused',
  senderRefused: 'mail.sender-refused',
  loginRefused: 'mail.login-refused',
  messageRefused: 'mail.message-refused',
  serverUnreachable: 'mail.server-unreachable',
  failed: 'mail.failed',
} as const;

export function mailFailureReason(cause: unknown): string {
  const { code, command } = (typeof cause === 'object' && cause !== null ? cause : {}) as { code?: unknown; command?: unknown };
  if (code === 'EENVELOPE') return command === 'MAIL FROM' ? MAIL_FAILURE_REASONS.senderRefused : MAIL_FAILURE_REASONS.recipientRefused;
  if (code === 'EAUTH' || code === 'ENOAUTH') return MAIL_FAILURE_REASONS.loginRefused;
  if (code === 'EMESSAGE') return MAIL_FAILURE_REASONS.messageRefused;
  if (code === 'ECONNECTION' || code === 'ETIMEDOUT' || code === 'ESOCKET' || code === 'EDNS' || code === 'ETLS' || code === 'EGREETING') return MAIL_FAILURE_REASONS.serverUnreachable;
  return MAIL_FAILURE_REASONS.failed;
}

/**
 * Sends one message of the outbox and marks it sent or failed (with the server's error) in its own audited
 * transaction, after the network call: a message is never held in a transaction while the SMTP server is slow. A
 * message already sent (its job ran again after a worker died between sending and finishing) is skipped.
 */
async function deliverMessage(context: UseCaseContext, mailId: string): Promise<{ outcome: DeliveryOutcome; error: string | null; reason: string | null }> {
  const settings = await selectMailSettings(context.db.orm);
  const message = await selectMessage(context.db.orm, mailId);
  // Without SMTP the message stays queued in the outbox; saving the settings queues its delivery again.
  if (!isConfigured(settings) || !message || message.status === 'sent') return { outcome: 'skipped', error: null, reason: null };
  const transport = nodemailer.createTransport({
    host: settings.host!,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  let error: string | null = null;
  let reason: string | null = null;
  try {
    await transport.sendMail({ from: settings.from!, to: message.to, subject: message.subject, text: message.body });
  } catch (cause) {
    error = (cause instanceof Error ? cause.message : String(cause)).slice(0, 500);
    reason = mailFailureReason(cause);
  } finally {
    transport.close();
  }
  await inTransaction(context, async (tx) => {
    await markMailResult(tx, message.id, error);
    await recordAudit(tx, context, {
      action: error === null ? 'mail.send-message' : 'mail.fail-delivery', entityType: 'mail', entityId: message.id,
      after: { to: message.to, subject: message.subject, topicType: message.topicType, topicId: message.topicId, error },
    });
  });
  return { outcome: error === null ? 'sent' : 'failed', error, reason };
}

/**
 * The `mail.deliver` job: one message per job. A failure throws, so the queue retries it with backoff and, after
 * MAX_DELIVERY_ATTEMPTS, keeps it dead with the SMTP server's error for an administrator.
 */
export function createMailDeliveryJob(onOutcome?: (outcome: DeliveryOutcome) => void): JobHandler {
  return defineJob({
    payload: z.object({ mailId: z.uuid() }),
    async run(payload, job) {
      const { outcome, error, reason } = await deliverMessage(job.context, payload.mailId);
      onOutcome?.(outcome);
      if (outcome === 'failed') throw new JobFailure(reason ?? MAIL_FAILURE_REASONS.failed, `SMTP: ${error}`);
    },
  });
}

/**
 * Sends the outbox now, in this process (`distretto mail deliver`, POST /api/mail/deliver): queues a delivery job for
 * every waiting message that has none, makes the pending ones due despite their backoff, and runs them through the
 * same claims as the workers, so a message a worker holds is not sent twice. Without SMTP settings it sends nothing.
 */
export async function deliverQueuedMail(context: UseCaseContext, options: { limit?: number } = {}): Promise<TDeliveryReport> {
  assertCan(context.actor, MailActions['mail.deliver']);
  const settings = await selectMailSettings(context.db.orm);
  if (!isConfigured(settings)) {
    return { sent: 0, failed: 0, remaining: await countDeliverable(context.db.orm, MAX_DELIVERY_ATTEMPTS) };
  }
  await context.db.transaction(async (tx) => {
    await queueDeliveryJobs(tx, await selectDeliverableIds(tx, MAX_DELIVERY_ATTEMPTS));
    await makeQueuedJobsDue(tx, MAIL_DELIVER_JOB);
  });
  let sent = 0;
  let failed = 0;
  const handler = createMailDeliveryJob((outcome) => {
    if (outcome === 'sent') sent += 1;
    if (outcome === 'failed') failed += 1;
  });
  await runDueJobs(context.db, { registry: new Map([[MAIL_DELIVER_JOB, handler]]), types: [MAIL_DELIVER_JOB], limit: options.limit ?? DEFAULT_LIMIT });
  return { sent, failed, remaining: await countDeliverable(context.db.orm, MAX_DELIVERY_ATTEMPTS) };
}
