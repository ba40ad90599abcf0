import { sql } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/database';
import type { OrganizationMerge } from '../../platform/organization-merge';

/** Per column of this module referring to organizations, how many rows refer to the organization. */
export async function countOrganizationRows(db: DbExecutor, organizationId: string): Promise<Record<string, number>> {
  const result = await db.execute<Record<string, number>>(sql`
    select (select count(*)::int from practices where organization_id = ${organizationId}) as "practices.organization_id",
           (select count(*)::int from practice_organizations where organization_id = ${organizationId}) as "practice_organizations.organization_id"`);
  return { ...result.rows[0]! };
}

/**
 * Moves the merged organization's practices (versions bumped) and links to the kept organization; a link the kept
 * organization already has, or a link to a practice the kept organization now writes, folds into it.
 */
export async function moveOrganizationRowsToKept(db: DbExecutor, merge: OrganizationMerge): Promise<void> {
  const { keptOrganizationId: kept, mergedOrganizationId: merged } = merge;
  await db.execute(sql`update practices set organization_id = ${kept}, version = version + 1, updated_at = now() where organization_id = ${merged}`);
  await db.execute(sql`
    delete from practice_organizations po where po.organization_id = ${merged}
      and (exists (select 1 from practice_organizations k where k.practice_id = po.practice_id and k.organization_id = ${kept})
        or exists (select 1 from practices p where p.id = po.practice_id and p.organization_id = ${kept}))`);
  await db.execute(sql`update practice_organizations set organization_id = ${kept} where organization_id = ${merged}`);
}
