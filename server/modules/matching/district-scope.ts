import { assertCan } from '../../platform/access/policy';
import { fieldError } from '../../platform/errors/app-error';
import type { UseCaseContext } from '../../platform/use-case';
import type { ZoneKind } from '../../../common/domain/matching';
import { districtNotFound } from './matching.errors';
import { organizationIdsOf } from '../../platform/access/actor';
import { MatchingActions } from './matching.policy';
import { findDistrictRow } from '../districts';
import { selectDistrictMemberOrganizations, selectZoning } from './matching-coverage.repository';

/**
 * Loads the district a matching read is about and checks the actor may read its aggregated demand (coordinators,
 * platform admins, members of its organizations); an unknown district is a 404, a bad zoning a 422 naming the field.
 */
export async function readableDistrict(
  context: UseCaseContext,
  districtId: string,
  zone: { zoneKind: ZoneKind; zoningId?: string | undefined },
): Promise<{ id: string; name: string }> {
  const row = await findDistrictRow(context.db.orm, districtId);
  if (!row) throw districtNotFound(districtId);
  const district = { id: row.id, name: row.name };
  const members = await selectDistrictMemberOrganizations(context.db.orm, districtId, organizationIdsOf(context.actor));
  assertCan(context.actor, MatchingActions['matching.coverage.read'], { districtId, isDistrictMember: members.length > 0 });
  if (zone.zoneKind === 'zoning') {
    if (!zone.zoningId) throw fieldError('zoningId', 'required when zoneKind is zoning');
    if (!(await selectZoning(context.db.orm, zone.zoningId))) throw fieldError('zoningId', 'no such zoning', 'not-found');
  }
  return district;
}

export const todayIso = (): string => new Date().toISOString().slice(0, 10);
