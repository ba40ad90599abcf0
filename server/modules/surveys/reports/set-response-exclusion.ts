import { ZResponseExclusion, type TResponseExclusion, type TSurveyResponseSummary } from '../../../../common/contracts/survey-reports';
import { actorUserId } from '../../../platform/access/actor';
import { assertCan } from '../../../platform/access/policy';
import { recordAudit } from '../../../platform/audit/audit';
import { notFound, staleVersion } from '../../../platform/errors/app-error';
import { parseInput } from '../../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../../platform/use-case';
import { presentResponseSummary } from './list-survey-responses';
import { loadReportSurvey } from './report-access';
import { SurveyReportActions } from './survey-reports.policy';
import { selectResponseSummary, updateResponseExclusion } from './survey-reports.repository';

/**
 * Excludes a response from the survey's reports, rates and CSV, with a reason, or includes it again. The response
 * and its answers are kept (the respondent's work is not deleted); the change is audited with before and after.
 */
export async function setResponseExclusion(
  context: UseCaseContext,
  surveyId: string,
  responseId: string,
  rawInput: TResponseExclusion,
): Promise<TSurveyResponseSummary> {
  // 404 for a survey the actor may not read at all, 403 for a member (who reads only the shared report).
  const { survey } = await loadReportSurvey(context, surveyId, 'full');
  assertCan(context.actor, SurveyReportActions['surveys.responses.exclude'], { districtId: survey.district_id });
  const input = parseInput(ZResponseExclusion, rawInput);
  return inTransaction(context, async (tx) => {
    const before = await selectResponseSummary(tx, surveyId, responseId);
    if (!before) throw notFound('survey response', responseId);
    const exclusion = input.isExcluded ? { reason: input.reason, userId: actorUserId(context.actor) } : null;
    if (!(await updateResponseExclusion(tx, responseId, input.version, exclusion))) throw staleVersion('survey response', responseId, input.version, before.version);
    const after = (await selectResponseSummary(tx, surveyId, responseId))!;
    await recordAudit(tx, context, {
      action: input.isExcluded ? 'surveys.exclude-response' : 'surveys.include-response',
      entityType: 'survey_response',
      entityId: responseId,
      before: presentResponseSummary(before),
      after: presentResponseSummary(after),
    });
    return presentResponseSummary(after);
  });
}
