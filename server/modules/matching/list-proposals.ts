import { isPlatformAdmin } from '../../platform/access/actor';
import { assertCan } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { coordinatedDistrictIdsOf, organizationIdsOf } from '../../platform/access/actor';
import { MatchingActions } from './matching.policy';
import { selectVisibleProposals } from './matching-proposals.repository';

/** The proposals the actor may read: its districts' (coordinators) and those its organizations are party to. */
export async function listProposals(context: UseCaseContext, filter: { districtId?: string | undefined }) {
  assertCan(context.actor, MatchingActions['matching.use']);
  const rows = await selectVisibleProposals(context.db.orm, {
    allDistricts: isPlatformAdmin(context.actor),
    districtIds: coordinatedDistrictIdsOf(context.actor),
    organizationIds: organizationIdsOf(context.actor),
    districtId: filter.districtId,
  });
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    categoryCode: row.category_code,
    zoneLabel: row.zone_label,
    peopleCovered: row.people_covered,
    joinThreshold: row.join_threshold,
    joinedCount: row.joined_count,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
  }));
}
