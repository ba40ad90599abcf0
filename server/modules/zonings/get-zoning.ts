import type { TZoning, TZoningMunicipality } from '../../../common/contracts/zonings';
import { assertCan } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { toCsv } from '../../platform/export/csv';
import { ZoningActions } from './zonings.policy';
import { zoneNotFound, zoningNotFound } from './zonings.errors';
import { selectZoneById, selectZoneMunicipalityCodes, selectZoningDetail, selectZoningGeoJson, selectZoningMunicipalities } from './zonings.repository';

/** One zoning with its zones, their population and the body running each. */
export async function getZoning(context: UseCaseContext, id: string): Promise<TZoning> {
  assertCan(context.actor, ZoningActions['zonings.read'], { id });
  const zoning = await selectZoningDetail(context.db.orm, id);
  if (!zoning) throw zoningNotFound(id);
  return zoning;
}

/** Every municipality of the zoning with its zone: the table alternative to the map. */
export async function listZoningMunicipalities(context: UseCaseContext, id: string): Promise<TZoningMunicipality[]> {
  await getZoning(context, id);
  return selectZoningMunicipalities(context.db.orm, id);
}

/** The zoning as GeoJSON text (boundaries with zone code, name and index), built in SQL. */
export async function getZoningGeoJson(context: UseCaseContext, id: string): Promise<string> {
  await getZoning(context, id);
  return selectZoningGeoJson(context.db.orm, id);
}

/** The zoning as CSV in the import format (zone_code,zone_name,istat_code) plus name and population: re-importable. */
export async function getZoningCsv(context: UseCaseContext, id: string): Promise<string> {
  const rows = await listZoningMunicipalities(context, id);
  return toCsv(
    ['zone_code', 'zone_name', 'istat_code', 'municipality_name', 'population'],
    rows.map((r) => [r.zoneCode, r.zoneName, r.istatCode, r.name, r.population]),
  );
}

/** The municipalities of one zone, with the zone and zoning names: what a district defined by a zone takes. */
export async function getZoneMunicipalities(context: UseCaseContext, zoneId: string): Promise<{ zoneId: string; zoneCode: string; zoneName: string; zoningId: string; zoningName: string; municipalityCodes: string[] }> {
  assertCan(context.actor, ZoningActions['zonings.read'], { zoneId });
  const zone = await selectZoneById(context.db.orm, zoneId);
  if (!zone) throw zoneNotFound(zoneId);
  return {
    zoneId,
    zoneCode: zone.code,
    zoneName: zone.name,
    zoningId: zone.zoningId,
    zoningName: zone.zoningName,
    municipalityCodes: await selectZoneMunicipalityCodes(context.db.orm, zoneId),
  };
}
