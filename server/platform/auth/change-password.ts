import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../../../common/domain/limits';
import { assertCan } from '../access/policy';
import { recordAudit } from '../audit/audit';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/parse-input';
import { inTransaction, type UseCaseContext } from '../use-case';
import { AuthActions } from './auth.policy';
import { deleteOtherSessionsOfUser, expireUnusedResetTokens, findUserById, updatePasswordHash } from './auth.repository';
import { assertStrongPassword, hashPassword, verifyPassword } from './password';
import { requireRecentAuthentication } from './require-recent-authentication';
import { hashSessionToken } from './session-token';

const ZChangePasswordInput = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH * 4),
  newPassword: z.string().max(PASSWORD_MAX_LENGTH * 4),
});

/**
 * The signed-in user changes their password (ASVS V6.2.3: the current one is required, and the session must be
 * recently authenticated). Every other session of the user ends; this one stays.
 */
export async function changePassword(context: UseCaseContext, rawInput: unknown, sessionToken: string | null): Promise<{ sessionsEnded: number }> {
  assertCan(context.actor, AuthActions['auth.change_password']);
  requireRecentAuthentication(context.actor);
  const input = parseInput(ZChangePasswordInput, rawInput);
  if (context.actor.kind !== 'user') return { sessionsEnded: 0 };
  const user = await findUserById(context.db.orm, context.actor.userId);
  if (!user) throw new AppError('AUTH.UNAUTHENTICATED', 'Sign in to do this');
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError('AUTH.WRONG_CURRENT_PASSWORD', 'currentPassword: wrong password', { fields: [{ path: 'currentPassword', message: 'wrong password' }] });
  }
  assertStrongPassword(input.newPassword, 'newPassword', { email: user.email });
  if (input.newPassword === input.currentPassword) {
    throw new AppError('USERS.WEAK_PASSWORD', 'newPassword: must differ from the current password', {
      fields: [{ path: 'newPassword', message: 'must differ from the current password' }],
      problem: 'unchanged',
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return inTransaction(context, async (tx) => {
    await updatePasswordHash(tx, user.id, passwordHash);
    await expireUnusedResetTokens(tx, user.id);
    const sessionsEnded = await deleteOtherSessionsOfUser(tx, user.id, sessionToken ? hashSessionToken(sessionToken) : null);
    await recordAudit(tx, context, { action: 'auth.change-password', entityType: 'user', entityId: user.id, after: { sessionsEnded } });
    return { sessionsEnded };
  });
}
