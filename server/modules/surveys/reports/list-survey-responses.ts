import type { TSurveyResponseList, TSurveyResponseSummary } from '../../../../common/contracts/survey-reports';
import { assertCan } from '../../../platform/access/policy';
import { recordAccess } from '../../../platform/audit/audit';
import type { UseCaseContext } from '../../../platform/use-case';
import { loadReportSurvey } from './report-access';
import { SurveyReportActions } from './survey-reports.policy';
import { selectResponseSummaries, type ResponseSummaryRow } from './survey-reports.repository';

export function presentResponseSummary(row: ResponseSummaryRow): TSurveyResponseSummary {
  return {
    id: row.id,
    organizationName: row.organization_name,
    status: row.status,
    submittedAt: row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
    isExcluded: row.excluded_at !== null,
    exclusionReason: row.exclusion_reason,
    excludedAt: row.excluded_at ? new Date(row.excluded_at).toISOString() : null,
    version: row.version,
  };
}

/** A survey's responses, for its coordinators to exclude one from the reports (a test, nonsense, a duplicate). */
export async function listSurveyResponses(context: UseCaseContext, surveyId: string): Promise<TSurveyResponseList> {
  // 404 for a survey the actor may not read at all, 403 for a member (who reads only the shared report).
  const { survey } = await loadReportSurvey(context, surveyId, 'full');
  assertCan(context.actor, SurveyReportActions['surveys.responses.exclude'], { districtId: survey.district_id });
  const items = (await selectResponseSummaries(context.db.orm, surveyId)).map(presentResponseSummary);
  // Which organizations answered, and when, is as private as the answers themselves.
  await recordAccess(context, { action: 'surveys.list-responses', entityType: 'survey', entityId: surveyId, details: { served: items.length } });
  return { items };
}
