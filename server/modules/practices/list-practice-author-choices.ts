import type { TPracticeAuthorChoices } from '../../../common/contracts/practices';
import { coordinatedDistrictIdsOf, isPlatformAdmin, organizationIdsOf } from '../../platform/access/actor';
import { assertCan } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { PracticeActions } from './practices.policy';
import { selectAuthorChoices } from './practices.repository';

/**
 * What the form offers as the practice's organization and district: each current membership of an organization the
 * actor works for, and (for coordinators) of their districts' members. Empty for someone who may write none.
 */
export async function listPracticeAuthorChoices(context: UseCaseContext): Promise<TPracticeAuthorChoices> {
  assertCan(context.actor, PracticeActions['practices.signed-in']);
  const rows = await selectAuthorChoices(context.db.orm, organizationIdsOf(context.actor), coordinatedDistrictIdsOf(context.actor), isPlatformAdmin(context.actor));
  return {
    items: rows.map((row) => ({ organizationId: row.organization_id, organizationName: row.organization_name, districtId: row.district_id, districtName: row.district_name })),
  };
}
