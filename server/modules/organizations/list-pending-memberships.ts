import type { TPendingMembershipList } from '../../../common/contracts/memberships';
import type { Actor } from '../../platform/access/actor';
import { assertCan } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { canAnswerMembership, canWithdrawMembership, OrganizationActions } from './organizations.policy';
import { selectPendingMembershipsOfOrganizations } from './organizations.repository';

function organizationIdsActedFor(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  return [...new Set(actor.grants.flatMap((grant) =>
    (grant.role === 'organization_admin' || grant.role === 'organization_member') && grant.organizationId ? [grant.organizationId] : []))];
}

/** Invitations and requests of the organizations the user acts for that nobody answered yet (their home page). */
export async function listOwnPendingMemberships(context: UseCaseContext): Promise<TPendingMembershipList> {
  assertCan(context.actor, OrganizationActions['organizations.list-own-pending-memberships']);
  const rows = await selectPendingMembershipsOfOrganizations(context.db.orm, organizationIdsActedFor(context.actor));
  return {
    items: rows.map((row) => {
      const parties = { districtId: row.district_id, organizationId: row.organization_id, requestedBy: row.status === 'invited' ? 'district' as const : 'organization' as const };
      return {
        membershipId: row.membership_id,
        district: { id: row.district_id, name: row.district_name },
        organization: { id: row.organization_id, name: row.organization_name, municipalityName: row.municipality_name },
        role: row.role, status: row.status, startedOn: row.started_on, requestedAt: row.requested_at,
        canAnswer: canAnswerMembership(context.actor, parties),
        canWithdraw: canWithdrawMembership(context.actor, parties),
      };
    }),
  };
}
