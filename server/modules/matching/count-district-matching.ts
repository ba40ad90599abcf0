import { ZCoverageQuery } from '../../../common/contracts/matching';
import { can } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { getDemandCoverage } from './get-demand-coverage';
import { listProposals } from './list-proposals';
import { referralVisibilityOf } from './list-referrals';
import { coordinatedDistrictIdsOf, MatchingActions, organizationIdsOf } from './matching.policy';
import { selectDistrictMemberOrganizations } from './matching-coverage.repository';
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
