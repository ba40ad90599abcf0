import { sql } from 'drizzle-orm';
import type { EvaluationDecision, MilestoneStatus } from '../../../common/domain/projects';
import type { DbExecutor } from '../../platform/db/database';

// The SQL of a project's parts: partners, budget lines, funding sources, evaluation and scale-up, links to needs and
// groups, milestones, reports, beneficiaries and accompaniment (mentor, sessions, assessments). Every function works
// on one project's rows; the caller (a use case through mutateProject, or the presenter) has checked access.

// ----- partners -----------------------------------------------------------------------------------------------------

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

/** The partnership, lead first then by role and organization name. */
export async function selectPartners(db: DbExecutor, projectId: string): Promise<PartnerRow[]> {
  const result = await db.execute<PartnerRow>(sql`
    select pp.id, pp.organization_id, o.display_name as organization_name, o.kind as organization_kind, pp.role, pp.work_share_percent,
      to_char(pp.joined_on, 'YYYY-MM-DD') as joined_on, to_char(pp.left_on, 'YYYY-MM-DD') as left_on
    from project_partners pp join organization_public_fields o on o.id = pp.organization_id
    where pp.project_id = ${projectId}
    order by array_position(array['lead', 'partner', 'funder', 'evaluator', 'supporter'], pp.role), o.display_name, pp.id`);
  return result.rows;
}

/** A partner with only a role (no share of work, no dates), as a proposal's organizations join. */
export async function insertPartnerWithRole(tx: DbExecutor, projectId: string, organizationId: string, role: string): Promise<void> {
  await tx.execute(sql`insert into project_partners (project_id, organization_id, role) values (${projectId}, ${organizationId}, ${role})`);
}

/** Adds a partner; null when the organization already is one. */
export async function insertPartner(
  tx: DbExecutor,
  projectId: string,
  partner: { organizationId: string; role: string; workSharePercent: number; joinedOn: string | null; leftOn: string | null },
): Promise<string | null> {
  const result = await tx.execute<{ id: string }>(sql`
    insert into project_partners (project_id, organization_id, role, work_share_percent, joined_on, left_on)
    values (${projectId}, ${partner.organizationId}, ${partner.role}, ${partner.workSharePercent}, ${partner.joinedOn}::date, ${partner.leftOn}::date)
    on conflict (project_id, organization_id) do nothing returning id`);
  return result.rows[0]?.id ?? null;
}

export type PartnerTermsRow = { role: string; work_share_percent: number; joined_on: string | null; left_on: string | null };

/** One partner's role, share of work and dates; null when the project has no such partner. */
export async function selectPartnerTerms(db: DbExecutor, projectId: string, partnerId: string): Promise<PartnerTermsRow | null> {
  const result = await db.execute<PartnerTermsRow>(sql`
    select role, work_share_percent, to_char(joined_on, 'YYYY-MM-DD') as joined_on, to_char(left_on, 'YYYY-MM-DD') as left_on
    from project_partners where id = ${partnerId} and project_id = ${projectId}`);
  return result.rows[0] ?? null;
}

export async function updatePartnerTerms(
  tx: DbExecutor,
  partnerId: string,
  terms: { role: string; workSharePercent: number; joinedOn: string | null; leftOn: string | null },
): Promise<void> {
  await tx.execute(sql`
    update project_partners set role = ${terms.role}, work_share_percent = ${terms.workSharePercent},
      joined_on = ${terms.joinedOn}::date, left_on = ${terms.leftOn}::date
    where id = ${partnerId}`);
}

/** The shares of work of the partners active on `today` (joined, not yet left), added up. */
export async function selectActiveWorkShareTotal(db: DbExecutor, projectId: string, today: string): Promise<number> {
  const result = await db.execute<{ total: number }>(sql`
    select coalesce(sum(work_share_percent), 0)::int as total from project_partners
    where project_id = ${projectId} and (left_on is null or left_on > ${today}::date) and (joined_on is null or joined_on <= ${today}::date)`);
  return result.rows[0]!.total;
}

/** Whether the organization is (or was) a partner of the project, whatever its dates. */
export async function isPartnerOrganization(db: DbExecutor, projectId: string, organizationId: string): Promise<boolean> {
  const result = await db.execute<{ id: string }>(sql`select id from project_partners where project_id = ${projectId} and organization_id = ${organizationId}`);
  return result.rows.length > 0;
}

// ----- budget lines -------------------------------------------------------------------------------------------------

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

