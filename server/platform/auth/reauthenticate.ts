import { assertCan } from '../access/policy';
import { recordAudit } from '../audit/audit';
import type { LoginThrottlePolicy } from '../config/config';
import { AppError } from '../errors/app-error';
import { inTransaction, type UseCaseContext } from '../use-case';
import { AuthActions } from './auth.policy';
import { findUserById, markSessionAuthenticated } from './auth.repository';
import { recordFailedAttempt, throttled } from './login';
import { clearLoginFailures, secondsUntilAllowed, throttleKeys } from './login-throttles.repository';
import { verifyPassword } from './password';
import { checkSecondFactor } from './second-factor';
import { hashSessionToken } from './session-token';

/**
 * Proves the password (and the TOTP code when enabled) again in the current session, so that sensitive acts are
 * allowed for the next DISTRETTO_REAUTHENTICATION_MINUTES. Wrong passwords are throttled like sign-ins.
 */
export async function reauthenticate(
  context: UseCaseContext,
  input: { password: string; totpCode?: string | null; sessionToken: string; ipAddress: string | null },
  throttlePolicy: LoginThrottlePolicy,
): Promise<void> {
  assertCan(context.actor, AuthActions['auth.reauthenticate']);
  if (context.actor.kind !== 'user') return;
  const user = await findUserById(context.db.orm, context.actor.userId);
  if (!user) throw new AppError('AUTH.UNAUTHENTICATED', 'Sign in to do this');
  const keys = throttleKeys(user.email, input.ipAddress, throttlePolicy);
  const wait = await secondsUntilAllowed(context.db.orm, keys);
  if (wait > 0) throw throttled(wait);
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    await recordFailedAttempt(context, keys, { userId: user.id, email: user.email }, 'reauthentication');
    throw new AppError('AUTH.WRONG_CURRENT_PASSWORD', 'The password is wrong', { fields: [{ path: 'password', message: 'wrong password' }] });
  }
  const secondFactor = await checkSecondFactor(context.db.orm, user, input.totpCode);
  if (secondFactor === 'missing') throw new AppError('AUTH.TOTP_REQUIRED', 'Enter the code of your authenticator app');
  if (secondFactor === 'invalid') {
    await recordFailedAttempt(context, keys, { userId: user.id, email: user.email }, 'totp');
    throw new AppError('AUTH.TOTP_INVALID', 'The code is wrong, expired or already used');
  }
  await inTransaction(context, async (tx) => {
    await markSessionAuthenticated(tx, hashSessionToken(input.sessionToken), new Date());
    await clearLoginFailures(tx, keys);
    await recordAudit(tx, context, { action: 'auth.confirm-identity', entityType: 'user', entityId: user.id });
  });
}
