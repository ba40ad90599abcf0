import { sql } from 'drizzle-orm';
import {
  ZAssessmentCreate,
  ZBeneficiaryCreate,
  ZBudgetLineCreate,
  ZBudgetLineUpdate,
  ZFundingSourceCreate,
  ZFundingSourceUpdate,
  ZGroupLinkCreate,
  ZMentorSet,
  ZMilestoneCreate,
  ZMilestoneUpdate,
  ZNeedLinkCreate,
  ZPartnerCreate,
  ZPartnerUpdate,
  ZProjectCreate,
  ZProjectFromProposal,
  ZProjectTransitionRequest,
  ZProjectUpdate,
  ZReportCreate,
  ZSessionCreate,
  type TProject,
} from '../../../common/contracts/projects';
import { checkTransition, PROJECT_ANSWERING_STATUSES, WORK_SHARE_TOTAL_MAX, type EvaluationDecision } from '../../../common/domain/projects';
import { actorLabel } from '../../platform/access/actor';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import type { DbExecutor } from '../../platform/db/database';
import { fieldError, notFound, staleVersion } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import { selectFilesOfRecord } from '../../platform/files/files.repository';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { getProposal } from '../matching';
import { answerNeedByProject, selectNeedSummaries } from '../needs';
import { canEditPart, canEditProject, mutateProject } from './mutate-project';
import { PROJECT_FILE_OWNER } from './project-files';
import { presentProject, todayIso } from './present-project';
import { projectError } from './projects.errors';
import { ProjectActions } from './projects.policy';
import {
  districtsExist,
  insertFirstTransition,
  insertProject,
  replaceProjectDistricts,
  selectAccessFacts,
  selectOrganizationKinds,
  selectProject,
  selectRows,
  setProjectStatus,
  touchProject,
  updateProjectFields,
} from './projects.repository';

function checkDateOrder(start: string | null | undefined, end: string | null | undefined, endField: string): void {
  if (start && end && start > end) throw projectError('PROJECTS.DATES_OUT_OF_ORDER', endField, `must not be before ${start}`);
}

async function checkDistricts(db: DbExecutor, ids: string[]): Promise<void> {
  const found = new Set(await districtsExist(db, ids));
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) throw fieldError(`districtIds.${missing}`, 'no such district', 'not-found');
}

async function checkOrganization(db: DbExecutor, id: string, field: string): Promise<{ name: string; kind: string }> {
  const found = (await selectOrganizationKinds(db, [id])).get(id);
  if (!found) throw fieldError(field, 'no such organization', 'not-found');
  return found;
}

// ----- the project ------------------------------------------------------------------------------------------------

/** A coordinator of every district named (or a platform admin) creates a project, in "idea". */
export async function createProject(context: UseCaseContext, raw: unknown, options: { isDemo?: boolean } = {}): Promise<TProject> {
  const input = parseInput(ZProjectCreate, raw);
  const districtIds = [...new Set(input.districtIds)];
  assertCan(context.actor, ProjectActions['projects.create'], { districtIds });
  checkDateOrder(input.startOn, input.endOn, 'endOn');
  return inTransaction(context, async (tx) => {
    await checkDistricts(tx, districtIds);
    const id = await insertProject(tx, { title: input.title, summary: input.summary, targetGroups: [...new Set(input.targetGroups)], strands: [...new Set(input.strands)], startOn: input.startOn, endOn: input.endOn, proposalId: null, isDemo: options.isDemo ?? false });
    await replaceProjectDistricts(tx, id, districtIds);
    await insertFirstTransition(tx, id, actorLabel(context.actor));
    await recordAudit(tx, context, { action: 'projects.create-project', entityType: 'project', entityId: id, after: { ...input, districtIds } });
    return presentProject(tx, context, (await selectProject(tx, id))!, await selectAccessFacts(tx, id, todayIso()));
  });
}

/**
 * "Start a project from this proposal": the proposal's district coordinators turn a shared-service proposal into a
 * project in "co_design", its group (category × target group × zone) a group link, its organizations partners — the
 * first provider that joined as lead only if none is a public body, else the public body; requesters as partners.
 */
