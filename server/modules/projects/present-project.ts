import type { TProject, TTimelineItem } from '../../../common/contracts/projects';
import type { TStoredFile } from '../../../common/contracts/files';
import { ORGANIZATION_KINDS } from '../../../common/domain/organizations';
import {
  budgetTotals,
  checkPartnership,
  DEFAULT_PARTNERSHIP_RULE,
  isMilestoneLate,
  nextStatuses,
  type BudgetCategory,
  type FundingKind,
  type PartnerRole,
} from '../../../common/domain/projects';
import { can } from '../../platform/access/policy';
import type { DbExecutor } from '../../platform/db/database';
import type { UseCaseContext } from '../../platform/use-case';
import { selectFilesOfRecord } from '../../platform/files/files.repository';
import { selectNeedSummaries } from '../needs';
import { selectCategoryLabelsOf } from '../services';
import { PROJECT_FILE_OWNER } from './project-files';
import { ProjectActions, editsProject, ownPartnerOrganizations, type ProjectAccessFacts } from './projects.policy';
import {
  selectAssessments,
  selectBeneficiaries,
  selectBudgetLines,
  selectFundingSources,
  selectGroupLinks,
  selectLatestEvaluation,
  selectMentor,
  selectMilestones,
  selectNeedLinks,
  selectPartners,
  selectReports,
  selectScaleUp,
  selectScaleUpPlaces,
  selectSessions,
} from './project-parts.repository';
import { selectProjectDistricts, selectTransitions, type ProjectRow } from './projects.repository';

import { todayIso } from './today';

export { todayIso };
const iso = (value: string | Date) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());

/**
 * The project page: the public part for anyone signed in; the private parts (budget lines, funding sources, reports,
 * beneficiaries, accompaniment timeline) only for its members — for others they are null, not merely empty, and
 * never read from the database.
 */
export async function presentProject(db: DbExecutor, context: UseCaseContext, project: ProjectRow, facts: ProjectAccessFacts): Promise<TProject> {
  const today = todayIso();
  const isMember = can(context.actor, ProjectActions['projects.read-private'], facts);
  const canEdit = editsProject(context.actor, facts);
  const own = ownPartnerOrganizations(context.actor, facts);
  const id = project.id;

  // One after the other: `db` may be a transaction's single client, where overlapping queries are queued by the driver
  // with a deprecation warning (pg 9 will refuse them).
  const districts = await selectProjectDistricts(db, id);
  const partners = await selectPartners(db, id);
  const lines = await selectBudgetLines(db, id);
  const sources = await selectFundingSources(db, id);
  const totals = budgetTotals(
    lines.map((line) => ({ category: line.category as BudgetCategory, organizationId: line.organization_id, amountCents: Number(line.amount_cents) })),
    sources.map((source) => ({ kind: source.kind as FundingKind, committedCents: Number(source.committed_cents), spentCents: Number(source.spent_cents) })),
  );
  const organizationNames = new Map(lines.map((line) => [line.organization_id, line.organization_name]));
  const check = checkPartnership(
    DEFAULT_PARTNERSHIP_RULE,
    partners.map((partner) => ({ role: partner.role as PartnerRole, organizationKind: partner.organization_kind, joinedOn: partner.joined_on, leftOn: partner.left_on })),
    today,
  );

  const transitions = await selectTransitions(db, id);
  const evaluation = await selectLatestEvaluation(db, id);
  const scaleUp = await selectScaleUp(db, id);
  const places = await selectScaleUpPlaces(db, id);
  const needLinkRows = await selectNeedLinks(db, id);
  const needSummaries = new Map((await selectNeedSummaries(db, needLinkRows.map((row) => row.need_id))).map((need) => [need.id, need]));
  const groupLinks = await selectGroupLinks(db, id);
  const categoryLabels = await selectCategoryLabelsOf(db, [...[...needSummaries.values()].map((need) => need.categoryCode), ...groupLinks.map((row) => row.category_code)]);
  const milestones = await selectMilestones(db, id);
  const mentorRow = await selectMentor(db, id);
  const mentor = mentorRow ? { kind: mentorRow.kind, organizationId: mentorRow.organization_id, name: mentorRow.name, assignedOn: mentorRow.assigned_on } : null;
  const lead = partners.find((partner) => partner.role === 'lead' && (partner.left_on === null || partner.left_on > today));

  const privateParts = isMember ? await readPrivateParts(db, id, canEdit, own, mentor) : null;

  return {
    id,
    title: project.title,
    summary: project.summary,
    status: project.status,
    districts,
    targetGroups: project.target_groups,
    strands: project.strands as TProject['strands'],
    startOn: project.start_on,
    endOn: project.end_on,
    leadOrganizationName: lead?.organization_name ?? null,
    partnerCount: partners.filter((partner) => partner.left_on === null || partner.left_on > today).length,
    budgetCents: totals.budgetCents,
    committedCents: totals.committedCents,
    fundingKinds: totals.byFundingKind.map((row) => row.kind),
    updatedAt: iso(project.updated_at),
    version: project.version,
    createdAt: iso(project.created_at),
    proposalId: project.proposal_id,
    replicaOfProjectId: project.replica_of_project_id,
    replicaOfProjectTitle: project.replica_of_title,
    partners: partners.map((partner) => ({
      id: partner.id,
      organizationId: partner.organization_id,
      organizationName: partner.organization_name,
      organizationKind: partner.organization_kind,
      sector: (ORGANIZATION_KINDS as Record<string, string>)[partner.organization_kind] ?? null,
      role: partner.role as PartnerRole,
      workSharePercent: partner.work_share_percent,
      joinedOn: partner.joined_on,
      leftOn: partner.left_on,
    })),
    partnershipCheck: { ruleCode: DEFAULT_PARTNERSHIP_RULE.code, passed: check.passed, conditions: check.conditions },
    totals: { ...totals, byPartner: totals.byPartner.map((row) => ({ ...row, organizationName: organizationNames.get(row.organizationId) ?? null })) },
    transitions: transitions.map((row) => ({ id: row.id, fromStatus: row.from_status as TProject['status'] | null, toStatus: row.to_status as TProject['status'], at: iso(row.at), byName: row.by_label, note: row.note })),
    evaluation: evaluation
      ? { id: evaluation.id, measured: evaluation.measured, results: evaluation.results, decision: evaluation.decision as 'scale_up', reasons: evaluation.reasons, recordedAt: iso(evaluation.recorded_at) }
      : null,
    scaleUp: scaleUp
      ? {
          municipalities: places.filter((place) => place.municipality_code).map((place) => ({ code: place.municipality_code!, name: place.municipality_name ?? place.municipality_code! })),
          districts: places.filter((place) => place.district_id).map((place) => ({ id: place.district_id!, name: place.district_name ?? '' })),
          replicaProjectId: scaleUp.replica_project_id,
          replicaProjectTitle: scaleUp.replica_title,
          recordedAt: iso(scaleUp.recorded_at),
        }
      : null,
    needLinks: needLinkRows
      .filter((row) => needSummaries.has(row.need_id))
      .map((row) => {
        const need = needSummaries.get(row.need_id)!;
        return {
          needId: need.id,
          categoryCode: need.categoryCode,
          categoryLabel: categoryLabels.get(need.categoryCode) ?? null,
          targetGroup: need.targetGroup,
          municipalityCode: need.municipalityCode,
          municipalityName: need.municipalityName,
          peopleCount: need.peopleCount,
          needStatus: need.status,
          answeredByProject: row.answered_at !== null,
        };
      }),
    groupLinks: groupLinks.map((row) => ({ id: row.id, categoryCode: row.category_code, categoryLabel: categoryLabels.get(row.category_code) ?? null, targetGroup: row.target_group, zoneKind: row.zone_kind, zoneKey: row.zone_key, zoneLabel: row.zone_label, proposalId: row.proposal_id })),
    milestones: milestones.map((row) => ({ id: row.id, kind: row.kind, title: row.title, dueOn: row.due_on, status: row.status, doneOn: row.done_on, isLate: isMilestoneLate({ dueOn: row.due_on, status: row.status }, today) })),
    mentor,
    access: { isMember, canEdit, ownOrganizationIds: own, nextStatuses: canEdit ? nextStatuses(project.status) : [] },
    budgetLines: isMember
      ? lines.map((line) => ({
          id: line.id,
          category: line.category as BudgetCategory,
          organizationId: line.organization_id,
          organizationName: line.organization_name,
          description: line.description,
          amountCents: Number(line.amount_cents),
          canEdit: canEdit || (line.organization_id !== null && own.includes(line.organization_id)),
        }))
      : null,
    fundingSources: isMember
      ? sources.map((source) => ({ id: source.id, kind: source.kind as FundingKind, funderName: source.funder_name, organizationId: source.organization_id, committedCents: Number(source.committed_cents), spentCents: Number(source.spent_cents) }))
      : null,
    reports: privateParts?.reports ?? null,
    beneficiaries: privateParts?.beneficiaries ?? null,
    timeline: privateParts?.timeline ?? null,
  };
}

