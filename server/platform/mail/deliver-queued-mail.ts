import nodemailer from 'nodemailer';
import type { TDeliveryReport } from '../../../common/contracts/mail';
import { assertCan } from '../access/policy';
import { recordAudit } from '../audit/audit';
import { inTransaction, type UseCaseContext } from '../use-case';
import { MailActions } from './mail.policy';
import { countDeliverable, markMailResult, selectDeliverable, selectMailSettings } from './mail.repository';

/** A failed message is retried on the next runs, this many attempts in all, then left failed for a human. */
export const MAX_DELIVERY_ATTEMPTS = 5;
const BATCH = 50;

/**
 * Sends queued messages through the configured SMTP server and marks each sent or failed (with the server's
 * error), each in its own audited transaction: a message is never held in a transaction while the network is slow.
 * Without SMTP settings it sends nothing and the messages stay in the outbox.
 */
export async function deliverQueuedMail(context: UseCaseContext, options: { limit?: number } = {}): Promise<TDeliveryReport> {
  assertCan(context.actor, MailActions['mail.deliver']);
  const settings = await selectMailSettings(context.db.orm);
  if (!settings.host || !settings.from) {
    return { sent: 0, failed: 0, remaining: await countDeliverable(context.db.orm, MAX_DELIVERY_ATTEMPTS) };
  }
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  let sent = 0;
  let failed = 0;
  try {
    const messages = await selectDeliverable(context.db.orm, options.limit ?? BATCH, MAX_DELIVERY_ATTEMPTS);
    for (const message of messages) {
      let error: string | null = null;
      try {
        await transport.sendMail({ from: settings.from, to: message.to, subject: message.subject, text: message.body });
      } catch (cause) {
        error = (cause instanceof Error ? cause.message : String(cause)).slice(0, 500);
      }
      await inTransaction(context, async (tx) => {
        await markMailResult(tx, message.id, error);
        await recordAudit(tx, context, {
          action: error === null ? 'mail.sent' : 'mail.failed', entityType: 'mail', entityId: message.id,
          after: { to: message.to, subject: message.subject, topicType: message.topicType, topicId: message.topicId, error },
        });
      });
      if (error === null) sent += 1;
      else failed += 1;
    }
  } finally {
    transport.close();
  }
  return { sent, failed, remaining: await countDeliverable(context.db.orm, MAX_DELIVERY_ATTEMPTS) };
}

/**
 * Delivers the outbox every `intervalMs` while the server runs (one run at a time); returns a stop function.
 * Errors are reported, never thrown: a down SMTP server must not stop the platform.
 */
export function startMailSender(context: UseCaseContext, intervalMs: number, report: (message: string) => void): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    deliverQueuedMail(context)
      .then((result) => {
        if (result.sent + result.failed > 0) report(`Mail: ${result.sent} sent, ${result.failed} failed, ${result.remaining} waiting`);
      })
      .catch((error: unknown) => report(`Mail delivery failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
