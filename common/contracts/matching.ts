import { z } from 'zod';
import { zInt, zQueryInt } from './integers';
import { zMoneyCents } from './money';
import { COVERAGE_DEFAULTS, PROPOSAL_RESPONSES, PROPOSAL_ROLES, PROPOSAL_STATUSES, REFERRAL_ACTIONS, REFERRAL_STATUSES, ZONE_KINDS } from '../domain/matching';
import { TARGET_GROUPS } from '../domain/services';

const ZCategoryCode = z.string().regex(/^[a-z0-9_.-]{2,80}$/, 'a category code such as anziani.assistenza-domiciliare');
const ZIstatCode = z.string().regex(/^\d{6}$/, 'an ISTAT municipality code has 6 digits');

const coverageParameters = {
  districtId: z.uuid(),
  zoneKind: z.enum(ZONE_KINDS).default('municipality'),
  /** Required with zoneKind=zoning: each zone of this zoning is a zone of the analysis. */
  zoningId: z.uuid().optional(),
  /** A first-level code takes its sub-categories too. */
  categoryCode: ZCategoryCode.optional(),
  targetGroup: z.enum(TARGET_GROUPS).optional(),
  radiusKm: z.coerce.number().min(0).max(100).default(COVERAGE_DEFAULTS.radiusKm),
  threshold: z.coerce.number().min(0).max(1000).default(COVERAGE_DEFAULTS.threshold),
  periodDays: zQueryInt().min(1).max(730).default(COVERAGE_DEFAULTS.periodDays),
};
export const ZCoverageQuery = z.strictObject(coverageParameters);
export type TCoverageQuery = z.infer<typeof ZCoverageQuery>;

export const ZCoverageGroup = z.object({
  categoryCode: z.string(),
  categoryLabel: z.string(),
  targetGroup: z.string(),
  zoneKind: z.enum(ZONE_KINDS),
  zoneKey: z.string(),
  zoneLabel: z.string(),
  municipalityCodes: z.array(z.string()),
  needCount: zInt(),
  organizationCount: zInt(),
  peopleCount: zInt(),
  meanRelevance: z.number().nullable(),
  recentPeople: zInt(),
  previousPeople: zInt(),
  trend: z.enum(['new', 'up', 'down', 'flat']),
  serviceCount: zInt(),
  servicesWithUnknownCapacity: zInt(),
  freeCapacity: zInt(),
  oldestConfirmedOn: z.string().nullable(),
  coverage: z.number(),
  isGap: z.boolean(),
  gapReason: z.enum(['no_supply', 'below_threshold']).nullable(),
});
export type TCoverageGroup = z.infer<typeof ZCoverageGroup>;

/** One municipality on the gap map: the worst group of the chosen category there. */
export const ZCoverageMunicipality = z.object({
  code: z.string(),
  name: z.string(),
  peopleCount: zInt(),
  groupCount: zInt(),
  minimumCoverage: z.number().nullable(),
  isUncovered: z.boolean(),
  isGap: z.boolean(),
});

export const ZCoverageReport = z.object({
  districtId: z.string(),
  parameters: z.object({ zoneKind: z.enum(ZONE_KINDS), radiusKm: z.number(), threshold: z.number(), periodDays: z.number(), categoryCode: z.string().nullable() }),
  groups: z.array(ZCoverageGroup),
  municipalities: z.array(ZCoverageMunicipality),
  canPropose: z.boolean(),
});
export type TCoverageReport = z.infer<typeof ZCoverageReport>;

export const ZGroupQuery = z.strictObject({
  districtId: z.uuid(),
  zoneKind: z.enum(ZONE_KINDS).default('municipality'),
  zoningId: z.uuid().optional(),
  zoneKey: z.string().min(1).max(80),
  categoryCode: ZCategoryCode,
  targetGroup: z.enum(TARGET_GROUPS).optional(),
  radiusKm: coverageParameters.radiusKm,
});
export type TGroupQuery = z.infer<typeof ZGroupQuery>;

export const ZGroupNeed = z.object({
  id: z.string(),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  targetGroup: z.string(),
  peopleCount: zInt(),
  relevance: z.number().nullable(),
  expressedOn: z.string(),
});

export const ZCandidateService = z.object({
  id: z.string(),
  name: z.string(),
  organizationId: z.string(),
  providerName: z.string(),
  reachedBy: z.enum(['area_district', 'area_municipality', 'location']),
  distanceKm: z.number(),
  freeCapacity: zInt().nullable(),
  capacityUnit: z.string().nullable(),
  confirmedOn: z.string(),
  freshness: z.enum(['fresh', 'aging', 'stale']),
  confirmedDaysAgo: zInt(),
  targetGroups: z.array(z.string()),
  isOpenToCommunity: z.boolean(),
  costKind: z.string(),
  /** The service's price in cents of euro. */
  costCents: zMoneyCents().nullable(),
});
export type TCandidateService = z.infer<typeof ZCandidateService>;

/** The "why" of one group's numbers: the needs counted and the services considered. */
export const ZGroupDetail = z.object({
  needs: z.array(ZGroupNeed),
  services: z.array(ZCandidateService),
  canSeeOrganizations: z.boolean(),
});
export type TGroupDetail = z.infer<typeof ZGroupDetail>;

