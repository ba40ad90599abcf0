import { z } from 'zod';
import { zInt, zQueryInt } from './integers';
import { zMoneyCents } from './money';
import { ZStoredFile } from './files';
import { INT4_MAX, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../domain/limits';
import { ZONE_KINDS } from '../domain/matching';
import { TARGET_GROUPS } from '../domain/services';
import {
  BENEFICIARY_PERIOD_PATTERN,
  BUDGET_CATEGORIES,
  EVALUATION_DECISIONS,
  FUNDING_KINDS,
  MENTOR_KINDS,
  MILESTONE_KINDS,
  MILESTONE_STATUSES,
  PARTNER_ROLES,
  PROJECT_STATUSES,
  PROJECT_STRANDS,
  READINESS_CRITERIA,
  READINESS_SCORE_MAX,
  READINESS_SCORE_MIN,
} from '../domain/projects';

/*
 * Co-designed projects (issue 16, module `projects`; pure rules in common/domain/projects.ts).
 *
 * Who: "coordinator" = a coordinator of one of the project's districts; "lead" = a member of the lead partner
 * organization; "partner" = a member of an organization in the partnership (any role, not left); "member" = lead or
 * partner or coordinator; "signed in" = any signed-in user (reads only the public part: summary, partners, totals).
 * Platform admins act as coordinators. Deny by default; every write audited (`projects.*`).
 *
 * Reads
 *   GET    /api/projects                                   signed in   ZProjectListQuery → ZProjectList (public part)
 *   GET    /api/projects/map                               signed in   ZProjectMapQuery → ZProjectMap (count + budget by district)
 *   GET    /api/projects/export.csv                        signed in   ZProjectListQuery → text/csv (public part)
 *   GET    /api/projects/partnership-rule                  signed in   → ZPartnershipRuleView (the rule as data)
 *   GET    /api/projects/:id                               signed in   → ZProject (private parts null unless member)
 * Project (lead, coordinator)
 *   POST   /api/projects                                   coordinator of every districtId   ZProjectCreate → ZProject (201)
 *   POST   /api/projects/from-proposal                     coordinator of the proposal's district   ZProjectFromProposal → ZProject (201)
 *   PATCH  /api/projects/:id                               lead, coordinator   ZProjectUpdate → ZProject
 *   POST   /api/projects/:id/transitions                   lead, coordinator   ZProjectTransitionRequest → ZProject
 * Partnership (lead, coordinator)
 *   POST   /api/projects/:id/partners                      ZPartnerCreate → ZProject (201); twice → 409 PROJECTS.PARTNER_EXISTS
 *   PATCH  /api/projects/:id/partners/:partnerId           ZPartnerUpdate → ZProject
 * Budget
 *   POST   /api/projects/:id/budget-lines                  lead, coordinator (any partner's line); partner (own organization's line)   ZBudgetLineCreate → ZProject (201)
 *   PATCH  /api/projects/:id/budget-lines/:lineId          same                ZBudgetLineUpdate → ZProject
 *   DELETE /api/projects/:id/budget-lines/:lineId          same                → ZProject
 *   POST   /api/projects/:id/funding-sources               lead, coordinator   ZFundingSourceCreate → ZProject (201)
 *   PATCH  /api/projects/:id/funding-sources/:sourceId     lead, coordinator   ZFundingSourceUpdate → ZProject
 *   DELETE /api/projects/:id/funding-sources/:sourceId     lead, coordinator   → ZProject
 * Needs and gaps (lead, coordinator)
 *   POST   /api/projects/:id/need-links                    ZNeedLinkCreate → ZProject (201)
 *   DELETE /api/projects/:id/need-links/:needId            → ZProject
 *   POST   /api/projects/:id/need-links/:needId/answer     running projects only → ZProject (the need becomes answered_by_project)
 *   POST   /api/projects/:id/group-links                   ZGroupLinkCreate → ZProject (201)
 *   DELETE /api/projects/:id/group-links/:linkId           → ZProject
 * Milestones (lead, coordinator), reports and beneficiaries (partner: own organization; lead, coordinator: any)
 *   POST   /api/projects/:id/milestones                    ZMilestoneCreate → ZProject (201)
 *   PATCH  /api/projects/:id/milestones/:milestoneId       ZMilestoneUpdate → ZProject
 *   POST   /api/projects/:id/reports                       ZReportCreate → ZProject (201); files: the platform file store,
 *                                                         owner `projects.project`, recordId = project id (members read, lead/coordinator/partners attach)
 *   POST   /api/projects/:id/beneficiaries                 ZBeneficiaryCreate → ZProject (201) (same period × target group × municipality × organization replaces the count)
 *   DELETE /api/projects/:id/beneficiaries/:entryId        → ZProject
 * Accompaniment (lead, coordinator)
 *   PUT    /api/projects/:id/mentor                        ZMentorSet → ZProject
 *   POST   /api/projects/:id/sessions                      ZSessionCreate → ZProject (201)
 *   POST   /api/projects/:id/assessments                   ZAssessmentCreate → ZProject (201)
 *
 * Bad input: amounts are whole cents ≥ 0 (a float or a negative → 422 COMMON.VALIDATION naming the field); shares
 * over 100 → 400 PROJECTS.SHARES_OVER_100 (field workSharePercent); dates out of order → 400 PROJECTS.DATES_OUT_OF_ORDER
 * (field endOn / leftOn / periodEnd); a transition the pipeline forbids → 409 PROJECTS.FORBIDDEN_TRANSITION (field to);
 * leaving "running" without an evaluation → 400 PROJECTS.EVALUATION_REQUIRED (field evaluation); an outcome other than
 * the evaluation's decision → 409 PROJECTS.DECISION_MISMATCH (field to); "scaled_up" without where → 400
 * PROJECTS.SCALE_UP_REQUIRED (field scaleUp). Errors carry `details.fields: [{ path, message }]`.
 */

const ZIsoDate = z.iso.date();
const ZIstatCode = z.string().regex(/^\d{6}$/, 'an ISTAT municipality code has 6 digits');
const ZCategoryCode = z.string().regex(/^[a-z0-9_.-]{2,80}$/, 'a category code such as anziani.assistenza-domiciliare');
/**
 * Amounts a project writes: whole cents, never negative, at most what a PostgreSQL integer holds (21,474,836.47 €)
 * per line or source, like every integer a write accepts (server/bad-input.test.ts); columns and totals are bigint.
 */
const zAmountCents = () => zMoneyCents().min(0).max(INT4_MAX);
const ZText = (max: number) => z.string().trim().max(max);

export const ZProjectIdParams = z.strictObject({ id: z.uuid() });
export const ZPartnerParams = z.strictObject({ id: z.uuid(), partnerId: z.uuid() });
export const ZBudgetLineParams = z.strictObject({ id: z.uuid(), lineId: z.uuid() });
export const ZFundingSourceParams = z.strictObject({ id: z.uuid(), sourceId: z.uuid() });
export const ZNeedLinkParams = z.strictObject({ id: z.uuid(), needId: z.uuid() });
export const ZGroupLinkParams = z.strictObject({ id: z.uuid(), linkId: z.uuid() });
export const ZMilestoneParams = z.strictObject({ id: z.uuid(), milestoneId: z.uuid() });
export const ZBeneficiaryParams = z.strictObject({ id: z.uuid(), entryId: z.uuid() });

// ----- list, map, export -----------------------------------------------------------------------------------------

export const ZProjectFilters = z.strictObject({
  districtId: z.uuid().optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  strand: z.enum(PROJECT_STRANDS).optional(),
  targetGroup: z.enum(TARGET_GROUPS).optional(),
  fundingKind: z.enum(FUNDING_KINDS).optional(),
  /** Projects where this organization is a current partner (any role). */
  organizationId: z.uuid().optional(),
  /** Words of the title or summary. */
  q: z.string().trim().max(200).optional(),
});
export type TProjectFilters = z.infer<typeof ZProjectFilters>;

export const ZProjectListQuery = ZProjectFilters.extend({
  cursor: z.string().max(500).optional(),
  limit: zQueryInt().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
});
export type TProjectListQuery = z.infer<typeof ZProjectListQuery>;

/** The public part of a project: what anyone signed in reads (summary, partners, totals). */
export const ZProjectSummary = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  status: z.enum(PROJECT_STATUSES),
  districts: z.array(z.object({ id: z.string(), name: z.string() })),
  targetGroups: z.array(z.string()),
  strands: z.array(z.enum(PROJECT_STRANDS)),
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  leadOrganizationName: z.string().nullable(),
  partnerCount: zInt(),
  budgetCents: zMoneyCents(),
  committedCents: zMoneyCents(),
  fundingKinds: z.array(z.enum(FUNDING_KINDS)),
  updatedAt: z.string(),
});
export type TProjectSummary = z.infer<typeof ZProjectSummary>;