async function readPrivateParts(db: DbExecutor, id: string, canEdit: boolean, own: string[], mentor: { kind: 'organization' | 'person'; name: string; assignedOn: string } | null) {
  const reports = await selectReports(db, id);
  const fileById = new Map<string, TStoredFile>((await selectFilesOfRecord(db, PROJECT_FILE_OWNER, id)).map((file) => [file.id, file]));
  const beneficiaries = await selectBeneficiaries(db, id);
  const sessions = await selectSessions(db, id);
  const assessments = await selectAssessments(db, id);
  const timeline: TTimelineItem[] = [
    ...(mentor ? [{ type: 'mentor' as const, id: `mentor-${id}`, on: mentor.assignedOn, name: mentor.name, kind: mentor.kind }] : []),
    ...sessions.map((row) => ({ type: 'session' as const, id: row.id, on: row.held_on, topic: row.topic, notes: row.notes })),
    ...assessments.map((row) => ({ type: 'assessment' as const, id: row.id, on: row.assessed_on, criterion: row.criterion, score: Number(row.score), evidence: row.evidence })),
  ].sort((a, b) => (a.on === b.on ? a.id.localeCompare(b.id) : a.on < b.on ? 1 : -1));
  return {
    reports: reports.map((row) => ({
      id: row.id,
      organizationId: row.organization_id,
      organizationName: row.organization_name,
      periodStart: row.period_start,
      periodEnd: row.period_end,
      text: row.text,
      files: row.file_ids.map((fileId) => fileById.get(fileId)).filter((file): file is TStoredFile => file !== undefined),
      createdAt: iso(row.created_at),
    })),
    beneficiaries: beneficiaries.map((row) => ({
      id: row.id,
      period: row.period,
      targetGroup: row.target_group,
      municipalityCode: row.municipality_code,
      municipalityName: row.municipality_name,
      organizationId: row.organization_id,
      organizationName: row.organization_name,
      count: Number(row.count),
      canEdit: canEdit || (row.organization_id !== null && own.includes(row.organization_id)),
    })),
    timeline,
  };
}
