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
import { checkTransition, PROJECT_ANSWERING_STATUSES, WORK_SHARE_TOTAL_MAX } from '../../../common/domain/projects';
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
  deleteBeneficiaryEntry,
  deleteGroupLink,
  deleteNeedLink,
  deleteProjectBudgetLine,
  deleteProjectFundingSource,
  insertAssessment,
  insertBeneficiaryEntry,
  insertBudgetLine,
  insertEvaluation,
  insertFundingSource,
  insertGroupLink,
  insertMilestone,
  insertNeedLink,
  insertPartner,
  insertPartnerWithRole,
  insertProposalGroupLink,
  insertReport,
  insertSession,
  isPartnerOrganization,
  lockNeedLink,
  markNeedLinkAnswered,
  replaceScaleUpPlaces,
  selectActiveWorkShareTotal,
  selectBeneficiaryEntryForUpdate,
  selectBeneficiaryEntryOwner,
  selectBudgetLineForUpdate,
  selectBudgetLineOwner,
  selectFundingSourceAmounts,
  selectLatestEvaluationDecision,
  selectMilestoneFields,
  selectPartnerTerms,
  setBeneficiaryCount,
  updateBudgetLineFields,
  updateFundingSourceAmounts,
  updateMilestoneFields,
  updatePartnerTerms,
  upsertMentor,
  upsertScaleUp,
} from './project-parts.repository';
import {
  districtsExist,
  insertFirstTransition,
  insertProject,
  markProjectAsReplicaOf,
  municipalitiesExist,
  replaceProjectDistricts,
  selectAccessFacts,
  selectDistrictName,
  selectMunicipalityName,
  selectOrganizationKinds,
  selectProject,
  selectZoneLabel,
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
    await setProjectStatus(tx, id, 'idea', 'co_design', 'proposal', actorLabel(context.actor));
    const publicBody = organizationIds.find((organizationId) => ['social_services_body', 'municipality'].includes(kinds.get(organizationId)?.kind ?? ''));
    for (const organizationId of organizationIds) {
      const isProvider = proposal.parties.some((party) => party.organizationId === organizationId && party.role === 'provider');
      const role = organizationId === publicBody ? 'lead' : isProvider ? 'partner' : 'supporter';
      await insertPartnerWithRole(tx, id, organizationId, role);
    }
    await insertProposalGroupLink(tx, id, { categoryCode: proposal.categoryCode, targetGroup: proposal.targetGroup, zoneKind: proposal.zoneKind, zoneKey: proposal.zoneKey, zoneLabel: proposal.zoneLabel, proposalId: proposal.id });
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
    const decision = await selectLatestEvaluationDecision(tx, projectId);
    const problem = checkTransition({ from: project.status, to: input.to, hasEvaluation: input.evaluation !== undefined, decision, hasScaleUp: input.scaleUp !== undefined });
    if (problem?.problem === 'forbidden') throw projectError('PROJECTS.FORBIDDEN_TRANSITION', 'to', `a project in ${project.status} cannot move to ${input.to}`, { from: project.status, to: input.to });
    if (problem?.problem === 'required' && problem.field === 'evaluation') throw projectError('PROJECTS.EVALUATION_REQUIRED', 'evaluation', 'leaving running needs an evaluation: what was measured, the results, the decision and its reasons');
    if (problem?.problem === 'decision_mismatch') throw projectError('PROJECTS.DECISION_MISMATCH', 'to', `the evaluation decided ${problem.decision ?? 'nothing'}`, { decision: problem.decision });
    if (problem?.problem === 'required' && problem.field === 'scaleUp') throw projectError('PROJECTS.SCALE_UP_REQUIRED', 'scaleUp', 'a scale-up names where: municipalities or districts');
    if (input.evaluation && input.to !== 'evaluated') throw fieldError('evaluation', 'only when leaving running');
    if (input.scaleUp && input.to !== 'scaled_up') throw fieldError('scaleUp', 'only with to scaled_up');
    if (input.evaluation) await insertEvaluation(tx, projectId, input.evaluation);
    if (input.scaleUp) {
      const s = input.scaleUp;
      if (s.districtIds.length > 0) {
        const found = new Set(await districtsExist(tx, s.districtIds));
        const missing = s.districtIds.findIndex((id) => !found.has(id));
        if (missing >= 0) throw fieldError(`scaleUp.districtIds.${missing}`, 'no such district', 'not-found');
      }
      if (s.municipalityCodes.length > 0) {
        const found = new Set(await municipalitiesExist(tx, s.municipalityCodes));
        const missing = s.municipalityCodes.findIndex((code) => !found.has(code));
        if (missing >= 0) throw fieldError(`scaleUp.municipalityCodes.${missing}`, 'no such municipality', 'unknown-code');
      }
      if (s.replicaProjectId !== undefined) {
        if (s.replicaProjectId === projectId) throw fieldError('scaleUp.replicaProjectId', 'a project is not its own replica', 'must-differ');
        if (!(await selectProject(tx, s.replicaProjectId))) throw fieldError('scaleUp.replicaProjectId', 'no such project', 'not-found');
        await markProjectAsReplicaOf(tx, s.replicaProjectId, projectId);
      }
      await upsertScaleUp(tx, projectId, s.replicaProjectId ?? null);
      await replaceScaleUpPlaces(tx, projectId, [...new Set(s.municipalityCodes)], [...new Set(s.districtIds)]);
    }
    await setProjectStatus(tx, projectId, project.status, input.to, input.note, actorLabel(context.actor));
    return { before: { status: project.status }, after: { status: input.to, evaluation: input.evaluation ?? null, scaleUp: input.scaleUp ?? null } };
  });
}

