import { ZGrantRoleRequest, type TGrantRoleRequest } from '../../../common/contracts/auth';
import { DISTRICT_ROLES, ORGANIZATION_ROLES, type Role } from '../../../common/domain/roles';
import { assertCan } from '../access/policy';
import { recordAudit } from '../audit/audit';
import { AppError, fieldError, notFound } from '../errors/app-error';
import { parseInput } from '../errors/parse-input';
import { inTransaction, type UseCaseContext } from '../use-case';
import { AuthActions } from './auth.policy';
import { findUserById, insertGrant, scopeExists } from './auth.repository';
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
      throw fieldError(grant.districtId ? 'districtId' : 'organizationId', 'no such district or organization', 'not-found');
    }
    const inserted = await insertGrant(tx, { userId, ...grant });
    if (!inserted) throw new AppError('COMMON.CONFLICT', 'The user already has this role', { role: grant.role });
    await recordAudit(tx, context, { action: 'users.grant-role', entityType: 'user', entityId: userId, after: { grantId: inserted.id, ...grant } });
    return inserted;
  });
}
