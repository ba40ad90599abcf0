import type { TNeed } from '../../../common/contracts/needs';
import { assertCan, can } from '../../platform/access/policy';
import { notFound } from '../../platform/errors/app-error';
import type { UseCaseContext } from '../../platform/use-case';
import { toNeed } from './need-views';
import { NeedActions } from './needs.policy';
import { selectNeedView } from './needs.repository';
import { recordAccess } from '../../platform/audit/audit';

/** One need, for its organization, the district's coordinators and admins; anyone else gets 404. */
export async function getNeed(context: UseCaseContext, needId: string): Promise<TNeed> {
  assertCan(context.actor, NeedActions['needs.signed-in']);
  const row = await selectNeedView(context.db.orm, needId);
  if (!row || !can(context.actor, NeedActions['needs.read'], { districtId: row.district_id, organizationId: row.organization_id })) throw notFound('need', needId);
  await recordAccess(context, { action: 'needs.read-need', entityType: 'need', entityId: needId });
  return toNeed(row);
}