// ----- partnership ------------------------------------------------------------------------------------------------

async function checkShares(tx: DbExecutor, projectId: string, today: string): Promise<void> {
  const total = await selectActiveWorkShareTotal(tx, projectId, today);
  if (total > WORK_SHARE_TOTAL_MAX) throw projectError('PROJECTS.SHARES_OVER_100', 'workSharePercent', `the partners' shares of work would add up to ${total} %, more than 100 %`, { total });
}

export async function addPartner(context: UseCaseContext, projectId: string, raw: unknown): Promise<TProject> {
  const input = parseInput(ZPartnerCreate, raw);
  checkDateOrder(input.joinedOn, input.leftOn, 'leftOn');
  return mutateProject(context, projectId, 'projects.add-partner', canEditProject(context), async ({ tx, today }) => {
    await checkOrganization(tx, input.organizationId, 'organizationId');
    const partnerId = await insertPartner(tx, projectId, input);
    if (partnerId === null) throw projectError('PROJECTS.PARTNER_EXISTS', 'organizationId', 'the organization is already in the partnership');
    await checkShares(tx, projectId, today);
    return { entityType: 'project-partner', entityId: partnerId, after: input };
  });
}

export async function updatePartner(context: UseCaseContext, projectId: string, partnerId: string, raw: unknown): Promise<TProject> {
  const input = parseInput(ZPartnerUpdate, raw);
  return mutateProject(context, projectId, 'projects.update-partner', canEditProject(context), async ({ tx, today }) => {
    const before = await selectPartnerTerms(tx, projectId, partnerId);
    if (!before) throw notFound('project partner', partnerId);
    const joinedOn = input.joinedOn === undefined ? before.joined_on : input.joinedOn;
    const leftOn = input.leftOn === undefined ? before.left_on : input.leftOn;
    checkDateOrder(joinedOn, leftOn, 'leftOn');
    await updatePartnerTerms(tx, partnerId, { role: input.role ?? before.role, workSharePercent: input.workSharePercent ?? before.work_share_percent, joinedOn, leftOn });
    await checkShares(tx, projectId, today);
    return { entityType: 'project-partner', entityId: partnerId, before, after: input };
  });
}

// ----- budget -------------------------------------------------------------------------------------------------------

async function checkPartnerOrganization(tx: DbExecutor, projectId: string, organizationId: string | null, field: string): Promise<void> {
  if (organizationId === null) return;
  if (!(await isPartnerOrganization(tx, projectId, organizationId))) throw projectError('PROJECTS.NOT_A_PARTNER', field, 'the organization is not in the partnership');
}

