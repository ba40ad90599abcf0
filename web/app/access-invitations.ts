import type { TSessionResponse } from '../../common/contracts/auth';
import { isPlatformAdmin } from './access';

/** Who may invite people: coordinators (their district's organizations), organization admins (their own), admins. */
export function mayInvite(session: TSessionResponse): boolean {
  return isPlatformAdmin(session) || session.roles.some((grant) => grant.role === 'district_coordinator' || grant.role === 'organization_admin');
}
