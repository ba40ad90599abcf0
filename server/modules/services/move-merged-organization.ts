import { moveOrganizationRows, type OrganizationMergeHook } from '../../platform/organization-merge';
import { countOrganizationRows, moveOrganizationRowsToKept } from './merged-organization.repository';

/**
 * The services module's part of an organization merge (its manifest's mergeOrganization): services (versions bumped) and their places; the stored supply is per municipality and category, not per provider, so it does not change. Runs in the merge's
 * transaction after the organizations module checked the actor's right to merge; audited with the counts.
 */
export const moveMergedOrganization: OrganizationMergeHook = (tx, merge, context) =>
  moveOrganizationRows(tx, merge, context, 'services.move-merged-organization', { count: countOrganizationRows, move: moveOrganizationRowsToKept });
