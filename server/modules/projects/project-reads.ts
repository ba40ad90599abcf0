import { sql, type SQL } from 'drizzle-orm';
import {
  ZProjectListQuery,
  ZProjectMapQuery,
  type TProject,
  type TProjectFilters,
  type TProjectList,
  type TProjectMap,
  type TProjectSummary,
} from '../../../common/contracts/projects';
import { DEFAULT_PARTNERSHIP_RULE, FUNDING_KINDS, type FundingKind } from '../../../common/domain/projects';
import { assertCan } from '../../platform/access/policy';
import type { DbExecutor } from '../../platform/db/database';
import { notFound } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import { toCsv } from '../../platform/export/csv';
import type { UseCaseContext } from '../../platform/use-case';
import { presentProject, todayIso } from './present-project';
import { ProjectActions } from './projects.policy';
import { selectAccessFacts, selectProject } from './projects.repository';

/** One project: the public part for anyone signed in, the private parts for its members (presentProject). */
export async function getProject(context: UseCaseContext, id: string): Promise<TProject> {
  assertCan(context.actor, ProjectActions['projects.read-public']);
  const project = await selectProject(context.db.orm, id);
  if (!project) throw notFound('project', id);
  return presentProject(context.db.orm, context, project, await selectAccessFacts(context.db.orm, id, todayIso()));
}

export function getPartnershipRule(context: UseCaseContext) {
  assertCan(context.actor, ProjectActions['projects.read-public']);
  return { code: DEFAULT_PARTNERSHIP_RULE.code, conditions: DEFAULT_PARTNERSHIP_RULE.conditions.map((condition) => ({ ...condition })) as never };
}

