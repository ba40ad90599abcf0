import { moveMunicipalityCodeRows, type MunicipalityCodesHook } from '../../platform/municipality-code-moves';

/** After a territory import: a referral's municipality follows a suppressed code to its successor (version bumped). */
export const moveMunicipalityCodes: MunicipalityCodesHook = (tx, moves, context) =>
  moveMunicipalityCodeRows(tx, moves, context, 'matching.move-municipality-codes', [
    { table: 'referrals', column: 'municipality_code', versioned: true },
  ]);