export async function createProjectFromProposal(context: UseCaseContext, raw: unknown): Promise<TProject> {
  const input = parseInput(ZProjectFromProposal, raw);
  assertCan(context.actor, ProjectActions['projects.read-public']);
  const proposal = await getProposal(context, input.proposalId);
  assertCan(context.actor, ProjectActions['projects.create'], { districtIds: [proposal.districtId] });
  if (proposal.status === 'withdrawn') throw projectError('PROJECTS.PROPOSAL_NOT_USABLE', 'proposalId', 'the proposal was withdrawn');
  return inTransaction(context, async (tx) => {
    const organizationIds = [...new Set(proposal.parties.filter((party) => party.response !== 'not_interested').map((party) => party.organizationId))];
    const kinds = await selectOrganizationKinds(tx, organizationIds);
    const id = await insertProject(tx, {
      title: input.title ?? proposal.title,
      summary: proposal.description,
      targetGroups: proposal.targetGroup ? [proposal.targetGroup] : [],
      strands: [...new Set(input.strands)],
      startOn: null,
      endOn: null,
      proposalId: proposal.id,
      isDemo: false,
    });
    await replaceProjectDistricts(tx, id, [proposal.districtId]);
    await insertFirstTransition(tx, id, actorLabel(context.actor));
    await tx.execute(sql`update projects set status = 'co_design' where id = ${id}`);
    await tx.execute(sql`insert into project_transitions (project_id, from_status, to_status, note, by_label) values (${id}, 'idea', 'co_design', 'proposal', ${actorLabel(context.actor)})`);
    const publicBody = organizationIds.find((organizationId) => ['social_services_body', 'municipality'].includes(kinds.get(organizationId)?.kind ?? ''));
    for (const organizationId of organizationIds) {
      const isProvider = proposal.parties.some((party) => party.organizationId === organizationId && party.role === 'provider');
      const role = organizationId === publicBody ? 'lead' : isProvider ? 'partner' : 'supporter';
      await tx.execute(sql`insert into project_partners (project_id, organization_id, role) values (${id}, ${organizationId}, ${role})`);
    }
    await tx.execute(sql`
      insert into project_group_links (project_id, category_code, target_group, zone_kind, zone_key, zone_label, proposal_id)
      values (${id}, ${proposal.categoryCode}, ${proposal.targetGroup}, ${proposal.zoneKind}, ${proposal.zoneKey}, ${proposal.zoneLabel}, ${proposal.id})`);
    await touchProject(tx, id);
    await recordAudit(tx, context, { action: 'projects.create-project-from-proposal', entityType: 'project', entityId: id, after: { proposalId: proposal.id, organizationIds } });
    return presentProject(tx, context, (await selectProject(tx, id))!, await selectAccessFacts(tx, id, todayIso()));
  });
}

export async function updateProject(context: UseCaseContext, projectId: string, raw: unknown): Promise<TProject> {
  const input = parseInput(ZProjectUpdate, raw);
  return mutateProject(context, projectId, 'projects.update-project', canEditProject(context), async ({ tx, project }) => {
    if (project.version !== input.version) throw staleVersion('project', projectId, input.version, project.version);
    const startOn = input.startOn === undefined ? project.start_on : input.startOn;
    const endOn = input.endOn === undefined ? project.end_on : input.endOn;
    checkDateOrder(startOn, endOn, input.endOn !== undefined ? 'endOn' : 'startOn');
    if (input.districtIds) {
      const districtIds = [...new Set(input.districtIds)];
      await checkDistricts(tx, districtIds);
      // Moving a project to other districts is the decision of the coordinators of all of them.
      assertCan(context.actor, ProjectActions['projects.create'], { districtIds });
      await replaceProjectDistricts(tx, projectId, districtIds);
    }
    await updateProjectFields(tx, projectId, input);
    return { before: { title: project.title, status: project.status, version: project.version }, after: input };
  });
}

