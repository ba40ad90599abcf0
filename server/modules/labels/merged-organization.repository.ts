import { sql } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/database';
import type { OrganizationMerge } from '../../platform/organization-merge';

// The SQL of the labels module's part of an organization merge (merge-hooks.ts audits it).

const ORGANIZATION_COLUMNS = [
  ['label_applications', 'organization_id'],
  ['label_awards', 'organization_id'],
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
 * Moves the merged organization's applications and labels to the kept one. Both open for the same scheme: the merged
 * one's open application is withdrawn first (one open application per organization and scheme); labels keep their
 * codes (badges already embedded keep working) and now name the kept organization.
 */
export async function moveOrganizationRowsToKept(db: DbExecutor, merge: OrganizationMerge): Promise<void> {
  const { keptOrganizationId: kept, mergedOrganizationId: merged } = merge;
  await db.execute(sql`
    update label_applications m set status = 'withdrawn', decided_at = now(), decision_reason = 'organization merged', version = version + 1
    where m.organization_id = ${merged} and m.status in ('draft', 'submitted')
      and exists (select 1 from label_applications k where k.organization_id = ${kept} and k.scheme_id = m.scheme_id and k.status in ('draft', 'submitted'))`);
  for (const [table, column] of ORGANIZATION_COLUMNS) {
    await db.execute(sql`update ${sql.raw(table)} set ${sql.raw(column)} = ${kept} where ${sql.raw(column)} = ${merged}`);
  }
}
