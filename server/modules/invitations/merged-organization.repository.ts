import { sql } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/database';
import type { OrganizationMerge } from '../../platform/organization-merge';

/** Per column of this module referring to organizations, how many rows refer to the organization. */
export async function countOrganizationRows(db: DbExecutor, organizationId: string): Promise<Record<string, number>> {
  const result = await db.execute<Record<string, number>>(sql`
    select (select count(*)::int from invitations where organization_id = ${organizationId}) as "invitations.organization_id"`);
  return { ...result.rows[0]! };
}

/** Moves the merged organization's invitations of people to the organization to the kept organization. */
export async function moveOrganizationRowsToKept(db: DbExecutor, merge: OrganizationMerge): Promise<void> {
  const { keptOrganizationId: kept, mergedOrganizationId: merged } = merge;
  await db.execute(sql`update invitations set organization_id = ${kept} where organization_id = ${merged}`);
}