export async function addBudgetLine(context: UseCaseContext, projectId: string, raw: unknown): Promise<TProject> {
  const input = parseInput(ZBudgetLineCreate, raw);
  return mutateProject(context, projectId, 'projects.add-budget-line', canEditPart(context, input.organizationId), async ({ tx }) => {
    await checkPartnerOrganization(tx, projectId, input.organizationId, 'organizationId');
    const lineId = await insertBudgetLine(tx, projectId, input);
    return { entityType: 'project-budget-line', entityId: lineId, after: input };
  });
}

async function budgetLineOrganization(context: UseCaseContext, projectId: string, lineId: string): Promise<string | null> {
  const line = await selectBudgetLineOwner(context.db.orm, projectId, lineId);
  if (!line) throw notFound('budget line', lineId);
  return line.organization_id;
}

export async function updateBudgetLine(context: UseCaseContext, projectId: string, lineId: string, raw: unknown): Promise<TProject> {
  const input = parseInput(ZBudgetLineUpdate, raw);
  const organizationId = await budgetLineOrganization(context, projectId, lineId);
  return mutateProject(context, projectId, 'projects.update-budget-line', canEditPart(context, organizationId), async ({ tx }) => {
    const before = await selectBudgetLineForUpdate(tx, projectId, lineId);
    // The line changed hands between the check and the lock: refuse rather than write under the old check.
    if (!before || before.organization_id !== organizationId) throw notFound('budget line', lineId);
    await updateBudgetLineFields(tx, lineId, { category: input.category ?? before.category, description: input.description ?? before.description, amountCents: input.amountCents ?? Number(before.amount_cents) });
    return { entityType: 'project-budget-line', entityId: lineId, before, after: input };
  });
}

export async function deleteBudgetLine(context: UseCaseContext, projectId: string, lineId: string): Promise<TProject> {
  const organizationId = await budgetLineOrganization(context, projectId, lineId);
  return mutateProject(context, projectId, 'projects.delete-budget-line', canEditPart(context, organizationId), async ({ tx }) => {
    const deleted = await deleteProjectBudgetLine(tx, projectId, lineId, organizationId);
    if (!deleted) throw notFound('budget line', lineId);
    return { entityType: 'project-budget-line', entityId: lineId, before: deleted };
  });
}

export async function addFundingSource(context: UseCaseContext, projectId: string, raw: unknown): Promise<TProject> {
  const input = parseInput(ZFundingSourceCreate, raw);
  return mutateProject(context, projectId, 'projects.add-funding-source', canEditProject(context), async ({ tx }) => {
    if (input.organizationId) await checkOrganization(tx, input.organizationId, 'organizationId');
    const sourceId = await insertFundingSource(tx, projectId, input);
    return { entityType: 'project-funding-source', entityId: sourceId, after: input };
  });
}

export async function updateFundingSource(context: UseCaseContext, projectId: string, sourceId: string, raw: unknown): Promise<TProject> {
  const input = parseInput(ZFundingSourceUpdate, raw);
  return mutateProject(context, projectId, 'projects.update-funding-source', canEditProject(context), async ({ tx }) => {
    const before = await selectFundingSourceAmounts(tx, projectId, sourceId);
    if (!before) throw notFound('funding source', sourceId);
    await updateFundingSourceAmounts(tx, sourceId, {
      funderName: input.funderName ?? before.funder_name,
      committedCents: input.committedCents ?? Number(before.committed_cents),
      spentCents: input.spentCents ?? Number(before.spent_cents),
    });
    return { entityType: 'project-funding-source', entityId: sourceId, before, after: input };
  });
}

export async function deleteFundingSource(context: UseCaseContext, projectId: string, sourceId: string): Promise<TProject> {
  return mutateProject(context, projectId, 'projects.delete-funding-source', canEditProject(context), async ({ tx }) => {
    const deleted = await deleteProjectFundingSource(tx, projectId, sourceId);
    if (!deleted) throw notFound('funding source', sourceId);
    return { entityType: 'project-funding-source', entityId: sourceId, before: deleted };
  });
}

// ----- needs and groups -----------------------------------------------------------------------------------------------