export const ZProjectList = z.object({ items: z.array(ZProjectSummary), nextCursor: z.string().nullable(), total: zInt() });
export type TProjectList = z.infer<typeof ZProjectList>;

export const ZProjectMapQuery = ZProjectFilters.omit({ districtId: true });
/** One district on the map: how many projects (matching the filters) and their budget and committed funding. */
export const ZProjectMapDistrict = z.object({
  districtId: z.string(),
  districtName: z.string(),
  projectCount: zInt(),
  budgetCents: zMoneyCents(),
  committedCents: zMoneyCents(),
  /** Committed funding by kind, in the order of FUNDING_KINDS, only kinds with money. */
  byFundingKind: z.array(z.object({ kind: z.enum(FUNDING_KINDS), committedCents: zMoneyCents() })),
  /** For a pin: the representative point (inside it) of the district's most populous municipality; null when none has a point. */
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
});
export const ZProjectMap = z.object({ districts: z.array(ZProjectMapDistrict) });
export type TProjectMap = z.infer<typeof ZProjectMap>;

// ----- the project page ------------------------------------------------------------------------------------------

export const ZPartner = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  organizationKind: z.string(),
  /** The kind's sector (public, third_sector, private, informal), for the sector mix. */
  sector: z.string().nullable(),
  role: z.enum(PARTNER_ROLES),
  workSharePercent: zInt(),
  joinedOn: z.string().nullable(),
  leftOn: z.string().nullable(),
});
export type TPartner = z.infer<typeof ZPartner>;