/** Moves a project along the pipeline (common/domain/projects.ts PROJECT_TRANSITIONS), timestamped and audited. */
export async function transitionProject(context: UseCaseContext, projectId: string, raw: unknown): Promise<TProject> {
  const input = parseInput(ZProjectTransitionRequest, raw);
  return mutateProject(context, projectId, 'projects.transition-project', canEditProject(context), async ({ tx, project }) => {
    const latest = await selectRows<{ decision: EvaluationDecision }>(tx, sql`select decision from project_evaluations where project_id = ${projectId} order by recorded_at desc limit 1`);
    const problem = checkTransition({ from: project.status, to: input.to, hasEvaluation: input.evaluation !== undefined, decision: latest[0]?.decision ?? null, hasScaleUp: input.scaleUp !== undefined });
    if (problem?.problem === 'forbidden') throw projectError('PROJECTS.FORBIDDEN_TRANSITION', 'to', `a project in ${project.status} cannot move to ${input.to}`, { from: project.status, to: input.to });
    if (problem?.problem === 'required' && problem.field === 'evaluation') throw projectError('PROJECTS.EVALUATION_REQUIRED', 'evaluation', 'leaving running needs an evaluation: what was measured, the results, the decision and its reasons');
    if (problem?.problem === 'decision_mismatch') throw projectError('PROJECTS.DECISION_MISMATCH', 'to', `the evaluation decided ${problem.decision ?? 'nothing'}`, { decision: problem.decision });
    if (problem?.problem === 'required' && problem.field === 'scaleUp') throw projectError('PROJECTS.SCALE_UP_REQUIRED', 'scaleUp', 'a scale-up names where: municipalities or districts');
    if (input.evaluation && input.to !== 'evaluated') throw fieldError('evaluation', 'only when leaving running');
    if (input.scaleUp && input.to !== 'scaled_up') throw fieldError('scaleUp', 'only with to scaled_up');
    if (input.evaluation) {
      const e = input.evaluation;
      await tx.execute(sql`insert into project_evaluations (project_id, measured, results, decision, reasons) values (${projectId}, ${e.measured}, ${e.results}, ${e.decision}, ${e.reasons})`);
    }
    if (input.scaleUp) {
      const s = input.scaleUp;
      if (s.districtIds.length > 0) {
        const found = new Set(await districtsExist(tx, s.districtIds));
        const missing = s.districtIds.findIndex((id) => !found.has(id));
        if (missing >= 0) throw fieldError(`scaleUp.districtIds.${missing}`, 'no such district', 'not-found');
      }
      if (s.municipalityCodes.length > 0) {
        const found = new Set((await selectRows<{ istat_code: string }>(tx, sql`select istat_code from municipalities where istat_code = any(${sql.param(s.municipalityCodes)}::text[])`)).map((row) => row.istat_code));
        const missing = s.municipalityCodes.findIndex((code) => !found.has(code));
        if (missing >= 0) throw fieldError(`scaleUp.municipalityCodes.${missing}`, 'no such municipality', 'unknown-code');
      }
      if (s.replicaProjectId !== undefined) {
        if (s.replicaProjectId === projectId) throw fieldError('scaleUp.replicaProjectId', 'a project is not its own replica', 'must-differ');
        if (!(await selectProject(tx, s.replicaProjectId))) throw fieldError('scaleUp.replicaProjectId', 'no such project', 'not-found');
        await tx.execute(sql`update projects set replica_of_project_id = ${projectId} where id = ${s.replicaProjectId}`);
      }
      await tx.execute(sql`insert into project_scale_ups (project_id, replica_project_id) values (${projectId}, ${s.replicaProjectId ?? null}) on conflict (project_id) do update set replica_project_id = excluded.replica_project_id, recorded_at = now()`);
      await tx.execute(sql`delete from project_scale_up_places where project_id = ${projectId}`);
      await tx.execute(sql`insert into project_scale_up_places (project_id, municipality_code) select ${projectId}::uuid, unnest(${sql.param([...new Set(s.municipalityCodes)])}::text[])`);
      await tx.execute(sql`insert into project_scale_up_places (project_id, district_id) select ${projectId}::uuid, unnest(${sql.param([...new Set(s.districtIds)])}::uuid[])`);
    }
    await setProjectStatus(tx, projectId, project.status, input.to, input.note, actorLabel(context.actor));
    return { before: { status: project.status }, after: { status: input.to, evaluation: input.evaluation ?? null, scaleUp: input.scaleUp ?? null } };
  });
}

// ----- partnership ------------------------------------------------------------------------------------------------

async function checkShares(tx: DbExecutor, projectId: string, today: string): Promise<void> {
  const rows = await selectRows<{ total: number }>(
    tx,
    sql`select coalesce(sum(work_share_percent), 0)::int as total from project_partners where project_id = ${projectId} and (left_on is null or left_on > ${today}::date) and (joined_on is null or joined_on <= ${today}::date)`,
  );
  if (rows[0]!.total > WORK_SHARE_TOTAL_MAX) throw projectError('PROJECTS.SHARES_OVER_100', 'workSharePercent', `the partners' shares of work would add up to ${rows[0]!.total} %, more than 100 %`, { total: rows[0]!.total });
}

