import { belongsToOrganization, coordinatesDistrict, isPlatformAdmin, type Actor } from '../../../platform/access/actor';
import { definePolicies } from '../../../platform/access/policy';

const coordinatesSurvey = (actor: Actor, survey: { districtId: string | null }) =>
  isPlatformAdmin(actor) || (survey.districtId !== null && coordinatesDistrict(actor, survey.districtId));

/**
 * Who reads a survey's report (ADR 0016). The full report (every count, free text with its organization, the CSV
 * of every response) is for the district's coordinators and platform admins. The shared report — small cells
 * hidden, free text without organization — is also for users of the district's current member organizations: the
 * survey asked them, so they see what it found. Nothing is public.
 */
export const SurveyReportActions = definePolicies({
  'surveys.report.signed-in': (actor) => actor.kind !== 'anonymous',
  'surveys.report.full': (actor, survey: { districtId: string | null }) => coordinatesSurvey(actor, survey),
  /** Leaving a response out of the reports (and listing the responses to do it) is the district coordinators' call. */
  'surveys.responses.exclude': (actor, survey: { districtId: string | null }) => coordinatesSurvey(actor, survey),
  'surveys.report.shared': (actor, survey: { districtId: string | null; isMember: boolean }) =>
    coordinatesSurvey(actor, survey) || (actor.kind === 'user' && survey.districtId !== null && survey.isMember),
});