export async function insertBudgetLine(
  tx: DbExecutor,
  projectId: string,
  line: { organizationId: string | null; category: string; description: string; amountCents: number },
): Promise<string> {
  const result = await tx.execute<{ id: string }>(sql`
    insert into project_budget_lines (project_id, organization_id, category, description, amount_cents)
    values (${projectId}, ${line.organizationId}, ${line.category}, ${line.description}, ${line.amountCents}) returning id`);
  return result.rows[0]!.id;
}

/** Whose a budget line is (its organization, null for the whole project); null when the project has no such line. */
export async function selectBudgetLineOwner(db: DbExecutor, projectId: string, lineId: string): Promise<{ organization_id: string | null } | null> {
  const result = await db.execute<{ organization_id: string | null }>(sql`select organization_id from project_budget_lines where id = ${lineId} and project_id = ${projectId}`);
  return result.rows[0] ?? null;
}

export type BudgetLineFieldsRow = { category: string; description: string; amount_cents: string; organization_id: string | null };

/** Locks one budget line and reads its fields; null when the project has no such line. */
export async function selectBudgetLineForUpdate(tx: DbExecutor, projectId: string, lineId: string): Promise<BudgetLineFieldsRow | null> {
  const result = await tx.execute<BudgetLineFieldsRow>(sql`
    select category, description, amount_cents::text as amount_cents, organization_id from project_budget_lines where id = ${lineId} and project_id = ${projectId} for update`);
  return result.rows[0] ?? null;
}

export async function updateBudgetLineFields(tx: DbExecutor, lineId: string, fields: { category: string; description: string; amountCents: number }): Promise<void> {
  await tx.execute(sql`
    update project_budget_lines set category = ${fields.category}, description = ${fields.description},
      amount_cents = ${fields.amountCents}
    where id = ${lineId}`);
}

/** Deletes the line if it still belongs to `organizationId` (null: the whole project's); null when nothing was deleted. */
export async function deleteProjectBudgetLine(
  tx: DbExecutor,
  projectId: string,
  lineId: string,
  organizationId: string | null,
): Promise<{ category: string; amount_cents: string } | null> {
  const result = await tx.execute<{ category: string; amount_cents: string }>(sql`
    delete from project_budget_lines where id = ${lineId} and project_id = ${projectId} and organization_id is not distinct from ${organizationId}::uuid
    returning category, amount_cents::text as amount_cents`);
  return result.rows[0] ?? null;
}

// ----- funding sources ----------------------------------------------------------------------------------------------

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

export async function insertFundingSource(
  tx: DbExecutor,
  projectId: string,
  source: { kind: string; funderName: string; organizationId: string | null; committedCents: number; spentCents: number },
): Promise<string> {
  const result = await tx.execute<{ id: string }>(sql`
    insert into project_funding_sources (project_id, kind, funder_name, organization_id, committed_cents, spent_cents)
    values (${projectId}, ${source.kind}, ${source.funderName}, ${source.organizationId}::uuid, ${source.committedCents}, ${source.spentCents}) returning id`);
  return result.rows[0]!.id;
}

export type FundingSourceAmountsRow = { funder_name: string; committed_cents: string; spent_cents: string };

/** One funding source's funder and amounts; null when the project has no such source. */
export async function selectFundingSourceAmounts(db: DbExecutor, projectId: string, sourceId: string): Promise<FundingSourceAmountsRow | null> {
  const result = await db.execute<FundingSourceAmountsRow>(sql`
    select funder_name, committed_cents::text as committed_cents, spent_cents::text as spent_cents from project_funding_sources where id = ${sourceId} and project_id = ${projectId}`);
  return result.rows[0] ?? null;
}

export async function updateFundingSourceAmounts(tx: DbExecutor, sourceId: string, fields: { funderName: string; committedCents: number; spentCents: number }): Promise<void> {
  await tx.execute(sql`
    update project_funding_sources set funder_name = ${fields.funderName},
      committed_cents = ${fields.committedCents}, spent_cents = ${fields.spentCents}
    where id = ${sourceId}`);
}

/** Deletes a funding source; null when the project has no such source. */
export async function deleteProjectFundingSource(tx: DbExecutor, projectId: string, sourceId: string): Promise<{ kind: string; committed_cents: string } | null> {
  const result = await tx.execute<{ kind: string; committed_cents: string }>(sql`
    delete from project_funding_sources where id = ${sourceId} and project_id = ${projectId} returning kind, committed_cents::text as committed_cents`);
  return result.rows[0] ?? null;
}

