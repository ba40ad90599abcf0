import { belongsToOrganization, coordinatesDistrict, isPlatformAdmin, type Actor } from '../../platform/access/actor';
import { definePolicies } from '../../platform/access/policy';

const steersDistrict = (actor: Actor, districtId: string) => isPlatformAdmin(actor) || coordinatesDistrict(actor, districtId);

/**
 * Who sees what of the needs register (ADR 0016): a need's organization and free-text description are private to
 * that organization and the district's coordinators (and platform admins); other signed-in members of the district
 * see aggregated counts only; anonymous visitors see nothing.
 */
export const NeedActions = definePolicies({
  /** Counts and the map: coordinators, admins and users of an organization that is a current member of the district. */
  'needs.read-counts': (actor, scope: { districtId: string; isMember: boolean }) =>
    actor.kind !== 'anonymous' && (steersDistrict(actor, scope.districtId) || scope.isMember),
  /** The list: coordinators and admins see every need; a member sees only its own organizations' needs. */
  'needs.list': (actor, scope: { districtId: string; isMember: boolean }) =>
    actor.kind !== 'anonymous' && (steersDistrict(actor, scope.districtId) || scope.isMember),
  'needs.read-all': (actor, scope: { districtId: string }) => steersDistrict(actor, scope.districtId),
  'needs.read': (actor, need: { districtId: string | null; organizationId: string | null }) =>
    isPlatformAdmin(actor) ||
    (need.districtId !== null && coordinatesDistrict(actor, need.districtId)) ||
    (need.organizationId !== null && belongsToOrganization(actor, need.organizationId)),
  /** Coordinators enter needs for any member (or an anonymous resident); a member organization for itself. */
  'needs.create': (actor, need: { districtId: string; organizationId: string | null; organizationIsMember: boolean }) =>
    steersDistrict(actor, need.districtId) ||
    (need.organizationId !== null && need.organizationIsMember && belongsToOrganization(actor, need.organizationId)),
  /** Signed-in users get as far as loading the need; the rules on the row then decide (404 if they may not read it). */
  'needs.signed-in': (actor) => actor.kind !== 'anonymous',
  /** Answering or closing a need is the district's decision. */
  'needs.change-status': (actor, need: { districtId: string | null }) =>
    isPlatformAdmin(actor) || (need.districtId !== null && coordinatesDistrict(actor, need.districtId)),
});
