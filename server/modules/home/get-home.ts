import {
  HOME_RECENT_RESPONSES_DAYS, HOME_REFERRAL_WAITING_DAYS, type ProfileField, type THome, type THomeDistrictWork, type THomeOrganizationWork,
} from '../../../common/contracts/home';
import type { NeedStatus } from '../../../common/domain/needs';
import { todayInItaly } from '../../../common/domain/calendar';
import { can, assertCan } from '../../platform/access/policy';
import type { Actor } from '../../platform/access/actor';
import { countFailedMail } from '../../platform/mail/count-failed-mail';
import type { UseCaseContext } from '../../platform/use-case';
import { homeGroupsSummary } from '../groups';
import { countDistrictGaps, selectDistrictMatchingWork, selectProposalAnswersWaiting, selectReferralsAwaitingInfo, selectReferralsWaitingForProvider } from '../matching';
import { selectNeedStatusCountsOfOrganizations } from '../needs';
import { countStaleServicesOfDistricts, countStaleServicesOfOrganizations, staleCutoff } from '../services';
import { selectDistrictSurveyActivity, selectSurveysToAnswer } from '../surveys';
import { HomeActions } from './home.policy';
import {
  selectDistrictMembersAndNeeds, selectDistrictNames, selectInvitationCountsOfOrganizations, selectOrganizationProfiles, selectPendingMembershipCounts,
  type OrganizationProfileRow,
} from './home.repository';

/** The districts the actor coordinates, and the organizations it acts for (administrator wins over member). */
function ownScope(actor: Actor): { districtIds: string[]; organizations: Map<string, { isAdmin: boolean }> } {
  const districtIds = new Set<string>();
  const organizations = new Map<string, { isAdmin: boolean }>();
  if (actor.kind !== 'user') return { districtIds: [], organizations };
  for (const grant of actor.grants) {
    if (grant.role === 'district_coordinator' && grant.districtId) districtIds.add(grant.districtId);
    if ((grant.role === 'organization_admin' || grant.role === 'organization_member') && grant.organizationId) {
      const isAdmin = grant.role === 'organization_admin' || (organizations.get(grant.organizationId)?.isAdmin ?? false);
      organizations.set(grant.organizationId, { isAdmin });
    }
  }
  return { districtIds: [...districtIds], organizations };
}

function missingProfileFields(profile: OrganizationProfileRow): ProfileField[] {
  const blank = (value: string | null) => value === null || value.trim() === '';
  const fields: [ProfileField, string | null][] = [
    ['description', profile.description], ['municipality', profile.municipality_code], ['email', profile.email],
    ['website', profile.website], ['fiscalCode', profile.fiscal_code], ['sizeClass', profile.size_class],
  ];
  return fields.filter(([, value]) => blank(value)).map(([field]) => field);
}

async function districtWork(context: UseCaseContext, districtIds: string[], today: string): Promise<THomeDistrictWork[]> {
  const db = context.db.orm;
  const names = await selectDistrictNames(db, districtIds);
  if (names.length === 0) return [];
  const ids = names.map((district) => district.id);
  const memberships = await selectPendingMembershipCounts(db, ids);
  const surveys = await selectDistrictSurveyActivity(db, ids, today, HOME_RECENT_RESPONSES_DAYS);
  const matching = await selectDistrictMatchingWork(db, ids, HOME_REFERRAL_WAITING_DAYS);
  const failedMails = await countFailedMail(context, ids);
  // Groups of demand under the threshold with the matching page's default parameters, all districts at once.
  const gaps = await countDistrictGaps(context, ids);
  const staleServices = await countStaleServicesOfDistricts(db, ids, staleCutoff());
  const work: THomeDistrictWork[] = [];
  for (const district of names) {
    work.push({
      districtId: district.id,
      districtName: district.name,
      membershipRequests: memberships.get(district.id)?.requested ?? 0,
      membershipInvitations: memberships.get(district.id)?.invited ?? 0,
      recentResponses: surveys.get(district.id)?.recent_responses ?? 0,
      openSurveys: surveys.get(district.id)?.open_surveys ?? 0,
      openGaps: gaps.get(district.id) ?? 0,
      proposalsWaiting: matching.get(district.id)?.proposals_waiting ?? 0,
      referralsWaiting: matching.get(district.id)?.referrals_waiting ?? 0,
      staleServices: staleServices.get(district.id) ?? 0,
      failedMails: failedMails.get(district.id) ?? 0,
    });
  }
  return work;
}

