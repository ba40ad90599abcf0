import { moveMunicipalityCodeRows, type MunicipalityCodesHook } from '../../platform/municipality-code-moves';

/**
 * After a territory import: a zoning's municipality follows a suppressed code to its successor. Predecessors in the
 * same zone fold into one row; predecessors in two zones of one zoning are a conflict to resolve by hand: both rows
 * stay on their old codes and the import reports them.
 */
export const moveMunicipalityCodes: MunicipalityCodesHook = (tx, moves, context) =>
  moveMunicipalityCodeRows(tx, moves, context, 'zonings.move-municipality-codes', [
    { table: 'zone_municipalities', column: 'municipality_code', uniqueWith: ['zoning_id'], agreeOn: ['zone_id'] },
  ]);
