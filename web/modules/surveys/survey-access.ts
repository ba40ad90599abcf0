import type { TSessionResponse } from '../../../common/contracts/auth';
import { isAnyDistrictCoordinator, isPlatformAdmin } from '../../app/access';

/** Coordinators (of any district) and platform admins run surveys and read their outbox. */
/** The roles canRunSurveys accepts, named on the page a person without them opens (RequireAccess). */
export const SURVEY_RUNNER_ROLES = ['platform_admin', 'district_coordinator'] as const;

export function canRunSurveys(session: TSessionResponse | undefined): boolean {
  return isPlatformAdmin(session) || isAnyDistrictCoordinator(session);
}

export function coordinatedDistrictIds(session: TSessionResponse | undefined): string[] {
  return (session?.roles ?? []).filter((grant) => grant.role === 'district_coordinator' && grant.scopeId).map((grant) => grant.scopeId!);
}
