import type { TMunicipality } from '../../../common/contracts/territory';
import { assertCan } from '../../platform/access/policy';
import { notFound } from '../../platform/errors/app-error';
import type { UseCaseContext } from '../../platform/use-case';
import { TerritoryActions } from './territory.policy';
import { findMunicipality, findMunicipalityDistricts } from './territory.repository';

/** One municipality by ISTAT code, with its point, bbox, reconciliation note and the districts it belongs to. */
export async function getMunicipality(context: UseCaseContext, istatCode: string): Promise<TMunicipality> {
  assertCan(context.actor, TerritoryActions['territory.read']);
  const municipality = await findMunicipality(context.db.orm, istatCode);
  if (!municipality) throw notFound('municipality', istatCode);
  const districts = await findMunicipalityDistricts(context.db.orm, istatCode);
  return { ...municipality, districts };
}
