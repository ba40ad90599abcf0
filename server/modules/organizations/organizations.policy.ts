import { definePolicies } from '../../platform/access/policy';
import { belongsToOrganization, coordinatesDistrict, isPlatformAdmin, type Actor } from '../../platform/access/actor';
import type { OrganizationAccess } from './organizations.repository';

function isAnyCoordinator(actor: Actor): boolean {
  return actor.kind === 'user' && actor.grants.some((grant) => grant.role === 'district_coordinator');
}

function administersOrganization(actor: Actor, organizationId: string): boolean {
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

export const OrganizationActions = definePolicies({
  /** Public profile fields are open information, like a chamber-of-commerce record. */
  'organizations.read': () => true,
  'organizations.read-private': (actor, organization: OrganizationAccess) => canSeePrivateFields(actor, organization),
  'organizations.create': (actor) => isPlatformAdmin(actor) || isAnyCoordinator(actor),
  /** Signed-in users get as far as loading the organization; the rule below then decides on the row. */
  'organizations.edit-attempt': (actor) => actor.kind !== 'anonymous',
  'organizations.update': (actor, organization: OrganizationAccess) => canEditOrganization(actor, organization),
  /** Coordinators admit organizations to their own district (and end their membership); platform admins to any. */
  'organizations.manage-membership': (actor, membership: { districtId: string }) => isPlatformAdmin(actor) || coordinatesDistrict(actor, membership.districtId),
  'organizations.import': (actor) => isPlatformAdmin(actor) || isAnyCoordinator(actor),
  'organizations.review-duplicates': (actor) => isPlatformAdmin(actor) || isAnyCoordinator(actor),
  /** A coordinator merges organizations of their territory (headquarters in, or members of, a district they run). */
  'organizations.merge': (actor, pair: { source: OrganizationAccess; target: OrganizationAccess }) =>
    isPlatformAdmin(actor) ||
    [pair.source, pair.target].every((o) => coordinatesAnyOf(actor, [...o.memberDistrictIds, ...o.territoryDistrictIds])),
});
