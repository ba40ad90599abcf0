import { sql } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/database';
import type { OrganizationMerge } from '../../platform/organization-merge';

/** Per column of this module referring to organizations, how many rows refer to the organization. */
export async function countOrganizationRows(db: DbExecutor, organizationId: string): Promise<Record<string, number>> {
  const result = await db.execute<Record<string, number>>(sql`
    select (select count(*)::int from zones where operating_organization_id = ${organizationId}) as "zones.operating_organization_id"`);
  return { ...result.rows[0]! };
}

/** Moves the merged organization's zones the organization operates (versions bumped) to the kept organization. */
export async function moveOrganizationRowsToKept(db: DbExecutor, merge: OrganizationMerge): Promise<void> {
  const { keptOrganizationId: kept, mergedOrganizationId: merged } = merge;
  await db.execute(sql`update zones set operating_organization_id = ${kept}, version = version + 1 where operating_organization_id = ${merged}`);
}