export const ZPartnershipCheck = z.object({
  ruleCode: z.string(),
  passed: z.boolean(),
  conditions: z.array(z.object({ code: z.string(), passed: z.boolean(), count: zInt() })),
});
export type TPartnershipCheck = z.infer<typeof ZPartnershipCheck>;

export const ZPartnershipRuleView = z.object({
  code: z.string(),
  conditions: z.array(
    z.object({
      code: z.string(),
      type: z.enum(['lead_kind', 'min_partners', 'single_lead']),
      kinds: z.array(z.string()).optional(),
      sectors: z.array(z.string()).optional(),
      roles: z.array(z.string()).optional(),
      min: zInt().optional(),
    }),
  ),
});

/** The totals are public; the lines behind them are private (members only). */
export const ZBudgetTotals = z.object({
  budgetCents: zMoneyCents(),
  committedCents: zMoneyCents(),
  spentCents: zMoneyCents(),
  uncoveredCents: zMoneyCents(),
  coFinancingCents: zMoneyCents(),
  /** 10 000 = 100 %. */
  coFinancingShareBasisPoints: zInt(),
  byCategory: z.array(z.object({ category: z.enum(BUDGET_CATEGORIES), amountCents: zMoneyCents(), shareBasisPoints: zInt() })),
  byPartner: z.array(z.object({ organizationId: z.string().nullable(), organizationName: z.string().nullable(), amountCents: zMoneyCents(), shareBasisPoints: zInt() })),
  byFundingKind: z.array(z.object({ kind: z.enum(FUNDING_KINDS), committedCents: zMoneyCents(), spentCents: zMoneyCents(), shareBasisPoints: zInt() })),
});
export type TBudgetTotals = z.infer<typeof ZBudgetTotals>;

export const ZBudgetLine = z.object({
  id: z.string(),
  category: z.enum(BUDGET_CATEGORIES),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
  description: z.string(),
  amountCents: zMoneyCents(),
  /** Whether the caller may change or delete this line (their own organization's, or lead/coordinator). */
  canEdit: z.boolean(),
});
export type TBudgetLine = z.infer<typeof ZBudgetLine>;

export const ZFundingSource = z.object({
  id: z.string(),
  kind: z.enum(FUNDING_KINDS),
  funderName: z.string(),
  /** The funder when it is an organization of the platform. */
  organizationId: z.string().nullable(),
  committedCents: zMoneyCents(),
  spentCents: zMoneyCents(),
});
export type TFundingSource = z.infer<typeof ZFundingSource>;