export async function linkNeed(context: UseCaseContext, projectId: string, raw: unknown): Promise<TProject> {
  const input = parseInput(ZNeedLinkCreate, raw);
  return mutateProject(context, projectId, 'projects.link-need', canEditProject(context), async ({ tx, facts }) => {
    const need = (await selectNeedSummaries(tx, [input.needId]))[0];
    // A need of another district is not this project's to answer.
    if (!need || need.districtId === null || !facts.districtIds.includes(need.districtId)) throw fieldError('needId', 'no such need in the project’s districts', 'not-found');
    if (!(await insertNeedLink(tx, projectId, input.needId))) throw projectError('PROJECTS.LINK_EXISTS', 'needId', 'the need is already linked');
    return { after: input };
  });
}

export async function unlinkNeed(context: UseCaseContext, projectId: string, needId: string): Promise<TProject> {
  return mutateProject(context, projectId, 'projects.unlink-need', canEditProject(context), async ({ tx }) => {
    if (!(await deleteNeedLink(tx, projectId, needId))) throw notFound('need link', needId);
    return { after: { needId, unlinked: true } };
  });
}

/** A running project marks a linked need as answered by the project (the needs module's named, audited write). */
export async function answerLinkedNeed(context: UseCaseContext, projectId: string, needId: string): Promise<TProject> {
  return mutateProject(context, projectId, 'projects.answer-linked-need', canEditProject(context), async ({ tx, project }) => {
    if (!(await lockNeedLink(tx, projectId, needId))) throw notFound('need link', needId);
    if (!PROJECT_ANSWERING_STATUSES.includes(project.status)) throw projectError('PROJECTS.NOT_RUNNING', 'status', `only a running project answers needs; this one is ${project.status}`);
    const answered = await answerNeedByProject(tx, context, { needId, projectId });
    await markNeedLinkAnswered(tx, projectId, needId);
    return { after: { needId, needChanged: answered } };
  });
}

export async function linkGroup(context: UseCaseContext, projectId: string, raw: unknown): Promise<TProject> {
  const input = parseInput(ZGroupLinkCreate, raw);
  return mutateProject(context, projectId, 'projects.link-group', canEditProject(context), async ({ tx }) => {
    const zoneLabel = await zoneLabelOf(tx, input.zoneKind, input.zoneKey);
    const linkId = await insertGroupLink(tx, projectId, { ...input, zoneLabel });
    if (linkId === null) throw projectError('PROJECTS.LINK_EXISTS', 'categoryCode', 'the group is already linked');
    return { entityType: 'project-group-link', entityId: linkId, after: input };
  });
}

async function zoneLabelOf(tx: DbExecutor, kind: 'municipality' | 'district' | 'zoning', key: string): Promise<string> {
  if (kind === 'municipality') {
    const name = /^\d{6}$/.test(key) ? await selectMunicipalityName(tx, key) : null;
    if (name === null) throw fieldError('zoneKey', 'no such municipality', 'unknown-code');
    return name;
  }
  if (kind === 'district') {
    const name = /^[0-9a-f-]{36}$/i.test(key) ? await selectDistrictName(tx, key) : null;
    if (name === null) throw fieldError('zoneKey', 'no such district', 'not-found');
    return name;
  }
  const label = /^[0-9a-f-]{36}$/i.test(key) ? await selectZoneLabel(tx, key) : null;
  if (label === null) throw fieldError('zoneKey', 'no such zone', 'not-found');
  return label;
}

export async function unlinkGroup(context: UseCaseContext, projectId: string, linkId: string): Promise<TProject> {
  return mutateProject(context, projectId, 'projects.unlink-group', canEditProject(context), async ({ tx }) => {
    if (!(await deleteGroupLink(tx, projectId, linkId))) throw notFound('group link', linkId);
    return { entityType: 'project-group-link', entityId: linkId, after: { unlinked: true } };
  });
}

// ----- milestones, reports, beneficiaries ------------------------------------------------------------------------------

export async function addMilestone(context: UseCaseContext, projectId: string, raw: unknown): Promise<TProject> {
  const input = parseInput(ZMilestoneCreate, raw);
  return mutateProject(context, projectId, 'projects.add-milestone', canEditProject(context), async ({ tx, today }) => {
    const milestoneId = await insertMilestone(tx, projectId, { ...input, doneOn: input.status === 'done' ? today : null });
    return { entityType: 'project-milestone', entityId: milestoneId, after: input };
  });
}

