import { describe, expect, it } from 'vitest';
import type { TSessionResponse } from '../../common/contracts/auth';
import { actsForOrganization, canEditDistrict, isAnyDistrictCoordinator, isPlatformAdmin, isSignedIn, organizationGrants } from './access';

const user = { id: 'u1', email: 'a@example.org', displayName: 'Anna', locale: 'it' as const };

function session(roles: TSessionResponse['roles'], signedIn = true): TSessionResponse {
  return { user: signedIn ? user : null, roles, csrfToken: 't' };
}

describe('access', () => {
  it('treats a missing or anonymous session as signed out', () => {
    expect(isSignedIn(undefined)).toBe(false);
    expect(isSignedIn(session([], false))).toBe(false);
    expect(isSignedIn(session([]))).toBe(true);
  });

  it('recognises platform admins', () => {
    expect(isPlatformAdmin(session([{ role: 'platform_admin', scopeType: 'platform', scopeId: null, scopeName: null }]))).toBe(true);
    expect(isPlatformAdmin(session([{ role: 'evaluator', scopeType: 'platform', scopeId: null, scopeName: null }]))).toBe(false);
  });

  it('recognises a coordinator of any district, not an organization admin or a signed-out session', () => {
    const grant = { role: 'district_coordinator' as const, scopeType: 'district' as const, scopeId: 'd1', scopeName: 'Pinerolese' };
    expect(isAnyDistrictCoordinator(session([grant]))).toBe(true);
    expect(isAnyDistrictCoordinator(session([{ role: 'organization_admin', scopeType: 'organization', scopeId: 'o1', scopeName: null }]))).toBe(false);
    expect(isAnyDistrictCoordinator(session([grant], false))).toBe(false);
  });

  it('lets the coordinator of this district edit it, not the coordinator of another one', () => {
    const coordinator = session([{ role: 'district_coordinator', scopeType: 'district', scopeId: 'd1', scopeName: 'Pinerolese' }]);
    expect(canEditDistrict(coordinator, 'd1')).toBe(true);
    expect(canEditDistrict(coordinator, 'd2')).toBe(false);
  });

  it('lets platform admins edit any district', () => {
    const admin = session([{ role: 'platform_admin', scopeType: 'platform', scopeId: null, scopeName: null }]);
    expect(canEditDistrict(admin, 'any')).toBe(true);
  });

  it('ignores roles when nobody is signed in', () => {
    const stale = session([{ role: 'platform_admin', scopeType: 'platform', scopeId: null, scopeName: null }], false);
    expect(canEditDistrict(stale, 'd1')).toBe(false);
  });

  it('knows which organizations the user acts for: as their admin or a member, not as a coordinator', () => {
    const member = session([
      { role: 'organization_member', scopeType: 'organization', scopeId: 'o1', scopeName: 'Impresa' },
      { role: 'organization_admin', scopeType: 'organization', scopeId: 'o2', scopeName: 'Cooperativa' },
      { role: 'district_coordinator', scopeType: 'district', scopeId: 'd1', scopeName: 'Pinerolese' },
    ]);
    expect(organizationGrants(member).map((grant) => grant.scopeId)).toEqual(['o1', 'o2']);
    expect(actsForOrganization(member, 'o2')).toBe(true);
    expect(actsForOrganization(member, 'd1')).toBe(false);
    expect(actsForOrganization(member, null)).toBe(false);
    expect(actsForOrganization(undefined, 'o1')).toBe(false);
  });
});
