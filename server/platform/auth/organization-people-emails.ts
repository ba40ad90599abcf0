import type { DbExecutor } from '../db/database';
import { selectOrganizationPeopleEmails } from './auth.repository';

/**
 * Where to write to the people of organizations: the sign-in addresses of their administrators and members. For modules
 * that mail an organization without a public address of its own (matching's proposals and referrals): role grants and
 * users are the platform's tables (ADR 0026), so modules ask here rather than join them. Not access-checked: the caller
 * has already decided the organization is to be told, and the addresses go into mail, never into a response.
 */
export async function organizationPeopleEmails(db: DbExecutor, organizationIds: string[]): Promise<Map<string, string[]>> {
  return selectOrganizationPeopleEmails(db, organizationIds);
}
