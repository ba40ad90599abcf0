import { sql, type SQL } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/database';
import type { TInvitation, TInvitableOrganization } from '../../../common/contracts/invitations';

/**
 * THE rule "organization O is a current member of district D" for invitations, in one place: the districts
 * module's published view of current, consented memberships (current_district_memberships, ADR 0020).
 */
export function currentDistrictMembershipsSql(): SQL {
  return sql`(select district_id, organization_id from current_district_memberships)`;
}

/** Organizations the actor may invite people to: members of the districts they coordinate, and those they administer. */
export async function selectInvitableOrganizations(
  db: DbExecutor,
  scope: { districtIds: string[]; organizationIds: string[]; everyDistrict: boolean; organizationId?: string },
): Promise<TInvitableOrganization[]> {
  const districtCondition = scope.everyDistrict
    ? sql`true`
    : scope.districtIds.length
      ? sql`m.district_id in (${sql.join(scope.districtIds.map((id) => sql`${id}::uuid`), sql`, `)})`
      : sql`false`;
  const administered = scope.organizationIds.length ? sql`o.id in (${sql.join(scope.organizationIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`false`;
  const only = scope.organizationId ? sql`and o.id = ${scope.organizationId}::uuid` : sql``;
  const result = await db.execute<{ id: string; name: string; district_id: string | null }>(sql`
    select o.id, coalesce(o.short_name, o.legal_name) as name,
           (select m.district_id from ${currentDistrictMembershipsSql()} m where m.organization_id = o.id and ${districtCondition} limit 1) as district_id
    from organization_public_fields o
    where o.status <> 'merged' ${only}
      and (${administered} or exists (select 1 from ${currentDistrictMembershipsSql()} m where m.organization_id = o.id and ${districtCondition}))
    order by lower(coalesce(o.short_name, o.legal_name))
    limit 2000`);
  return result.rows.map((row) => ({ id: row.id, name: row.name, districtId: row.district_id }));
}

export async function insertInvitation(
  db: DbExecutor,
  values: { organizationId: string; districtId: string | null; email: string; role: string; tokenHash: string; invitedByUserId: string | null; expiresAt: Date },
): Promise<{ id: string }> {
  const result = await db.execute<{ id: string }>(sql`
    insert into invitations (organization_id, district_id, email, role, token_hash, invited_by_user_id, expires_at)
    values (${values.organizationId}, ${values.districtId}, ${values.email}, ${values.role}, ${values.tokenHash}, ${values.invitedByUserId}, ${values.expiresAt})
    returning id`);
  return result.rows[0]!;
}

const STATUS = sql`case when i.accepted_at is not null then 'accepted' when i.revoked_at is not null then 'revoked'
                        when i.expires_at <= now() then 'expired' else 'pending' end`;

export async function selectInvitations(db: DbExecutor, organizationIds: string[]): Promise<TInvitation[]> {
  if (organizationIds.length === 0) return [];
  const result = await db.execute<{ id: string; organization_id: string; organization_name: string; email: string; role: TInvitation['role']; status: TInvitation['status']; expires_at: Date; created_at: Date }>(sql`
    select i.id, i.organization_id, coalesce(o.short_name, o.legal_name) as organization_name, i.email, i.role, ${STATUS} as status,
           i.expires_at, i.created_at
    from invitations i join organization_public_fields o on o.id = i.organization_id
    where i.organization_id in (${sql.join(organizationIds.map((id) => sql`${id}::uuid`), sql`, `)})
    order by i.created_at desc
    limit 500`);
  return result.rows.map((row) => ({
    id: row.id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    email: row.email,
    role: row.role,
    status: row.status,
    expiresAt: new Date(row.expires_at).toISOString(),
    createdAt: new Date(row.created_at).toISOString(),
  }));
}

export interface PendingInvitation {
  id: string;
  organizationId: string;
  organizationName: string;
  email: string;
  role: 'organization_member' | 'organization_admin';
  expiresAt: string;
}

/** A pending invitation by token hash; with `lock`, the row is locked so two acceptances cannot both pass. */
export async function selectPendingInvitation(db: DbExecutor, tokenHash: string, lock = false): Promise<PendingInvitation | null> {
  const result = await db.execute<{ id: string; organization_id: string; organization_name: string; email: string; role: PendingInvitation['role']; expires_at: Date }>(sql`
    select i.id, i.organization_id, coalesce(o.short_name, o.legal_name) as organization_name, i.email, i.role, i.expires_at
    from invitations i join organization_public_fields o on o.id = i.organization_id
    where i.token_hash = ${tokenHash} and i.accepted_at is null and i.revoked_at is null and i.expires_at > now()
    ${lock ? sql`for update of i` : sql``}`);
  const row = result.rows[0];
  return row
    ? { id: row.id, organizationId: row.organization_id, organizationName: row.organization_name, email: row.email, role: row.role, expiresAt: new Date(row.expires_at).toISOString() }
    : null;
}

export async function markInvitationAccepted(db: DbExecutor, invitationId: string, userId: string): Promise<void> {
  await db.execute(sql`update invitations set accepted_at = now(), accepted_by_user_id = ${userId} where id = ${invitationId}`);
}
