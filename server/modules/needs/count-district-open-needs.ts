import { can } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { memberOrganizationsOf } from './list-needs';
import { NeedActions } from './needs.policy';
import { selectNeedCounts } from './needs.repository';

/**
 * How many open needs the district's register holds, for the district page's links: for those who may read its
 * counts (its coordinators, platform admins, members of its organizations, as countNeeds); null for anyone else.
 */
export async function countDistrictOpenNeeds(context: UseCaseContext, districtId: string): Promise<number | null> {
  const memberOrganizations = await memberOrganizationsOf(context, districtId);
  if (!can(context.actor, NeedActions['needs.read-counts'], { districtId, isMember: memberOrganizations.length > 0 })) return null;
  return (await selectNeedCounts(context.db.orm, { districtId, status: 'open' })).total.needs;
}
