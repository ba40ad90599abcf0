import { moveMunicipalityCodeRows, type MunicipalityCodesHook } from '../../platform/municipality-code-moves';
import { SUPPLY_RADII_KM } from './service-supply';
import { countSupplyRowsOfMunicipalities, deleteSupplyOfMunicipalities, recomputeSupplyOfMunicipalities } from './service-supply.repository';

/**
 * After a territory import: a service's area and its places follow a suppressed code to its successor (two
 * predecessors in one service's area fold into one row); the stored supply, derived data, is dropped for the moved
 * codes and recomputed for their successors (whose point may have moved with a merged boundary). The districts hook
 * runs before this one (manifest order), so a district-wide service already reaches the successor.
 */
export const moveMunicipalityCodes: MunicipalityCodesHook = async (tx, moves, context) => {
  const report = await moveMunicipalityCodeRows(tx, moves, context, 'services.move-municipality-codes', [
    { table: 'service_area_municipalities', column: 'municipality_code', uniqueWith: ['service_id'] },
    { table: 'service_locations', column: 'municipality_code' },
  ]);
  const dropped = await deleteSupplyOfMunicipalities(tx, moves.moves.map((move) => move.fromCode));
  const successors = [...new Set(moves.moves.map((move) => move.toCode))];
  for (const radius of SUPPLY_RADII_KM) await recomputeSupplyOfMunicipalities(tx, radius, successors);
  report.moved['service_supply.municipality_code'] = dropped;
  report.remaining['service_supply.municipality_code'] = await countSupplyRowsOfMunicipalities(tx, moves.staleCodes);
  return report;
};
