import { sql } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/database';
import type { OrganizationMerge } from '../../platform/organization-merge';

/** Per column of this module referring to organizations, how many rows refer to the organization. */
export async function countOrganizationRows(db: DbExecutor, organizationId: string): Promise<Record<string, number>> {
  const result = await db.execute<Record<string, number>>(sql`
    select (select count(*)::int from districts where coordinator_organization_id = ${organizationId}) as "districts.coordinator_organization_id",
           (select count(*)::int from district_memberships where organization_id = ${organizationId}) as "district_memberships.organization_id",
           (select count(*)::int from district_body_members where organization_id = ${organizationId}) as "district_body_members.organization_id"`);
  return { ...result.rows[0]! };
}

/** Moves the merged organization's districts' coordinator organizations (versions bumped), memberships and governance seats to the kept organization. */
export async function moveOrganizationRowsToKept(db: DbExecutor, merge: OrganizationMerge): Promise<void> {
  const { keptOrganizationId: kept, mergedOrganizationId: merged } = merge;
  await db.execute(sql`
    update districts set coordinator_organization_id = ${kept}, version = version + 1, updated_at = now()
    where coordinator_organization_id = ${merged}`);
  // One open membership per organization and district (proposing another is a 409): when both organizations have one
  // in the same district, the stronger stays — accepted over pending, then the earlier start — and the other is
  // dropped (the audit entry keeps the counts, the organizations' history the rest).
  await db.execute(sql`
    delete from district_memberships where id in (
      select id from (
        select id, row_number() over (
          partition by district_id order by (status = 'accepted') desc, started_on, (organization_id = ${kept}) desc) as rank
        from district_memberships
        where organization_id in (${kept}, ${merged}) and status in ('invited', 'requested', 'accepted') and not has_period_ended(ended_on)
      ) ranked where rank > 1)`);
  await db.execute(sql`update district_memberships set organization_id = ${kept} where organization_id = ${merged}`);
  // Two seats of one organization in a body stay two (two representatives who sat for the two organizations).
  await db.execute(sql`update district_body_members set organization_id = ${kept} where organization_id = ${merged}`);
}
