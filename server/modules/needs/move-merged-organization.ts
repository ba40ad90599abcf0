import { moveOrganizationRows, type OrganizationMergeHook } from '../../platform/organization-merge';
import { countOrganizationRows, moveOrganizationRowsToKept } from './merged-organization.repository';

/**
 * The needs module's part of an organization merge (its manifest's mergeOrganization): needs (versions bumped). Runs in the merge's
 * transaction after the organizations module checked the actor's right to merge; audited with the counts.
 */
export const moveMergedOrganization: OrganizationMergeHook = (tx, merge, context) =>
  moveOrganizationRows(tx, merge, context, 'needs.move-merged-organization', { count: countOrganizationRows, move: moveOrganizationRowsToKept });