export const ZTransitionRecord = z.object({
  id: z.string(),
  fromStatus: z.enum(PROJECT_STATUSES).nullable(),
  toStatus: z.enum(PROJECT_STATUSES),
  at: z.string(),
  byName: z.string().nullable(),
  note: z.string(),
});

export const ZEvaluation = z.object({
  id: z.string(),
  measured: z.string(),
  results: z.string(),
  decision: z.enum(EVALUATION_DECISIONS),
  reasons: z.string(),
  recordedAt: z.string(),
});
export type TEvaluation = z.infer<typeof ZEvaluation>;

export const ZScaleUp = z.object({
  municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
  districts: z.array(z.object({ id: z.string(), name: z.string() })),
  replicaProjectId: z.string().nullable(),
  replicaProjectTitle: z.string().nullable(),
  recordedAt: z.string(),
});

export const ZNeedLink = z.object({
  needId: z.string(),
  categoryCode: z.string(),
  categoryLabel: z.string().nullable(),
  targetGroup: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  peopleCount: zInt(),
  needStatus: z.string(),
  /** Marked as answered by this project. */
  answeredByProject: z.boolean(),
});

export const ZGroupLink = z.object({
  id: z.string(),
  categoryCode: z.string(),
  categoryLabel: z.string().nullable(),
  targetGroup: z.string().nullable(),
  zoneKind: z.enum(ZONE_KINDS),
  zoneKey: z.string(),
  zoneLabel: z.string(),
  proposalId: z.string().nullable(),
});

export const ZMilestone = z.object({
  id: z.string(),
  kind: z.enum(MILESTONE_KINDS),
  title: z.string(),
  dueOn: z.string(),
  status: z.enum(MILESTONE_STATUSES),
  doneOn: z.string().nullable(),
  isLate: z.boolean(),
});
export type TMilestone = z.infer<typeof ZMilestone>;

export const ZReport = z.object({
  id: z.string(),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  /** Markdown (common/domain/markdown.ts). */
  text: z.string(),
  /** Files of the project (owner projects.project) this report refers to. */
  files: z.array(ZStoredFile),
  createdAt: z.string(),
});
export type TReport = z.infer<typeof ZReport>;

export const ZBeneficiaryEntry = z.object({
  id: z.string(),
  period: z.string(),
  targetGroup: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
  count: zInt(),
  canEdit: z.boolean(),
});

export const ZMentor = z.object({
  kind: z.enum(MENTOR_KINDS),
  organizationId: z.string().nullable(),
  /** The organization's name, or the person's. */
  name: z.string(),
  assignedOn: z.string(),
});

/** The accompaniment timeline, newest first: assignment of the mentor, sessions, readiness assessments. */
export const ZTimelineItem = z.discriminatedUnion('type', [
  z.object({ type: z.literal('mentor'), id: z.string(), on: z.string(), name: z.string(), kind: z.enum(MENTOR_KINDS) }),
  z.object({ type: z.literal('session'), id: z.string(), on: z.string(), topic: z.string(), notes: z.string() }),
  z.object({
    type: z.literal('assessment'),
    id: z.string(),
    on: z.string(),
    criterion: z.enum(READINESS_CRITERIA),
    score: zInt(),
    evidence: z.string(),
  }),
]);
export type TTimelineItem = z.infer<typeof ZTimelineItem>;

/** What the caller may do on this project (the web shows the matching forms). */
export const ZProjectAccess = z.object({
  /** Lead, partner or coordinator: reads the private parts. */
  isMember: z.boolean(),
  /** Lead or coordinator: edits the project, partnership, funding, links, milestones, accompaniment. */
  canEdit: z.boolean(),
  /** The caller's organizations in the partnership: may add budget lines, reports, beneficiaries for them. */
  ownOrganizationIds: z.array(z.string()),
  /** Allowed next statuses for this caller (PROJECT_TRANSITIONS, empty unless canEdit). */
  nextStatuses: z.array(z.enum(PROJECT_STATUSES)),
});

