import type { TSessionResponse } from '../../common/contracts/auth';

/** What the interface shows to whom. The server checks again on every request; this only hides what would fail. */

export function isSignedIn(session: TSessionResponse | undefined): boolean {
  return Boolean(session?.user);
}

/** Navigation entries every visitor sees, signed in or not. */
export function isAnyone(): boolean {
  return true;
}

export function isPlatformAdmin(session: TSessionResponse | undefined): boolean {
  return Boolean(session?.user) && (session?.roles ?? []).some((grant) => grant.role === 'platform_admin');
}

export function isDistrictCoordinator(session: TSessionResponse | undefined, districtId: string): boolean {
  return (
    Boolean(session?.user) &&
    (session?.roles ?? []).some(
      (grant) => grant.role === 'district_coordinator' && grant.scopeType === 'district' && grant.scopeId === districtId,
    )
  );
}

/** Coordinator of at least one district (which ones, the grants say). */
export function isAnyDistrictCoordinator(session: TSessionResponse | undefined): boolean {
  return Boolean(session?.user) && (session?.roles ?? []).some((grant) => grant.role === 'district_coordinator');
}

/** Coordinators of this district and platform admins may edit its name and description. */
export function canEditDistrict(session: TSessionResponse | undefined, districtId: string): boolean {
  return isPlatformAdmin(session) || isDistrictCoordinator(session, districtId);
}

/** The grants that make the user act for an organization (its admin or a member), with the organization's id. */
export function organizationGrants(session: TSessionResponse | undefined): (TSessionResponse['roles'][number] & { scopeId: string })[] {
  if (!session?.user) return [];
  return session.roles.filter(
    (grant): grant is TSessionResponse['roles'][number] & { scopeId: string } =>
      (grant.role === 'organization_admin' || grant.role === 'organization_member') && Boolean(grant.scopeId),
  );
}

export function actsForOrganization(session: TSessionResponse | undefined, organizationId: string | null): boolean {
  return organizationId !== null && organizationGrants(session).some((grant) => grant.scopeId === organizationId);
}

/**
 * Who reads the region's maps (issue 13): platform administrators and evaluators, until issue 14 gives each role
 * its own home. Their zonings page opens on the comparison of Piemonte's employment areas with the ASL.
 */
export function isRegionalOfficer(session: TSessionResponse | undefined): boolean {
  return Boolean(session?.user) && (session?.roles ?? []).some((grant) => grant.role === 'platform_admin' || grant.role === 'evaluator');
}
