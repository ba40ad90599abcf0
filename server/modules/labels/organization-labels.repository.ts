import { sql, type SQL } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/database';

// What the labels module publishes for other modules (the services directory): SQL over its published view
// organization_labels, with the one rule for "valid on a day" (not revoked, the day within its dates).

/**
 * `exists` a label valid on `today` (ISO date, Italy's day) for the organization in `organizationId` (a column or a
 * value): a cheap semi-join through label_awards' organization index, for a search filter.
 */
export function hasValidLabelSql(organizationId: SQL, today: string): SQL {
  return sql`exists (select 1 from organization_labels ol where ol.organization_id = ${organizationId}
    and ol.revoked_on is null and ${today}::date between ol.valid_from and ol.valid_until)`;
}

export interface ValidLabel {
  schemeName: string;
  publicCode: string;
  validUntil: string;
}

/** The labels valid on `today` of each of these organizations (one query whatever the count). */
export async function validLabelsOfOrganizations(db: DbExecutor, organizationIds: string[], today: string): Promise<Map<string, ValidLabel[]>> {
  const labels = new Map<string, ValidLabel[]>();
  const ids = [...new Set(organizationIds)];
  if (ids.length === 0) return labels;
  const result = await db.execute<{ organization_id: string; scheme_name: string; public_code: string; valid_until: string }>(sql`
    select ol.organization_id, ol.scheme_name, ol.public_code, ol.valid_until from organization_labels ol
    where ol.organization_id = any(${sql.param(ids)}::uuid[]) and ol.revoked_on is null and ${today}::date between ol.valid_from and ol.valid_until
    order by ol.scheme_name, ol.public_code`);
  for (const row of result.rows) {
    const list = labels.get(row.organization_id) ?? [];
    list.push({ schemeName: row.scheme_name, publicCode: row.public_code, validUntil: row.valid_until });
    labels.set(row.organization_id, list);
  }
  return labels;
}
