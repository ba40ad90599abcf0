import { assertCan } from '../access/policy';
import { recordAudit } from '../audit/audit';
import { inTransaction, type UseCaseContext } from '../use-case';
import { AuthActions } from './auth.policy';
import { deleteSession, deleteSessionsOfUser } from './auth.repository';
import { hashSessionToken } from './session-token';

/** Ends the current session only. */
export async function logout(context: UseCaseContext, token: string): Promise<void> {
  assertCan(context.actor, AuthActions['auth.logout']);
  await inTransaction(context, async (tx) => {
    const ended = await deleteSession(tx, hashSessionToken(token));
    if (ended) {
      await recordAudit(tx, context, { action: 'auth.sign-out', entityType: 'user', entityId: ended.userId });
    }
  });
}

/** Ends every session of the signed-in user, on every device (after a lost laptop or a shared computer). */
export async function logoutEverywhere(context: UseCaseContext): Promise<number> {
  assertCan(context.actor, AuthActions['auth.logout']);
  if (context.actor.kind !== 'user') return 0;
  const userId = context.actor.userId;
  return inTransaction(context, async (tx) => {
    const ended = await deleteSessionsOfUser(tx, userId);
    await recordAudit(tx, context, {
      action: 'auth.sign-out-everywhere',
      entityType: 'user',
      entityId: userId,
      after: { sessionsEnded: ended },
    });
    return ended;
  });
}
