import type { TDistrict } from '../../../common/contracts/districts';
import { assertCan } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { DistrictActions } from './districts.policy';
import { districtNotFound } from './districts.errors';
import { selectDistrictDetail, selectDistrictGeoJson } from './districts.repository';

/** One district's page: its municipalities, population, definition and current members. */
export async function getDistrict(context: UseCaseContext, id: string): Promise<TDistrict> {
  assertCan(context.actor, DistrictActions['districts.read'], { id });
  const district = await selectDistrictDetail(context.db.orm, id);
  if (!district) throw districtNotFound(id);
  return district;
}

/** The district's municipalities as GeoJSON text (built in SQL: no megabytes parsed and re-serialized in Node). */
export async function getDistrictGeoJson(context: UseCaseContext, id: string): Promise<string> {
  assertCan(context.actor, DistrictActions['districts.read'], { id });
  await getDistrict(context, id);
  return selectDistrictGeoJson(context.db.orm, id);
}