export const ZProject = ZProjectSummary.extend({
  version: zInt(),
  createdAt: z.string(),
  /** The matching proposal it started from. */
  proposalId: z.string().nullable(),
  /** The project this one replicates (a scale-up). */
  replicaOfProjectId: z.string().nullable(),
  replicaOfProjectTitle: z.string().nullable(),
  partners: z.array(ZPartner),
  partnershipCheck: ZPartnershipCheck,
  totals: ZBudgetTotals,
  transitions: z.array(ZTransitionRecord),
  evaluation: ZEvaluation.nullable(),
  scaleUp: ZScaleUp.nullable(),
  needLinks: z.array(ZNeedLink),
  groupLinks: z.array(ZGroupLink),
  milestones: z.array(ZMilestone),
  mentor: ZMentor.nullable(),
  access: ZProjectAccess,
  // Private parts: null for a caller who is not a member.
  budgetLines: z.array(ZBudgetLine).nullable(),
  fundingSources: z.array(ZFundingSource).nullable(),
  reports: z.array(ZReport).nullable(),
  beneficiaries: z.array(ZBeneficiaryEntry).nullable(),
  timeline: z.array(ZTimelineItem).nullable(),
});
export type TProject = z.infer<typeof ZProject>;

// ----- writes ----------------------------------------------------------------------------------------------------

const projectFields = {
  title: ZText(200).min(3),
  summary: ZText(5000),
  districtIds: z.array(z.uuid()).min(1).max(20),
  targetGroups: z.array(z.enum(TARGET_GROUPS)).max(TARGET_GROUPS.length),
  strands: z.array(z.enum(PROJECT_STRANDS)).min(1).max(PROJECT_STRANDS.length),
  startOn: ZIsoDate.nullable(),
  endOn: ZIsoDate.nullable(),
};

export const ZProjectCreate = z.strictObject({ ...projectFields, targetGroups: projectFields.targetGroups.default([]), startOn: projectFields.startOn.default(null), endOn: projectFields.endOn.default(null) });
export type TProjectCreate = z.infer<typeof ZProjectCreate>;

/** A shared-service proposal becomes a project: its organizations join as partners (the provider as lead when it is one), its group becomes a group link. */
export const ZProjectFromProposal = z.strictObject({
  proposalId: z.uuid(),
  /** Defaults to the proposal's title. */
  title: ZText(200).min(3).optional(),
  strands: projectFields.strands.default(['services']),
});
export type TProjectFromProposal = z.infer<typeof ZProjectFromProposal>;

export const ZProjectUpdate = z.strictObject({ ...projectFields, version: zInt() }).partial().required({ version: true });
export type TProjectUpdate = z.infer<typeof ZProjectUpdate>;

export const ZEvaluationInput = z.strictObject({
  measured: ZText(5000).min(1),
  results: ZText(5000).min(1),
  decision: z.enum(EVALUATION_DECISIONS),
  reasons: ZText(5000).min(1),
});
export const ZScaleUpInput = z
  .strictObject({
    municipalityCodes: z.array(ZIstatCode).max(500).default([]),
    districtIds: z.array(z.uuid()).max(50).default([]),
    /** The replica, an existing project; omitted: none yet. */
    replicaProjectId: z.uuid().optional(),
  })
  .refine((value) => value.municipalityCodes.length + value.districtIds.length > 0, { message: 'name at least one municipality or district', path: ['municipalityCodes'] });

export const ZProjectTransitionRequest = z.strictObject({
  to: z.enum(PROJECT_STATUSES),
  note: ZText(2000).default(''),
  /** Required when leaving "running". */
  evaluation: ZEvaluationInput.optional(),
  /** Required for "scaled_up". */
  scaleUp: ZScaleUpInput.optional(),
});
export type TProjectTransitionRequest = z.infer<typeof ZProjectTransitionRequest>;

export const ZPartnerCreate = z.strictObject({
  organizationId: z.uuid(),
  role: z.enum(PARTNER_ROLES),
  workSharePercent: zInt().min(0).max(100).default(0),
  joinedOn: ZIsoDate.nullable().default(null),
  leftOn: ZIsoDate.nullable().default(null),
});
export type TPartnerCreate = z.infer<typeof ZPartnerCreate>;
export const ZPartnerUpdate = z.strictObject({
  role: z.enum(PARTNER_ROLES).optional(),
  workSharePercent: zInt().min(0).max(100).optional(),
  joinedOn: ZIsoDate.nullable().optional(),
  leftOn: ZIsoDate.nullable().optional(),
});
export type TPartnerUpdate = z.infer<typeof ZPartnerUpdate>;