// ----- evaluation and scale-up --------------------------------------------------------------------------------------

/** The decision of the project's latest evaluation, null when it has none. */
export async function selectLatestEvaluationDecision(db: DbExecutor, projectId: string): Promise<EvaluationDecision | null> {
  const result = await db.execute<{ decision: EvaluationDecision }>(sql`select decision from project_evaluations where project_id = ${projectId} order by recorded_at desc limit 1`);
  return result.rows[0]?.decision ?? null;
}

export type EvaluationRow = { id: string; measured: string; results: string; decision: string; reasons: string; recorded_at: string };

/** The project's latest evaluation, null when it has none. */
export async function selectLatestEvaluation(db: DbExecutor, projectId: string): Promise<EvaluationRow | null> {
  const result = await db.execute<EvaluationRow>(sql`
    select id, measured, results, decision, reasons, recorded_at from project_evaluations where project_id = ${projectId} order by recorded_at desc, id limit 1`);
  return result.rows[0] ?? null;
}

export async function insertEvaluation(
  tx: DbExecutor,
  projectId: string,
  evaluation: { measured: string; results: string; decision: EvaluationDecision; reasons: string },
): Promise<void> {
  await tx.execute(sql`
    insert into project_evaluations (project_id, measured, results, decision, reasons)
    values (${projectId}, ${evaluation.measured}, ${evaluation.results}, ${evaluation.decision}, ${evaluation.reasons})`);
}

/** Records (or re-records) the project's scale-up and its replica project, if any. */
export async function upsertScaleUp(tx: DbExecutor, projectId: string, replicaProjectId: string | null): Promise<void> {
  await tx.execute(sql`
    insert into project_scale_ups (project_id, replica_project_id) values (${projectId}, ${replicaProjectId})
    on conflict (project_id) do update set replica_project_id = excluded.replica_project_id, recorded_at = now()`);
}

/** The scale-up's places become exactly these municipalities and districts. */
export async function replaceScaleUpPlaces(tx: DbExecutor, projectId: string, municipalityCodes: string[], districtIds: string[]): Promise<void> {
  await tx.execute(sql`delete from project_scale_up_places where project_id = ${projectId}`);
  await tx.execute(sql`insert into project_scale_up_places (project_id, municipality_code) select ${projectId}::uuid, unnest(${sql.param(municipalityCodes)}::text[])`);
  await tx.execute(sql`insert into project_scale_up_places (project_id, district_id) select ${projectId}::uuid, unnest(${sql.param(districtIds)}::uuid[])`);
}

export type ScaleUpRow = { replica_project_id: string | null; replica_title: string | null; recorded_at: string };

export async function selectScaleUp(db: DbExecutor, projectId: string): Promise<ScaleUpRow | null> {
  const result = await db.execute<ScaleUpRow>(sql`
    select s.replica_project_id, r.title as replica_title, s.recorded_at from project_scale_ups s left join projects r on r.id = s.replica_project_id where s.project_id = ${projectId}`);
  return result.rows[0] ?? null;
}

export type ScaleUpPlaceRow = { municipality_code: string | null; municipality_name: string | null; district_id: string | null; district_name: string | null };

/** The scale-up's municipalities and districts with their names, by name. */
export async function selectScaleUpPlaces(db: DbExecutor, projectId: string): Promise<ScaleUpPlaceRow[]> {
  const result = await db.execute<ScaleUpPlaceRow>(sql`
    select pl.municipality_code, m.name as municipality_name, pl.district_id, d.name as district_name from project_scale_up_places pl
      left join municipalities m on m.istat_code = pl.municipality_code left join district_names d on d.id = pl.district_id
      where pl.project_id = ${projectId} order by m.name, d.name`);
  return result.rows;
}

// ----- links to needs and groups ------------------------------------------------------------------------------------

export type NeedLinkRow = { need_id: string; answered_at: string | null };

export async function selectNeedLinks(db: DbExecutor, projectId: string): Promise<NeedLinkRow[]> {
  const result = await db.execute<NeedLinkRow>(sql`select need_id, answered_at from project_need_links where project_id = ${projectId}`);
  return result.rows;
}

/** Links the need; false when it already was. */
export async function insertNeedLink(tx: DbExecutor, projectId: string, needId: string): Promise<boolean> {
  const result = await tx.execute<{ need_id: string }>(sql`insert into project_need_links (project_id, need_id) values (${projectId}, ${needId}) on conflict do nothing returning need_id`);
  return result.rows.length > 0;
}

