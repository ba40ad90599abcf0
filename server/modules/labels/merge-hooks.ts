import { moveOrganizationRows, type OrganizationMergeHook } from '../../platform/organization-merge';
import { countOrganizationRows, moveOrganizationRowsToKept } from './merged-organization.repository';

/** The labels module's part of an organization merge (its manifest's mergeOrganization), audited with the counts. */
export const moveMergedOrganization: OrganizationMergeHook = (tx, merge, context) =>
  moveOrganizationRows(tx, merge, context, 'labels.move-merged-organization', { count: countOrganizationRows, move: moveOrganizationRowsToKept });
