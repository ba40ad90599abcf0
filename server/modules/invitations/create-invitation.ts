import { ZInvitationCreate, type TInvitation } from '../../../common/contracts/invitations';
import { actorUserId, isPlatformAdmin } from '../../platform/access/actor';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { AppError } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import { queueMail } from '../../platform/mail/mail-outbox';
import { recipientLanguages } from '../../platform/mail/recipient-language';
import type { DbExecutor } from '../../platform/db/database';
import type { Language } from '../../platform/texts';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { hashInvitationToken, INVITATION_LIFETIME_MS, INVITATION_PATH, newInvitationToken } from './invitation-token';
import { InvitationActions, invitingScopes } from './invitations.policy';
import { insertInvitation, selectInvitableOrganizations } from './invitations.repository';
import { invitationsTexts } from './invitations.texts';

/** The invitation mail in the invited person's language (Italian for an address that has no account yet). */
export function invitationMail(
  invitation: { organizationName: string; role: 'organization_member' | 'organization_admin'; link: string },
  language: Language,
): { subject: string; text: string } {
  const words = invitationsTexts(language);
  const role = invitation.role === 'organization_admin' ? words.roleAdmin : words.roleMember;
  return {
    subject: words.subject(invitation.organizationName),
    text: `${words.invited(invitation.organizationName, role)}\n${words.openLink}\n${invitation.link}\n`,
  };
}

/**
 * Invites a person by e-mail to an organization, as member or admin: a coordinator to the organizations that are
 * current members of their districts, an organization admin to their own. The mail carries a single-use link valid
 * for seven days; only its hash is stored. Accepting creates the account or adds the role to the existing one.
 */
export async function createInvitation(context: UseCaseContext, rawInput: unknown, options: { baseUrl: string }): Promise<TInvitation> {
  assertCan(context.actor, InvitationActions['invitations.manage']);
  const input = parseInput(ZInvitationCreate, rawInput);
  const [organization] = await selectInvitableOrganizations(context.db.orm, {
    ...invitingScopes(context.actor),
    everyDistrict: isPlatformAdmin(context.actor),
    organizationId: input.organizationId,
  });
  assertCan(context.actor, InvitationActions['invitations.create'], { isInvitable: Boolean(organization) });
  if (!organization) throw new AppError('INVITATIONS.ORGANIZATION_NOT_ALLOWED', 'organizationId: not an organization you may invite to', { fields: [{ path: 'organizationId', message: 'not invitable' }] });
  const email = input.email.trim();
  return inTransaction(context, (tx) =>
    inviteToOrganization(tx, context, { organization, email, role: input.role, baseUrl: options.baseUrl }),
  );
}

/**
 * A named write other modules compose into their own transaction (registering an organization names its admin this
 * way when that person already has an account: a role is offered, never imposed): stores the invitation (only the
 * token's hash), queues its mail in the invitee's language and records the audit entry.
 */
export async function inviteToOrganization(
  tx: DbExecutor,
  context: UseCaseContext,
  input: { organization: { id: string; name: string; districtId: string | null }; email: string; role: 'organization_member' | 'organization_admin'; baseUrl: string },
): Promise<TInvitation> {
  const { organization, email } = input;
  const token = newInvitationToken();
  const expiresAt = new Date(Date.now() + INVITATION_LIFETIME_MS);
  const invitation = await insertInvitation(tx, {
    organizationId: organization.id,
    districtId: organization.districtId,
    email,
    role: input.role,
    tokenHash: hashInvitationToken(token),
    invitedByUserId: actorUserId(context.actor),
    expiresAt,
  });
  const link = `${input.baseUrl}${INVITATION_PATH}#${token}`;
  const languageOf = await recipientLanguages(tx, [email]);
  await queueMail(tx, {
    to: email,
    ...invitationMail({ organizationName: organization.name, role: input.role, link }, languageOf(email)),
    topicType: 'invitation',
    topicId: invitation.id,
    districtId: organization.districtId,
  });
  await recordAudit(tx, context, {
    action: 'invitations.create-invitation',
    entityType: 'invitation',
    entityId: invitation.id,
    after: { organizationId: organization.id, districtId: organization.districtId, email, role: input.role, expiresAt: expiresAt.toISOString() },
  });
  return {
    id: invitation.id,
    organizationId: organization.id,
    organizationName: organization.name,
    email,
    role: input.role,
    status: 'pending',
    expiresAt: expiresAt.toISOString(),
    createdAt: new Date().toISOString(),
  };
}
