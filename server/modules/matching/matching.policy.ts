import { belongsToOrganization, coordinatesDistrict, isPlatformAdmin, type Actor } from '../../platform/access/actor';
import { definePolicies } from '../../platform/access/policy';

const steers = (actor: Actor, districtId: string) => isPlatformAdmin(actor) || coordinatesDistrict(actor, districtId);

export const MatchingActions = definePolicies({
  /** Matching is for signed-in people; what they see is narrowed by the rules below once the resource is loaded. */
  'matching.use': (actor) => actor.kind !== 'anonymous',
  /** Aggregated demand and coverage: the district's coordinators, platform admins, and members of its organizations. */
  'matching.coverage.read': (actor, scope: { districtId: string; isDistrictMember: boolean }) => steers(actor, scope.districtId) || scope.isDistrictMember,
  /** Which organization expressed which need (drill-down): coordinators and platform admins only. */
  'matching.needs.identify': (actor, scope: { districtId: string }) => steers(actor, scope.districtId),
  'matching.proposals.create': (actor, scope: { districtId: string }) => steers(actor, scope.districtId),
  'matching.proposals.read': (actor, proposal: { districtId: string; partyOrganizationIds: string[] }) =>
    steers(actor, proposal.districtId) || proposal.partyOrganizationIds.some((id) => belongsToOrganization(actor, id)),
  /** Only members of the organization answer for it. */
  'matching.proposals.respond': (actor, party: { organizationId: string }) => belongsToOrganization(actor, party.organizationId),
  'matching.proposals.agree': (actor, proposal: { districtId: string }) => steers(actor, proposal.districtId),
  'matching.referrals.create': (actor, referral: { referringOrganizationId: string }) => belongsToOrganization(actor, referral.referringOrganizationId),
  /**
   * A referral: the referring organization, the receiving provider and the district's coordinators; nobody else, not
   * even platform administrators (it is about a person).
   */
  'matching.referrals.read': (actor, referral: { districtId: string; referringOrganizationId: string; providerOrganizationId: string }) =>
    belongsToOrganization(actor, referral.referringOrganizationId) ||
    belongsToOrganization(actor, referral.providerOrganizationId) ||
    coordinatesDistrict(actor, referral.districtId),
  /** The free-text details: the two organizations only; coordinators follow the flow, not the person (ADR 0015). */
  'matching.referrals.readDetails': (actor, referral: { referringOrganizationId: string; providerOrganizationId: string }) =>
    belongsToOrganization(actor, referral.referringOrganizationId) || belongsToOrganization(actor, referral.providerOrganizationId),
  'matching.referrals.transition': (actor, step: { organizationId: string }) => belongsToOrganization(actor, step.organizationId),
  /** Reminders are an operator's job (CLI, timer): they send mail and read nothing back. */
  'matching.referrals.remind': (actor) => actor.kind === 'system',
});
