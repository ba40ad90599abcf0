import { moveMunicipalityCodeRows, type MunicipalityCodesHook } from '../../platform/municipality-code-moves';

/** After a territory import: a need's municipality follows a suppressed code to its successor (version bumped). */
export const moveMunicipalityCodes: MunicipalityCodesHook = (tx, moves, context) =>
  moveMunicipalityCodeRows(tx, moves, context, 'needs.move-municipality-codes', [
    { table: 'needs', column: 'municipality_code', versioned: true },
  ]);
