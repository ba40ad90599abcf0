import { ZInvitationAccept, type TInvitationPreview } from '../../../common/contracts/invitations';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { createAccountFromInvitation, findAccountByEmail, grantOrganizationRole, preparePassword } from '../../platform/auth/invited-account';
import { AppError, fieldError } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { hashInvitationToken } from './invitation-token';
import { InvitationActions } from './invitations.policy';
import { markInvitationAccepted, selectPendingInvitation } from './invitations.repository';

const invalid = () => new AppError('INVITATIONS.INVALID', 'This invitation is expired, already used or wrong; ask for a new one');

/** What the invitee sees before accepting (the token is the proof; an unknown, used or expired one is 410). */
export async function previewInvitation(context: UseCaseContext, token: string): Promise<TInvitationPreview> {
  assertCan(context.actor, InvitationActions['invitations.accept']);
  const invitation = await selectPendingInvitation(context.db.orm, hashInvitationToken(token));
  if (!invitation) throw invalid();
  const account = await findAccountByEmail(context.db.orm, invitation.email);
  return { organizationName: invitation.organizationName, role: invitation.role, email: invitation.email, hasAccount: Boolean(account), expiresAt: invitation.expiresAt };
}

/**
 * Accepts an invitation, once. Without an account for the invited e-mail, it creates one with the name and password
 * given (under the password policy); with one, the invitee must be signed in as that account, and the role is added.
 */
export async function acceptInvitation(context: UseCaseContext, rawInput: unknown): Promise<{ organizationId: string; accountCreated: boolean }> {
  assertCan(context.actor, InvitationActions['invitations.accept']);
  const input = parseInput(ZInvitationAccept, rawInput);
  const tokenHash = hashInvitationToken(input.token);
  const preview = await selectPendingInvitation(context.db.orm, tokenHash);
  if (!preview) throw invalid();
  const existing = await findAccountByEmail(context.db.orm, preview.email);
  let passwordHash: string | null = null;
  if (existing) {
    if (context.actor.kind !== 'user') throw new AppError('AUTH.UNAUTHENTICATED', 'Sign in with the invited account to accept');
    if (context.actor.userId !== existing.id) throw new AppError('INVITATIONS.WRONG_ACCOUNT', `This invitation is for ${preview.email}: sign in with that account`);
  } else {
    if (!input.displayName) throw fieldError('displayName', 'required to create the account');
    passwordHash = await preparePassword(input.password ?? '', preview.email);
  }
  return inTransaction(context, async (tx) => {
    const invitation = await selectPendingInvitation(tx, tokenHash, true);
    if (!invitation) throw invalid();
    const account = existing ?? (await createAccountFromInvitation(tx, { email: invitation.email, displayName: input.displayName!, passwordHash: passwordHash!, locale: 'it' }));
    await grantOrganizationRole(tx, account.id, invitation.role, invitation.organizationId);
    await markInvitationAccepted(tx, invitation.id, account.id);
    await recordAudit(tx, { ...context, actor: context.actor.kind === 'user' ? context.actor : { kind: 'user', userId: account.id, email: account.email, grants: [] } }, {
      action: 'invitations.accept-invitation',
      entityType: 'invitation',
      entityId: invitation.id,
      after: { userId: account.id, accountCreated: !existing, organizationId: invitation.organizationId, role: invitation.role },
    });
    return { organizationId: invitation.organizationId, accountCreated: !existing };
  });
}
