import { ZInvitationFilter, type TCreatedInvitation, type TInvitationFilter } from '../../../common/contracts/surveys';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { queueMail } from '../../platform/mail/mail-outbox';
import { recipientLanguages } from '../../platform/mail/recipient-language';
import { formatDay, type Language } from '../../platform/texts';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { requireManagedSurvey } from './survey-view';
import { invalidTransition } from './surveys.errors';
import { SurveyActions } from './surveys.policy';
import { surveysTexts } from './surveys.texts';
import { insertInvitation, selectInvitationCandidates, type SurveyRow } from './surveys.repository';
import { answerLink, newToken } from './tokens';

/** The organizations a filter selects, marking those already invited (what the invitations page previews). */
export async function previewInvitations(context: UseCaseContext, surveyId: string, rawFilter: TInvitationFilter) {
  assertCan(context.actor, SurveyActions['surveys.list']);
  const filter = parseInput(ZInvitationFilter, rawFilter);
  const survey = await requireManagedSurvey(context, context.db.orm, surveyId);
  return selectInvitationCandidates(context.db.orm, surveyId, { surveyDistrictId: survey.districtId, surveyRegionCode: survey.regionCode, ...filter });
}

/** The invitation in the recipient's language (an organization's address that is no user's gets Italian). */
export function invitationMail(survey: SurveyRow, organizationName: string, link: string, language: Language = 'it'): { subject: string; text: string } {
  const words = surveysTexts(language);
  const until = survey.closesOn ? formatDay(survey.closesOn, language) : null;
  return {
    subject: words.invitationSubject(survey.title),
    text:
      `${words.invitationGreeting(organizationName)}\n\n` +
      `${words.invitationAsk(survey.title)}\n\n` +
      `${survey.introduction ? `${survey.introduction}\n\n` : ''}` +
      `${words.invitationLink(until)}\n${link}\n\n` +
      `${words.invitationKeep}\n`,
  };
}

/**
 * One invitation per selected organization not yet invited, each with a random token (only its SHA-256 is kept):
 * the personal link is returned this once and e-mailed through the outbox, in the same transaction, to the
 * organization's address (none: the coordinator passes the link on). Only an open survey can be answered, so only
 * an open survey sends invitations. `emailOf` supplies addresses the registry lacks (the demo seed).
 */
export async function createInvitations(
  context: UseCaseContext,
  surveyId: string,
  rawFilter: TInvitationFilter,
  options: { baseUrl: string; emailOf?: (organization: { organizationId: string; name: string }) => string | null },
): Promise<TCreatedInvitation[]> {
  assertCan(context.actor, SurveyActions['surveys.list']);
  const filter = parseInput(ZInvitationFilter, rawFilter);
  return inTransaction(context, async (tx) => {
    const survey = await requireManagedSurvey(context, tx, surveyId);
    if (survey.status !== 'open') throw invalidTransition(survey.status, 'invited', 'open the survey before inviting');
    const candidates = await selectInvitationCandidates(tx, surveyId, { surveyDistrictId: survey.districtId, surveyRegionCode: survey.regionCode, ...filter });
    const created: TCreatedInvitation[] = [];
    const languageOf = await recipientLanguages(tx, candidates.flatMap((candidate) => (candidate.email ? [candidate.email] : [])));
    for (const candidate of candidates.filter((organization) => !organization.alreadyInvited)) {
      const { token, hash } = newToken();
      const email = candidate.email ?? options.emailOf?.(candidate) ?? null;
      const invitation = await insertInvitation(tx, { surveyId, organizationId: candidate.organizationId, email, tokenHash: hash });
      const link = answerLink(options.baseUrl, token);
      if (email) {
        await queueMail(tx, { to: email, ...invitationMail(survey, candidate.name, link, languageOf(email)), topicType: 'survey_invitation', topicId: invitation.id, districtId: survey.districtId });
      }
      created.push({ invitationId: invitation.id, organizationId: candidate.organizationId, organizationName: candidate.name, email, link, mailQueued: email !== null });
    }
    await recordAudit(tx, context, {
      action: 'surveys.create-invitations', entityType: 'survey', entityId: surveyId,
      after: { filter, invited: created.map(({ invitationId, organizationId, email }) => ({ invitationId, organizationId, email })) },
    });
    return created;
  });
}
