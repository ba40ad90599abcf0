import type { DbExecutor } from '../../platform/db/database';
import { recordAudit } from '../../platform/audit/audit';
import type { UseCaseContext } from '../../platform/use-case';
import { selectNeedForUpdate, updateNeedStatus } from './needs.repository';

/**
 * Closes the loop of a referral (issue 7): when the provider records that it served the person or group a need
 * described, the need — if still open — becomes "answered by" that service, in the referral's transaction, audited
 * with the referral it came from. The matching use case has already checked that the actor is the provider and that
 * the referral concerns this need; a need someone already moved out of "open" is left as it is.
 */
export async function answerNeedByReferral(
  tx: DbExecutor,
  context: Pick<UseCaseContext, 'actor' | 'requestId'>,
  input: { needId: string; serviceId: string; referralId: string },
): Promise<boolean> {
  const before = await selectNeedForUpdate(tx, input.needId);
  if (!before || before.status !== 'open') return false;
  const after = await updateNeedStatus(tx, input.needId, before.version, { status: 'answered_by_service', answeredByServiceId: input.serviceId });
  await recordAudit(tx, context, {
    action: 'needs.answer-need-by-referral',
    entityType: 'need',
    entityId: input.needId,
    before: { status: before.status, version: before.version },
    after: { status: after!.status, answeredByServiceId: input.serviceId, version: after!.version, referralId: input.referralId },
  });
  return true;
}
