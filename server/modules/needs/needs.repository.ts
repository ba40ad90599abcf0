import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { TNeedCounts, TNeedFilters } from '../../../common/contracts/needs';
import type { DbExecutor } from '../../platform/db/database';
import { categoryLabelSql, selectDemoServiceNames, selectExistingCategoryCodes, selectServiceExists, serviceNameSql } from '../services';
import { needs } from './needs.schema';

export type NeedRow = typeof needs.$inferSelect;

/** A need as a survey answer produces it: the survey module computes these, the register stores them. */
export interface SurveyNeedDraft {
  districtId: string | null;
  organizationId: string | null;
  categoryCode: string;
  targetGroup: string;
  municipalityCode: string;
  peopleCount: number;
  relevance: number | null;
  surveyQuestionId: string;
  surveyItemCode: string;
  expressedOn: string;
  isDemo?: boolean;
}

/**
 * Replaces the needs a survey response produced (an edited response replaces its needs; needs a coordinator has
 * already moved out of `open` are kept as they are, so an edit never undoes a coordinator's work).
 */
export async function replaceNeedsOfResponse(tx: DbExecutor, responseId: string, drafts: SurveyNeedDraft[]): Promise<NeedRow[]> {
  const existing = await tx.select().from(needs).where(eq(needs.surveyResponseId, responseId));
  const kept = existing.filter((need) => need.status !== 'open');
  const keptKeys = new Set(kept.map((need) => `${need.surveyQuestionId}|${need.surveyItemCode}`));
  await tx.delete(needs).where(and(eq(needs.surveyResponseId, responseId), eq(needs.status, 'open')));
  const fresh = drafts.filter((draft) => !keptKeys.has(`${draft.surveyQuestionId}|${draft.surveyItemCode}`));
  if (fresh.length === 0) return [];
  return tx
    .insert(needs)
    .values(fresh.map((draft) => ({ ...draft, source: 'survey' as const, surveyResponseId: responseId, isDemo: draft.isDemo ?? false })))
    .returning();
}

export type NewNeed = typeof needs.$inferInsert;

export async function insertNeeds(tx: DbExecutor, rows: NewNeed[]): Promise<NeedRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(needs).values(rows).returning();
}

/** The demo district, its municipalities, the demo organizations and the demo services (for the demo seed). */
export async function selectDemoNeedsContext(db: DbExecutor): Promise<{
  districtId: string;
  municipalityCodes: string[];
  organizations: { id: string; legalName: string }[];
  services: { id: string; name: string }[];
} | null> {
  const district = await db.execute<{ id: string }>(sql`select id from district_names where is_demo order by created_at limit 1`);
  const districtId = district.rows[0]?.id;
  if (!districtId) return null;
  const municipalities = await db.execute<{ municipality_code: string }>(
    sql`select municipality_code from district_area_municipalities where district_id = ${districtId}`,
  );
  const organizations = await db.execute<{ id: string; legal_name: string }>(sql`select id, legal_name from organization_public_fields where is_demo`);
  const services = await selectDemoServiceNames(db);
  return {
    districtId,
    municipalityCodes: municipalities.rows.map((row) => row.municipality_code),
    organizations: organizations.rows.map((row) => ({ id: row.id, legalName: row.legal_name })),
    services,
  };
}

// ---- The register (browse, counts, status) ----

const where = (conditions: SQL[]) => (conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``);

function filterConditions(filters: TNeedFilters, ownOrganizationIds: string[] | null): SQL[] {
  const conditions: SQL[] = [sql`n.district_id = ${filters.districtId}::uuid`];
  if (filters.categoryCode) conditions.push(sql`n.category_code = ${filters.categoryCode}`);
  if (filters.targetGroup) conditions.push(sql`n.target_group = ${filters.targetGroup}`);
  if (filters.municipalityCode) conditions.push(sql`n.municipality_code = ${filters.municipalityCode}`);
  if (filters.status) conditions.push(sql`n.status = ${filters.status}`);
  if (filters.source) conditions.push(sql`n.source = ${filters.source}`);
  if (filters.organizationId) conditions.push(sql`n.organization_id = ${filters.organizationId}::uuid`);
  if (ownOrganizationIds) conditions.push(sql`n.organization_id = any(${sql.param(ownOrganizationIds)}::uuid[])`);
  return conditions;
}

