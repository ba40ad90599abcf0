import { sql } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/database';

// The home page's own reads, only over what the owners publish (ADR 0026): district_names,
// district_membership_records and current_district_memberships (districts), organization_public_fields
// (organizations), open_needs (needs). The use case limits every id to the actor's own.

export async function selectDistrictNames(db: DbExecutor, districtIds: string[] | 'all'): Promise<{ id: string; name: string }[]> {
  if (districtIds !== 'all' && districtIds.length === 0) return [];
  const scope = districtIds === 'all' ? sql`true` : sql`id = any(${sql.param(districtIds)}::uuid[])`;
  const result = await db.execute<{ id: string; name: string }>(sql`select id, name from district_names where ${scope} order by name, id`);
  return result.rows;
}

/** Per district: memberships waiting for an answer, by who must answer (requested: the district; invited: the organization). */
export async function selectPendingMembershipCounts(db: DbExecutor, districtIds: string[]): Promise<Map<string, { requested: number; invited: number }>> {
  const counts = new Map<string, { requested: number; invited: number }>();
  if (districtIds.length === 0) return counts;
  const result = await db.execute<{ district_id: string; requested: number; invited: number }>(sql`
    select district_id, count(*) filter (where status = 'requested')::int as requested, count(*) filter (where status = 'invited')::int as invited
    from district_membership_records
    where district_id = any(${sql.param(districtIds)}::uuid[]) and status in ('requested', 'invited')
    group by district_id`);
  for (const row of result.rows) counts.set(row.district_id, { requested: row.requested, invited: row.invited });
  return counts;
}

/** Per organization: district invitations waiting for its administrators. */
export async function selectInvitationCountsOfOrganizations(db: DbExecutor, organizationIds: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (organizationIds.length === 0) return counts;
  const result = await db.execute<{ organization_id: string; count: number }>(sql`
    select organization_id, count(*)::int as count from district_membership_records
    where organization_id = any(${sql.param(organizationIds)}::uuid[]) and status = 'invited'
    group by organization_id`);
  for (const row of result.rows) counts.set(row.organization_id, row.count);
  return counts;
}

export type OrganizationProfileRow = {
  id: string; display_name: string; description: string | null; municipality_code: string | null; email: string | null;
  website: string | null; fiscal_code: string | null; size_class: string | null;
};

/** The organizations' public profile fields (what the home asks to complete). */
export async function selectOrganizationProfiles(db: DbExecutor, organizationIds: string[]): Promise<OrganizationProfileRow[]> {
  if (organizationIds.length === 0) return [];
  const result = await db.execute<OrganizationProfileRow>(sql`
    select id, display_name, description, municipality_code, email, website, fiscal_code, size_class
    from organization_public_fields where id = any(${sql.param(organizationIds)}::uuid[])
    order by display_name, id`);
  return result.rows;
}

/** Per district: its current member organizations and its open needs. */
export async function selectDistrictMembersAndNeeds(db: DbExecutor, districtIds: string[]): Promise<Map<string, { members: number; open_needs: number }>> {
  const counts = new Map<string, { members: number; open_needs: number }>();
  if (districtIds.length === 0) return counts;
  const result = await db.execute<{ district_id: string; members: number; open_needs: number }>(sql`
    select d.id as district_id,
      (select count(distinct m.organization_id)::int from current_district_memberships m where m.district_id = d.id) as members,
      (select count(*)::int from open_needs n where n.district_id = d.id) as open_needs
    from unnest(${sql.param(districtIds)}::uuid[]) as d(id)`);
  for (const row of result.rows) counts.set(row.district_id, { members: row.members, open_needs: row.open_needs });
  return counts;
}
