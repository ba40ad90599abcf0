import type { TSessionResponse } from '../../../common/contracts/auth';
import { isAnyDistrictCoordinator, isPlatformAdmin } from '../../app/access';

/** Coordinators (of any district) and platform admins run surveys and read their outbox. */
export function canRunSurveys(session: TSessionResponse | undefined): boolean {
  return isPlatformAdmin(session) || isAnyDistrictCoordinator(session);
}

export function coordinatedDistrictIds(session: TSessionResponse | undefined): string[] {
  return (session?.roles ?? []).filter((grant) => grant.role === 'district_coordinator' && grant.scopeId).map((grant) => grant.scopeId!);
}