export async function addPartner(context: UseCaseContext, projectId: string, raw: unknown): Promise<TProject> {
  const input = parseInput(ZPartnerCreate, raw);
  checkDateOrder(input.joinedOn, input.leftOn, 'leftOn');
  return mutateProject(context, projectId, 'projects.add-partner', canEditProject(context), async ({ tx, today }) => {
    await checkOrganization(tx, input.organizationId, 'organizationId');
    const inserted = await selectRows<{ id: string }>(
      tx,
      sql`insert into project_partners (project_id, organization_id, role, work_share_percent, joined_on, left_on)
        values (${projectId}, ${input.organizationId}, ${input.role}, ${input.workSharePercent}, ${input.joinedOn}::date, ${input.leftOn}::date)
        on conflict (project_id, organization_id) do nothing returning id`,
    );
    if (inserted.length === 0) throw projectError('PROJECTS.PARTNER_EXISTS', 'organizationId', 'the organization is already in the partnership');
    await checkShares(tx, projectId, today);
    return { entityType: 'project-partner', entityId: inserted[0]!.id, after: input };
  });
}

export async function updatePartner(context: UseCaseContext, projectId: string, partnerId: string, raw: unknown): Promise<TProject> {
  const input = parseInput(ZPartnerUpdate, raw);
  return mutateProject(context, projectId, 'projects.update-partner', canEditProject(context), async ({ tx, today }) => {
    const before = (await selectRows<{ role: string; work_share_percent: number; joined_on: string | null; left_on: string | null }>(
      tx,
      sql`select role, work_share_percent, to_char(joined_on, 'YYYY-MM-DD') as joined_on, to_char(left_on, 'YYYY-MM-DD') as left_on from project_partners where id = ${partnerId} and project_id = ${projectId}`,
    ))[0];
    if (!before) throw notFound('project partner', partnerId);
    const joinedOn = input.joinedOn === undefined ? before.joined_on : input.joinedOn;
    const leftOn = input.leftOn === undefined ? before.left_on : input.leftOn;
    checkDateOrder(joinedOn, leftOn, 'leftOn');
    await tx.execute(sql`
      update project_partners set role = ${input.role ?? before.role}, work_share_percent = ${input.workSharePercent ?? before.work_share_percent},
        joined_on = ${joinedOn}::date, left_on = ${leftOn}::date
      where id = ${partnerId}`);
    await checkShares(tx, projectId, today);
    return { entityType: 'project-partner', entityId: partnerId, before, after: input };
  });
}

// ----- budget -------------------------------------------------------------------------------------------------------

async function checkPartnerOrganization(tx: DbExecutor, projectId: string, organizationId: string | null, field: string): Promise<void> {
  if (organizationId === null) return;
  const rows = await selectRows<{ id: string }>(tx, sql`select id from project_partners where project_id = ${projectId} and organization_id = ${organizationId}`);
  if (rows.length === 0) throw projectError('PROJECTS.NOT_A_PARTNER', field, 'the organization is not in the partnership');
}

export async function addBudgetLine(context: UseCaseContext, projectId: string, raw: unknown): Promise<TProject> {
  const input = parseInput(ZBudgetLineCreate, raw);
  return mutateProject(context, projectId, 'projects.add-budget-line', canEditPart(context, input.organizationId), async ({ tx }) => {
    await checkPartnerOrganization(tx, projectId, input.organizationId, 'organizationId');
    const rows = await selectRows<{ id: string }>(
      tx,
      sql`insert into project_budget_lines (project_id, organization_id, category, description, amount_cents)
        values (${projectId}, ${input.organizationId}, ${input.category}, ${input.description}, ${input.amountCents}) returning id`,
    );
    return { entityType: 'project-budget-line', entityId: rows[0]!.id, after: input };
  });
}

async function budgetLineOrganization(context: UseCaseContext, projectId: string, lineId: string): Promise<string | null> {
  const rows = await selectRows<{ organization_id: string | null }>(context.db.orm, sql`select organization_id from project_budget_lines where id = ${lineId} and project_id = ${projectId}`);
  if (!rows[0]) throw notFound('budget line', lineId);
  return rows[0].organization_id;
}

