import { belongsToOrganization, coordinatesDistrict, isPlatformAdmin, type Actor } from '../../platform/access/actor';
import { definePolicies } from '../../platform/access/policy';

/** What decides who may do what on one project: its districts and its partners still in the partnership. */
export interface ProjectAccessFacts {
  districtIds: string[];
  leadOrganizationIds: string[];
  partnerOrganizationIds: string[];
}

/** The lead and the district coordinators (and platform admins) edit the project. */
export function editsProject(actor: Actor, facts: ProjectAccessFacts): boolean {
  return (
    isPlatformAdmin(actor) ||
    facts.districtIds.some((districtId) => coordinatesDistrict(actor, districtId)) ||
    facts.leadOrganizationIds.some((organizationId) => belongsToOrganization(actor, organizationId))
  );
}

/** The caller's organizations in the partnership. */
export function ownPartnerOrganizations(actor: Actor, facts: ProjectAccessFacts): string[] {
  return facts.partnerOrganizationIds.filter((organizationId) => belongsToOrganization(actor, organizationId));
}

/**
 * Who sees and writes what of a project (ADR 0032), deny by default: anyone signed in reads the public part
 * (summary, partners, totals); members (lead, partners, coordinators) read the private parts (budget lines, funding,
 * reports, beneficiaries, accompaniment notes); the lead and the coordinators edit the project; a partner edits only
 * its own parts (its budget lines, reports, beneficiaries).
 */
export const ProjectActions = definePolicies({
  'projects.read-public': (actor) => actor.kind !== 'anonymous',
  'projects.create': (actor, scope: { districtIds: string[] }) => isPlatformAdmin(actor) || (scope.districtIds.length > 0 && scope.districtIds.every((districtId) => coordinatesDistrict(actor, districtId))),
  'projects.read-private': (actor, facts: ProjectAccessFacts) => editsProject(actor, facts) || ownPartnerOrganizations(actor, facts).length > 0,
  'projects.edit': (actor, facts: ProjectAccessFacts) => editsProject(actor, facts),
  /** A part that belongs to an organization (null: the whole project's, the lead's and coordinators' only). */
  'projects.edit-own-part': (actor, scope: { facts: ProjectAccessFacts; organizationId: string | null }) =>
    editsProject(actor, scope.facts) || (scope.organizationId !== null && ownPartnerOrganizations(actor, scope.facts).includes(scope.organizationId)),
});
