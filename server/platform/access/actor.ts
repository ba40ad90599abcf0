import type { Role } from '../../../common/domain/roles';

export interface RoleGrant {
  role: Role;
  districtId: string | null;
  organizationId: string | null;
}

/** Who is acting. The CLI acts as the `system` operator: someone with a shell on the server. */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      email: string;
      grants: RoleGrant[];
      /** The password (and TOTP code) were proven in this session within DISTRETTO_REAUTHENTICATION_MINUTES. */
      isRecentlyAuthenticated?: boolean;
    }
  | { kind: 'system'; label: string };

export const ANONYMOUS: Actor = { kind: 'anonymous' };
export const systemActor = (label = 'cli'): Actor => ({ kind: 'system', label });

export function isPlatformAdmin(actor: Actor): boolean {
  if (actor.kind === 'system') return true;
  return actor.kind === 'user' && actor.grants.some((grant) => grant.role === 'platform_admin');
}

export function coordinatesDistrict(actor: Actor, districtId: string): boolean {
  return (
    actor.kind === 'user' &&
    actor.grants.some((grant) => grant.role === 'district_coordinator' && grant.districtId === districtId)
  );
}

export function belongsToOrganization(actor: Actor, organizationId: string): boolean {
  return (
    actor.kind === 'user' &&
    actor.grants.some(
      (grant) =>
        (grant.role === 'organization_admin' || grant.role === 'organization_member') &&
        grant.organizationId === organizationId,
    )
  );
}

/**
 * The organizations where the actor holds one of these roles (administrator or member by default), each once: whose
 * rows the actor works on. Empty for anyone not a person.
 */
export function organizationIdsOf(actor: Actor, roles: ('organization_admin' | 'organization_member')[] = ['organization_admin', 'organization_member']): string[] {
  if (actor.kind !== 'user') return [];
  return [...new Set(actor.grants.filter((grant) => (roles as string[]).includes(grant.role) && grant.organizationId).map((grant) => grant.organizationId!))];
}

/** The districts the actor coordinates, each once. Empty for anyone not a person. */
export function coordinatedDistrictIdsOf(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  return [...new Set(actor.grants.filter((grant) => grant.role === 'district_coordinator' && grant.districtId).map((grant) => grant.districtId!))];
}

export function actorUserId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}

export function actorLabel(actor: Actor): string {
  if (actor.kind === 'user') return actor.email;
  if (actor.kind === 'system') return `system:${actor.label}`;
  return 'anonymous';
}