export async function updateBudgetLine(context: UseCaseContext, projectId: string, lineId: string, raw: unknown): Promise<TProject> {
  const input = parseInput(ZBudgetLineUpdate, raw);
  const organizationId = await budgetLineOrganization(context, projectId, lineId);
  return mutateProject(context, projectId, 'projects.update-budget-line', canEditPart(context, organizationId), async ({ tx }) => {
    const before = (await selectRows<{ category: string; description: string; amount_cents: string; organization_id: string | null }>(
      tx,
      sql`select category, description, amount_cents::text as amount_cents, organization_id from project_budget_lines where id = ${lineId} and project_id = ${projectId} for update`,
    ))[0];
    // The line changed hands between the check and the lock: refuse rather than write under the old check.
    if (!before || before.organization_id !== organizationId) throw notFound('budget line', lineId);
    await tx.execute(sql`
      update project_budget_lines set category = ${input.category ?? before.category}, description = ${input.description ?? before.description},
        amount_cents = ${input.amountCents ?? Number(before.amount_cents)}
      where id = ${lineId}`);
    return { entityType: 'project-budget-line', entityId: lineId, before, after: input };
  });
}

export async function deleteBudgetLine(context: UseCaseContext, projectId: string, lineId: string): Promise<TProject> {
  const organizationId = await budgetLineOrganization(context, projectId, lineId);
  return mutateProject(context, projectId, 'projects.delete-budget-line', canEditPart(context, organizationId), async ({ tx }) => {
    const deleted = await selectRows<{ category: string; amount_cents: string }>(
      tx,
      sql`delete from project_budget_lines where id = ${lineId} and project_id = ${projectId} and organization_id is not distinct from ${organizationId}::uuid returning category, amount_cents::text as amount_cents`,
    );
    if (!deleted[0]) throw notFound('budget line', lineId);
    return { entityType: 'project-budget-line', entityId: lineId, before: deleted[0] };
  });
}

export async function addFundingSource(context: UseCaseContext, projectId: string, raw: unknown): Promise<TProject> {
  const input = parseInput(ZFundingSourceCreate, raw);
  return mutateProject(context, projectId, 'projects.add-funding-source', canEditProject(context), async ({ tx }) => {
    if (input.organizationId) await checkOrganization(tx, input.organizationId, 'organizationId');
    const rows = await selectRows<{ id: string }>(
      tx,
      sql`insert into project_funding_sources (project_id, kind, funder_name, organization_id, committed_cents, spent_cents)
        values (${projectId}, ${input.kind}, ${input.funderName}, ${input.organizationId}::uuid, ${input.committedCents}, ${input.spentCents}) returning id`,
    );
    return { entityType: 'project-funding-source', entityId: rows[0]!.id, after: input };
  });
}

export async function updateFundingSource(context: UseCaseContext, projectId: string, sourceId: string, raw: unknown): Promise<TProject> {
  const input = parseInput(ZFundingSourceUpdate, raw);
  return mutateProject(context, projectId, 'projects.update-funding-source', canEditProject(context), async ({ tx }) => {
    const before = (await selectRows<{ funder_name: string; committed_cents: string; spent_cents: string }>(
      tx,
      sql`select funder_name, committed_cents::text as committed_cents, spent_cents::text as spent_cents from project_funding_sources where id = ${sourceId} and project_id = ${projectId}`,
    ))[0];
    if (!before) throw notFound('funding source', sourceId);
    await tx.execute(sql`
      update project_funding_sources set funder_name = ${input.funderName ?? before.funder_name},
        committed_cents = ${input.committedCents ?? Number(before.committed_cents)}, spent_cents = ${input.spentCents ?? Number(before.spent_cents)}
      where id = ${sourceId}`);
    return { entityType: 'project-funding-source', entityId: sourceId, before, after: input };
  });
}

export async function deleteFundingSource(context: UseCaseContext, projectId: string, sourceId: string): Promise<TProject> {
  return mutateProject(context, projectId, 'projects.delete-funding-source', canEditProject(context), async ({ tx }) => {
    const deleted = await selectRows<{ kind: string; committed_cents: string }>(tx, sql`delete from project_funding_sources where id = ${sourceId} and project_id = ${projectId} returning kind, committed_cents::text as committed_cents`);
    if (!deleted[0]) throw notFound('funding source', sourceId);
    return { entityType: 'project-funding-source', entityId: sourceId, before: deleted[0] };
  });
}

// ----- needs and groups -----------------------------------------------------------------------------------------------

