import type { ReportVariant } from '../../../../common/contracts/survey-reports';
import { assertCan, can } from '../../../platform/access/policy';
import { notFound } from '../../../platform/errors/app-error';
import type { UseCaseContext } from '../../../platform/use-case';
import { organizationIdsOf } from '../../../platform/access/actor';
import { SurveyReportActions } from './survey-reports.policy';
import { isAnyCurrentMember, selectReportSurvey, type ReportSurveyRow } from './survey-reports.repository';

/**
 * Loads the survey for a report and checks the actor may read the asked variant: a survey the actor may not read
 * at all is 404 (its existence is not revealed); a member asking for the full report gets 403.
 */
export async function loadReportSurvey(
  context: UseCaseContext,
  surveyId: string,
  variant: ReportVariant,
): Promise<{ survey: ReportSurveyRow; canSeeFull: boolean }> {
  assertCan(context.actor, SurveyReportActions['surveys.report.signed-in']);
  const survey = await selectReportSurvey(context.db.orm, surveyId);
  if (!survey) throw notFound('survey', surveyId);
  const scope = { districtId: survey.district_id };
  const canSeeFull = can(context.actor, SurveyReportActions['surveys.report.full'], scope);
  const isMember = !canSeeFull && survey.district_id !== null && (await isAnyCurrentMember(context.db.orm, survey.district_id, organizationIdsOf(context.actor)));
  if (!can(context.actor, SurveyReportActions['surveys.report.shared'], { ...scope, isMember })) throw notFound('survey', surveyId);
  if (variant === 'full') assertCan(context.actor, SurveyReportActions['surveys.report.full'], scope);
  return { survey, canSeeFull };
}
