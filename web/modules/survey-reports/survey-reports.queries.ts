import { queryOptions } from '@tanstack/react-query';
import {
  ZReportTexts,
  ZSurveyReport,
  ZSurveyResponseList,
  ZSurveyResponseSummary,
  type TReportQuery,
  type TReportTextsQuery,
  type TResponseExclusion,
} from '../../../common/contracts/survey-reports';
import { api, buildUrl } from '../../app/api-client';

export function surveyReportQuery(surveyId: string, query: Partial<TReportQuery>) {
  return queryOptions({
    queryKey: ['surveys', surveyId, 'report', query],
    queryFn: ({ signal }) => api.get(`/api/surveys/${encodeURIComponent(surveyId)}/report`, ZSurveyReport, { query, signal }),
  });
}

export function reportTextsQuery(surveyId: string, query: Partial<TReportTextsQuery>) {
  return queryOptions({
    queryKey: ['surveys', surveyId, 'report', 'texts', query],
    queryFn: ({ signal }) => api.get(`/api/surveys/${encodeURIComponent(surveyId)}/report/texts`, ZReportTexts, { query, signal }),
  });
}

export const responsesCsvUrl = (surveyId: string, query: Record<string, string | undefined>) =>
  buildUrl(`/api/surveys/${encodeURIComponent(surveyId)}/responses.csv`, query);

export function surveyResponsesQuery(surveyId: string) {
  return queryOptions({
    queryKey: ['surveys', surveyId, 'responses'],
    queryFn: ({ signal }) => api.get(`/api/surveys/${encodeURIComponent(surveyId)}/responses`, ZSurveyResponseList, { signal }),
  });
}

export const setResponseExclusion = (surveyId: string, responseId: string, body: TResponseExclusion) =>
  api.put(`/api/surveys/${encodeURIComponent(surveyId)}/responses/${encodeURIComponent(responseId)}/exclusion`, ZSurveyResponseSummary, body);
