import type { DbExecutor } from '../db/database';
import type { OrganizationMerge } from '../organization-merge';
import { moveOrganizationGrants } from './auth.repository';

/**
 * The platform's part of an organization merge: role grants (platform-owned) that name the merged organization name
 * the kept one, a duplicate of a grant the kept one already gives dropped. Called by the organizations module's merge
 * use case, which checked access and records the audit entry (with this count) in the same transaction.
 */
export async function moveOrganizationRoleGrants(tx: DbExecutor, merge: OrganizationMerge): Promise<{ 'role_grants.organization_id': number }> {
  return { 'role_grants.organization_id': await moveOrganizationGrants(tx, merge.mergedOrganizationId, merge.keptOrganizationId) };
}
