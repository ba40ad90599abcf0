import { ZDistrictBodyMemberCreate, type TDistrictBody, type TDistrictBodyMemberCreate } from '../../../common/contracts/districts';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { fieldError, notFound } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { DistrictActions } from './districts.policy';
import { insertDistrictBodyMember, selectDistrictBodies, selectDistrictBodyRow, selectIsCurrentDistrictMember } from './districts.repository';

/**
 * Seats an organization of the district in one of its bodies, with a role and a start date. Only current member
 * organizations of the district may sit in its bodies: governance is of the network, not of outsiders.
 */
export async function addDistrictBodyMember(context: UseCaseContext, districtId: string, bodyId: string, rawInput: TDistrictBodyMemberCreate): Promise<TDistrictBody> {
  assertCan(context.actor, DistrictActions['districts.manage_governance'], { id: districtId });
  const input = parseInput(ZDistrictBodyMemberCreate, rawInput);
  return inTransaction(context, async (tx) => {
    if (!(await selectDistrictBodyRow(tx, districtId, bodyId))) throw notFound('district body', bodyId);
    if (!(await selectIsCurrentDistrictMember(tx, districtId, input.organizationId))) {
      throw fieldError('organizationId', 'this organization is not a current member of the district', 'not-current-member');
    }
    const member = await insertDistrictBodyMember(tx, { bodyId, ...input });
    await recordAudit(tx, context, { action: 'districts.add-body-member', entityType: 'district_body_member', entityId: member.id, after: member });
    return (await selectDistrictBodies(tx, districtId)).find((b) => b.id === bodyId)!;
  });
}
