import type { TPendingMembershipList } from '../../../common/contracts/memberships';
import { isPlatformAdmin } from '../../platform/access/actor';
import { assertCan } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { DistrictActions } from './districts.policy';
import { districtNotFound } from './districts.errors';
import { selectDistrictRow, selectPendingMemberships } from './districts.repository';

/**
 * The district's invitations waiting for organizations and requests waiting for its coordinators (ADR 0020), with
 * the organizations' public fields only: until a membership is accepted the district sees nothing private.
 */
export async function listDistrictPendingMemberships(context: UseCaseContext, districtId: string): Promise<TPendingMembershipList> {
  const district = await selectDistrictRow(context.db.orm, districtId);
  if (!district) throw districtNotFound(districtId);
  assertCan(context.actor, DistrictActions['districts.read_pending_memberships'], { id: districtId });
  const rows = await selectPendingMemberships(context.db.orm, districtId);
  return {
    items: rows.map((row) => ({
      membershipId: row.membership_id,
      district: { id: districtId, name: district.name },
      organization: { id: row.organization_id, name: row.organization_name, municipalityName: row.municipality_name },
      role: row.role, status: row.status, startedOn: row.started_on, requestedAt: row.requested_at,
      // The district answers requests and withdraws its own invitations; a platform admin may do either.
      canAnswer: row.status === 'requested' || isPlatformAdmin(context.actor),
      canWithdraw: row.status === 'invited',
    })),
  };
}
