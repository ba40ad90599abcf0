import { sql } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/database';
import type { ProjectStatus } from '../../../common/domain/projects';
import type { ProjectAccessFacts } from './projects.policy';

// The projects module's SQL. Other modules' data is read only through what they publish: organization_public_fields,
// district_names, municipalities (and the needs and matching modules' exported functions).

export type ProjectRow = {
  id: string;
  title: string;
  summary: string;
  status: ProjectStatus;
  target_groups: string[];
  strands: string[];
  start_on: string | null;
  end_on: string | null;
  proposal_id: string | null;
  replica_of_project_id: string | null;
  budget_cents: string;
  committed_cents: string;
  funding_kinds: string[];
  version: number;
  created_at: string;
  updated_at: string;
}

const PROJECT_COLUMNS = sql`p.id, p.title, p.summary, p.status, p.target_groups, p.strands, to_char(p.start_on, 'YYYY-MM-DD') as start_on,
  to_char(p.end_on, 'YYYY-MM-DD') as end_on, p.proposal_id, p.replica_of_project_id, p.budget_cents::text as budget_cents,
  p.committed_cents::text as committed_cents, p.funding_kinds, p.version, p.created_at, p.updated_at`;

export async function selectProject(db: DbExecutor, id: string, options: { forUpdate?: boolean } = {}): Promise<ProjectRow | null> {
  const result = await db.execute<ProjectRow>(sql`select ${PROJECT_COLUMNS} from projects p where p.id = ${id} ${options.forUpdate ? sql`for update` : sql``}`);
  return result.rows[0] ?? null;
}

export async function insertProject(
  tx: DbExecutor,
  project: { title: string; summary: string; targetGroups: string[]; strands: string[]; startOn: string | null; endOn: string | null; proposalId: string | null; isDemo: boolean },
): Promise<string> {
  const result = await tx.execute<{ id: string }>(sql`
    insert into projects (title, summary, target_groups, strands, start_on, end_on, proposal_id, is_demo)
    values (${project.title}, ${project.summary}, ${sql.param(project.targetGroups)}::text[], ${sql.param(project.strands)}::text[],
      ${project.startOn}::date, ${project.endOn}::date, ${project.proposalId}::uuid, ${project.isDemo})
    returning id`);
  return result.rows[0]!.id;
}

export async function replaceProjectDistricts(tx: DbExecutor, projectId: string, districtIds: string[]): Promise<void> {
  await tx.execute(sql`delete from project_districts where project_id = ${projectId}`);
  await tx.execute(sql`insert into project_districts (project_id, district_id) select ${projectId}::uuid, unnest(${sql.param(districtIds)}::uuid[])`);
}

export async function updateProjectFields(
  tx: DbExecutor,
  id: string,
  fields: { title?: string; summary?: string; targetGroups?: string[]; strands?: string[]; startOn?: string | null; endOn?: string | null },
): Promise<void> {
  await tx.execute(sql`
    update projects set
      title = coalesce(${fields.title ?? null}, title),
      summary = coalesce(${fields.summary ?? null}, summary),
      target_groups = coalesce(${fields.targetGroups ? sql.param(fields.targetGroups) : null}::text[], target_groups),
      strands = coalesce(${fields.strands ? sql.param(fields.strands) : null}::text[], strands),
      start_on = ${fields.startOn === undefined ? sql`start_on` : sql`${fields.startOn}::date`},
      end_on = ${fields.endOn === undefined ? sql`end_on` : sql`${fields.endOn}::date`}
    where id = ${id}`);
}

/** Every write to a project bumps its version and its updated_at (the list's order), and keeps its money totals. */
export async function touchProject(tx: DbExecutor, id: string): Promise<void> {
  await tx.execute(sql`
    update projects p set version = p.version + 1, updated_at = now(),
      budget_cents = coalesce((select sum(amount_cents) from project_budget_lines where project_id = p.id), 0),
      committed_cents = coalesce((select sum(committed_cents) from project_funding_sources where project_id = p.id), 0),
      funding_kinds = coalesce((select array_agg(distinct kind order by kind) from project_funding_sources where project_id = p.id), '{}')
    where p.id = ${id}`);
}

export async function setProjectStatus(tx: DbExecutor, id: string, from: ProjectStatus, to: ProjectStatus, note: string, byLabel: string): Promise<void> {
  await tx.execute(sql`update projects set status = ${to} where id = ${id}`);
  await tx.execute(sql`insert into project_transitions (project_id, from_status, to_status, note, by_label) values (${id}, ${from}, ${to}, ${note}, ${byLabel})`);
}

