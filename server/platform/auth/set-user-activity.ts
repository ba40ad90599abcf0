import { assertCan } from '../access/policy';
import { recordAudit } from '../audit/audit';
import { AppError, notFound } from '../errors/app-error';
import { inTransaction, type UseCaseContext } from '../use-case';
import { AuthActions } from './auth.policy';
import { deleteSessionsOfUser, findUserById, lockActivePlatformAdministrators, setUserActive } from './auth.repository';
import { requireRecentAuthentication } from './require-recent-authentication';

/**
 * Deactivates an account (its sessions end at once, it cannot sign in or reset its password) or reactivates it.
 * Nobody deactivates themselves (USERS.CANNOT_CHANGE_SELF), nor the last active administrator.
 */
export async function setUserActivity(context: UseCaseContext, userId: string, isActive: boolean): Promise<void> {
  assertCan(context.actor, AuthActions['users.set_active']);
  requireRecentAuthentication(context.actor);
  if (context.actor.kind === 'user' && context.actor.userId === userId) {
    throw new AppError('USERS.CANNOT_CHANGE_SELF', 'You cannot deactivate or reactivate your own account');
  }
  await inTransaction(context, async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw notFound('user', userId);
    if (user.isActive === isActive) return;
    if (!isActive) {
      const administrators = await lockActivePlatformAdministrators(tx);
      if (administrators.length <= 1 && administrators.includes(userId)) {
        throw new AppError('USERS.LAST_ADMINISTRATOR', 'The platform needs at least one active administrator');
      }
    }
    await setUserActive(tx, userId, isActive);
    const sessionsEnded = isActive ? 0 : await deleteSessionsOfUser(tx, userId);
    await recordAudit(tx, context, {
      action: isActive ? 'users.reactivate-user' : 'users.deactivate-user',
      entityType: 'user',
      entityId: userId,
      before: { isActive: user.isActive },
      after: { isActive, sessionsEnded },
    });
  });
}
