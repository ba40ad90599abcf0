import { sql } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/database';
import type { ProjectStatus } from '../../../common/domain/projects';
import type { ProjectAccessFacts } from './projects.policy';

// The projects module's SQL. Other modules' data is read only through what they publish: organization_public_fields,
// district_names, municipalities, zone_labels (and the needs and matching modules' exported functions). A project's parts
// are in project-parts.repository.ts, the list and the map in project-list.repository.ts.

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
  replica_of_title: string | null;
  budget_cents: string;
  committed_cents: string;
  funding_kinds: string[];
  version: number;
  created_at: string;
  updated_at: string;
}

const PROJECT_COLUMNS = sql`p.id, p.title, p.summary, p.status, p.target_groups, p.strands, to_char(p.start_on, 'YYYY-MM-DD') as start_on,
  to_char(p.end_on, 'YYYY-MM-DD') as end_on, p.proposal_id, p.replica_of_project_id,
  (select r.title from projects r where r.id = p.replica_of_project_id) as replica_of_title, p.budget_cents::text as budget_cents,
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

export type TransitionRow = { id: string; from_status: string | null; to_status: string; at: string; by_label: string | null; note: string };

/** The project's moves along the pipeline, oldest first. */
export async function selectTransitions(db: DbExecutor, projectId: string): Promise<TransitionRow[]> {
  const result = await db.execute<TransitionRow>(sql`select id, from_status, to_status, at, by_label, note from project_transitions where project_id = ${projectId} order by at, id`);
  return result.rows;
}

/** The replica project records which project it replicates (a scale-up names it). */
export async function markProjectAsReplicaOf(tx: DbExecutor, replicaProjectId: string, originalProjectId: string): Promise<void> {
  await tx.execute(sql`update projects set replica_of_project_id = ${originalProjectId} where id = ${replicaProjectId}`);
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

/** Which of these ISTAT codes are municipalities (current or not) of the territory module. */
export async function municipalitiesExist(db: DbExecutor, codes: string[]): Promise<string[]> {
  const result = await db.execute<{ istat_code: string }>(sql`select istat_code from municipalities where istat_code = any(${sql.param(codes)}::text[])`);
  return result.rows.map((row) => row.istat_code);
}

export async function selectMunicipalityName(db: DbExecutor, istatCode: string): Promise<string | null> {
  const result = await db.execute<{ name: string }>(sql`select name from municipalities where istat_code = ${istatCode}`);
  return result.rows[0]?.name ?? null;
}

export async function selectDistrictName(db: DbExecutor, districtId: string): Promise<string | null> {
  const result = await db.execute<{ name: string }>(sql`select name from district_names where id = ${districtId}::uuid`);
  return result.rows[0]?.name ?? null;
}

/** A zone of a zoning as matching names it: "zoning · zone"; null when there is no such zone. */
export async function selectZoneLabel(db: DbExecutor, zoneId: string): Promise<string | null> {
  const result = await db.execute<{ label: string }>(sql`select zoning_name || ' · ' || zone_name as label from zone_labels where zone_id = ${zoneId}::uuid`);
  return result.rows[0]?.label ?? null;
}

export async function selectOrganizationKinds(db: DbExecutor, ids: string[]): Promise<Map<string, { name: string; kind: string }>> {
  if (ids.length === 0) return new Map();
  const result = await db.execute<{ id: string; name: string; kind: string }>(sql`
    select id, display_name as name, kind from organization_public_fields where id = any(${sql.param(ids)}::uuid[])`);
  return new Map(result.rows.map((row) => [row.id, { name: row.name, kind: row.kind }]));
}