export async function linkNeed(context: UseCaseContext, projectId: string, raw: unknown): Promise<TProject> {
  const input = parseInput(ZNeedLinkCreate, raw);
  return mutateProject(context, projectId, 'projects.link-need', canEditProject(context), async ({ tx, facts }) => {
    const need = (await selectNeedSummaries(tx, [input.needId]))[0];
    // A need of another district is not this project's to answer.
    if (!need || need.districtId === null || !facts.districtIds.includes(need.districtId)) throw fieldError('needId', 'no such need in the project’s districts', 'not-found');
    const inserted = await selectRows<{ need_id: string }>(tx, sql`insert into project_need_links (project_id, need_id) values (${projectId}, ${input.needId}) on conflict do nothing returning need_id`);
    if (inserted.length === 0) throw projectError('PROJECTS.LINK_EXISTS', 'needId', 'the need is already linked');
    return { after: input };
  });
}

export async function unlinkNeed(context: UseCaseContext, projectId: string, needId: string): Promise<TProject> {
  return mutateProject(context, projectId, 'projects.unlink-need', canEditProject(context), async ({ tx }) => {
    const deleted = await selectRows<{ need_id: string }>(tx, sql`delete from project_need_links where project_id = ${projectId} and need_id = ${needId} returning need_id`);
    if (!deleted[0]) throw notFound('need link', needId);
    return { after: { needId, unlinked: true } };
  });
}

/** A running project marks a linked need as answered by the project (the needs module's named, audited write). */
export async function answerLinkedNeed(context: UseCaseContext, projectId: string, needId: string): Promise<TProject> {
  return mutateProject(context, projectId, 'projects.answer-linked-need', canEditProject(context), async ({ tx, project }) => {
    const link = await selectRows<{ need_id: string }>(tx, sql`select need_id from project_need_links where project_id = ${projectId} and need_id = ${needId} for update`);
    if (!link[0]) throw notFound('need link', needId);
    if (!PROJECT_ANSWERING_STATUSES.includes(project.status)) throw projectError('PROJECTS.NOT_RUNNING', 'status', `only a running project answers needs; this one is ${project.status}`);
    const answered = await answerNeedByProject(tx, context, { needId, projectId });
    await tx.execute(sql`update project_need_links set answered_at = now() where project_id = ${projectId} and need_id = ${needId}`);
    return { after: { needId, needChanged: answered } };
  });
}

export async function linkGroup(context: UseCaseContext, projectId: string, raw: unknown): Promise<TProject> {
  const input = parseInput(ZGroupLinkCreate, raw);
  return mutateProject(context, projectId, 'projects.link-group', canEditProject(context), async ({ tx }) => {
    const zoneLabel = await zoneLabelOf(tx, input.zoneKind, input.zoneKey);
    const rows = await selectRows<{ id: string }>(
      tx,
      sql`insert into project_group_links (project_id, category_code, target_group, zone_kind, zone_key, zone_label)
        values (${projectId}, ${input.categoryCode}, ${input.targetGroup}, ${input.zoneKind}, ${input.zoneKey}, ${zoneLabel}) on conflict do nothing returning id`,
    );
    if (!rows[0]) throw projectError('PROJECTS.LINK_EXISTS', 'categoryCode', 'the group is already linked');
    return { entityType: 'project-group-link', entityId: rows[0].id, after: input };
  });
}

async function zoneLabelOf(tx: DbExecutor, kind: 'municipality' | 'district' | 'zoning', key: string): Promise<string> {
  if (kind === 'municipality') {
    const rows = /^\d{6}$/.test(key) ? await selectRows<{ name: string }>(tx, sql`select name from municipalities where istat_code = ${key}`) : [];
    if (!rows[0]) throw fieldError('zoneKey', 'no such municipality', 'unknown-code');
    return rows[0].name;
  }
  if (kind === 'district') {
    const rows = /^[0-9a-f-]{36}$/i.test(key) ? await selectRows<{ name: string }>(tx, sql`select name from district_names where id = ${key}::uuid`) : [];
    if (!rows[0]) throw fieldError('zoneKey', 'no such district', 'not-found');
    return rows[0].name;
  }
  const rows = /^[0-9a-f-]{36}$/i.test(key) ? await selectRows<{ label: string }>(tx, sql`select zoning_name || ' · ' || zone_name as label from zone_labels where zone_id = ${key}::uuid`) : [];
  if (!rows[0]) throw fieldError('zoneKey', 'no such zone', 'not-found');
  return rows[0].label;
}

