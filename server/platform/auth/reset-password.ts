import { ZPasswordResetCompletion } from '../../../common/contracts/auth';
import { assertCan } from '../access/policy';
import { recordAudit } from '../audit/audit';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/parse-input';
import { inTransaction, type UseCaseContext } from '../use-case';
import { AuthActions } from './auth.policy';
import { consumePasswordResetToken, deleteOtherSessionsOfUser, expireUnusedResetTokens, findUsablePasswordResetToken, updatePasswordHash } from './auth.repository';
import { assertStrongPassword, hashPassword } from './password';
import { hashResetToken } from './request-password-reset';

const invalidLink = () => new AppError('AUTH.RESET_LINK_INVALID', 'This reset link is expired, already used or wrong; ask for a new one');

/** Whether a reset link still works, and for which e-mail (the page shows it, so the user knows which account). */
export async function checkPasswordResetLink(context: UseCaseContext, token: string): Promise<{ email: string }> {
  assertCan(context.actor, AuthActions['auth.reset_password']);
  const found = await findUsablePasswordResetToken(context.db.orm, hashResetToken(token));
  if (!found) throw invalidLink();
  return found;
}

/**
 * Sets a new password from a mailed link: the link works once (used in the same statement that checks it), within
 * its hour, and every session of the user ends — whoever had the old password is signed out everywhere.
 */
export async function resetPassword(context: UseCaseContext, rawInput: unknown): Promise<void> {
  assertCan(context.actor, AuthActions['auth.reset_password']);
  const input = parseInput(ZPasswordResetCompletion, rawInput);
  const tokenHash = hashResetToken(input.token);
  const usable = await findUsablePasswordResetToken(context.db.orm, tokenHash);
  if (!usable) throw invalidLink();
  assertStrongPassword(input.newPassword, 'newPassword', { email: usable.email });
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(context, async (tx) => {
    const consumed = await consumePasswordResetToken(tx, tokenHash);
    if (!consumed) throw invalidLink();
    await updatePasswordHash(tx, consumed.userId, passwordHash);
    await expireUnusedResetTokens(tx, consumed.userId);
    const sessionsEnded = await deleteOtherSessionsOfUser(tx, consumed.userId, null);
    await recordAudit(tx, context, { action: 'auth.reset-password', entityType: 'user', entityId: consumed.userId, after: { sessionsEnded } });
  });
}
