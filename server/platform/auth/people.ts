import { sql } from 'drizzle-orm';
import type { DbExecutor } from '../db/database';

/**
 * People as other modules name them (a working group's members, an action's owner): users and role grants are the
 * platform's tables (ADR 0026), so modules ask here rather than join them. Not access-checked: the caller has decided
 * the actor may see these people (names go into responses, addresses and languages only into mail).
 */
export interface Person {
  userId: string;
  name: string;
  email: string;
  language: 'it' | 'en';
  isActive: boolean;
}

export async function peopleByIds(db: DbExecutor, userIds: string[]): Promise<Map<string, Person>> {
  const map = new Map<string, Person>();
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return map;
  const result = await db.execute<{ id: string; display_name: string; email: string; locale: 'it' | 'en'; is_active: boolean }>(sql`
    select id, display_name, email, locale, is_active from users where id = any(${sql.param(ids)}::uuid[])`);
  for (const row of result.rows) map.set(row.id, { userId: row.id, name: row.display_name, email: row.email, language: row.locale, isActive: row.is_active });
  return map;
}

/** The active people holding a role (administrator or member) in each of these organizations, by name. */
export async function peopleOfOrganizations(db: DbExecutor, organizationIds: string[]): Promise<{ organizationId: string; userId: string; name: string; isAdmin: boolean }[]> {
  if (organizationIds.length === 0) return [];
  const result = await db.execute<{ organization_id: string; user_id: string; display_name: string; is_admin: boolean }>(sql`
    select g.organization_id, u.id as user_id, u.display_name, bool_or(g.role = 'organization_admin') as is_admin
    from role_grants g join users u on u.id = g.user_id
    where g.organization_id = any(${sql.param(organizationIds)}::uuid[]) and g.role in ('organization_admin', 'organization_member') and u.is_active
    group by g.organization_id, u.id, u.display_name
    order by u.display_name, u.id`);
  return result.rows.map((row) => ({ organizationId: row.organization_id, userId: row.user_id, name: row.display_name, isAdmin: row.is_admin }));
}

/** Whether the person holds a role (administrator or member) in the organization. */
export async function holdsOrganizationRole(db: DbExecutor, userId: string, organizationId: string): Promise<boolean> {
  const result = await db.execute(sql`
    select 1 from role_grants where user_id = ${userId}::uuid and organization_id = ${organizationId}::uuid
      and role in ('organization_admin', 'organization_member') limit 1`);
  return result.rows.length > 0;
}
