import { createHash, randomBytes } from 'node:crypto';
import { ZPasswordResetRequest } from '../../../common/contracts/auth';
import { assertCan } from '../access/policy';
import { recordAudit } from '../audit/audit';
import { parseInput } from '../errors/parse-input';
import { queueMail } from '../mail/mail-outbox';
import { inTransaction, type UseCaseContext } from '../use-case';
import { AuthActions } from './auth.policy';
import { findUserByEmail, insertPasswordResetToken } from './auth.repository';
import { passwordResetMail } from './auth.texts';

export const PASSWORD_RESET_LIFETIME_MS = 60 * 60 * 1000;
export const PASSWORD_RESET_PATH = '/reimposta-password';

export const hashResetToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Mails a single-use link, valid for an hour, to reset the password of the account with this e-mail. The answer is
 * the same whether the account exists or not (no account enumeration, ASVS V6.4): an unknown e-mail costs the same
 * kind of work (a token is generated and hashed, an audit entry written) but no mail is queued.
 */
export async function requestPasswordReset(context: UseCaseContext, rawInput: unknown, options: { baseUrl: string }): Promise<void> {
  assertCan(context.actor, AuthActions['auth.request_password_reset']);
  const input = parseInput(ZPasswordResetRequest, rawInput);
  const user = await findUserByEmail(context.db.orm, input.email);
  const token = randomBytes(32).toString('base64url');
  const tokenHash = hashResetToken(token);
  await inTransaction(context, async (tx) => {
    if (user && user.isActive) {
      await insertPasswordResetToken(tx, { userId: user.id, tokenHash, expiresAt: new Date(Date.now() + PASSWORD_RESET_LIFETIME_MS) });
      const link = `${options.baseUrl}${PASSWORD_RESET_PATH}#${token}`;
      await queueMail(tx, {
        to: user.email,
        ...passwordResetMail(link, user.locale),
        topicType: 'password_reset',
        topicId: user.id,
        districtId: null,
      });
    }
    await recordAudit(tx, context, {
      action: 'auth.request-password-reset',
      entityType: user ? 'user' : 'login',
      entityId: user ? user.id : input.email.toLowerCase(),
      after: { mailed: Boolean(user && user.isActive) },
    });
  });
}
