import { belongsToOrganization, coordinatesDistrict, isPlatformAdmin, type Actor } from '../../platform/access/actor';
import { definePolicies } from '../../platform/access/policy';

/** What decides who may do what on one application: its scheme's district and assessors, and the applicant. */
export interface ApplicationAccessFacts {
  /** The scheme's district; null for a regional scheme. */
  districtId: string | null;
  organizationId: string;
  assessorUserIds: string[];
}

/** A scheme's managers: the coordinators of its district, and platform admins (the only managers of a regional scheme). */
export function managesScheme(actor: Actor, scheme: { districtId: string | null }): boolean {
  return isPlatformAdmin(actor) || (scheme.districtId !== null && coordinatesDistrict(actor, scheme.districtId));
}

/** The applicant: an administrator of the organization (and platform admins). */
export function actsForApplicant(actor: Actor, organizationId: string): boolean {
  return isPlatformAdmin(actor) || (actor.kind === 'user' && actor.grants.some((grant) => grant.role === 'organization_admin' && grant.organizationId === organizationId));
}

export function isAssessor(actor: Actor, facts: { assessorUserIds: string[] }): boolean {
  return actor.kind === 'user' && facts.assessorUserIds.includes(actor.userId);
}

/**
 * Who sees and writes what of the labels (issue 17), deny by default: anyone signed in reads the schemes; the district
 * (its coordinators) or the region (platform admins) defines and manages a scheme: awards, rejects, revokes; an
 * organization's administrators apply and write its evidence; the scheme's named assessors decide per criterion
 * (assess-application.ts refuses one tied to the applicant); the applicant's people, the managers and the assessors
 * read an application. Anyone, signed in or not, verifies a label by its public code.
 */
export const LabelActions = definePolicies({
  'labels.read-schemes': (actor) => actor.kind !== 'anonymous',
  'labels.create-scheme': (actor, scope: { districtId: string | null }) => managesScheme(actor, scope),
  'labels.apply': (actor, scope: { organizationId: string }) => actsForApplicant(actor, scope.organizationId),
  'labels.read-application': (actor, facts: ApplicationAccessFacts) =>
    managesScheme(actor, facts) || belongsToOrganization(actor, facts.organizationId) || isAssessor(actor, facts),
  'labels.act-as-applicant': (actor, facts: ApplicationAccessFacts) => actsForApplicant(actor, facts.organizationId),
  'labels.manage-application': (actor, facts: ApplicationAccessFacts) => managesScheme(actor, facts),
  'labels.assess': (actor, facts: ApplicationAccessFacts) => isAssessor(actor, facts),
  'labels.verify': () => true,
  /** The daily expiry reminders: the job's system actor. */
  'labels.remind-expiry': (actor) => actor.kind === 'system',
});
