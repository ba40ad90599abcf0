import { moveMunicipalityCodeRows, type MunicipalityCodesHook } from '../../platform/municipality-code-moves';

/**
 * After a territory import: a district's area naming a suppressed municipality names its successor instead; two
 * predecessors of one district fold into one row.
 */
export const moveMunicipalityCodes: MunicipalityCodesHook = (tx, moves, context) =>
  moveMunicipalityCodeRows(tx, moves, context, 'districts.move-municipality-codes', [
    { table: 'district_municipalities', column: 'municipality_code', uniqueWith: ['district_id'] },
  ]);
