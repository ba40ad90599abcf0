import type { DbExecutor } from '../db/database';
import { advanceTotpCounter, consumeRecoveryCode, findTotp } from './auth.repository';
import { hashRecoveryCode, isRecoveryCodeShape, totpCounterOf } from './totp';

export type SecondFactorOutcome = 'not-enrolled' | 'missing' | 'valid' | 'invalid';

/**
 * Checks the second factor of a user who enabled TOTP: a current authenticator code (refused when its time step was
 * already used: no replay within the window) or an unused recovery code (spent by this call).
 */
export async function checkSecondFactor(db: DbExecutor, user: { id: string; email: string }, code: string | null | undefined): Promise<SecondFactorOutcome> {
  const totp = await findTotp(db, user.id);
  if (!totp?.confirmedAt) return 'not-enrolled';
  if (!code?.trim()) return 'missing';
  if (isRecoveryCodeShape(code) && !/^\d+$/.test(code.trim())) {
    return (await consumeRecoveryCode(db, user.id, hashRecoveryCode(code))) ? 'valid' : 'invalid';
  }
  const counter = totpCounterOf(totp.secret, user.email, code);
  if (counter === null) return 'invalid';
  return (await advanceTotpCounter(db, user.id, counter)) ? 'valid' : 'invalid';
}
