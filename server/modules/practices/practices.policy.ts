import { belongsToOrganization, coordinatedDistrictIdsOf, coordinatesDistrict, isPlatformAdmin, organizationIdsOf, type Actor } from '../../platform/access/actor';
import { definePolicies } from '../../platform/access/policy';
import type { PracticeReader } from './practices.repository';

/** The reader as the visibility rule (practices.repository.ts visibleToSql) sees them. */
export function practiceReaderOf(actor: Actor): PracticeReader {
  return {
    readsEverything: isPlatformAdmin(actor),
    isSignedIn: actor.kind !== 'anonymous',
    organizationIds: organizationIdsOf(actor),
    coordinatedDistrictIds: coordinatedDistrictIdsOf(actor),
  };
}

/**
 * Who writes practices: an organization's people for their own organization while it is a current member of the
 * district; the district's coordinators moderate (they may write for a member organization and change any practice
 * of the district); platform admins too. Who reads is the SQL rule of visibleToSql, applied by every read.
 */
export const PracticeActions = definePolicies({
  'practices.create': (actor, scope: { districtId: string; organizationId: string; organizationIsMember: boolean }) =>
    scope.organizationIsMember && (isPlatformAdmin(actor) || coordinatesDistrict(actor, scope.districtId) || belongsToOrganization(actor, scope.organizationId)),
  'practices.update': (actor, practice: { districtId: string; organizationId: string }) =>
    isPlatformAdmin(actor) || coordinatesDistrict(actor, practice.districtId) || belongsToOrganization(actor, practice.organizationId),
  /** The form's choices of author organization: any signed-in user asks (the answer is narrowed to their own). */
  'practices.signed-in': (actor) => actor.kind !== 'anonymous',
});
