import { sql, type SQL } from 'drizzle-orm';
import type { TProjectFilters, TProjectSummary } from '../../../common/contracts/projects';
import type { FundingKind } from '../../../common/domain/projects';
import type { DbExecutor } from '../../platform/db/database';

// The SQL of the public list, the map and the CSV export: only public columns of `projects p` (never budget lines).

/** The filters of the list, the map and the export (the map has no district). */
export type ProjectFilters = TProjectFilters;

/** The filters as SQL over `projects p`. */
function whereOf(filters: ProjectFilters): SQL {
  const conditions: SQL[] = [sql`true`];
  if (filters.districtId) conditions.push(sql`exists (select 1 from project_districts pd where pd.project_id = p.id and pd.district_id = ${filters.districtId})`);
  if (filters.status) conditions.push(sql`p.status = ${filters.status}`);
  if (filters.strand) conditions.push(sql`p.strands @> array[${filters.strand}]::text[]`);
  if (filters.targetGroup) conditions.push(sql`p.target_groups @> array[${filters.targetGroup}]::text[]`);
  if (filters.fundingKind) conditions.push(sql`p.funding_kinds @> array[${filters.fundingKind}]::text[]`);
  if (filters.organizationId) {
    conditions.push(sql`exists (select 1 from project_partners pp where pp.project_id = p.id and pp.organization_id = ${filters.organizationId} and (pp.left_on is null or pp.left_on > current_date))`);
  }
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    conditions.push(sql`(p.title ilike ${pattern} or p.summary ilike ${pattern})`);
  }
  return sql.join(conditions, sql` and `);
}

export type ProjectSummaryRow = {
  id: string;
  title: string;
  summary: string;
  status: TProjectSummary['status'];
  target_groups: string[];
  strands: TProjectSummary['strands'];
  start_on: string | null;
  end_on: string | null;
  budget_cents: string;
  committed_cents: string;
  funding_kinds: FundingKind[];
  updated_at: string | Date;
  districts: { id: string; name: string }[] | null;
  lead_name: string | null;
  partner_count: number;
}

/** The key of the last row of the previous page (newest change first). */
export type ProjectListKey = { updatedAt: string; id: string };

/** Matching projects with their districts, current lead's name and current partner count, newest change first, after the key. */
export async function selectProjectSummaries(db: DbExecutor, filters: ProjectFilters, limit: number, after: ProjectListKey | null): Promise<ProjectSummaryRow[]> {
  const keyset = after ? sql`and (p.updated_at, p.id) < (${after.updatedAt}::timestamptz, ${after.id}::uuid)` : sql``;
  const result = await db.execute<ProjectSummaryRow>(sql`
    select p.id, p.title, p.summary, p.status, p.target_groups, p.strands, to_char(p.start_on, 'YYYY-MM-DD') as start_on,
      to_char(p.end_on, 'YYYY-MM-DD') as end_on, p.budget_cents::text as budget_cents, p.committed_cents::text as committed_cents,
      p.funding_kinds, p.updated_at,
      (select json_agg(json_build_object('id', d.id, 'name', d.name) order by d.name) from project_districts pd join district_names d on d.id = pd.district_id where pd.project_id = p.id) as districts,
      (select o.display_name from project_partners pp join organization_public_fields o on o.id = pp.organization_id
        where pp.project_id = p.id and pp.role = 'lead' and (pp.left_on is null or pp.left_on > current_date) order by o.display_name limit 1) as lead_name,
      (select count(*)::int from project_partners pp where pp.project_id = p.id and (pp.left_on is null or pp.left_on > current_date)) as partner_count
    from projects p
    where ${whereOf(filters)} ${keyset}
    order by p.updated_at desc, p.id desc
    limit ${limit}`);
  return result.rows;
}

/** How many projects match the filters. */
export async function countProjects(db: DbExecutor, filters: ProjectFilters): Promise<number> {
  const result = await db.execute<{ total: number }>(sql`select count(*)::int as total from projects p where ${whereOf(filters)}`);
  return result.rows[0]!.total;
}

export type DistrictTotalsRow = { district_id: string; district_name: string; project_count: number; budget_cents: string; committed_cents: string };

/** Per district (by name), how many matching projects and the sum of their budgets and committed funding. */
export async function selectDistrictTotals(db: DbExecutor, filters: ProjectFilters): Promise<DistrictTotalsRow[]> {
  const result = await db.execute<DistrictTotalsRow>(sql`
    select pd.district_id, d.name as district_name, count(*)::int as project_count, sum(p.budget_cents)::text as budget_cents, sum(p.committed_cents)::text as committed_cents
    from projects p join project_districts pd on pd.project_id = p.id join district_names d on d.id = pd.district_id
    where ${whereOf(filters)}
    group by pd.district_id, d.name order by d.name`);
  return result.rows;
}

export type DistrictCommittedByKindRow = { district_id: string; kind: FundingKind; committed_cents: string };

/** Per district and funding kind, the committed funding of the matching projects. */
export async function selectDistrictCommittedByKind(db: DbExecutor, filters: ProjectFilters): Promise<DistrictCommittedByKindRow[]> {
  const result = await db.execute<DistrictCommittedByKindRow>(sql`
    select pd.district_id, f.kind, sum(f.committed_cents)::text as committed_cents
    from projects p join project_districts pd on pd.project_id = p.id join project_funding_sources f on f.project_id = p.id
    where ${whereOf(filters)}
    group by pd.district_id, f.kind`);
  return result.rows;
}

export type DistrictMapPointRow = { district_id: string; latitude: number; longitude: number };

/**
 * Where a district's pin goes: the representative point (always inside it, territory's pole of inaccessibility) of
 * the district's most populous municipality; a district whose municipalities have no point is left out.
 */
export async function selectDistrictMapPoints(db: DbExecutor, districtIds: string[]): Promise<DistrictMapPointRow[]> {
  if (districtIds.length === 0) return [];
  const result = await db.execute<DistrictMapPointRow>(sql`
    select distinct on (a.district_id) a.district_id, m.point_lat as latitude, m.point_lng as longitude
    from district_area_municipalities a join municipalities m on m.istat_code = a.municipality_code
    where a.district_id = any(${sql.param(districtIds)}::uuid[]) and m.point_lat is not null and m.point_lng is not null
    order by a.district_id, m.population desc nulls last, m.istat_code`);
  return result.rows;
}
