import type { TDistrictBody, TDistrictBodyMemberEnd } from '../../../common/contracts/districts';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { fieldError, notFound } from '../../platform/errors/app-error';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { DistrictActions } from './districts.policy';
import { selectDistrictBodies, selectDistrictBodyMemberRow, selectDistrictBodyRow, updateDistrictBodyMemberEnd } from './districts.repository';

/** Ends a member's term in a body; the row stays with both dates, so the body's history remains readable. */
export async function endDistrictBodyMember(context: UseCaseContext, districtId: string, bodyId: string, memberId: string, input: TDistrictBodyMemberEnd): Promise<TDistrictBody> {
  assertCan(context.actor, DistrictActions['districts.manage_governance'], { id: districtId });
  return inTransaction(context, async (tx) => {
    if (!(await selectDistrictBodyRow(tx, districtId, bodyId))) throw notFound('district body', bodyId);
    const before = await selectDistrictBodyMemberRow(tx, bodyId, memberId);
    if (!before) throw notFound('district body member', memberId);
    if (input.endedOn < before.startedOn) throw fieldError('endedOn', `must be on or after the start date ${before.startedOn}`);
    const after = await updateDistrictBodyMemberEnd(tx, memberId, input.endedOn);
    await recordAudit(tx, context, { action: 'districts.end-body-member', entityType: 'district_body_member', entityId: memberId, before, after });
    return (await selectDistrictBodies(tx, districtId)).find((b) => b.id === bodyId)!;
  });
}
