import { randomBytes } from 'node:crypto';
import { recordAudit } from '../audit/audit';
import type { DbExecutor } from '../db/database';
import { queueMail } from '../mail/mail-outbox';
import type { UseCaseContext } from '../use-case';
import { findUserByEmail, insertGrant, insertPasswordResetToken, insertUser } from './auth.repository';
import { welcomeAdminMail } from './auth.texts';
import { hashResetToken, PASSWORD_RESET_PATH } from './request-password-reset';

/** A welcome link lives longer than a reset link (an hour): the new admin may read the mail days later. */
export const WELCOME_LINK_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
/** Stored instead of a hash: verifyPassword refuses anything that is not a scrypt hash, so nobody signs in with it. */
export const NO_PASSWORD_YET = '!no-password-yet';
/** The outbox topic of the welcome mail; it carries a set-password link, so only platform admins read it (district null). */
export const ACCOUNT_WELCOME_TOPIC = 'account_welcome';

/**
 * A named write for the organizations module (a module may not touch the users table itself): creates the account of
 * a newly registered organization's admin without a usable password, gives it the admin role and queues, in the
 * caller's transaction, a welcome mail whose link sets the first password (the password-reset mechanism, with a
 * longer-lived token). An address that already has an account is refused: that person is invited instead, and the
 * role is theirs only if they accept. The caller has checked its actor's right; this records its own audit entries.
 */
export async function createOrganizationAdminAccount(
  tx: DbExecutor,
  context: UseCaseContext,
  input: { email: string; organizationId: string; organizationName: string; locale: 'it' | 'en'; baseUrl: string },
): Promise<{ userId: string }> {
  if (await findUserByEmail(tx, input.email)) throw new Error('createOrganizationAdminAccount: this address already has an account; invite it instead');
  const user = await insertUser(tx, { email: input.email, displayName: input.email, passwordHash: NO_PASSWORD_YET, locale: input.locale });
  const token = randomBytes(32).toString('base64url');
  await insertPasswordResetToken(tx, { userId: user.id, tokenHash: hashResetToken(token), expiresAt: new Date(Date.now() + WELCOME_LINK_LIFETIME_MS) });
  await queueMail(tx, {
    to: user.email,
    ...welcomeAdminMail(`${input.baseUrl}${PASSWORD_RESET_PATH}#${token}`, input.organizationName, user.email, user.locale),
    topicType: ACCOUNT_WELCOME_TOPIC,
    topicId: user.id,
    districtId: null,
  });
  await recordAudit(tx, context, {
    action: 'users.create-user',
    entityType: 'user',
    entityId: user.id,
    after: { email: user.email, displayName: user.displayName, locale: user.locale, hasPassword: false, welcomeMailed: true },
  });
  const grant = await insertGrant(tx, { userId: user.id, role: 'organization_admin', organizationId: input.organizationId });
  if (grant) {
    await recordAudit(tx, context, {
      action: 'users.grant-role',
      entityType: 'user',
      entityId: user.id,
      after: { grantId: grant.id, role: 'organization_admin', districtId: null, organizationId: input.organizationId },
    });
  }
  return { userId: user.id };
}
