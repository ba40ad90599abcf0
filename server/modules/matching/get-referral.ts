import type { TReferral } from '../../../common/contracts/matching';
import { assertCan } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { MatchingActions } from './matching.policy';
import { loadReadableReferral, presentReferral } from './present-referral';
import { recordAccess } from '../../platform/audit/audit';

/** One referral with its timeline, for the referring organization, the provider and the district's coordinators. */
export async function getReferral(context: UseCaseContext, id: string): Promise<TReferral> {
  assertCan(context.actor, MatchingActions['matching.use']);
  const row = await loadReadableReferral(context.db.orm, context.actor, id);
  const referral = await presentReferral(context.db.orm, context, row);
  await recordAccess(context, { action: 'matching.read-referral', entityType: 'referral', entityId: id });
  return referral;
}
