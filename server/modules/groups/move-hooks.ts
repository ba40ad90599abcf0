import { moveMunicipalityCodeRows, type MunicipalityCodesHook } from '../../platform/municipality-code-moves';
import { moveOrganizationRows, type OrganizationMergeHook } from '../../platform/organization-merge';
import { countOrganizationRows, moveOrganizationRowsToKept } from './merged-organization.repository';

/** The groups module's part of an organization merge: members and action owners follow to the kept organization. */
export const moveMergedOrganization: OrganizationMergeHook = (tx, merge, context) =>
  moveOrganizationRows(tx, merge, context, 'groups.move-merged-organization', { count: countOrganizationRows, move: moveOrganizationRowsToKept });

/** After a territory import: a meeting's municipality follows a suppressed code to its successor (version bumped). */
export const moveMunicipalityCodes: MunicipalityCodesHook = (tx, moves, context) =>
  moveMunicipalityCodeRows(tx, moves, context, 'groups.move-municipality-codes', [{ table: 'group_meetings', column: 'municipality_code', versioned: true }]);
