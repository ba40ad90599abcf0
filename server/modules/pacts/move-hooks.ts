import { moveOrganizationRows, type OrganizationMergeHook } from '../../platform/organization-merge';
import { countOrganizationRows, moveOrganizationRowsToKept } from './merged-organization.repository';

/** The pacts module's part of an organization merge: signatures and commitments follow to the kept organization. */
export const moveMergedOrganization: OrganizationMergeHook = (tx, merge, context) =>
  moveOrganizationRows(tx, merge, context, 'pacts.move-merged-organization', { count: countOrganizationRows, move: moveOrganizationRowsToKept });
