import { assertCan } from '../access/policy';
import { recordAudit } from '../audit/audit';
import type { LoginThrottlePolicy, SessionPolicy } from '../config/config';
import { AppError } from '../errors/app-error';
import { inTransaction, type UseCaseContext } from '../use-case';
import { AuthActions } from './auth.policy';
import { deleteSession, findUserByEmail, insertSession } from './auth.repository';
import { clearLoginFailures, recordLoginFailure, secondsUntilAllowed, throttleKeys, type ThrottleKey } from './login-throttles.repository';
import { DUMMY_PASSWORD_HASH_PROMISE, verifyPassword } from './password';
import { checkSecondFactor } from './second-factor';
import { absoluteMs, hashSessionToken, idleMs, newCsrfToken, newSessionToken } from './session-token';

export interface LoginInput {
  email: string;
  password: string;
  /** A TOTP or recovery code, for users who enabled the second factor. */
  totpCode?: string | null;
  /** The session cookie the browser already had, if any: it is ended, so a login always gets a new session id. */
  previousToken: string | null;
  userAgent: string | null;
  ipAddress: string | null;
}

export interface LoginPolicies {
  sessions: SessionPolicy;
  loginThrottle: LoginThrottlePolicy;
}

export interface LoginResult {
  token: string;
  userId: string;
  expiresAt: Date;
}

export function throttled(retryAfterSeconds: number): AppError {
  return new AppError('AUTH.THROTTLED', `Too many failed attempts: wait ${retryAfterSeconds} s and try again`, { retryAfterSeconds });
}

/** Counts a failed attempt on every throttle key and audits it, for known and unknown e-mails alike. */
export async function recordFailedAttempt(
  context: UseCaseContext,
  keys: ThrottleKey[],
  subject: { userId: string | null; email: string },
  reason: string,
): Promise<void> {
  await inTransaction(context, async (tx) => {
    await recordLoginFailure(tx, keys);
    await recordAudit(tx, context, {
      action: 'auth.fail-sign-in',
      entityType: subject.userId ? 'user' : 'login',
      entityId: subject.userId ?? subject.email.trim().toLowerCase().slice(0, 320),
      after: { reason },
    });
  });
}

/**
 * Checks e-mail, password (and the TOTP code when the user enabled it) and opens a new server session. Failed
 * attempts are throttled per e-mail, per address and per e-mail from one address, with growing delays instead of a
 * lock (ADR 0022). A known and an unknown e-mail get the same answers, the same writes and the same password-hash
 * time; only a right password reveals that a second factor is expected.
 */
export async function login(context: UseCaseContext, input: LoginInput, policies: LoginPolicies): Promise<LoginResult> {
  assertCan(context.actor, AuthActions['auth.login']);
  const keys = throttleKeys(input.email, input.ipAddress, policies.loginThrottle);
  const wait = await secondsUntilAllowed(context.db.orm, keys);
  if (wait > 0) throw throttled(wait);

  const user = await findUserByEmail(context.db.orm, input.email);
  const usable = user !== null && user.isActive;
  // Always one scrypt: a deactivated or unknown account costs the same time as a wrong password.
  const isPasswordRight = await verifyPassword(input.password, usable ? user.passwordHash : await DUMMY_PASSWORD_HASH_PROMISE);
  if (!usable || !isPasswordRight) {
    await recordFailedAttempt(context, keys, { userId: usable ? user.id : null, email: input.email }, 'password');
    throw new AppError('AUTH.INVALID_CREDENTIALS', 'Wrong e-mail or password');
  }

  const secondFactor = await checkSecondFactor(context.db.orm, user, input.totpCode);
  if (secondFactor === 'missing') throw new AppError('AUTH.TOTP_REQUIRED', 'Enter the code of your authenticator app');
  if (secondFactor === 'invalid') {
    await recordFailedAttempt(context, keys, { userId: user.id, email: input.email }, 'totp');
    throw new AppError('AUTH.TOTP_INVALID', 'The code is wrong, expired or already used');
  }

  const token = newSessionToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + Math.min(idleMs(policies.sessions), absoluteMs(policies.sessions)));
  await inTransaction(context, async (tx) => {
    if (input.previousToken) await deleteSession(tx, hashSessionToken(input.previousToken));
    await clearLoginFailures(tx, keys);
    await insertSession(tx, {
      tokenHash: hashSessionToken(token),
      userId: user.id,
      csrfToken: newCsrfToken(),
      expiresAt,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
      ipAddress: input.ipAddress,
      now,
    });
    await recordAudit(tx, { ...context, actor: { kind: 'user', userId: user.id, email: user.email, grants: [] } }, {
      action: 'auth.sign-in',
      entityType: 'user',
      entityId: user.id,
      after: { secondFactor: secondFactor === 'valid' },
    });
  });
  return { token, userId: user.id, expiresAt };
}
