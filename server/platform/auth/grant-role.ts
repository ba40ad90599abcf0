import { ZGrantRoleRequest, type TGrantRoleRequest } from '../../../common/contracts/auth';
import { DISTRICT_ROLES, ORGANIZATION_ROLES, type Role } from '../../../common/domain/roles';
import { assertCan } from '../access/policy';
import { recordAudit } from '../audit/audit';
import { AppError, fieldError, notFound } from '../errors/app-error';
import { parseInput } from '../errors/parse-input';
import { inTransaction, type UseCaseContext } from '../use-case';
import { AuthActions } from './auth.policy';
import { deleteGrant, deleteSessionsOfUser, findUserById, insertGrant, lockActivePlatformAdministrators, scopeExists, selectGrantById, setUserActive } from './auth.repository';
import { requireRecentAuthentication } from './require-recent-authentication';

const isDistrictRole = (role: Role) => (DISTRICT_ROLES as readonly Role[]).includes(role);
const isOrganizationRole = (role: Role) => (ORGANIZATION_ROLES as readonly Role[]).includes(role);

/** Checks that a grant names exactly the scope its role needs, and that the scope exists: 422 naming the field. */
export function normalizeGrant(input: TGrantRoleRequest): { role: Role; districtId: string | null; organizationId: string | null } {
  const districtId = input.districtId ?? null;
  const organizationId = input.organizationId ?? null;
  if (isDistrictRole(input.role)) {
    if (!districtId) throw fieldError('districtId', `required for ${input.role}`);
    if (organizationId) throw fieldError('organizationId', `not allowed for ${input.role}`);
  } else if (isOrganizationRole(input.role)) {
    if (!organizationId) throw fieldError('organizationId', `required for ${input.role}`);
    if (districtId) throw fieldError('districtId', `not allowed for ${input.role}`);
  } else if (districtId || organizationId) {
    throw fieldError(districtId ? 'districtId' : 'organizationId', `not allowed for ${input.role}`);
  }
  return { role: input.role, districtId, organizationId };
}

/** Gives a user a role (platform administrators, recently re-authenticated: a grant is a sensitive act). */
export async function grantRole(context: UseCaseContext, userId: string, rawInput: unknown): Promise<{ id: string }> {
  assertCan(context.actor, AuthActions['users.grant_role']);
  requireRecentAuthentication(context.actor);
  const grant = normalizeGrant(parseInput(ZGrantRoleRequest, rawInput));
  return inTransaction(context, async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw notFound('user', userId);
    if ((grant.districtId || grant.organizationId) && !(await scopeExists(tx, grant))) {
      throw fieldError(grant.districtId ? 'districtId' : 'organizationId', 'no such district or organization');
    }
    const inserted = await insertGrant(tx, { userId, ...grant });
    if (!inserted) throw new AppError('COMMON.CONFLICT', 'The user already has this role', { role: grant.role });
    await recordAudit(tx, context, { action: 'users.grant_role', entityType: 'user', entityId: userId, after: { grantId: inserted.id, ...grant } });
    return inserted;
  });
}

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
      action: 'users.revoke_role',
      entityType: 'user',
      entityId: userId,
      before: { grantId, role: grant.role, districtId: grant.districtId, organizationId: grant.organizationId },
    });
  });
}

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
      action: isActive ? 'users.reactivate' : 'users.deactivate',
      entityType: 'user',
      entityId: userId,
      before: { isActive: user.isActive },
      after: { isActive, sessionsEnded },
    });
  });
}
