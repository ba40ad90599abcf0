import { LOGIN_LOCKOUT_MINUTES, LOGIN_MAX_FAILED_ATTEMPTS } from '../../../common/domain/limits';
import { assertCan } from '../access/policy';
import { recordAudit } from '../audit/audit';
import { AppError } from '../errors/app-error';
import { inTransaction, type UseCaseContext } from '../use-case';
import { AuthActions } from './auth.policy';
import { clearFailedLogins, deleteSession, findUserByEmail, insertSession, recordFailedLogin } from './auth.repository';
import { DUMMY_PASSWORD_HASH_PROMISE, verifyPassword } from './password';
import { hashSessionToken, newCsrfToken, newSessionToken, SESSION_IDLE_MS } from './session-token';

export interface LoginInput {
  email: string;
  password: string;
  /** The session cookie the browser already had, if any: it is ended, so a login always gets a new session id. */
  previousToken: string | null;
  userAgent: string | null;
  ipAddress: string | null;
}

export interface LoginResult {
  token: string;
  userId: string;
  expiresAt: Date;
}

/**
 * Checks e-mail and password and opens a new server session. After LOGIN_MAX_FAILED_ATTEMPTS wrong passwords the
 * account is locked for LOGIN_LOCKOUT_MINUTES; failed attempts, lockouts and logins are all audited.
 */
export async function login(context: UseCaseContext, input: LoginInput): Promise<LoginResult> {
  assertCan(context.actor, AuthActions['auth.login']);
  const user = await findUserByEmail(context.db.orm, input.email);
  if (!user || !user.isActive) {
    await verifyPassword(input.password, await DUMMY_PASSWORD_HASH_PROMISE); // same timing as a real check
    throw new AppError('AUTH.INVALID_CREDENTIALS', 'Wrong e-mail or password');
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    throw new AppError('AUTH.LOCKED', 'Too many failed attempts: the account is locked for a while', {
      lockedUntil: user.lockedUntil.toISOString(),
    });
  }
  const auditContext = { actor: context.actor, requestId: context.requestId };
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    const outcome = await inTransaction(context, async (tx) => {
      const counted = await recordFailedLogin(tx, user.id, LOGIN_MAX_FAILED_ATTEMPTS, LOGIN_LOCKOUT_MINUTES);
      const isNowLocked = counted.lockedUntil !== null && counted.failedLoginCount >= LOGIN_MAX_FAILED_ATTEMPTS;
      await recordAudit(tx, auditContext, {
        action: isNowLocked ? 'auth.locked' : 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        after: { failedLoginCount: counted.failedLoginCount, lockedUntil: counted.lockedUntil?.toISOString() ?? null },
      });
      return { ...counted, isNowLocked };
    });
    if (outcome.isNowLocked) {
      throw new AppError('AUTH.LOCKED', 'Too many failed attempts: the account is locked for a while', {
        lockedUntil: outcome.lockedUntil!.toISOString(),
      });
    }
    throw new AppError('AUTH.INVALID_CREDENTIALS', 'Wrong e-mail or password');
  }

  const token = newSessionToken();
  const expiresAt = new Date(Date.now() + SESSION_IDLE_MS);
  await inTransaction(context, async (tx) => {
    if (input.previousToken) await deleteSession(tx, hashSessionToken(input.previousToken));
    await clearFailedLogins(tx, user.id);
    await insertSession(tx, {
      tokenHash: hashSessionToken(token),
      userId: user.id,
      csrfToken: newCsrfToken(),
      expiresAt,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
      ipAddress: input.ipAddress,
    });
    await recordAudit(tx, { actor: { kind: 'user', userId: user.id, email: user.email, grants: [] }, requestId: context.requestId }, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
    });
  });
  return { token, userId: user.id, expiresAt };
}