/** Unlinks the need; false when it was not linked. */
export async function deleteNeedLink(tx: DbExecutor, projectId: string, needId: string): Promise<boolean> {
  const result = await tx.execute<{ need_id: string }>(sql`delete from project_need_links where project_id = ${projectId} and need_id = ${needId} returning need_id`);
  return result.rows.length > 0;
}

/** Locks the link to the need; false when the need is not linked. */
export async function lockNeedLink(tx: DbExecutor, projectId: string, needId: string): Promise<boolean> {
  const result = await tx.execute<{ need_id: string }>(sql`select need_id from project_need_links where project_id = ${projectId} and need_id = ${needId} for update`);
  return result.rows.length > 0;
}

export async function markNeedLinkAnswered(tx: DbExecutor, projectId: string, needId: string): Promise<void> {
  await tx.execute(sql`update project_need_links set answered_at = now() where project_id = ${projectId} and need_id = ${needId}`);
}

export type GroupLinkRow = {
  id: string;
  category_code: string;
  target_group: string | null;
  zone_kind: 'municipality' | 'district' | 'zoning';
  zone_key: string;
  zone_label: string;
  proposal_id: string | null;
};

export async function selectGroupLinks(db: DbExecutor, projectId: string): Promise<GroupLinkRow[]> {
  const result = await db.execute<GroupLinkRow>(sql`
    select id, category_code, target_group, zone_kind, zone_key, zone_label, proposal_id from project_group_links where project_id = ${projectId} order by category_code, zone_label, id`);
  return result.rows;
}

type GroupLinkFields = { categoryCode: string; targetGroup: string | null; zoneKind: string; zoneKey: string; zoneLabel: string };

/** The group of the proposal a project started from. */
export async function insertProposalGroupLink(tx: DbExecutor, projectId: string, link: GroupLinkFields & { proposalId: string }): Promise<void> {
  await tx.execute(sql`
      insert into project_group_links (project_id, category_code, target_group, zone_kind, zone_key, zone_label, proposal_id)
      values (${projectId}, ${link.categoryCode}, ${link.targetGroup}, ${link.zoneKind}, ${link.zoneKey}, ${link.zoneLabel}, ${link.proposalId})`);
}

/** Links a group; null when it already was. */
export async function insertGroupLink(tx: DbExecutor, projectId: string, link: GroupLinkFields): Promise<string | null> {
  const result = await tx.execute<{ id: string }>(sql`
    insert into project_group_links (project_id, category_code, target_group, zone_kind, zone_key, zone_label)
    values (${projectId}, ${link.categoryCode}, ${link.targetGroup}, ${link.zoneKind}, ${link.zoneKey}, ${link.zoneLabel}) on conflict do nothing returning id`);
  return result.rows[0]?.id ?? null;
}

/** Unlinks a group; false when the project has no such link. */
export async function deleteGroupLink(tx: DbExecutor, projectId: string, linkId: string): Promise<boolean> {
  const result = await tx.execute<{ id: string }>(sql`delete from project_group_links where id = ${linkId} and project_id = ${projectId} returning id`);
  return result.rows.length > 0;
}

// ----- milestones ---------------------------------------------------------------------------------------------------

export type MilestoneRow = { id: string; kind: 'milestone' | 'deliverable'; title: string; due_on: string; status: MilestoneStatus; done_on: string | null };

export async function selectMilestones(db: DbExecutor, projectId: string): Promise<MilestoneRow[]> {
  const result = await db.execute<MilestoneRow>(sql`
    select id, kind, title, to_char(due_on, 'YYYY-MM-DD') as due_on, status, to_char(done_on, 'YYYY-MM-DD') as done_on from project_milestones where project_id = ${projectId} order by due_on, id`);
  return result.rows;
}

export async function insertMilestone(
  tx: DbExecutor,
  projectId: string,
  milestone: { kind: string; title: string; dueOn: string; status: string; doneOn: string | null },
): Promise<string> {
  const result = await tx.execute<{ id: string }>(sql`
    insert into project_milestones (project_id, kind, title, due_on, status, done_on)
    values (${projectId}, ${milestone.kind}, ${milestone.title}, ${milestone.dueOn}::date, ${milestone.status}, ${milestone.doneOn}::date) returning id`);
  return result.rows[0]!.id;
}

export type MilestoneFieldsRow = { title: string; due_on: string; status: string; done_on: string | null };

