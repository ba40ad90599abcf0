import { sql } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/database';
import type { OrganizationMerge } from '../../platform/organization-merge';

/** Per column of this module referring to organizations, how many rows refer to the organization. */
export async function countOrganizationRows(db: DbExecutor, organizationId: string): Promise<Record<string, number>> {
  const result = await db.execute<Record<string, number>>(sql`
    select (select count(*)::int from survey_invitations where organization_id = ${organizationId}) as "survey_invitations.organization_id",
           (select count(*)::int from survey_responses where organization_id = ${organizationId}) as "survey_responses.organization_id"`);
  return { ...result.rows[0]! };
}

/** Moves the merged organization's survey invitations and responses (versions bumped) to the kept organization. */
export async function moveOrganizationRowsToKept(db: DbExecutor, merge: OrganizationMerge): Promise<void> {
  const { keptOrganizationId: kept, mergedOrganizationId: merged } = merge;
  // One invitation per survey and organization (unique): when both were invited, the merged one's invitation goes
  // (its link stops working; its response, if any, stays, detached from the link, and moves with the rest — a
  // coordinator may exclude one of the two from the report).
  await db.execute(sql`
    delete from survey_invitations m where m.organization_id = ${merged}
      and exists (select 1 from survey_invitations k where k.organization_id = ${kept} and k.survey_id = m.survey_id)`);
  await db.execute(sql`update survey_invitations set organization_id = ${kept} where organization_id = ${merged}`);
  await db.execute(sql`update survey_responses set organization_id = ${kept}, version = version + 1, updated_at = now() where organization_id = ${merged}`);
}