export async function updateMilestone(context: UseCaseContext, projectId: string, milestoneId: string, raw: unknown): Promise<TProject> {
  const input = parseInput(ZMilestoneUpdate, raw);
  return mutateProject(context, projectId, 'projects.update-milestone', canEditProject(context), async ({ tx, today }) => {
    const before = await selectMilestoneFields(tx, projectId, milestoneId);
    if (!before) throw notFound('milestone', milestoneId);
    const status = input.status ?? before.status;
    const doneOn = status === 'done' ? (before.done_on ?? today) : null;
    await updateMilestoneFields(tx, milestoneId, { title: input.title ?? before.title, dueOn: input.dueOn ?? before.due_on, status, doneOn });
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
    const reportId = await insertReport(tx, projectId, { ...input, fileIds: [...new Set(input.fileIds)] });
    return { entityType: 'project-report', entityId: reportId, after: { organizationId: input.organizationId, periodStart: input.periodStart, periodEnd: input.periodEnd, fileIds: input.fileIds } };
  });
}

export async function recordBeneficiaries(context: UseCaseContext, projectId: string, raw: unknown): Promise<TProject> {
  const input = parseInput(ZBeneficiaryCreate, raw);
  return mutateProject(context, projectId, 'projects.record-beneficiaries', canEditPart(context, input.organizationId), async ({ tx }) => {
    await checkPartnerOrganization(tx, projectId, input.organizationId, 'organizationId');
    const known = await municipalitiesExist(tx, [input.municipalityCode]);
    if (known.length === 0) throw fieldError('municipalityCode', 'no such municipality', 'unknown-code');
    const before = await selectBeneficiaryEntryForUpdate(tx, projectId, input);
    let entryId: string;
    if (before) {
      entryId = before.id;
      await setBeneficiaryCount(tx, entryId, input.count);
    } else {
      entryId = await insertBeneficiaryEntry(tx, projectId, input);
    }
    return { entityType: 'project-beneficiaries', entityId: entryId, before, after: input };
  });
}

export async function deleteBeneficiaries(context: UseCaseContext, projectId: string, entryId: string): Promise<TProject> {
  const entry = await selectBeneficiaryEntryOwner(context.db.orm, projectId, entryId);
  if (!entry) throw notFound('beneficiaries entry', entryId);
  const organizationId = entry.organization_id;
  return mutateProject(context, projectId, 'projects.delete-beneficiaries', canEditPart(context, organizationId), async ({ tx }) => {
    const deleted = await deleteBeneficiaryEntry(tx, projectId, entryId, organizationId);
    if (!deleted) throw notFound('beneficiaries entry', entryId);
    return { entityType: 'project-beneficiaries', entityId: entryId, before: deleted };
  });
}

// ----- accompaniment ------------------------------------------------------------------------------------------------

export async function setMentor(context: UseCaseContext, projectId: string, raw: unknown): Promise<TProject> {
  const input = parseInput(ZMentorSet, raw);
  return mutateProject(context, projectId, 'projects.set-mentor', canEditProject(context), async ({ tx }) => {
    if (input.kind === 'organization') await checkOrganization(tx, input.organizationId, 'organizationId');
    const organizationId = input.kind === 'organization' ? input.organizationId : null;
    const personName = input.kind === 'person' ? input.name : null;
    await upsertMentor(tx, projectId, { kind: input.kind, organizationId, personName });
    return { after: input };
  });
}

export async function addSession(context: UseCaseContext, projectId: string, raw: unknown): Promise<TProject> {
  const input = parseInput(ZSessionCreate, raw);
  return mutateProject(context, projectId, 'projects.add-session', canEditProject(context), async ({ tx }) => {
    const sessionId = await insertSession(tx, projectId, input);
    // The notes are private: the audit keeps that a session was recorded, not what was said.
    return { entityType: 'project-session', entityId: sessionId, after: { heldOn: input.heldOn, topic: input.topic } };
  });
}

export async function addAssessment(context: UseCaseContext, projectId: string, raw: unknown): Promise<TProject> {
  const input = parseInput(ZAssessmentCreate, raw);
  return mutateProject(context, projectId, 'projects.add-assessment', canEditProject(context), async ({ tx }) => {
    const assessmentId = await insertAssessment(tx, projectId, input);
    return { entityType: 'project-assessment', entityId: assessmentId, after: { assessedOn: input.assessedOn, criterion: input.criterion, score: input.score } };
  });
}