export type NeedViewRow = {
  id: string;
  district_id: string | null;
  organization_id: string | null;
  organization_name: string | null;
  category_code: string;
  category_label: string | null;
  target_group: string;
  municipality_code: string;
  municipality_name: string;
  people_count: number;
  relevance: number | null;
  source: 'survey' | 'manual';
  survey_id: string | null;
  description: string;
  expressed_on: string;
  status: 'open' | 'answered_by_service' | 'answered_by_project' | 'closed';
  answered_by_service_id: string | null;
  answered_by_service_name: string | null;
  is_demo: boolean;
  version: number;
};

const needViewColumns = sql`
  n.id, n.district_id, n.organization_id, coalesce(o.short_name, o.legal_name) as organization_name,
  n.category_code, ${categoryLabelSql(sql`n.category_code`)} as category_label, n.target_group, n.municipality_code, m.name as municipality_name,
  n.people_count, n.relevance, n.source, r.survey_id, n.description, n.expressed_on, n.status,
  n.answered_by_service_id, ${serviceNameSql(sql`n.answered_by_service_id`)} as answered_by_service_name, n.is_demo, n.version`;
const needViewJoins = sql`
  left join organization_public_fields o on o.id = n.organization_id
  join municipalities m on m.istat_code = n.municipality_code
  left join survey_response_surveys r on r.response_id = n.survey_response_id`;

/** A page of needs, newest first (keyset on expressed_on, id), and the number of matches. */
export async function selectNeedPage(
  db: DbExecutor,
  filters: TNeedFilters,
  ownOrganizationIds: string[] | null,
  after: { expressedOn: string; id: string } | null,
  limit: number,
): Promise<{ rows: NeedViewRow[]; total: number }> {
  const conditions = filterConditions(filters, ownOrganizationIds);
  const total = await db.execute<{ total: number }>(sql`select count(*)::int as total from needs n ${where(conditions)}`);
  const page = after ? [...conditions, sql`(n.expressed_on, n.id) < (${after.expressedOn}::date, ${after.id}::uuid)`] : conditions;
  const rows = await db.execute<NeedViewRow>(sql`
    select ${needViewColumns} from needs n ${needViewJoins}
    ${where(page)} order by n.expressed_on desc, n.id desc limit ${limit}`);
  return { rows: rows.rows, total: total.rows[0]!.total };
}

export async function selectNeedView(db: DbExecutor, id: string): Promise<NeedViewRow | null> {
  const rows = await db.execute<NeedViewRow>(sql`select ${needViewColumns} from needs n ${needViewJoins} where n.id = ${id}::uuid`);
  return rows.rows[0] ?? null;
}

/** Counts by category × municipality (and each alone) in one grouping-sets query. */
export async function selectNeedCounts(db: DbExecutor, filters: TNeedFilters): Promise<TNeedCounts> {
  const result = await db.execute<{
    category_code: string | null;
    category_label: string | null;
    municipality_code: string | null;
    municipality_name: string | null;
    needs: number;
    people: number;
    mean_relevance: number | null;
    by_category: number;
    by_municipality: number;
  }>(sql`
    select n.category_code, ${categoryLabelSql(sql`n.category_code`)} as category_label, n.municipality_code, min(m.name) as municipality_name,
           count(*)::int as needs, coalesce(sum(n.people_count), 0)::int as people,
           round(avg(n.relevance), 2)::float8 as mean_relevance,
           grouping(n.category_code)::int as by_category, grouping(n.municipality_code)::int as by_municipality
    from needs n
    join municipalities m on m.istat_code = n.municipality_code
    ${where(filterConditions(filters, null))}
    group by grouping sets ((n.category_code, n.municipality_code), (n.category_code), (n.municipality_code), ())
    order by needs desc, n.category_code, n.municipality_code`);
  const counts: TNeedCounts = { total: { needs: 0, people: 0 }, byCategoryMunicipality: [], byMunicipality: [], byCategory: [] };
  for (const row of result.rows) {
    if (row.by_category && row.by_municipality) counts.total = { needs: row.needs, people: row.people };
    else if (row.by_municipality) counts.byCategory.push({ categoryCode: row.category_code!, categoryLabel: row.category_label, needs: row.needs, people: row.people });
    else if (row.by_category) counts.byMunicipality.push({ municipalityCode: row.municipality_code!, municipalityName: row.municipality_name!, needs: row.needs, people: row.people });
    else {
      counts.byCategoryMunicipality.push({
        categoryCode: row.category_code!,
        categoryLabel: row.category_label,
        municipalityCode: row.municipality_code!,
        municipalityName: row.municipality_name!,
        needs: row.needs,
        people: row.people,
        meanRelevance: row.mean_relevance,
      });
    }
  }
  return counts;
}