export async function unlinkGroup(context: UseCaseContext, projectId: string, linkId: string): Promise<TProject> {
  return mutateProject(context, projectId, 'projects.unlink-group', canEditProject(context), async ({ tx }) => {
    const deleted = await selectRows<{ id: string }>(tx, sql`delete from project_group_links where id = ${linkId} and project_id = ${projectId} returning id`);
    if (!deleted[0]) throw notFound('group link', linkId);
    return { entityType: 'project-group-link', entityId: linkId, after: { unlinked: true } };
  });
}

// ----- milestones, reports, beneficiaries ------------------------------------------------------------------------------

export async function addMilestone(context: UseCaseContext, projectId: string, raw: unknown): Promise<TProject> {
  const input = parseInput(ZMilestoneCreate, raw);
  return mutateProject(context, projectId, 'projects.add-milestone', canEditProject(context), async ({ tx, today }) => {
    const rows = await selectRows<{ id: string }>(
      tx,
      sql`insert into project_milestones (project_id, kind, title, due_on, status, done_on)
        values (${projectId}, ${input.kind}, ${input.title}, ${input.dueOn}::date, ${input.status}, ${input.status === 'done' ? today : null}::date) returning id`,
    );
    return { entityType: 'project-milestone', entityId: rows[0]!.id, after: input };
  });
}

export async function updateMilestone(context: UseCaseContext, projectId: string, milestoneId: string, raw: unknown): Promise<TProject> {
  const input = parseInput(ZMilestoneUpdate, raw);
  return mutateProject(context, projectId, 'projects.update-milestone', canEditProject(context), async ({ tx, today }) => {
    const before = (await selectRows<{ title: string; due_on: string; status: string; done_on: string | null }>(
      tx,
      sql`select title, to_char(due_on, 'YYYY-MM-DD') as due_on, status, to_char(done_on, 'YYYY-MM-DD') as done_on from project_milestones where id = ${milestoneId} and project_id = ${projectId}`,
    ))[0];
    if (!before) throw notFound('milestone', milestoneId);
    const status = input.status ?? before.status;
    const doneOn = status === 'done' ? (before.done_on ?? today) : null;
    await tx.execute(sql`update project_milestones set title = ${input.title ?? before.title}, due_on = ${input.dueOn ?? before.due_on}::date, status = ${status}, done_on = ${doneOn}::date where id = ${milestoneId}`);
    return { entityType: 'project-milestone', entityId: milestoneId, before, after: input };
  });
}

export async function addReport(context: UseCaseContext, projectId: string, raw: unknown): Promise<TProject> {
  const input = parseInput(ZReportCreate, raw);
  checkDateOrder(input.periodStart, input.periodEnd, 'periodEnd');
  return mutateProject(context, projectId, 'projects.add-report', canEditPart(context, input.organizationId), async ({ tx }) => {
    await checkPartnerOrganization(tx, projectId, input.organizationId, 'organizationId');
    const attached = new Set((await selectFilesOfRecord(tx, PROJECT_FILE_OWNER, projectId)).map((file) => file.id));
    const missing = input.fileIds.findIndex((fileId) => !attached.has(fileId));
    if (missing >= 0) throw fieldError(`fileIds.${missing}`, 'not a file of this project', 'not-found');
    const rows = await selectRows<{ id: string }>(
      tx,
      sql`insert into project_reports (project_id, organization_id, period_start, period_end, text, file_ids)
        values (${projectId}, ${input.organizationId}::uuid, ${input.periodStart}::date, ${input.periodEnd}::date, ${input.text}, ${sql.param([...new Set(input.fileIds)])}::uuid[]) returning id`,
    );
    return { entityType: 'project-report', entityId: rows[0]!.id, after: { organizationId: input.organizationId, periodStart: input.periodStart, periodEnd: input.periodEnd, fileIds: input.fileIds } };
  });
}

