import { ZTotpConfirmRequest, type TRecoveryCodes, type TTotpEnrolment, type TTotpStatus } from '../../../common/contracts/auth';
import { assertCan } from '../access/policy';
import { recordAudit } from '../audit/audit';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/parse-input';
import { inTransaction, type UseCaseContext } from '../use-case';
import { AuthActions, mayUseTotp } from './auth.policy';
import { confirmTotp, countUnusedRecoveryCodes, deleteTotp, findTotp, replaceRecoveryCodes, saveUnconfirmedTotp } from './auth.repository';
import { requireRecentAuthentication } from './require-recent-authentication';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpCounterOf, totpUri } from './totp';

function signedInUser(context: UseCaseContext): { userId: string; email: string } {
  if (context.actor.kind !== 'user') throw new AppError('AUTH.UNAUTHENTICATED', 'Sign in to do this');
  return { userId: context.actor.userId, email: context.actor.email };
}

/** Whether the signed-in user has TOTP on, may turn it on, and how many recovery codes are left. */
export async function getTotpStatus(context: UseCaseContext): Promise<TTotpStatus> {
  assertCan(context.actor, AuthActions['auth.totp.disable']);
  const { userId } = signedInUser(context);
  const totp = await findTotp(context.db.orm, userId);
  return { isEnabled: Boolean(totp?.confirmedAt), isAllowed: mayUseTotp(context.actor), unusedRecoveryCodes: await countUnusedRecoveryCodes(context.db.orm, userId) };
}

/**
 * Starts TOTP enrolment: a new secret, shown once as an otpauth:// URI (the QR code) and as text. Nothing changes at
 * sign-in until the user confirms a code from their app (administrators and coordinators, re-authenticated).
 */
export async function startTotpEnrolment(context: UseCaseContext): Promise<TTotpEnrolment> {
  assertCan(context.actor, AuthActions['auth.totp.enrol']);
  requireRecentAuthentication(context.actor);
  const { userId, email } = signedInUser(context);
  const existing = await findTotp(context.db.orm, userId);
  if (existing?.confirmedAt) throw new AppError('AUTH.TOTP_ALREADY_ENABLED', 'TOTP is already on; turn it off first to enrol a new device');
  const secret = newTotpSecret();
  await inTransaction(context, async (tx) => {
    await saveUnconfirmedTotp(tx, userId, secret);
    await recordAudit(tx, context, { action: 'auth.start-totp-enrolment', entityType: 'user', entityId: userId });
  });
  return { secret, uri: totpUri(secret, email) };
}

/** Confirms enrolment with a code from the app; returns ten recovery codes, shown once (only their hashes are kept). */
export async function confirmTotpEnrolment(context: UseCaseContext, rawInput: unknown): Promise<TRecoveryCodes> {
  assertCan(context.actor, AuthActions['auth.totp.enrol']);
  requireRecentAuthentication(context.actor);
  const input = parseInput(ZTotpConfirmRequest, rawInput);
  const { userId, email } = signedInUser(context);
  const pending = await findTotp(context.db.orm, userId);
  if (!pending || pending.confirmedAt) throw new AppError('AUTH.TOTP_NOT_ENROLLED', 'Start the enrolment first');
  const counter = totpCounterOf(pending.secret, email, input.code);
  if (counter === null) throw new AppError('AUTH.TOTP_INVALID', 'The code is wrong or expired', { fields: [{ path: 'code', message: 'wrong or expired code' }] });
  const recoveryCodes = newRecoveryCodes();
  await inTransaction(context, async (tx) => {
    await confirmTotp(tx, userId, counter);
    await replaceRecoveryCodes(tx, userId, recoveryCodes.map(hashRecoveryCode));
    await recordAudit(tx, context, { action: 'auth.enable-totp', entityType: 'user', entityId: userId });
  });
  return { recoveryCodes };
}

/** Turns TOTP off and forgets the secret and recovery codes (re-authenticated: the password and a code again). */
export async function disableTotp(context: UseCaseContext): Promise<void> {
  assertCan(context.actor, AuthActions['auth.totp.disable']);
  requireRecentAuthentication(context.actor);
  const { userId } = signedInUser(context);
  const existing = await findTotp(context.db.orm, userId);
  if (!existing) throw new AppError('AUTH.TOTP_NOT_ENROLLED', 'TOTP is not on');
  await inTransaction(context, async (tx) => {
    await deleteTotp(tx, userId);
    await recordAudit(tx, context, { action: 'auth.disable-totp', entityType: 'user', entityId: userId, before: { confirmed: Boolean(existing.confirmedAt) } });
  });
}
