import { ZDistrictBodyCreate, type TDistrictBody, type TDistrictBodyCreate } from '../../../common/contracts/districts';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { DistrictActions } from './districts.policy';
import { districtNotFound } from './districts.errors';
import { insertDistrictBody, selectDistrictBodies, selectDistrictRow } from './districts.repository';

/** Creates a governance body of the district (steering group, assembly, working group), audited. */
export async function createDistrictBody(context: UseCaseContext, districtId: string, rawInput: TDistrictBodyCreate): Promise<TDistrictBody> {
  assertCan(context.actor, DistrictActions['districts.manage_governance'], { id: districtId });
  const input = parseInput(ZDistrictBodyCreate, rawInput);
  return inTransaction(context, async (tx) => {
    if (!(await selectDistrictRow(tx, districtId))) throw districtNotFound(districtId);
    const body = await insertDistrictBody(tx, { districtId, ...input });
    await recordAudit(tx, context, { action: 'districts.create-body', entityType: 'district_body', entityId: body.id, after: body });
    return (await selectDistrictBodies(tx, districtId)).find((b) => b.id === body.id)!;
  });
}
