import type { TDistrict, TDistrictUpdate } from '../../../common/contracts/districts';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { staleVersion } from '../../platform/errors/app-error';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { DistrictActions } from './districts.policy';
import { districtNotFound } from './districts.errors';
import { selectDistrictDetail, selectDistrictRow, updateDistrictIfVersion } from './districts.repository';

/** Renames or re-describes a district (its coordinators and platform admins); a stale `version` is refused. */
export async function updateDistrict(context: UseCaseContext, id: string, input: TDistrictUpdate): Promise<TDistrict> {
  assertCan(context.actor, DistrictActions['districts.update'], { id });
  return inTransaction(context, async (tx) => {
    const before = await selectDistrictRow(tx, id);
    if (!before) throw districtNotFound(id);
    const { version, ...changes } = input;
    const after = await updateDistrictIfVersion(tx, id, version, changes);
    if (!after) throw staleVersion('district', id, version, before.version);
    await recordAudit(tx, context, { action: 'districts.update-district', entityType: 'district', entityId: id, before, after });
    return (await selectDistrictDetail(tx, id))!;
  });
}