/** A proposal is made for one group: the group's own query, plus what the coordinator writes. */
export const ZProposalCreate = ZGroupQuery.extend({
  title: z.string().trim().min(3).max(200),
  description: z.string().trim().max(4000).default(''),
  joinThreshold: zInt().min(1).max(1000).default(2),
  /** How many ranked providers to invite. */
  providerCount: zInt().min(1).max(10).default(3),
});
export type TProposalCreate = z.infer<typeof ZProposalCreate>;

export const ZProposalParty = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  role: z.enum(PROPOSAL_ROLES),
  serviceId: z.string().nullable(),
  serviceName: z.string().nullable(),
  rank: zInt().nullable(),
  score: z.number().nullable(),
  scoreDetails: z.record(z.string(), z.number()).nullable(),
  peopleCount: zInt().nullable(),
  /** The requester's estimated share in cents of euro: the shares of a proposal add up to its total (allocate). */
  costShareCents: zMoneyCents().nullable(),
  response: z.enum(['pending', ...PROPOSAL_RESPONSES]),
  comment: z.string(),
  respondedAt: z.string().nullable(),
  canRespond: z.boolean(),
});

export const ZProposal = z.object({
  id: z.string(),
  districtId: z.string(),
  title: z.string(),
  description: z.string(),
  categoryCode: z.string(),
  targetGroup: z.string().nullable(),
  zoneKind: z.enum(ZONE_KINDS),
  zoneKey: z.string(),
  zoneLabel: z.string(),
  peopleCovered: zInt(),
  joinThreshold: zInt(),
  joinedCount: zInt(),
  status: z.enum(PROPOSAL_STATUSES),
  version: zInt(),
  createdAt: z.string(),
  parties: z.array(ZProposalParty),
  agreement: z.object({ id: z.string(), createdAt: z.string(), notes: z.string(), organizationIds: z.array(z.string()) }).nullable(),
  canAgree: z.boolean(),
});
export type TProposal = z.infer<typeof ZProposal>;

export const ZProposalSummary = ZProposal.pick({ id: true, title: true, categoryCode: true, zoneLabel: true, peopleCovered: true, joinThreshold: true, joinedCount: true, status: true, createdAt: true });
export const ZProposalList = z.object({ items: z.array(ZProposalSummary) });
export const ZProposalListQuery = z.strictObject({ districtId: z.uuid().optional() });

/** One organization's answer in one role: an organization both requester and provider answers each role apart. */
export const ZProposalResponse = z.strictObject({
  organizationId: z.uuid(),
  role: z.enum(PROPOSAL_ROLES),
  response: z.enum(PROPOSAL_RESPONSES),
  comment: z.string().trim().max(2000).default(''),
});
export const ZProposalAgreement = z.strictObject({ version: zInt().min(1), notes: z.string().trim().max(4000).default('') });

export const ZReferralCreate = z.strictObject({
  districtId: z.uuid(),
  referringOrganizationId: z.uuid(),
  serviceId: z.uuid(),
  needId: z.uuid().optional(),
  subjectKind: z.enum(['person', 'group']),
  peopleCount: zInt().min(1).max(10_000).default(1),
  categoryCode: ZCategoryCode.optional(),
  municipalityCode: ZIstatCode,
  /** Free text kept apart: no health details (least personal data). */
  details: z.string().trim().max(2000).default(''),
});
export type TReferralCreate = z.infer<typeof ZReferralCreate>;

export const ZReferralTransition = z.strictObject({
  action: z.enum(REFERRAL_ACTIONS),
  reason: z.string().trim().max(2000).default(''),
  version: zInt().min(1),
});
export type TReferralTransition = z.infer<typeof ZReferralTransition>;

export const ZReferral = z.object({
  id: z.string(),
  districtId: z.string(),
  referringOrganizationId: z.string(),
  referringOrganizationName: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  providerOrganizationId: z.string(),
  providerOrganizationName: z.string(),
  needId: z.string().nullable(),
  subjectKind: z.enum(['person', 'group']),
  peopleCount: zInt(),
  categoryCode: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  statusReason: z.string(),
  sentAt: z.string(),
  firstAnsweredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: zInt(),
  /** Present only for the referring organization and the provider. */
  details: z.string().nullable(),
  events: z.array(z.object({ fromStatus: z.string().nullable(), toStatus: z.string(), note: z.string(), actorLabel: z.string(), at: z.string() })),
  allowedActions: z.array(z.enum(REFERRAL_ACTIONS)),
});
export type TReferral = z.infer<typeof ZReferral>;

export const ZReferralListQuery = z.strictObject({
  districtId: z.uuid().optional(),
  status: z.enum(REFERRAL_STATUSES).optional(),
  /** Searches the service and organization names. */
  q: z.string().trim().max(100).optional(),
});
export const ZReferralList = z.object({ items: z.array(ZReferral.omit({ details: true, events: true, allowedActions: true })), total: zInt() });

export const ZReferralReportRow = z.object({ key: z.string(), label: z.string(), total: zInt(), answered: zInt(), closedWithOutcome: zInt(), medianHoursToAnswer: z.number().nullable() });
export const ZReferralReport = z.object({
  total: zInt(),
  byStatus: z.record(z.string(), zInt()),
  medianHoursToAnswer: z.number().nullable(),
  shareClosedWithOutcome: z.number().nullable(),
  byProvider: z.array(ZReferralReportRow),
  byCategory: z.array(ZReferralReportRow),
});
export type TReferralReport = z.infer<typeof ZReferralReport>;
