import { ZCoverageQuery } from '../../../common/contracts/matching';
import { COVERAGE_DEFAULTS, coverageOf } from '../../../common/domain/matching';
import { assertCan, can } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { getDemandCoverage } from './get-demand-coverage';
import { listProposals } from './list-proposals';
import { referralVisibilityOf } from './list-referrals';
import { coordinatedDistrictIdsOf, organizationIdsOf } from '../../platform/access/actor';
import { MatchingActions } from './matching.policy';
import { SUPPLY_RADII_KM } from '../services';
import { selectDistrictMemberOrganizations, selectStoredGroupSupplyOfDistricts } from './matching-coverage.repository';
import { selectVisibleReferralCount } from './matching-referrals.repository';

export interface DistrictMatchingCounts {
  /** Groups of demand below the coverage threshold at the page's default parameters; null when the coverage is not the actor's to read. */
  gaps: number | null;
  /** Shared-service proposals of the district the actor may read; null for visitors without an account. */
  proposals: number | null;
  /** Referrals of the district the actor may read; null for those who read none by role (visitors, platform admins). */
  referrals: number | null;
}

/**
 * The district page's matching counts, each by the same rule as the page it links to: gaps as the coverage page
 * computes them (default radius, threshold and period), proposals and referrals as their lists show them.
 */
export async function countDistrictMatching(context: UseCaseContext, districtId: string): Promise<DistrictMatchingCounts> {
  if (!can(context.actor, MatchingActions['matching.use'])) return { gaps: null, proposals: null, referrals: null };
  const members = await selectDistrictMemberOrganizations(context.db.orm, districtId, organizationIdsOf(context.actor));
  const readsCoverage = can(context.actor, MatchingActions['matching.coverage.read'], { districtId, isDistrictMember: members.length > 0 });
  const gaps = readsCoverage ? (await getDemandCoverage(context, ZCoverageQuery.parse({ districtId }))).groups.filter((group) => group.isGap).length : null;
  const proposals = (await listProposals(context, { districtId })).length;
  const visibility = referralVisibilityOf(context);
  const readsReferrals = visibility.organizationIds.length > 0 || coordinatedDistrictIdsOf(context.actor).includes(districtId);
  const referrals = readsReferrals ? await selectVisibleReferralCount(context.db.orm, visibility, districtId) : null;
  return { gaps, proposals, referrals };
}

/**
 * How many gaps each of these districts has, as the coverage page counts them at its default parameters (municipality
 * zones, default radius and threshold): one statement for all the districts (the home lists every district a person
 * coordinates, and every district for platform administrators). Each district's coverage must be the actor's to read,
 * as on the page; a district without open needs counts 0.
 */
export async function countDistrictGaps(context: UseCaseContext, districtIds: readonly string[]): Promise<Map<string, number>> {
  assertCan(context.actor, MatchingActions['matching.use']);
  const ids = [...new Set(districtIds)];
  for (const districtId of ids) {
    // Coordinators and administrators read without the membership lookup; others as members of an organization there.
    if (can(context.actor, MatchingActions['matching.coverage.read'], { districtId, isDistrictMember: false })) continue;
    const members = await selectDistrictMemberOrganizations(context.db.orm, districtId, organizationIdsOf(context.actor));
    assertCan(context.actor, MatchingActions['matching.coverage.read'], { districtId, isDistrictMember: members.length > 0 });
  }
  const counts = new Map(ids.map((id) => [id, 0]));
  if (!(SUPPLY_RADII_KM as readonly number[]).includes(COVERAGE_DEFAULTS.radiusKm)) {
    // No stored supply at the default radius: each district's report computes it.
    for (const districtId of ids) {
      counts.set(districtId, (await getDemandCoverage(context, ZCoverageQuery.parse({ districtId }))).groups.filter((group) => group.isGap).length);
    }
    return counts;
  }
  for (const row of await selectStoredGroupSupplyOfDistricts(context.db.orm, ids, COVERAGE_DEFAULTS.radiusKm)) {
    if (coverageOf(row.free_capacity, row.people_count, row.service_count, COVERAGE_DEFAULTS.threshold).isGap) {
      counts.set(row.district_id, (counts.get(row.district_id) ?? 0) + 1);
    }
  }
  return counts;
}
