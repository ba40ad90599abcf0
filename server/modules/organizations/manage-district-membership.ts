import { ZDistrictMembershipCreate, type TDistrictMembershipCreate, type TOrganizationProfile } from '../../../common/contracts/organizations';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { AppError, fieldError, notFound } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { loadProfile } from './get-organization';
import { OrganizationActions } from './organizations.policy';
import { organizationNotFound } from './organizations.errors';
import { endMembership, insertMembership, selectActiveMembership, selectDistrictExists, selectMembership, selectOrganizationRow } from './organizations.repository';

/** Admits an organization to a district as coordinator, member or observer from a date (its coordinators, admins). */
export async function addDistrictMembership(context: UseCaseContext, organizationId: string, rawInput: TDistrictMembershipCreate): Promise<TOrganizationProfile> {
  assertCan(context.actor, OrganizationActions['organizations.edit-attempt']);
  const input = parseInput(ZDistrictMembershipCreate, rawInput);
  assertCan(context.actor, OrganizationActions['organizations.manage-membership'], { districtId: input.districtId });
  return inTransaction(context, async (tx) => {
    const organization = await selectOrganizationRow(tx, organizationId);
    if (!organization || organization.status === 'merged') throw organizationNotFound(organizationId);
    if (!(await selectDistrictExists(tx, input.districtId))) throw fieldError('districtId', 'no such district');
    const existing = await selectActiveMembership(tx, organizationId, input.districtId);
    if (existing) throw new AppError('COMMON.CONFLICT', `The organization is already a ${existing.role} of this district`, { membershipId: existing.id });
    const membership = await insertMembership(tx, { organizationId, districtId: input.districtId, role: input.role, startedOn: input.startedOn ?? null });
    await recordAudit(tx, context, { action: 'organizations.add-district-membership', entityType: 'organization', entityId: organizationId, after: membership });
    return loadProfile(tx, context.actor, organizationId);
  });
}

/** Ends a membership on a date; the row stays, so the profile keeps the organization's history in the district. */
export async function endDistrictMembership(context: UseCaseContext, organizationId: string, membershipId: string, endedOn: string): Promise<TOrganizationProfile> {
  assertCan(context.actor, OrganizationActions['organizations.edit-attempt']);
  const before = await selectMembership(context.db.orm, membershipId);
  if (!before || before.organization_id !== organizationId) throw notFound('district membership', membershipId);
  assertCan(context.actor, OrganizationActions['organizations.manage-membership'], { districtId: before.district_id });
  if (endedOn < before.started_on) throw fieldError('endedOn', `must not be before the start (${before.started_on})`);
  return inTransaction(context, async (tx) => {
    const after = await endMembership(tx, membershipId, endedOn);
    await recordAudit(tx, context, { action: 'organizations.end-district-membership', entityType: 'organization', entityId: organizationId, before, after });
    return loadProfile(tx, context.actor, organizationId);
  });
}
