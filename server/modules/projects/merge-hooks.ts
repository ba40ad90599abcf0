import { moveMunicipalityCodeRows, type MunicipalityCodesHook } from '../../platform/municipality-code-moves';
import { moveOrganizationRows, type OrganizationMergeHook } from '../../platform/organization-merge';
import { countOrganizationRows, moveOrganizationRowsToKept } from './merged-organization.repository';

/** The projects module's part of an organization merge (its manifest's mergeOrganization), audited with the counts. */
export const moveMergedOrganization: OrganizationMergeHook = (tx, merge, context) =>
  moveOrganizationRows(tx, merge, context, 'projects.move-merged-organization', { count: countOrganizationRows, move: moveOrganizationRowsToKept });

/** After a territory import: beneficiaries' and scale-ups' municipalities follow a suppressed code to its successor. */
export const moveMunicipalityCodes: MunicipalityCodesHook = (tx, moves, context) =>
  moveMunicipalityCodeRows(tx, moves, context, 'projects.move-municipality-codes', [
    { table: 'project_beneficiaries', column: 'municipality_code', uniqueWith: ['project_id', 'period', 'target_group', 'organization_id'] },
    { table: 'project_scale_up_places', column: 'municipality_code' },
  ]);