/** The filters as SQL over `projects p` (all public columns: the list never reads budget lines). */
function whereOf(filters: TProjectFilters): SQL {
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

type SummaryRow = {
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

async function selectSummaries(db: DbExecutor, where: SQL, limit: number, after: { updatedAt: string; id: string } | null): Promise<SummaryRow[]> {
  const keyset = after ? sql`and (p.updated_at, p.id) < (${after.updatedAt}::timestamptz, ${after.id}::uuid)` : sql``;
  const result = await db.execute<SummaryRow>(sql`
    select p.id, p.title, p.summary, p.status, p.target_groups, p.strands, to_char(p.start_on, 'YYYY-MM-DD') as start_on,
      to_char(p.end_on, 'YYYY-MM-DD') as end_on, p.budget_cents::text as budget_cents, p.committed_cents::text as committed_cents,
      p.funding_kinds, p.updated_at,
      (select json_agg(json_build_object('id', d.id, 'name', d.name) order by d.name) from project_districts pd join district_names d on d.id = pd.district_id where pd.project_id = p.id) as districts,
      (select o.display_name from project_partners pp join organization_public_fields o on o.id = pp.organization_id
        where pp.project_id = p.id and pp.role = 'lead' and (pp.left_on is null or pp.left_on > current_date) order by o.display_name limit 1) as lead_name,
      (select count(*)::int from project_partners pp where pp.project_id = p.id and (pp.left_on is null or pp.left_on > current_date)) as partner_count
    from projects p
    where ${where} ${keyset}
    order by p.updated_at desc, p.id desc
    limit ${limit}`);
  return result.rows;
}

function toSummary(row: SummaryRow): TProjectSummary {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    status: row.status,
    districts: row.districts ?? [],
    targetGroups: row.target_groups,
    strands: row.strands,
    startOn: row.start_on,
    endOn: row.end_on,
    leadOrganizationName: row.lead_name,
    partnerCount: row.partner_count,
    budgetCents: Number(row.budget_cents),
    committedCents: Number(row.committed_cents),
    fundingKinds: FUNDING_KINDS.filter((kind) => row.funding_kinds.includes(kind)),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

function decodeCursor(cursor: string | undefined): { updatedAt: string; id: string } | null {
  if (!cursor) return null;
  const [updatedAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!updatedAt || !id || Number.isNaN(Date.parse(updatedAt)) || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  return { updatedAt, id };
}

/** The public list, newest change first, filtered, in keyset pages. */
export async function listProjects(context: UseCaseContext, raw: unknown): Promise<TProjectList> {
  assertCan(context.actor, ProjectActions['projects.read-public']);
  const query = parseInput(ZProjectListQuery, raw);
  const where = whereOf(query);
  const rows = await selectSummaries(context.db.orm, where, query.limit + 1, decodeCursor(query.cursor));
  const total = (await context.db.orm.execute<{ total: number }>(sql`select count(*)::int as total from projects p where ${where}`)).rows[0]!.total;
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > query.limit && last ? Buffer.from(`${new Date(last.updated_at).toISOString()}|${last.id}`).toString('base64url') : null;
  return { items: page.map(toSummary), nextCursor, total };
}

/** For the map: per district, how many projects match and their budget and committed funding by kind (public totals). */
export async function projectMap(context: UseCaseContext, raw: unknown): Promise<TProjectMap> {
  assertCan(context.actor, ProjectActions['projects.read-public']);
  const filters = parseInput(ZProjectMapQuery, raw);
  const where = whereOf(filters);
  const totals = await context.db.orm.execute<{ district_id: string; district_name: string; project_count: number; budget_cents: string; committed_cents: string }>(sql`
    select pd.district_id, d.name as district_name, count(*)::int as project_count, sum(p.budget_cents)::text as budget_cents, sum(p.committed_cents)::text as committed_cents
    from projects p join project_districts pd on pd.project_id = p.id join district_names d on d.id = pd.district_id
    where ${where}
    group by pd.district_id, d.name order by d.name`);
  const byKind = await context.db.orm.execute<{ district_id: string; kind: FundingKind; committed_cents: string }>(sql`
    select pd.district_id, f.kind, sum(f.committed_cents)::text as committed_cents
    from projects p join project_districts pd on pd.project_id = p.id join project_funding_sources f on f.project_id = p.id
    where ${where}
    group by pd.district_id, f.kind`);
  const kindCents = new Map(byKind.rows.map((row) => [`${row.district_id}|${row.kind}`, row.committed_cents]));
  return {
    districts: totals.rows.map((row) => ({
      districtId: row.district_id,
      districtName: row.district_name,
      projectCount: row.project_count,
      budgetCents: Number(row.budget_cents),
      committedCents: Number(row.committed_cents),
      byFundingKind: FUNDING_KINDS.flatMap((kind) => {
        const cents = Number(kindCents.get(`${row.district_id}|${kind}`) ?? 0);
        return cents !== 0 ? [{ kind, committedCents: cents }] : [];
      }),
      latitude: null,
      longitude: null,
    })),
  };
}

const CSV_HEADER = ['id', 'title', 'status', 'districts', 'strands', 'target_groups', 'start_on', 'end_on', 'lead', 'partners', 'budget_eur', 'committed_eur', 'funding_kinds', 'updated_at'];
const euros = (cents: string) => {
  const value = BigInt(cents);
  const magnitude = (value < 0n ? -value : value).toString().padStart(3, '0');
  return `${value < 0n ? '-' : ''}${magnitude.slice(0, -2)}.${magnitude.slice(-2)}`;
};

/** The public list as CSV (every matching project, no private part). */
export async function exportProjects(context: UseCaseContext, raw: unknown): Promise<string> {
  assertCan(context.actor, ProjectActions['projects.read-public']);
  const filters = parseInput(ZProjectMapQuery.extend({ districtId: ZProjectListQuery.shape.districtId }), raw);
  const rows = await selectSummaries(context.db.orm, whereOf(filters), 100_000, null);
  return toCsv(
    CSV_HEADER,
    rows.map((row) => [
      row.id,
      row.title,
      row.status,
      (row.districts ?? []).map((district) => district.name).join('; '),
      row.strands.join('; '),
      row.target_groups.join('; '),
      row.start_on,
      row.end_on,
      row.lead_name,
      row.partner_count,
      euros(row.budget_cents),
      euros(row.committed_cents),
      FUNDING_KINDS.filter((kind) => row.funding_kinds.includes(kind)).join('; '),
      new Date(row.updated_at).toISOString(),
    ]),
  );
}
