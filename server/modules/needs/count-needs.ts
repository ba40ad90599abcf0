import type { TNeedCounts, TNeedFilters } from '../../../common/contracts/needs';
import { assertCan } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { memberOrganizationsOf } from './list-needs';
import { NeedActions } from './needs.policy';
import { selectNeedCounts } from './needs.repository';

/**
 * Needs and people concerned by category × municipality, by municipality (the map) and by category: aggregated, so
 * every signed-in member of the district may see them (no organization, no description).
 */
export async function countNeeds(context: UseCaseContext, filters: TNeedFilters): Promise<TNeedCounts> {
  const memberOrganizations = await memberOrganizationsOf(context, filters.districtId);
  assertCan(context.actor, NeedActions['needs.read-counts'], { districtId: filters.districtId, isMember: memberOrganizations.length > 0 });
  return selectNeedCounts(context.db.orm, filters);
}
