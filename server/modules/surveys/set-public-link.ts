import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { requireManagedSurvey } from './survey-view';
import { invalidTransition } from './surveys.errors';
import { SurveyActions } from './surveys.policy';
import { updateSurveyColumns } from './surveys.repository';
import { answerLink, newToken } from './tokens';

/**
 * Turns on (or replaces) the survey's public link, which anyone may answer without an invitation (each visitor gets
 * an anonymous response with its own resume link), or turns it off (`enabled: false`). Shown once.
 */
export async function setPublicLink(context: UseCaseContext, surveyId: string, options: { enabled: boolean; baseUrl: string }): Promise<{ link: string | null }> {
  assertCan(context.actor, SurveyActions['surveys.list']);
  return inTransaction(context, async (tx) => {
    const survey = await requireManagedSurvey(context, tx, surveyId);
    if (options.enabled && survey.status !== 'open') throw invalidTransition(survey.status, 'public', 'only an open survey has a public link');
    const token = options.enabled ? newToken() : null;
    await updateSurveyColumns(tx, surveyId, { publicLinkTokenHash: token?.hash ?? null });
    await recordAudit(tx, context, {
      action: options.enabled ? 'surveys.enable-public-link' : 'surveys.disable-public-link', entityType: 'survey', entityId: surveyId,
      before: { hasPublicLink: survey.publicLinkTokenHash !== null }, after: { hasPublicLink: options.enabled },
    });
    return { link: token ? answerLink(options.baseUrl, token.token) : null };
  });
}
