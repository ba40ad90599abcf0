/**
 * What the services module publishes for other modules' SQL (issue 12: every table has one owner; another module
 * reads only what the owner publishes): the taxonomy's labels and codes, a service's name, the demo services. Scalar
 * subqueries on primary keys, so a reader's query keeps its plan. (The views matching reads, such as service_offers
 * and service_category_labels, are declared in this module's migrations by the matching work.)
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/database';

/** The Italian label of a taxonomy category, null for a code the taxonomy does not have. */
export function categoryLabelSql(categoryCode: SQL): SQL {
  return sql`(select t.label_it from service_taxonomy_terms t where t.code = ${categoryCode})`;
}

/** A service's name, null when there is no such service. */
export function serviceNameSql(serviceId: SQL): SQL {
  return sql`(select s.name from services s where s.id = ${serviceId})`;
}

/** The taxonomy codes among `codes` that exist. */
export async function selectExistingCategoryCodes(db: DbExecutor, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const result = await db.execute<{ code: string }>(sql`
    select code from service_taxonomy_terms where code = any(${sql.param(codes)}::text[])`);
  return new Set(result.rows.map((row) => row.code));
}

/** The Italian labels of the taxonomy categories among `codes` (a code the taxonomy does not have is left out). */
export async function selectCategoryLabelsOf(db: DbExecutor, codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const result = await db.execute<{ code: string; label: string }>(sql`
    select code, label_it as label from service_taxonomy_terms where code = any(${sql.param(unique)}::text[])`);
  return new Map(result.rows.map((row) => [row.code, row.label]));
}

export async function selectServiceExists(db: DbExecutor, serviceId: string): Promise<boolean> {
  const result = await db.execute(sql`select 1 from services where id = ${serviceId}::uuid`);
  return result.rows.length > 0;
}

/** The demo services (id, name): the demo needs seed marks some needs answered by them. */
export async function selectDemoServiceNames(db: DbExecutor): Promise<{ id: string; name: string }[]> {
  const result = await db.execute<{ id: string; name: string }>(sql`select id, name from services where is_demo`);
  return result.rows;
}

/**
 * Per organization: its services (not ended) nobody confirmed since `cutoff` (list-stale-services.ts staleCutoff), for
 * its members' home; the caller has limited the ids to the actor's own organizations.
 */
/**
 * Services past their confirmation date that concern each district (offered by a current member, or serving the
 * district's area) — the same scope as the stale-services list, counted for several districts in one query.
 */
export async function countStaleServicesOfDistricts(db: DbExecutor, districtIds: string[], cutoff: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (districtIds.length === 0) return counts;
  const result = await db.execute<{ district_id: string; count: number }>(sql`
    select d.district_id, count(s.id)::int as count
    from unnest(${sql.param(districtIds)}::uuid[]) as d(district_id)
    join services s on s.status <> 'ended' and s.confirmed_on < ${cutoff}::date
      and (s.organization_id in (select m.organization_id from current_district_memberships m where m.district_id = d.district_id)
           or s.service_area_district_id = d.district_id)
    group by d.district_id`);
  for (const row of result.rows) counts.set(row.district_id, row.count);
  return counts;
}

export async function countStaleServicesOfOrganizations(db: DbExecutor, organizationIds: string[], cutoff: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (organizationIds.length === 0) return counts;
  const result = await db.execute<{ organization_id: string; count: number }>(sql`
    select organization_id, count(*)::int as count from services
    where status <> 'ended' and confirmed_on < ${cutoff}::date and organization_id = any(${sql.param(organizationIds)}::uuid[])
    group by organization_id`);
  for (const row of result.rows) counts.set(row.organization_id, row.count);
  return counts;
}
