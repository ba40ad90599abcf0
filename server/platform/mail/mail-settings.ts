import type { TMailSettings, TMailSettingsUpdate } from '../../../common/contracts/mail';
import { ZMailSettingsUpdate } from '../../../common/contracts/mail';
import { assertCan } from '../access/policy';
import { recordAudit } from '../audit/audit';
import { staleVersion } from '../errors/app-error';
import { parseInput } from '../errors/parse-input';
import { inTransaction, type UseCaseContext } from '../use-case';
import { MailActions } from './mail.policy';
import { selectDeliverableIds, selectMailSettings, updateMailSettingsIfVersion, type MailSettingsRow } from './mail.repository';
import { MAX_DELIVERY_ATTEMPTS, queueDeliveryJobs } from './mail-outbox';

/** What the API shows: never the password, only whether one is stored. */
function present(row: MailSettingsRow): TMailSettings {
  return {
    host: row.host, port: row.port, secure: row.secure, user: row.user, hasPassword: row.password !== null, from: row.from,
    publicBaseUrl: row.publicBaseUrl, isConfigured: row.host !== null && row.from !== null, version: row.version,
  };
}

/** SMTP settings (platform administrators). */
export async function getMailSettings(context: UseCaseContext): Promise<TMailSettings> {
  assertCan(context.actor, MailActions['mail.settings.read']);
  return present(await selectMailSettings(context.db.orm));
}

/** Changes the SMTP settings; the audit entry records that the password changed, never the password. */
export async function updateMailSettings(context: UseCaseContext, rawInput: TMailSettingsUpdate): Promise<TMailSettings> {
  assertCan(context.actor, MailActions['mail.settings.update']);
  const input = parseInput(ZMailSettingsUpdate, rawInput);
  return inTransaction(context, async (tx) => {
    const current = await selectMailSettings(tx);
    const next = {
      host: input.host === undefined ? current.host : input.host,
      port: input.port ?? current.port,
      secure: input.secure ?? current.secure,
      user: input.user === undefined ? current.user : input.user,
      password: input.password === undefined ? current.password : input.password,
      from: input.from === undefined ? current.from : input.from,
      publicBaseUrl: input.publicBaseUrl === undefined ? current.publicBaseUrl : input.publicBaseUrl?.replace(/\/+$/, '') ?? null,
    };
    if (!(await updateMailSettingsIfVersion(tx, input.version, next))) throw staleVersion('mail settings', 'platform', input.version, current.version);
    const after = present(await selectMailSettings(tx));
    // Messages queued while SMTP was missing had their delivery job skip them: queue them again now that it is set.
    if (after.isConfigured) await queueDeliveryJobs(tx, await selectDeliverableIds(tx, MAX_DELIVERY_ATTEMPTS));
    await recordAudit(tx, context, {
      action: 'mail.update-settings', entityType: 'settings', entityId: 'mail', before: present(current),
      after: { ...after, passwordChanged: input.password !== undefined },
    });
    return after;
  });
}

/**
 * The address links in e-mails start with: the platform's public address (DISTRETTO_PUBLIC_URL, checked at start-up),
 * else the one administrators saved in the mail settings, else the caller's (a request's origin).
 */
export async function mailLinkBase(context: UseCaseContext, sources: { publicUrl: string | null; requestOrigin: string }): Promise<string> {
  if (sources.publicUrl) return sources.publicUrl.replace(/\/+$/, '');
  return (await selectMailSettings(context.db.orm)).publicBaseUrl ?? sources.requestOrigin.replace(/\/+$/, '');
}
