import { assertCan } from '../access/policy';
import { recordAudit } from '../audit/audit';
import { AppError, notFound } from '../errors/app-error';
import { inTransaction, type UseCaseContext } from '../use-case';
import { AuthActions } from './auth.policy';
import { deleteGrant, lockActivePlatformAdministrators, selectGrantById } from './auth.repository';
import { requireRecentAuthentication } from './require-recent-authentication';

/** Takes a role away; the last active platform administrator keeps theirs (USERS.LAST_ADMINISTRATOR). */
export async function revokeRole(context: UseCaseContext, userId: string, grantId: string): Promise<void> {
  assertCan(context.actor, AuthActions['users.revoke_role']);
  requireRecentAuthentication(context.actor);
  await inTransaction(context, async (tx) => {
    const grant = await selectGrantById(tx, grantId);
    if (!grant || grant.userId !== userId) throw notFound('role grant', grantId);
    if (grant.role === 'platform_admin') {
      const administrators = await lockActivePlatformAdministrators(tx);
      if (administrators.length <= 1 && administrators.includes(userId)) {
        throw new AppError('USERS.LAST_ADMINISTRATOR', 'The platform needs at least one active administrator: grant the role to someone else first');
      }
    }
    await deleteGrant(tx, grantId);
    await recordAudit(tx, context, {
      action: 'users.revoke-role',
      entityType: 'user',
      entityId: userId,
      before: { grantId, role: grant.role, districtId: grant.districtId, organizationId: grant.organizationId },
    });
  });
}
