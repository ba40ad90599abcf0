import type { TInvitationOverview } from '../../../common/contracts/invitations';
import { isPlatformAdmin } from '../../platform/access/actor';
import { assertCan } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { InvitationActions, invitingScopes } from './invitations.policy';
import { selectInvitableOrganizations, selectInvitations } from './invitations.repository';

/** The organizations the actor may invite people to, and the invitations already sent to them. */
export async function listInvitations(context: UseCaseContext): Promise<TInvitationOverview> {
  assertCan(context.actor, InvitationActions['invitations.manage']);
  const organizations = await selectInvitableOrganizations(context.db.orm, { ...invitingScopes(context.actor), everyDistrict: isPlatformAdmin(context.actor) });
  const invitations = await selectInvitations(context.db.orm, organizations.map((organization) => organization.id));
  return { organizations, invitations };
}