export async function recordBeneficiaries(context: UseCaseContext, projectId: string, raw: unknown): Promise<TProject> {
  const input = parseInput(ZBeneficiaryCreate, raw);
  return mutateProject(context, projectId, 'projects.record-beneficiaries', canEditPart(context, input.organizationId), async ({ tx }) => {
    await checkPartnerOrganization(tx, projectId, input.organizationId, 'organizationId');
    const known = await selectRows<{ istat_code: string }>(tx, sql`select istat_code from municipalities where istat_code = ${input.municipalityCode}`);
    if (!known[0]) throw fieldError('municipalityCode', 'no such municipality', 'unknown-code');
    const before = await selectRows<{ id: string; count: number }>(
      tx,
      sql`select id, count from project_beneficiaries where project_id = ${projectId} and period = ${input.period} and target_group = ${input.targetGroup}
        and municipality_code = ${input.municipalityCode} and organization_id is not distinct from ${input.organizationId}::uuid for update`,
    );
    let entryId: string;
    if (before[0]) {
      entryId = before[0].id;
      await tx.execute(sql`update project_beneficiaries set count = ${input.count} where id = ${entryId}`);
    } else {
      const rows = await selectRows<{ id: string }>(
        tx,
        sql`insert into project_beneficiaries (project_id, organization_id, period, target_group, municipality_code, count)
          values (${projectId}, ${input.organizationId}::uuid, ${input.period}, ${input.targetGroup}, ${input.municipalityCode}, ${input.count}) returning id`,
      );
      entryId = rows[0]!.id;
    }
    return { entityType: 'project-beneficiaries', entityId: entryId, before: before[0] ?? null, after: input };
  });
}

export async function deleteBeneficiaries(context: UseCaseContext, projectId: string, entryId: string): Promise<TProject> {
  const rows = await selectRows<{ organization_id: string | null }>(context.db.orm, sql`select organization_id from project_beneficiaries where id = ${entryId} and project_id = ${projectId}`);
  if (!rows[0]) throw notFound('beneficiaries entry', entryId);
  const organizationId = rows[0].organization_id;
  return mutateProject(context, projectId, 'projects.delete-beneficiaries', canEditPart(context, organizationId), async ({ tx }) => {
    const deleted = await selectRows<{ period: string; count: number }>(
      tx,
      sql`delete from project_beneficiaries where id = ${entryId} and project_id = ${projectId} and organization_id is not distinct from ${organizationId}::uuid returning period, count`,
    );
    if (!deleted[0]) throw notFound('beneficiaries entry', entryId);
    return { entityType: 'project-beneficiaries', entityId: entryId, before: deleted[0] };
  });
}

// ----- accompaniment ------------------------------------------------------------------------------------------------

export async function setMentor(context: UseCaseContext, projectId: string, raw: unknown): Promise<TProject> {
  const input = parseInput(ZMentorSet, raw);
  return mutateProject(context, projectId, 'projects.set-mentor', canEditProject(context), async ({ tx }) => {
    if (input.kind === 'organization') await checkOrganization(tx, input.organizationId, 'organizationId');
    const organizationId = input.kind === 'organization' ? input.organizationId : null;
    const personName = input.kind === 'person' ? input.name : null;
    await tx.execute(sql`
      insert into project_mentors (project_id, kind, organization_id, person_name) values (${projectId}, ${input.kind}, ${organizationId}::uuid, ${personName})
      on conflict (project_id) do update set kind = excluded.kind, organization_id = excluded.organization_id, person_name = excluded.person_name, assigned_on = current_date`);
    return { after: input };
  });
}

export async function addSession(context: UseCaseContext, projectId: string, raw: unknown): Promise<TProject> {
  const input = parseInput(ZSessionCreate, raw);
  return mutateProject(context, projectId, 'projects.add-session', canEditProject(context), async ({ tx }) => {
    const rows = await selectRows<{ id: string }>(tx, sql`insert into project_sessions (project_id, held_on, topic, notes) values (${projectId}, ${input.heldOn}::date, ${input.topic}, ${input.notes}) returning id`);
    // The notes are private: the audit keeps that a session was recorded, not what was said.
    return { entityType: 'project-session', entityId: rows[0]!.id, after: { heldOn: input.heldOn, topic: input.topic } };
  });
}

export async function addAssessment(context: UseCaseContext, projectId: string, raw: unknown): Promise<TProject> {
  const input = parseInput(ZAssessmentCreate, raw);
  return mutateProject(context, projectId, 'projects.add-assessment', canEditProject(context), async ({ tx }) => {
    const rows = await selectRows<{ id: string }>(
      tx,
      sql`insert into project_assessments (project_id, assessed_on, criterion, score, evidence) values (${projectId}, ${input.assessedOn}::date, ${input.criterion}, ${input.score}, ${input.evidence}) returning id`,
    );
    return { entityType: 'project-assessment', entityId: rows[0]!.id, after: { assessedOn: input.assessedOn, criterion: input.criterion, score: input.score } };
  });
}
