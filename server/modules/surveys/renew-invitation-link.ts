import type { TCreatedInvitation } from '../../../common/contracts/surveys';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { notFound } from '../../platform/errors/app-error';
import { queueMail } from '../../platform/mail/mail-outbox';
import { recipientLanguages } from '../../platform/mail/recipient-language';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { invitationMail } from './create-invitations';
import { requireManagedSurvey } from './survey-view';
import { SurveyActions } from './surveys.policy';
import { selectInvitation, selectOrganizationBasics, updateInvitationToken } from './surveys.repository';
import { answerLink, newToken } from './tokens';

/**
 * A new personal link for an invitation (the old one stops working; the response already given stays attached):
 * the way to copy a link again, since links are only shown once. Optionally e-mailed again.
 */
export async function renewInvitationLink(
  context: UseCaseContext,
  surveyId: string,
  invitationId: string,
  options: { baseUrl: string; resend: boolean },
): Promise<TCreatedInvitation> {
  assertCan(context.actor, SurveyActions['surveys.list']);
  return inTransaction(context, async (tx) => {
    const survey = await requireManagedSurvey(context, tx, surveyId);
    const invitation = await selectInvitation(tx, surveyId, invitationId);
    if (!invitation) throw notFound('invitation', invitationId);
    const organization = await selectOrganizationBasics(tx, invitation.organizationId);
    const { token, hash } = newToken();
    await updateInvitationToken(tx, invitationId, hash);
    const link = answerLink(options.baseUrl, token);
    const name = organization?.name ?? '';
    const mailQueued = options.resend && invitation.email !== null;
    if (mailQueued) {
      // Resent in the same language as the first one: the reader's, if the address is someone's account.
      const languageOf = await recipientLanguages(tx, [invitation.email!]);
      await queueMail(tx, { to: invitation.email!, ...invitationMail(survey, name, link, languageOf(invitation.email!)), topicType: 'survey_invitation', topicId: invitationId, districtId: survey.districtId });
    }
    await recordAudit(tx, context, { action: 'surveys.renew-invitation-link', entityType: 'survey_invitation', entityId: invitationId, after: { mailQueued } });
    return { invitationId, organizationId: invitation.organizationId, organizationName: name, email: invitation.email, link, mailQueued };
  });
}
