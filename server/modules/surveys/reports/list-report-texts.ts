import type { TReportTexts, TReportTextsQuery } from '../../../../common/contracts/survey-reports';
import type { UseCaseContext } from '../../../platform/use-case';
import { checkSharedFilters } from './check-shared-filters';
import { loadReportSurvey } from './report-access';
import { selectTexts } from './survey-reports.repository';
import { recordAccess } from '../../../platform/audit/audit';

/**
 * The free-text answers of a survey (text questions and "other, specify"), searchable without accents or case. The
 * full report names the organization and the time; the shared one lists the texts alone, ordered by text, and refuses
 * a filter that leaves fewer than 3 respondents.
 */
export async function listReportTexts(context: UseCaseContext, surveyId: string, query: TReportTextsQuery): Promise<TReportTexts> {
  await loadReportSurvey(context, surveyId, query.variant);
  // Free text is the easiest to recognise: never filtered down to 1 or 2 respondents.
  await checkSharedFilters(context.db.orm, surveyId, query);
  const isFull = query.variant === 'full';
  const rows = await selectTexts(context.db.orm, surveyId, query, { questionCode: query.questionCode, search: query.q || undefined, limit: query.limit, withOrganization: isFull });
  if (isFull) await recordAccess(context, { action: 'surveys.read-report-texts', entityType: 'survey', entityId: surveyId, details: { filters: query, served: rows.length } });
  return {
    items: rows.map((row) => ({
      questionCode: row.question_code,
      questionLabel: row.question_label,
      itemCode: row.item_code,
      text: row.text,
      organizationName: isFull ? row.organization_name : null,
      submittedAt: isFull && row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
    })),
    total: rows[0]?.total ?? 0,
  };
}