/** One milestone's title, dates and status; null when the project has no such milestone. */
export async function selectMilestoneFields(db: DbExecutor, projectId: string, milestoneId: string): Promise<MilestoneFieldsRow | null> {
  const result = await db.execute<MilestoneFieldsRow>(sql`
    select title, to_char(due_on, 'YYYY-MM-DD') as due_on, status, to_char(done_on, 'YYYY-MM-DD') as done_on from project_milestones where id = ${milestoneId} and project_id = ${projectId}`);
  return result.rows[0] ?? null;
}

export async function updateMilestoneFields(tx: DbExecutor, milestoneId: string, fields: { title: string; dueOn: string; status: string; doneOn: string | null }): Promise<void> {
  await tx.execute(sql`
    update project_milestones set title = ${fields.title}, due_on = ${fields.dueOn}::date, status = ${fields.status}, done_on = ${fields.doneOn}::date where id = ${milestoneId}`);
}

// ----- reports ------------------------------------------------------------------------------------------------------

export type ReportRow = {
  id: string;
  organization_id: string | null;
  organization_name: string | null;
  period_start: string;
  period_end: string;
  text: string;
  file_ids: string[];
  created_at: string;
};

/** The progress reports, latest period first. */
export async function selectReports(db: DbExecutor, projectId: string): Promise<ReportRow[]> {
  const result = await db.execute<ReportRow>(sql`
    select r.id, r.organization_id, o.display_name as organization_name, to_char(r.period_start, 'YYYY-MM-DD') as period_start,
      to_char(r.period_end, 'YYYY-MM-DD') as period_end, r.text, r.file_ids, r.created_at
      from project_reports r left join organization_public_fields o on o.id = r.organization_id where r.project_id = ${projectId} order by r.period_start desc, r.created_at desc`);
  return result.rows;
}

export async function insertReport(
  tx: DbExecutor,
  projectId: string,
  report: { organizationId: string | null; periodStart: string; periodEnd: string; text: string; fileIds: string[] },
): Promise<string> {
  const result = await tx.execute<{ id: string }>(sql`
    insert into project_reports (project_id, organization_id, period_start, period_end, text, file_ids)
    values (${projectId}, ${report.organizationId}::uuid, ${report.periodStart}::date, ${report.periodEnd}::date, ${report.text}, ${sql.param(report.fileIds)}::uuid[]) returning id`);
  return result.rows[0]!.id;
}

// ----- beneficiaries ------------------------------------------------------------------------------------------------

export type BeneficiaryRow = {
  id: string;
  period: string;
  target_group: string;
  municipality_code: string;
  municipality_name: string;
  organization_id: string | null;
  organization_name: string | null;
  count: number;
};

/** The beneficiary counts, latest month first. */
export async function selectBeneficiaries(db: DbExecutor, projectId: string): Promise<BeneficiaryRow[]> {
  const result = await db.execute<BeneficiaryRow>(sql`
    select b.id, b.period, b.target_group, b.municipality_code, m.name as municipality_name, b.organization_id, o.display_name as organization_name, b.count
      from project_beneficiaries b join municipalities m on m.istat_code = b.municipality_code left join organization_public_fields o on o.id = b.organization_id
      where b.project_id = ${projectId} order by b.period desc, m.name, b.target_group`);
  return result.rows;
}

/** Who counts, which month, which group, where: one entry per combination. */
export type BeneficiaryKey = { organizationId: string | null; period: string; targetGroup: string; municipalityCode: string };

/** Locks the entry of this combination and reads its count; null when there is none yet. */
export async function selectBeneficiaryEntryForUpdate(tx: DbExecutor, projectId: string, key: BeneficiaryKey): Promise<{ id: string; count: number } | null> {
  const result = await tx.execute<{ id: string; count: number }>(sql`
    select id, count from project_beneficiaries where project_id = ${projectId} and period = ${key.period} and target_group = ${key.targetGroup}
      and municipality_code = ${key.municipalityCode} and organization_id is not distinct from ${key.organizationId}::uuid for update`);
  return result.rows[0] ?? null;
}

export async function setBeneficiaryCount(tx: DbExecutor, entryId: string, count: number): Promise<void> {
  await tx.execute(sql`update project_beneficiaries set count = ${count} where id = ${entryId}`);
}

