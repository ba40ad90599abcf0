import { belongsToOrganization, coordinatesDistrict, isPlatformAdmin, type Actor } from '../../platform/access/actor';
import { definePolicies } from '../../platform/access/policy';

export const SurveyActions = definePolicies({
  /** Listing surveys needs an account; each user sees the surveys they manage. */
  'surveys.list': (actor) => actor.kind !== 'anonymous',
  /**
   * A district's coordinators build, open, close and invite for its surveys; platform administrators for every
   * survey, and alone for regional ones (no district).
   */
  'surveys.manage': (actor, survey: { districtId: string | null }) =>
    isPlatformAdmin(actor) || (survey.districtId !== null && coordinatesDistrict(actor, survey.districtId)),
  /** Answering needs no account: the personal or public link's token is the authorization, checked by the use case. */
  'surveys.answer': () => true,
  /** A signed-in member (or administrator) of an invited organization opens its answer page without the mailed link. */
  'surveys.answer_as_member': (actor, invitation: { organizationId: string }) => belongsToOrganization(actor, invitation.organizationId),
});

/** The districts an actor coordinates (their surveys are the ones it lists). */
export function coordinatedDistrictIds(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  return actor.grants.filter((grant) => grant.role === 'district_coordinator' && grant.districtId).map((grant) => grant.districtId!);
}
