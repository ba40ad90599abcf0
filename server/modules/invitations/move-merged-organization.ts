import { moveOrganizationRows, type OrganizationMergeHook } from '../../platform/organization-merge';
import { countOrganizationRows, moveOrganizationRowsToKept } from './merged-organization.repository';

/**
 * The invitations module's part of an organization merge (its manifest's mergeOrganization): invitations of people to the organization. Runs in the merge's
 * transaction after the organizations module checked the actor's right to merge; audited with the counts.
 */
export const moveMergedOrganization: OrganizationMergeHook = (tx, merge, context) =>
  moveOrganizationRows(tx, merge, context, 'invitations.move-merged-organization', { count: countOrganizationRows, move: moveOrganizationRowsToKept });
