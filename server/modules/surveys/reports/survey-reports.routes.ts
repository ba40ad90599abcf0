import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../../../../common/contracts/errors';
import {
  ZReportFilters,
  ZResponsesCsvQuery,
  ZReportQuery,
  ZReportTexts,
  ZReportTextsQuery,
  ZResponseExclusion,
  ZSurveyReport,
  ZSurveyResponseList,
  ZSurveyResponseSummary,
} from '../../../../common/contracts/survey-reports';
import { contextOf } from '../../../platform/http/context';
import { exportSurveyResponses } from './export-survey-responses';
import { getSurveyReport } from './get-survey-report';
import { listReportTexts } from './list-report-texts';
import { listSurveyResponses } from './list-survey-responses';
import { setResponseExclusion } from './set-response-exclusion';

/** Sends text as is (a string body skips the JSON serializer). */
function sendCsv(reply: FastifyReply, body: string, fileName: string) {
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'no-store').send(body);
}

const ZIdParams = z.strictObject({ id: z.uuid() });
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 422: ZErrorResponse };
const ZResponseParams = z.strictObject({ id: z.uuid(), responseId: z.uuid() });

/** Survey reports: coordinators read the full report and the CSV; member organizations the shared report. */
export const surveyReportsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/surveys/:id/report',
    {
      schema: {
        tags: ['surveys'],
        summary: 'The report of a survey: response rates, distributions, matrix means, an optional cross-tab (variant=shared hides counts below 3)',
        params: ZIdParams,
        querystring: ZReportQuery,
        response: { 200: ZSurveyReport, ...errors },
      },
    },
    async (request) => getSurveyReport(contextOf(request), request.params.id, request.query),
  );
  app.get(
    '/api/surveys/:id/report/texts',
    { schema: { tags: ['surveys'], summary: 'Free-text answers, searchable (q)', params: ZIdParams, querystring: ZReportTextsQuery, response: { 200: ZReportTexts, ...errors } } },
    async (request) => listReportTexts(contextOf(request), request.params.id, request.query),
  );
  app.get(
    '/api/surveys/:id/responses.csv',
    { schema: { tags: ['surveys'], summary: 'Every submitted response as CSV: one row per response, one column per answer item (codes and labels)', params: ZIdParams, querystring: ZResponsesCsvQuery, response: errors } },
    async (request, reply) => {
      const csv = await exportSurveyResponses(contextOf(request), request.params.id, request.query);
      return sendCsv(reply, csv, 'risposte-questionario.csv');
    },
  );
  app.get(
    '/api/surveys/:id/responses',
    { schema: { tags: ['surveys'], summary: 'The responses of a survey, for its coordinators to exclude one from the reports', params: ZIdParams, response: { 200: ZSurveyResponseList, ...errors } } },
    async (request) => listSurveyResponses(contextOf(request), request.params.id),
  );
  app.put(
    '/api/surveys/:id/responses/:responseId/exclusion',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Exclude a response from the reports, rates and CSV with a reason, or include it again (audited)',
        params: ZResponseParams,
        body: ZResponseExclusion,
        response: { 200: ZSurveyResponseSummary, 409: ZErrorResponse, ...errors },
      },
    },
    async (request) => setResponseExclusion(contextOf(request), request.params.id, request.params.responseId, request.body),
  );
};
