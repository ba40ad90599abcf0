import { moveOrganizationRows, type OrganizationMergeHook } from '../../platform/organization-merge';
import { countOrganizationRows, moveOrganizationRowsToKept } from './merged-organization.repository';

/**
 * The practices module's part of an organization merge (its manifest's mergeOrganization): practices (versions bumped)
 * and their linked organizations. Runs in the merge's transaction after the organizations module checked the right.
 */
export const moveMergedOrganization: OrganizationMergeHook = (tx, merge, context) =>
  moveOrganizationRows(tx, merge, context, 'practices.move-merged-organization', { count: countOrganizationRows, move: moveOrganizationRowsToKept });
