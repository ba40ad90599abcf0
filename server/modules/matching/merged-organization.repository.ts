import { sql } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/database';
import type { OrganizationMerge } from '../../platform/organization-merge';

/** Per column of this module referring to organizations, how many rows refer to the organization. */
export async function countOrganizationRows(db: DbExecutor, organizationId: string): Promise<Record<string, number>> {
  const result = await db.execute<Record<string, number>>(sql`
    select (select count(*)::int from matching_proposal_parties where organization_id = ${organizationId}) as "matching_proposal_parties.organization_id",
           (select count(*)::int from referrals where referring_organization_id = ${organizationId}) as "referrals.referring_organization_id",
           (select count(*)::int from referrals where provider_organization_id = ${organizationId}) as "referrals.provider_organization_id"`);
  return { ...result.rows[0]! };
}

/** Moves the merged organization's proposal parties and referrals (versions bumped) to the kept organization. */
export async function moveOrganizationRowsToKept(db: DbExecutor, merge: OrganizationMerge): Promise<void> {
  const { keptOrganizationId: kept, mergedOrganizationId: merged } = merge;
  // A proposal names an organization once per role (primary key): when both organizations are parties in the same
  // role, the kept one's row takes the merged one's people and cost share, and the merged one's row goes.
  await db.execute(sql`
    update matching_proposal_parties k
    set people_count = case when k.people_count is null and m.people_count is null then null else coalesce(k.people_count, 0) + coalesce(m.people_count, 0) end,
        cost_share_cents = case when k.cost_share_cents is null and m.cost_share_cents is null then null else coalesce(k.cost_share_cents, 0) + coalesce(m.cost_share_cents, 0) end
    from matching_proposal_parties m
    where k.organization_id = ${kept} and m.organization_id = ${merged} and m.proposal_id = k.proposal_id and m.role = k.role`);
  await db.execute(sql`
    delete from matching_proposal_parties m where m.organization_id = ${merged}
      and exists (select 1 from matching_proposal_parties k where k.organization_id = ${kept} and k.proposal_id = m.proposal_id and k.role = m.role)`);
  await db.execute(sql`update matching_proposal_parties set organization_id = ${kept} where organization_id = ${merged}`);
  // One statement for both columns: a referral the merged organization both made and received is one new version.
  await db.execute(sql`
    update referrals
    set referring_organization_id = case when referring_organization_id = ${merged} then ${kept}::uuid else referring_organization_id end,
        provider_organization_id = case when provider_organization_id = ${merged} then ${kept}::uuid else provider_organization_id end,
        version = version + 1, updated_at = now()
    where referring_organization_id = ${merged} or provider_organization_id = ${merged}`);
}