async function organizationWork(context: UseCaseContext, organizations: Map<string, { isAdmin: boolean }>, today: string): Promise<THomeOrganizationWork[]> {
  const db = context.db.orm;
  const profiles = await selectOrganizationProfiles(db, [...organizations.keys()]);
  if (profiles.length === 0) return [];
  const ids = profiles.map((profile) => profile.id);
  const surveys = await selectSurveysToAnswer(db, ids, today);
  const proposals = await selectProposalAnswersWaiting(db, ids);
  const referrals = await selectReferralsWaitingForProvider(db, ids);
  const awaitingInfo = await selectReferralsAwaitingInfo(db, ids);
  const needs = await selectNeedStatusCountsOfOrganizations(db, ids);
  const stale = await countStaleServicesOfOrganizations(db, ids, staleCutoff());
  const invitations = await selectInvitationCountsOfOrganizations(db, ids);
  return profiles.map((profile) => {
    const isAdmin = organizations.get(profile.id)?.isAdmin ?? false;
    return {
      organizationId: profile.id,
      organizationName: profile.display_name,
      isAdmin,
      surveysToAnswer: surveys.filter((survey) => survey.organization_id === profile.id).map((survey) => ({
        invitationId: survey.invitation_id, surveyId: survey.survey_id, title: survey.title, closesOn: survey.closes_on, responseStatus: survey.response_status,
      })),
      proposalsToAnswer: proposals.filter((proposal) => proposal.organization_id === profile.id).map((proposal) => ({
        proposalId: proposal.proposal_id, title: proposal.title, role: proposal.role, serviceName: proposal.service_name,
      })),
      referralsToAnswer: referrals.filter((referral) => referral.provider_organization_id === profile.id).map((referral) => ({
        referralId: referral.id,
        version: referral.version,
        serviceName: referral.service_name,
        referringOrganizationName: referral.referring_organization_name,
        categoryLabel: (context.language === 'en' ? referral.category_label_en : referral.category_label_it) ?? referral.category_code,
        municipalityName: referral.municipality_name,
        peopleCount: referral.people_count,
        sentAt: new Date(referral.sent_at).toISOString(),
      })),
      referralsAwaitingInfo: awaitingInfo.get(profile.id) ?? 0,
      needsByStatus: needs.filter((row) => row.organization_id === profile.id).map((row) => ({ status: row.status as NeedStatus, count: row.count })),
      staleServices: stale.get(profile.id) ?? 0,
      missingProfileFields: missingProfileFields(profile),
      // Only administrators answer a district's invitation: members are not shown what they cannot do.
      membershipInvitations: isAdmin ? (invitations.get(profile.id) ?? 0) : 0,
    };
  });
}

async function districtComparison(context: UseCaseContext): Promise<THome['comparison']> {
  if (!can(context.actor, HomeActions['home.compare_districts'])) return null;
  const db = context.db.orm;
  const districts = await selectDistrictNames(db, 'all');
  const ids = districts.map((district) => district.id);
  const counts = await selectDistrictMembersAndNeeds(db, ids);
  const matching = await selectDistrictMatchingWork(db, ids, HOME_REFERRAL_WAITING_DAYS);
  const gaps = await countDistrictGaps(context, ids);
  return districts.map((district) => ({
    districtId: district.id,
    districtName: district.name,
    members: counts.get(district.id)?.members ?? 0,
    openNeeds: counts.get(district.id)?.open_needs ?? 0,
    openGaps: gaps.get(district.id) ?? 0,
    referrals: matching.get(district.id)?.referrals ?? 0,
  }));
}

/**
 * The first screen after signing in: for each district the person coordinates, the next things to do there; for each
 * organization they act for, what waits for it (surveys, proposals and referrals to answer, its needs, services to
 * confirm, profile to complete, invitations); for platform administrators, every district side by side. Deny by
 * default: only the actor's own grants name the districts and organizations read, so nobody sees another's items.
 */
export async function getHome(context: UseCaseContext): Promise<THome> {
  assertCan(context.actor, HomeActions['home.read']);
  const { districtIds, organizations } = ownScope(context.actor);
  const today = todayInItaly();
  return {
    districts: await districtWork(context, districtIds, today),
    organizations: await organizationWork(context, organizations, today),
    comparison: await districtComparison(context),
    groups: (await homeGroupsSummary(context)) ?? undefined,
  };
}
