import { sql } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/database';
import type { OrganizationMerge } from '../../platform/organization-merge';

/** Per column of this module referring to organizations, how many rows refer to the organization. */
export async function countOrganizationRows(db: DbExecutor, organizationId: string): Promise<Record<string, number>> {
  const result = await db.execute<Record<string, number>>(sql`
    select (select count(*)::int from working_group_members where organization_id = ${organizationId}) as "working_group_members.organization_id",
           (select count(*)::int from group_actions where owner_organization_id = ${organizationId}) as "group_actions.owner_organization_id"`);
  return { ...result.rows[0]! };
}

/** A member keeps representing the kept organization (a person is once per group whatever the organization: no collision). */
export async function moveOrganizationRowsToKept(db: DbExecutor, merge: OrganizationMerge): Promise<void> {
  const { keptOrganizationId: kept, mergedOrganizationId: merged } = merge;
  await db.execute(sql`update working_group_members set organization_id = ${kept}, version = version + 1 where organization_id = ${merged}`);
  await db.execute(sql`update group_actions set owner_organization_id = ${kept}, version = version + 1, updated_at = now() where owner_organization_id = ${merged}`);
}
