import { definePolicies } from '../../platform/access/policy';
import { belongsToOrganization, coordinatesDistrict, isPlatformAdmin, type Actor } from '../../platform/access/actor';
import type { OrganizationAccess } from './organizations.repository';

function isAnyCoordinator(actor: Actor): boolean {
  return actor.kind === 'user' && actor.grants.some((grant) => grant.role === 'district_coordinator');
}

export function administersOrganization(actor: Actor, organizationId: string): boolean {
  return actor.kind === 'user' && actor.grants.some((grant) => grant.role === 'organization_admin' && grant.organizationId === organizationId);
}

function coordinatesAnyOf(actor: Actor, districtIds: string[]): boolean {
  return districtIds.some((districtId) => coordinatesDistrict(actor, districtId));
}

/** Private fields (people, phones, notes): the organization's own members, coordinators of its districts, admins. */
export function canSeePrivateFields(actor: Actor, organization: OrganizationAccess): boolean {
  return isPlatformAdmin(actor) || belongsToOrganization(actor, organization.id) || coordinatesAnyOf(actor, organization.memberDistrictIds);
}

export function canEditOrganization(actor: Actor, organization: OrganizationAccess): boolean {
  return isPlatformAdmin(actor) || administersOrganization(actor, organization.id) || coordinatesAnyOf(actor, organization.memberDistrictIds);
}

/** The two parties of a district membership and which side proposed it (ADR 0020). */
export interface MembershipParties {
  districtId: string;
  organizationId: string;
  requestedBy: 'district' | 'organization';
}

/** Speaks for the district: its coordinators (platform admins too). */
function speaksForDistrict(actor: Actor, districtId: string): boolean {
  return isPlatformAdmin(actor) || coordinatesDistrict(actor, districtId);
}

/** Speaks for the organization: its admins (platform admins too). */
function speaksForOrganization(actor: Actor, organizationId: string): boolean {
  return isPlatformAdmin(actor) || administersOrganization(actor, organizationId);
}

/** The side that did not propose the membership answers it. */
export function canAnswerMembership(actor: Actor, membership: MembershipParties): boolean {
  return membership.requestedBy === 'district' ? speaksForOrganization(actor, membership.organizationId) : speaksForDistrict(actor, membership.districtId);
}

/** The side that proposed the membership may withdraw it while it is pending. */
export function canWithdrawMembership(actor: Actor, membership: MembershipParties): boolean {
  return membership.requestedBy === 'district' ? speaksForDistrict(actor, membership.districtId) : speaksForOrganization(actor, membership.organizationId);
}

/** Either side may end an accepted membership (an organization may leave; a district may end it). */
export function canEndMembership(actor: Actor, membership: { districtId: string; organizationId: string }): boolean {
  return speaksForDistrict(actor, membership.districtId) || speaksForOrganization(actor, membership.organizationId);
}

/** Pending, declined and withdrawn memberships are seen by the two parties only (and platform admins). */
export function canSeeMembershipProposal(actor: Actor, membership: { districtId: string; organizationId: string }): boolean {
  return isPlatformAdmin(actor) || belongsToOrganization(actor, membership.organizationId) || coordinatesDistrict(actor, membership.districtId);
}

/** The organization a relationship names (`to`) confirms it: its admins (platform admins too). */
export function canAnswerRelationship(actor: Actor, relationship: { toOrganizationId: string }): boolean {
  return speaksForOrganization(actor, relationship.toOrganizationId);
}

/** Unconfirmed relationships are seen by the two organizations' members (and platform admins). */
export function canSeeRelationshipProposal(actor: Actor, relationship: { fromOrganizationId: string; toOrganizationId: string }): boolean {
  return isPlatformAdmin(actor) || belongsToOrganization(actor, relationship.fromOrganizationId) || belongsToOrganization(actor, relationship.toOrganizationId);
}

export const OrganizationActions = definePolicies({
  /** Public profile fields are open information, like a chamber-of-commerce record. */
  'organizations.read': () => true,
  'organizations.read-private': (actor, organization: OrganizationAccess) => canSeePrivateFields(actor, organization),
  'organizations.create': (actor) => isPlatformAdmin(actor) || isAnyCoordinator(actor),
  /** Signed-in users get as far as loading the organization; the rule below then decides on the row. */
  'organizations.edit-attempt': (actor) => actor.kind !== 'anonymous',
  'organizations.update': (actor, organization: OrganizationAccess) => canEditOrganization(actor, organization),
  /**
   * A membership is proposed by one side — the district's coordinators invite, the organization's admins request —
   * and takes effect only when the other side accepts (ADR 0020).
   */
  'organizations.propose-membership': (actor, membership: { districtId: string; organizationId: string }) =>
    speaksForDistrict(actor, membership.districtId) || speaksForOrganization(actor, membership.organizationId),
  /** Registering a new organization straight into a district's invitations is the district speaking: its coordinators. */
  'organizations.register-and-invite': (actor, target: { districtId: string }) => speaksForDistrict(actor, target.districtId),
  'organizations.answer-membership': (actor, membership: MembershipParties) => canAnswerMembership(actor, membership),
  'organizations.withdraw-membership': (actor, membership: MembershipParties) => canWithdrawMembership(actor, membership),
  'organizations.end-membership': (actor, membership: { districtId: string; organizationId: string }) => canEndMembership(actor, membership),
  /** Signed-in users list the pending memberships of the organizations they act for. */
  'organizations.list-own-pending-memberships': (actor) => actor.kind !== 'anonymous',
  'organizations.answer-relationship': (actor, relationship: { toOrganizationId: string }) => canAnswerRelationship(actor, relationship),
  'organizations.import': (actor) => isPlatformAdmin(actor) || isAnyCoordinator(actor),
  /** An import's report quotes the file's cells: the user who ran it and platform admins read it, nobody else. */
  'organizations.read-import': (actor, importRun: { startedByUserId: string | null }) =>
    isPlatformAdmin(actor) || (actor.kind === 'user' && importRun.startedByUserId !== null && importRun.startedByUserId === actor.userId),
  'organizations.review-duplicates': (actor) => isPlatformAdmin(actor) || isAnyCoordinator(actor),
  /** A coordinator merges organizations of their territory (headquarters in, or members of, a district they run). */
  'organizations.merge': (actor, pair: { source: OrganizationAccess; target: OrganizationAccess }) =>
    isPlatformAdmin(actor) ||
    [pair.source, pair.target].every((o) => coordinatesAnyOf(actor, [...o.memberDistrictIds, ...o.territoryDistrictIds])),
});
