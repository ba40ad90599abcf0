import type { UseCaseContext } from '../../platform/use-case';
import { selectMunicipalitiesWithinRadius } from './territory.repository';

/**
 * Municipalities of a province within `radiusKm` of a centre municipality (its representative point), nearest
 * first: the demo seed draws its district this way. Public reference data, so no access check.
 */
export function municipalitiesWithinRadius(
  context: Pick<UseCaseContext, 'db'>,
  centreCode: string,
  radiusKm: number,
  provinceCode: string,
): Promise<{ istatCode: string; distanceKm: number }[]> {
  return selectMunicipalitiesWithinRadius(context.db.orm, centreCode, radiusKm, provinceCode);
}