export async function insertFirstTransition(tx: DbExecutor, id: string, byLabel: string): Promise<void> {
  await tx.execute(sql`insert into project_transitions (project_id, from_status, to_status, note, by_label) values (${id}, null, 'idea', '', ${byLabel})`);
}

export async function selectAccessFacts(db: DbExecutor, projectId: string, today: string): Promise<ProjectAccessFacts> {
  const result = await db.execute<{ district_ids: string[] | null; lead_ids: string[] | null; partner_ids: string[] | null }>(sql`
    select (select array_agg(district_id) from project_districts where project_id = ${projectId}) as district_ids,
      (select array_agg(organization_id) from project_partners where project_id = ${projectId} and role = 'lead' and (left_on is null or left_on > ${today}::date)) as lead_ids,
      (select array_agg(organization_id) from project_partners where project_id = ${projectId} and (left_on is null or left_on > ${today}::date)) as partner_ids`);
  const row = result.rows[0]!;
  return { districtIds: row.district_ids ?? [], leadOrganizationIds: row.lead_ids ?? [], partnerOrganizationIds: row.partner_ids ?? [] };
}

export async function selectProjectDistricts(db: DbExecutor, projectId: string): Promise<{ id: string; name: string }[]> {
  const result = await db.execute<{ id: string; name: string }>(sql`
    select d.id, d.name from project_districts pd join district_names d on d.id = pd.district_id where pd.project_id = ${projectId} order by d.name`);
  return result.rows;
}

export async function districtsExist(db: DbExecutor, ids: string[]): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`select id from district_names where id = any(${sql.param(ids)}::uuid[])`);
  return result.rows.map((row) => row.id);
}

export async function selectOrganizationKinds(db: DbExecutor, ids: string[]): Promise<Map<string, { name: string; kind: string }>> {
  if (ids.length === 0) return new Map();
  const result = await db.execute<{ id: string; name: string; kind: string }>(sql`
    select id, display_name as name, kind from organization_public_fields where id = any(${sql.param(ids)}::uuid[])`);
  return new Map(result.rows.map((row) => [row.id, { name: row.name, kind: row.kind }]));
}

export type PartnerRow = {
  id: string;
  organization_id: string;
  organization_name: string;
  organization_kind: string;
  role: string;
  work_share_percent: number;
  joined_on: string | null;
  left_on: string | null;
}

export async function selectPartners(db: DbExecutor, projectId: string): Promise<PartnerRow[]> {
  const result = await db.execute<PartnerRow>(sql`
    select pp.id, pp.organization_id, o.display_name as organization_name, o.kind as organization_kind, pp.role, pp.work_share_percent,
      to_char(pp.joined_on, 'YYYY-MM-DD') as joined_on, to_char(pp.left_on, 'YYYY-MM-DD') as left_on
    from project_partners pp join organization_public_fields o on o.id = pp.organization_id
    where pp.project_id = ${projectId}
    order by array_position(array['lead', 'partner', 'funder', 'evaluator', 'supporter'], pp.role), o.display_name, pp.id`);
  return result.rows;
}

export type BudgetLineRow = {
  id: string;
  category: string;
  organization_id: string | null;
  organization_name: string | null;
  description: string;
  amount_cents: string;
}

export async function selectBudgetLines(db: DbExecutor, projectId: string): Promise<BudgetLineRow[]> {
  const result = await db.execute<BudgetLineRow>(sql`
    select l.id, l.category, l.organization_id, o.display_name as organization_name, l.description, l.amount_cents::text as amount_cents
    from project_budget_lines l left join organization_public_fields o on o.id = l.organization_id
    where l.project_id = ${projectId} order by l.created_at, l.id`);
  return result.rows;
}

export type FundingSourceRow = {
  id: string;
  kind: string;
  funder_name: string;
  organization_id: string | null;
  committed_cents: string;
  spent_cents: string;
}

export async function selectFundingSources(db: DbExecutor, projectId: string): Promise<FundingSourceRow[]> {
  const result = await db.execute<FundingSourceRow>(sql`
    select id, kind, funder_name, organization_id, committed_cents::text as committed_cents, spent_cents::text as spent_cents
    from project_funding_sources where project_id = ${projectId} order by created_at, id`);
  return result.rows;
}

/** Rows of one project's child table, as they are (the presenter shapes them). */
export async function selectRows<T extends Record<string, unknown>>(db: DbExecutor, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await db.execute<T>(query);
  return result.rows as T[];
}
