import { definePolicies } from '../../platform/access/policy';
import { isPlatformAdmin, type Actor } from '../../platform/access/actor';

/** Districts the actor coordinates, and organizations the actor administers: where their invitations may go. */
export function invitingScopes(actor: Actor): { districtIds: string[]; organizationIds: string[] } {
  if (actor.kind !== 'user') return { districtIds: [], organizationIds: [] };
  return {
    districtIds: actor.grants.filter((g) => g.role === 'district_coordinator' && g.districtId).map((g) => g.districtId!),
    organizationIds: actor.grants.filter((g) => g.role === 'organization_admin' && g.organizationId).map((g) => g.organizationId!),
  };
}

function mayInviteSomewhere(actor: Actor): boolean {
  const scopes = invitingScopes(actor);
  return isPlatformAdmin(actor) || scopes.districtIds.length > 0 || scopes.organizationIds.length > 0;
}

export const InvitationActions = definePolicies({
  /** Coordinators, organization admins and platform admins get as far as the organizations they may invite to. */
  'invitations.manage': (actor) => actor.kind === 'user' && mayInviteSomewhere(actor),
  /**
   * An invitation goes to an organization the actor administers, or that is a current member of a district the actor
   * coordinates (the use case resolves that set with invitations.repository's one membership rule).
   */
  'invitations.create': (actor, target: { isInvitable: boolean }) => actor.kind === 'user' && target.isInvitable,
  /** The token is the proof: anyone holding it may see and accept the invitation. */
  'invitations.accept': () => true,
});
