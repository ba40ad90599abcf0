import { assertCan } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { coordinatedDistrictIdsOf, organizationIdsOf } from '../../platform/access/actor';
import { MatchingActions } from './matching.policy';
import { selectVisibleReferrals, type ReferralVisibility } from './matching-referrals.repository';
import { referralSummary } from './present-referral';
import { recordAccess } from '../../platform/audit/audit';

/** What the actor may see of referrals: as referrer or provider (its organizations) or as coordinator (its districts). */
export function referralVisibilityOf(context: UseCaseContext): ReferralVisibility {
  return { organizationIds: organizationIdsOf(context.actor), districtIds: coordinatedDistrictIdsOf(context.actor) };
}

/** Referrals the actor may read, filtered and searched; the total counts only those too. */
export async function listReferrals(context: UseCaseContext, filter: { districtId?: string | undefined; status?: string | undefined; q?: string | undefined }) {
  assertCan(context.actor, MatchingActions['matching.use']);
  const { items, total } = await selectVisibleReferrals(context.db.orm, referralVisibilityOf(context), filter);
  await recordAccess(context, { action: 'matching.list-referrals', entityType: 'referral', entityId: filter.districtId ?? 'visible', details: { filters: filter, served: items.length } });
  return { items: items.map(referralSummary), total };
}
