import { ZInvitationCreate, type TInvitation } from '../../../common/contracts/invitations';
import { actorUserId, isPlatformAdmin } from '../../platform/access/actor';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { AppError } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import { queueMail } from '../../platform/mail/mail-outbox';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { hashInvitationToken, INVITATION_LIFETIME_MS, INVITATION_PATH, newInvitationToken } from './invitation-token';
import { InvitationActions, invitingScopes } from './invitations.policy';
import { insertInvitation, selectInvitableOrganizations } from './invitations.repository';

const ROLE_TEXT = {
  organization_member: { it: 'membro', en: 'member' },
  organization_admin: { it: 'amministratore', en: 'administrator' },
} as const;

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
  const token = newInvitationToken();
  const expiresAt = new Date(Date.now() + INVITATION_LIFETIME_MS);
  const email = input.email.trim();
  return inTransaction(context, async (tx) => {
    const invitation = await insertInvitation(tx, {
      organizationId: organization.id,
      districtId: organization.districtId,
      email,
      role: input.role,
      tokenHash: hashInvitationToken(token),
      invitedByUserId: actorUserId(context.actor),
      expiresAt,
    });
    const link = `${options.baseUrl}${INVITATION_PATH}#${token}`;
    await queueMail(tx, {
      to: email,
      subject: `Distretto: invito a ${organization.name} / invitation to ${organization.name}`,
      text:
        `Sei stato invitato a partecipare a ${organization.name} su Distretto come ${ROLE_TEXT[input.role].it}.\n` +
        `Apri il collegamento entro sette giorni per accettare (crei il tuo account, o accedi se ne hai già uno):\n${link}\n\n` +
        `You have been invited to join ${organization.name} on Distretto as ${ROLE_TEXT[input.role].en}.\n` +
        `Open the link within seven days to accept (create your account, or sign in if you have one):\n${link}\n`,
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
  });
}
