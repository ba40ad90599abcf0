import { z } from 'zod';
import { NEED_STATUSES } from '../domain/needs';
import { zInt } from './integers';
import { ZHomeGroups } from './groups';

/**
 * The home of a signed-in person (GET /api/home): the next things to do for each role they hold, each with a count
 * and the ids the web needs to build the link to where it is done. Only the person's own districts (as coordinator)
 * and organizations (as administrator or member) appear; the comparison of every district only for platform
 * administrators.
 */

/** A referral sent to a provider and not answered after this many days is "waiting" on the coordinator's home. */
export const HOME_REFERRAL_WAITING_DAYS = 7;
/** Survey responses submitted in the last this many days are "arriving" on the coordinator's home. */
export const HOME_RECENT_RESPONSES_DAYS = 7;

/** The profile fields whose absence the home asks an organization to fill in (public fields of the registry). */
export const PROFILE_FIELDS = ['description', 'municipality', 'email', 'website', 'fiscalCode', 'sizeClass'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export const ZHomeDistrictWork = z.object({
  districtId: z.string(),
  districtName: z.string(),
  /** Organizations that asked to join, waiting for the coordinators' answer. */
  membershipRequests: zInt(),
  /** Invitations sent by the district still waiting for the organizations. */
  membershipInvitations: zInt(),
  /** Responses submitted in the last HOME_RECENT_RESPONSES_DAYS days to the district's open surveys. */
  recentResponses: zInt(),
  openSurveys: zInt(),
  /** Groups of demand under the coverage threshold (the matching page's defaults). */
  openGaps: zInt(),
  /** Open proposals with at least one organization that has not answered yet. */
  proposalsWaiting: zInt(),
  /** Referrals sent and not answered by the provider for HOME_REFERRAL_WAITING_DAYS days or more. */
  referralsWaiting: zInt(),
  /** Services of the district nobody confirmed for six months. */
  staleServices: zInt(),
  /** Messages of the district the mail server refused. */
  failedMails: zInt(),
});
export type THomeDistrictWork = z.infer<typeof ZHomeDistrictWork>;

export const ZHomeSurveyToAnswer = z.object({
  invitationId: z.string(),
  surveyId: z.string(),
  title: z.string(),
  closesOn: z.string().nullable(),
  /** none: not started; in_progress: started, not submitted. */
  responseStatus: z.enum(['none', 'in_progress']),
});

export const ZHomeProposalToAnswer = z.object({
  proposalId: z.string(),
  title: z.string(),
  role: z.enum(['requester', 'provider']),
  serviceName: z.string().nullable(),
});

export const ZHomeReferralToAnswer = z.object({
  referralId: z.string(),
  version: zInt(),
  serviceName: z.string(),
  referringOrganizationName: z.string(),
  categoryLabel: z.string(),
  municipalityName: z.string(),
  peopleCount: zInt(),
  sentAt: z.string(),
});

export const ZHomeOrganizationWork = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  isAdmin: z.boolean(),
  surveysToAnswer: z.array(ZHomeSurveyToAnswer),
  proposalsToAnswer: z.array(ZHomeProposalToAnswer),
  referralsToAnswer: z.array(ZHomeReferralToAnswer),
  /** Referrals it sent on which the provider asked for more information. */
  referralsAwaitingInfo: zInt(),
  needsByStatus: z.array(z.object({ status: z.enum(NEED_STATUSES), count: zInt() })),
  staleServices: zInt(),
  missingProfileFields: z.array(z.enum(PROFILE_FIELDS)),
  /** Invitations of districts waiting for the organization's administrators (counted for its admins only). */
  membershipInvitations: zInt(),
});
export type THomeOrganizationWork = z.infer<typeof ZHomeOrganizationWork>;

export const ZHomeDistrictComparison = z.object({
  districtId: z.string(),
  districtName: z.string(),
  members: zInt(),
  openNeeds: zInt(),
  openGaps: zInt(),
  referrals: zInt(),
});

export const ZHome = z.object({
  districts: z.array(ZHomeDistrictWork),
  organizations: z.array(ZHomeOrganizationWork),
  /** Every district side by side: platform administrators only (null for everyone else). */
  comparison: z.array(ZHomeDistrictComparison).nullable(),
  /** The person's working groups: open and overdue actions they own, their next meeting (issue 15). */
  groups: ZHomeGroups.optional(),
});
export type THome = z.infer<typeof ZHome>;