/** Which of these organizations are current members of the district. */
export async function selectCurrentMembers(db: DbExecutor, districtId: string, organizationIds: string[]): Promise<string[]> {
  if (organizationIds.length === 0) return [];
  const result = await db.execute<{ organization_id: string }>(sql`
    select distinct organization_id from current_district_memberships
    where district_id = ${districtId}::uuid and organization_id = any(${sql.param(organizationIds)}::uuid[])`);
  return result.rows.map((row) => row.organization_id);
}

export async function districtExists(db: DbExecutor, districtId: string): Promise<boolean> {
  const result = await db.execute(sql`select 1 from district_names where id = ${districtId}::uuid`);
  return result.rows.length > 0;
}

export async function taxonomyTermExists(db: DbExecutor, code: string): Promise<boolean> {
  return (await selectExistingCategoryCodes(db, [code])).has(code);
}

export async function isDistrictMunicipality(db: DbExecutor, districtId: string, municipalityCode: string): Promise<boolean> {
  const result = await db.execute(sql`
    select 1 from district_area_municipalities where district_id = ${districtId}::uuid and municipality_code = ${municipalityCode}`);
  return result.rows.length > 0;
}

export async function serviceExists(db: DbExecutor, serviceId: string): Promise<boolean> {
  return selectServiceExists(db, serviceId);
}

export async function selectNeedForUpdate(tx: DbExecutor, id: string): Promise<NeedRow | null> {
  const rows = await tx.select().from(needs).where(eq(needs.id, id)).for('update');
  return rows[0] ?? null;
}

export async function updateNeedStatus(
  tx: DbExecutor,
  id: string,
  expectedVersion: number,
  change: { status: NeedRow['status']; answeredByServiceId: string | null },
): Promise<NeedRow | null> {
  const rows = await tx
    .update(needs)
    .set({ ...change, version: sql`${needs.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(needs.id, id), eq(needs.version, expectedVersion)))
    .returning();
  return rows[0] ?? null;
}

/** Whose need it is and its category, whatever its status: what a referral made for the need checks. */
export async function selectNeedOwnerAndCategory(db: DbExecutor, needId: string): Promise<{ id: string; organization_id: string | null; category_code: string } | null> {
  const result = await db.execute<{ id: string; organization_id: string | null; category_code: string }>(sql`
    select id, organization_id, category_code from needs where id = ${needId}::uuid`);
  return result.rows[0] ?? null;
}

/**
 * Per organization and status: how many needs it expressed, for its members' home (published through index.ts; the
 * caller has limited the ids to the actor's own organizations).
 */
export async function selectNeedStatusCountsOfOrganizations(db: DbExecutor, organizationIds: string[]): Promise<{ organization_id: string; status: NeedRow['status']; count: number }[]> {
  if (organizationIds.length === 0) return [];
  const result = await db.execute<{ organization_id: string; status: NeedRow['status']; count: number }>(sql`
    select organization_id, status, count(*)::int as count from needs
    where organization_id = any(${sql.param(organizationIds)}::uuid[])
    group by organization_id, status order by organization_id, status`);
  return result.rows;
}

/** What a project page shows of the needs it links: category, group, place, people, status — never who expressed it. */
export type NeedSummaryForProject = {
  id: string;
  districtId: string | null;
  categoryCode: string;
  targetGroup: string;
  municipalityCode: string;
  municipalityName: string;
  peopleCount: number;
  status: string;
}

export async function selectNeedSummaries(db: DbExecutor, ids: string[]): Promise<NeedSummaryForProject[]> {
  if (ids.length === 0) return [];
  const result = await db.execute<NeedSummaryForProject>(sql`
    select n.id, n.district_id as "districtId", n.category_code as "categoryCode", n.target_group as "targetGroup",
      n.municipality_code as "municipalityCode", m.name as "municipalityName", n.people_count as "peopleCount", n.status
    from needs n join municipalities m on m.istat_code = n.municipality_code
    where n.id = any(${sql.param(ids)}::uuid[])`);
  return result.rows;
}