export const ZBudgetLineCreate = z.strictObject({
  category: z.enum(BUDGET_CATEGORIES),
  /** The partner organization the line belongs to (a partner may only name its own); null: the whole project (lead, coordinator). */
  organizationId: z.uuid().nullable(),
  description: ZText(500).default(''),
  amountCents: zAmountCents(),
});
export type TBudgetLineCreate = z.infer<typeof ZBudgetLineCreate>;
export const ZBudgetLineUpdate = z.strictObject({ category: z.enum(BUDGET_CATEGORIES).optional(), description: ZText(500).optional(), amountCents: zAmountCents().optional() });
export type TBudgetLineUpdate = z.infer<typeof ZBudgetLineUpdate>;

export const ZFundingSourceCreate = z.strictObject({
  kind: z.enum(FUNDING_KINDS),
  funderName: ZText(200).default(''),
  organizationId: z.uuid().nullable().default(null),
  committedCents: zAmountCents(),
  spentCents: zAmountCents().default(0),
});
export type TFundingSourceCreate = z.infer<typeof ZFundingSourceCreate>;
export const ZFundingSourceUpdate = z.strictObject({ funderName: ZText(200).optional(), committedCents: zAmountCents().optional(), spentCents: zAmountCents().optional() });
export type TFundingSourceUpdate = z.infer<typeof ZFundingSourceUpdate>;

export const ZNeedLinkCreate = z.strictObject({ needId: z.uuid() });
export const ZGroupLinkCreate = z.strictObject({
  categoryCode: ZCategoryCode,
  targetGroup: z.enum(TARGET_GROUPS).nullable().default(null),
  zoneKind: z.enum(ZONE_KINDS),
  /** A municipality's ISTAT code, a district's id or a zone's id, as matching names the zone. */
  zoneKey: z.string().min(1).max(100),
});
export type TGroupLinkCreate = z.infer<typeof ZGroupLinkCreate>;

export const ZMilestoneCreate = z.strictObject({
  kind: z.enum(MILESTONE_KINDS).default('milestone'),
  title: ZText(300).min(1),
  dueOn: ZIsoDate,
  status: z.enum(MILESTONE_STATUSES).default('planned'),
});
export type TMilestoneCreate = z.infer<typeof ZMilestoneCreate>;
export const ZMilestoneUpdate = z.strictObject({ title: ZText(300).min(1).optional(), dueOn: ZIsoDate.optional(), status: z.enum(MILESTONE_STATUSES).optional() });
export type TMilestoneUpdate = z.infer<typeof ZMilestoneUpdate>;

/** The file store's owner of progress reports' files: recordId = the project's id (ADR 0027). */
export const PROJECT_FILE_OWNER = 'projects.project';

export const ZReportCreate = z.strictObject({
  /** The partner reporting (a partner may only name its own); null: the lead/coordinator for the whole project. */
  organizationId: z.uuid().nullable(),
  periodStart: ZIsoDate,
  periodEnd: ZIsoDate,
  text: ZText(20_000).min(1),
  /** Ids of files already attached to the project (owner projects.project). */
  fileIds: z.array(z.uuid()).max(20).default([]),
});
export type TReportCreate = z.infer<typeof ZReportCreate>;

export const ZBeneficiaryCreate = z.strictObject({
  organizationId: z.uuid().nullable(),
  period: z.string().regex(BENEFICIARY_PERIOD_PATTERN, 'a month as YYYY-MM'),
  targetGroup: z.enum(TARGET_GROUPS),
  municipalityCode: ZIstatCode,
  count: zInt().min(0).max(1_000_000),
});
export type TBeneficiaryCreate = z.infer<typeof ZBeneficiaryCreate>;

export const ZMentorSet = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('organization'), organizationId: z.uuid() }),
  z.strictObject({ kind: z.literal('person'), name: ZText(200).min(2) }),
]);
export type TMentorSet = z.infer<typeof ZMentorSet>;

export const ZSessionCreate = z.strictObject({ heldOn: ZIsoDate, topic: ZText(300).min(1), notes: ZText(20_000).default('') });
export type TSessionCreate = z.infer<typeof ZSessionCreate>;

export const ZAssessmentCreate = z.strictObject({
  assessedOn: ZIsoDate,
  criterion: z.enum(READINESS_CRITERIA),
  score: zInt().min(READINESS_SCORE_MIN).max(READINESS_SCORE_MAX),
  evidence: ZText(5000).min(1),
});
export type TAssessmentCreate = z.infer<typeof ZAssessmentCreate>;