export async function insertBeneficiaryEntry(tx: DbExecutor, projectId: string, entry: BeneficiaryKey & { count: number }): Promise<string> {
  const result = await tx.execute<{ id: string }>(sql`
    insert into project_beneficiaries (project_id, organization_id, period, target_group, municipality_code, count)
    values (${projectId}, ${entry.organizationId}::uuid, ${entry.period}, ${entry.targetGroup}, ${entry.municipalityCode}, ${entry.count}) returning id`);
  return result.rows[0]!.id;
}

/** Whose a beneficiaries entry is (its organization, null for the whole project); null when the project has no such entry. */
export async function selectBeneficiaryEntryOwner(db: DbExecutor, projectId: string, entryId: string): Promise<{ organization_id: string | null } | null> {
  const result = await db.execute<{ organization_id: string | null }>(sql`select organization_id from project_beneficiaries where id = ${entryId} and project_id = ${projectId}`);
  return result.rows[0] ?? null;
}

/** Deletes the entry if it still belongs to `organizationId` (null: the whole project's); null when nothing was deleted. */
export async function deleteBeneficiaryEntry(tx: DbExecutor, projectId: string, entryId: string, organizationId: string | null): Promise<{ period: string; count: number } | null> {
  const result = await tx.execute<{ period: string; count: number }>(sql`
    delete from project_beneficiaries where id = ${entryId} and project_id = ${projectId} and organization_id is not distinct from ${organizationId}::uuid returning period, count`);
  return result.rows[0] ?? null;
}

// ----- accompaniment: mentor, sessions, assessments -----------------------------------------------------------------

export type MentorRow = { kind: 'organization' | 'person'; organization_id: string | null; name: string; assigned_on: string };

/** The mentor (an organization, by its public name, or a person); null when the project has none. */
export async function selectMentor(db: DbExecutor, projectId: string): Promise<MentorRow | null> {
  const result = await db.execute<MentorRow>(sql`
    select pm.kind, pm.organization_id, coalesce(o.display_name, pm.person_name) as name, to_char(pm.assigned_on, 'YYYY-MM-DD') as assigned_on
      from project_mentors pm left join organization_public_fields o on o.id = pm.organization_id where pm.project_id = ${projectId}`);
  return result.rows[0] ?? null;
}

/** Sets the project's one mentor (replacing any), assigned today. */
export async function upsertMentor(tx: DbExecutor, projectId: string, mentor: { kind: string; organizationId: string | null; personName: string | null }): Promise<void> {
  await tx.execute(sql`
    insert into project_mentors (project_id, kind, organization_id, person_name) values (${projectId}, ${mentor.kind}, ${mentor.organizationId}::uuid, ${mentor.personName})
    on conflict (project_id) do update set kind = excluded.kind, organization_id = excluded.organization_id, person_name = excluded.person_name, assigned_on = current_date`);
}

export type SessionRow = { id: string; held_on: string; topic: string; notes: string };

export async function selectSessions(db: DbExecutor, projectId: string): Promise<SessionRow[]> {
  const result = await db.execute<SessionRow>(sql`select id, to_char(held_on, 'YYYY-MM-DD') as held_on, topic, notes from project_sessions where project_id = ${projectId}`);
  return result.rows;
}

export async function insertSession(tx: DbExecutor, projectId: string, session: { heldOn: string; topic: string; notes: string }): Promise<string> {
  const result = await tx.execute<{ id: string }>(sql`
    insert into project_sessions (project_id, held_on, topic, notes) values (${projectId}, ${session.heldOn}::date, ${session.topic}, ${session.notes}) returning id`);
  return result.rows[0]!.id;
}

export type AssessmentRow = { id: string; assessed_on: string; criterion: 'sustainability'; score: number; evidence: string };

export async function selectAssessments(db: DbExecutor, projectId: string): Promise<AssessmentRow[]> {
  const result = await db.execute<AssessmentRow>(sql`
    select id, to_char(assessed_on, 'YYYY-MM-DD') as assessed_on, criterion, score, evidence from project_assessments where project_id = ${projectId}`);
  return result.rows;
}

export async function insertAssessment(
  tx: DbExecutor,
  projectId: string,
  assessment: { assessedOn: string; criterion: string; score: number; evidence: string },
): Promise<string> {
  const result = await tx.execute<{ id: string }>(sql`
    insert into project_assessments (project_id, assessed_on, criterion, score, evidence)
    values (${projectId}, ${assessment.assessedOn}::date, ${assessment.criterion}, ${assessment.score}, ${assessment.evidence}) returning id`);
  return result.rows[0]!.id;
}
