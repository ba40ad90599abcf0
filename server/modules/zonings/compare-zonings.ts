import { ZAlignmentQuery, type TAlignment, type TAlignmentQuery } from '../../../common/contracts/zonings';
import { parseInput } from '../../platform/errors/parse-input';
import { assertCan } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { toCsv } from '../../platform/export/csv';
import { ZoningActions } from './zonings.policy';
import { zoningNotFound } from './zonings.errors';
import {
  selectAlignmentGeoJson,
  selectAlignmentScores,
  selectBreakingMunicipalities,
  selectCrosswalk,
  selectSplitMunicipalities,
  selectZoningRow,
  type AlignmentSource,
} from './zonings.repository';

/** The label of the district map as the B side of a comparison. */
export const DISTRICT_MAP_NAME = 'Distretti';

async function resolveSides(context: UseCaseContext, rawQuery: TAlignmentQuery) {
  const query = parseInput(ZAlignmentQuery, rawQuery);
  const a = await selectZoningRow(context.db.orm, query.a);
  if (!a) throw zoningNotFound(query.a);
  const aSource: AlignmentSource = { kind: 'zoning', id: a.id };
  if (query.b === 'districts') {
    return { aSource, bSource: { kind: 'districts' } as AlignmentSource, a: { kind: 'zoning' as const, id: a.id, name: a.name }, b: { kind: 'districts' as const, id: null, name: DISTRICT_MAP_NAME } };
  }
  const b = await selectZoningRow(context.db.orm, query.b);
  if (!b) throw zoningNotFound(query.b);
  return { aSource, bSource: { kind: 'zoning', id: b.id } as AlignmentSource, a: { kind: 'zoning' as const, id: a.id, name: a.name }, b: { kind: 'zoning' as const, id: b.id, name: b.name } };
}

/**
 * Where two maps fail to coincide: the crosswalk of A's zones against B's, the municipalities outside the main B
 * zone of their A zone, and the scores (coincidence share, adjusted Rand index, normalized variation of
 * information), all computed in SQL over the municipalities both maps contain. B may be the map of all districts.
 */
export async function compareZonings(context: UseCaseContext, query: TAlignmentQuery): Promise<TAlignment> {
  assertCan(context.actor, ZoningActions['zonings.read'], query);
  const sides = await resolveSides(context, query);
  const scores = await selectAlignmentScores(context.db.orm, sides.aSource, sides.bSource);
  const crosswalk = await selectCrosswalk(context.db.orm, sides.aSource, sides.bSource);
  const breaking = await selectBreakingMunicipalities(context.db.orm, sides.aSource, sides.bSource);
  const splitMunicipalities = await selectSplitMunicipalities(context.db.orm, sides.aSource, sides.bSource);
  return {
    a: sides.a,
    b: sides.b,
    ...scores,
    crosswalk,
    breaking,
    breakingPopulation: breaking.reduce((sum, m) => sum + m.population, 0),
    splitMunicipalities,
  };
}

/** A's municipalities as GeoJSON with their A and B zones and whether each breaks coincidence (`breaks` 1/0). */
export async function getAlignmentGeoJson(context: UseCaseContext, query: TAlignmentQuery): Promise<string> {
  assertCan(context.actor, ZoningActions['zonings.read'], query);
  const sides = await resolveSides(context, query);
  return selectAlignmentGeoJson(context.db.orm, sides.aSource, sides.bSource);
}

/** The comparison as CSV: the crosswalk (one line per A × B intersection) or the municipalities breaking coincidence. */
export async function getAlignmentCsv(context: UseCaseContext, query: TAlignmentQuery, table: 'crosswalk' | 'breaking'): Promise<string> {
  const alignment = await compareZonings(context, query);
  if (table === 'breaking') {
    return toCsv(
      ['istat_code', 'municipality_name', 'population', 'a_zone_code', 'a_zone_name', 'b_zone_code', 'b_zone_name', 'main_b_zone_code', 'main_b_zone_name', 'part', 'population_estimated'],
      alignment.breaking.map((m) => [m.istatCode, m.name, m.population, m.aZoneCode, m.aZoneName, m.bZoneCode, m.bZoneName, m.mainBZoneCode, m.mainBZoneName, m.partNote, m.isPopulationEstimated]),
    );
  }
  return toCsv(
    ['a_zone_code', 'a_zone_name', 'b_zone_code', 'b_zone_name', 'municipalities', 'population', 'share_of_a_population', 'is_main_b_zone'],
    alignment.crosswalk.flatMap((row) =>
      row.cells.map((cell) => [
        row.aZoneCode,
        row.aZoneName,
        cell.bZoneCode,
        cell.bZoneName,
        cell.municipalityCount,
        cell.population,
        row.population > 0 ? Number((cell.population / row.population).toFixed(6)) : null,
        cell.isMain,
      ]),
    ),
  );
}
