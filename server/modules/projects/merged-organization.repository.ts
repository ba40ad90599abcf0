import { sql } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/database';
import type { OrganizationMerge } from '../../platform/organization-merge';

// The SQL of the projects module's part of an organization merge (merge-hooks.ts audits it).

const ORGANIZATION_COLUMNS = [
  ['project_partners', 'organization_id'],
  ['project_budget_lines', 'organization_id'],
  ['project_funding_sources', 'organization_id'],
  ['project_reports', 'organization_id'],
  ['project_beneficiaries', 'organization_id'],
  ['project_mentors', 'organization_id'],
] as const;

/** Per column of this module referring to organizations, how many rows refer to the organization. */
export async function countOrganizationRows(db: DbExecutor, organizationId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [table, column] of ORGANIZATION_COLUMNS) {
    const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)} where ${sql.raw(column)} = ${organizationId}`);
    counts[`${table}.${column}`] = result.rows[0]!.n;
  }
  return counts;
}

/**
 * Moves the merged organization's rows to the kept one. A project where both were partners keeps one partner row:
 * the kept organization's, with both shares of work added (they are one organization now), the lead role if either
 * led, the earlier joining date and no leaving date unless both left; beneficiary counts the two entered for the
 * same month, group and municipality are added up.
 */
export async function moveOrganizationRowsToKept(db: DbExecutor, merge: OrganizationMerge): Promise<void> {
  const { keptOrganizationId: kept, mergedOrganizationId: merged } = merge;
  await db.execute(sql`
    update project_partners k set work_share_percent = least(100, k.work_share_percent + m.work_share_percent),
      role = case when m.role = 'lead' then 'lead' else k.role end, joined_on = least(k.joined_on, m.joined_on),
      left_on = case when k.left_on is null or m.left_on is null then null else greatest(k.left_on, m.left_on) end
    from project_partners m where k.organization_id = ${kept} and m.organization_id = ${merged} and m.project_id = k.project_id`);
  await db.execute(sql`delete from project_partners m where m.organization_id = ${merged} and exists (select 1 from project_partners k where k.project_id = m.project_id and k.organization_id = ${kept})`);
  await db.execute(sql`
    update project_beneficiaries k set count = k.count + m.count
    from project_beneficiaries m where k.organization_id = ${kept} and m.organization_id = ${merged} and m.project_id = k.project_id
      and m.period = k.period and m.target_group = k.target_group and m.municipality_code = k.municipality_code`);
  await db.execute(sql`
    delete from project_beneficiaries m where m.organization_id = ${merged} and exists (select 1 from project_beneficiaries k where k.organization_id = ${kept}
      and k.project_id = m.project_id and k.period = m.period and k.target_group = m.target_group and k.municipality_code = m.municipality_code)`);
  for (const [table, column] of ORGANIZATION_COLUMNS) {
    await db.execute(sql`update ${sql.raw(table)} set ${sql.raw(column)} = ${kept} where ${sql.raw(column)} = ${merged}`);
  }
  await db.execute(sql`
    update projects set version = version + 1, updated_at = now()
    where id in (select project_id from project_partners where organization_id = ${kept})`);
}
