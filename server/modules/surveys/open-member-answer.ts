import type { TMemberAnswerLink } from '../../../common/contracts/surveys';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { answerState } from './answer-link';
import { surveyNotAcceptingAnswers, surveyNotFound } from './surveys.errors';
import { SurveyActions } from './surveys.policy';
import { selectInvitationOfOrganization, selectSurvey, updateInvitationMemberToken } from './surveys.repository';
import { newToken } from './tokens';

/**
 * The way to the answer page for a signed-in member of an invited organization (from their home, issue 14): a new
 * member token of the organization's invitation (the mailed link keeps working), returned as the page's path. The
 * response is the invitation's own: the same answers whichever link opens it. Only members of that organization.
 */
export async function openMemberAnswer(context: UseCaseContext, surveyId: string, organizationId: string): Promise<TMemberAnswerLink> {
  assertCan(context.actor, SurveyActions['surveys.answer_as_member'], { organizationId });
  return inTransaction(context, async (tx) => {
    const survey = await selectSurvey(tx, surveyId);
    const invitation = survey && survey.status !== 'draft' ? await selectInvitationOfOrganization(tx, surveyId, organizationId) : null;
    if (!survey || !invitation) throw surveyNotFound(surveyId);
    const state = answerState(survey);
    if (state !== 'open') throw surveyNotAcceptingAnswers(state, survey.closesOn);
    const { token, hash } = newToken();
    await updateInvitationMemberToken(tx, invitation.id, hash);
    await recordAudit(tx, context, { action: 'surveys.open-member-answer', entityType: 'survey_invitation', entityId: invitation.id, after: { surveyId, organizationId } });
    return { path: `/rispondi/${token}` };
  });
}
