import { sql } from 'drizzle-orm';
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
  type MilestoneStatus,
  type PartnerRole,
} from '../../../common/domain/projects';
import { can } from '../../platform/access/policy';
import type { DbExecutor } from '../../platform/db/database';
import type { UseCaseContext } from '../../platform/use-case';
import { selectFilesOfRecord } from '../../platform/files/files.repository';
import { selectNeedSummaries } from '../needs';
import { PROJECT_FILE_OWNER } from './project-files';
import { ProjectActions, editsProject, ownPartnerOrganizations, type ProjectAccessFacts } from './projects.policy';
import { selectBudgetLines, selectFundingSources, selectPartners, selectProjectDistricts, selectRows, type ProjectRow } from './projects.repository';

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

  const [districts, partners, lines, sources] = await Promise.all([selectProjectDistricts(db, id), selectPartners(db, id), selectBudgetLines(db, id), selectFundingSources(db, id)]);
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

  const transitions = await selectRows<{ id: string; from_status: string | null; to_status: string; at: string; by_label: string | null; note: string }>(
    db,
    sql`select id, from_status, to_status, at, by_label, note from project_transitions where project_id = ${id} order by at, id`,
  );
  const evaluations = await selectRows<{ id: string; measured: string; results: string; decision: string; reasons: string; recorded_at: string }>(
    db,
    sql`select id, measured, results, decision, reasons, recorded_at from project_evaluations where project_id = ${id} order by recorded_at desc, id limit 1`,
  );
  const scaleUps = await selectRows<{ replica_project_id: string | null; replica_title: string | null; recorded_at: string }>(
    db,
    sql`select s.replica_project_id, r.title as replica_title, s.recorded_at from project_scale_ups s left join projects r on r.id = s.replica_project_id where s.project_id = ${id}`,
  );
  const places = await selectRows<{ municipality_code: string | null; municipality_name: string | null; district_id: string | null; district_name: string | null }>(
    db,
    sql`select pl.municipality_code, m.name as municipality_name, pl.district_id, d.name as district_name from project_scale_up_places pl
      left join municipalities m on m.istat_code = pl.municipality_code left join district_names d on d.id = pl.district_id
      where pl.project_id = ${id} order by m.name, d.name`,
  );
  const needLinkRows = await selectRows<{ need_id: string; answered_at: string | null }>(db, sql`select need_id, answered_at from project_need_links where project_id = ${id}`);
  const needSummaries = new Map((await selectNeedSummaries(db, needLinkRows.map((row) => row.need_id))).map((need) => [need.id, need]));
  const groupLinks = await selectRows<{ id: string; category_code: string; target_group: string | null; zone_kind: 'municipality' | 'district' | 'zoning'; zone_key: string; zone_label: string; proposal_id: string | null }>(
    db,
    sql`select id, category_code, target_group, zone_kind, zone_key, zone_label, proposal_id from project_group_links where project_id = ${id} order by category_code, zone_label, id`,
  );
  const milestones = await selectRows<{ id: string; kind: 'milestone' | 'deliverable'; title: string; due_on: string; status: MilestoneStatus; done_on: string | null }>(
    db,
    sql`select id, kind, title, to_char(due_on, 'YYYY-MM-DD') as due_on, status, to_char(done_on, 'YYYY-MM-DD') as done_on from project_milestones where project_id = ${id} order by due_on, id`,
  );
  const mentors = await selectRows<{ kind: 'organization' | 'person'; organization_id: string | null; name: string; assigned_on: string }>(
    db,
    sql`select pm.kind, pm.organization_id, coalesce(o.display_name, pm.person_name) as name, to_char(pm.assigned_on, 'YYYY-MM-DD') as assigned_on
      from project_mentors pm left join organization_public_fields o on o.id = pm.organization_id where pm.project_id = ${id}`,
  );
  const mentor = mentors[0] ? { kind: mentors[0].kind, organizationId: mentors[0].organization_id, name: mentors[0].name, assignedOn: mentors[0].assigned_on } : null;
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
    evaluation: evaluations[0]
      ? { id: evaluations[0].id, measured: evaluations[0].measured, results: evaluations[0].results, decision: evaluations[0].decision as 'scale_up', reasons: evaluations[0].reasons, recordedAt: iso(evaluations[0].recorded_at) }
      : null,
    scaleUp: scaleUps[0]
      ? {
          municipalities: places.filter((place) => place.municipality_code).map((place) => ({ code: place.municipality_code!, name: place.municipality_name ?? place.municipality_code! })),
          districts: places.filter((place) => place.district_id).map((place) => ({ id: place.district_id!, name: place.district_name ?? '' })),
          replicaProjectId: scaleUps[0].replica_project_id,
          replicaProjectTitle: scaleUps[0].replica_title,
          recordedAt: iso(scaleUps[0].recorded_at),
        }
      : null,
    needLinks: needLinkRows
      .filter((row) => needSummaries.has(row.need_id))
      .map((row) => {
        const need = needSummaries.get(row.need_id)!;
        return {
          needId: need.id,
          categoryCode: need.categoryCode,
          categoryLabel: null,
          targetGroup: need.targetGroup,
          municipalityCode: need.municipalityCode,
          municipalityName: need.municipalityName,
          peopleCount: need.peopleCount,
          needStatus: need.status,
          answeredByProject: row.answered_at !== null,
        };
      }),
    groupLinks: groupLinks.map((row) => ({ id: row.id, categoryCode: row.category_code, categoryLabel: null, targetGroup: row.target_group, zoneKind: row.zone_kind, zoneKey: row.zone_key, zoneLabel: row.zone_label, proposalId: row.proposal_id })),
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
  const reports = await selectRows<{ id: string; organization_id: string | null; organization_name: string | null; period_start: string; period_end: string; text: string; file_ids: string[]; created_at: string }>(
    db,
    sql`select r.id, r.organization_id, o.display_name as organization_name, to_char(r.period_start, 'YYYY-MM-DD') as period_start,
      to_char(r.period_end, 'YYYY-MM-DD') as period_end, r.text, r.file_ids, r.created_at
      from project_reports r left join organization_public_fields o on o.id = r.organization_id where r.project_id = ${id} order by r.period_start desc, r.created_at desc`,
  );
  const fileById = new Map<string, TStoredFile>((await selectFilesOfRecord(db, PROJECT_FILE_OWNER, id)).map((file) => [file.id, file]));
  const beneficiaries = await selectRows<{ id: string; period: string; target_group: string; municipality_code: string; municipality_name: string; organization_id: string | null; organization_name: string | null; count: number }>(
    db,
    sql`select b.id, b.period, b.target_group, b.municipality_code, m.name as municipality_name, b.organization_id, o.display_name as organization_name, b.count
      from project_beneficiaries b join municipalities m on m.istat_code = b.municipality_code left join organization_public_fields o on o.id = b.organization_id
      where b.project_id = ${id} order by b.period desc, m.name, b.target_group`,
  );
  const sessions = await selectRows<{ id: string; held_on: string; topic: string; notes: string }>(db, sql`select id, to_char(held_on, 'YYYY-MM-DD') as held_on, topic, notes from project_sessions where project_id = ${id}`);
  const assessments = await selectRows<{ id: string; assessed_on: string; criterion: 'sustainability'; score: number; evidence: string }>(
    db,
    sql`select id, to_char(assessed_on, 'YYYY-MM-DD') as assessed_on, criterion, score, evidence from project_assessments where project_id = ${id}`,
  );
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
