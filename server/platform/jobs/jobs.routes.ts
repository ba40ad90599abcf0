import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../common/contracts/errors';
import { ZJob, ZJobCounts, ZJobIdParams, ZJobsPage, ZJobsQuery } from '../../../common/contracts/jobs';
import { contextOf } from '../http/context';
import { countJobs } from './count-jobs';
import { listJobs } from './list-jobs';
import { retryJob } from './retry-job';

const errors = { 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };

export const jobsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/jobs',
    { schema: { tags: ['jobs'], summary: 'Background jobs waiting, running or dead, with their last error (platform admins)', querystring: ZJobsQuery, response: { 200: ZJobsPage, ...errors } } },
    async (request) => listJobs(contextOf(request), request.query),
  );
  app.get(
    '/api/jobs/counts',
    { schema: { tags: ['jobs'], summary: 'How many background jobs wait, run or are dead (platform admins)', response: { 200: ZJobCounts, ...errors } } },
    async (request) => countJobs(contextOf(request)),
  );
  app.post(
    '/api/jobs/:id/retry',
    { schema: { tags: ['jobs'], summary: 'Queue a dead job again with fresh attempts (platform admins)', params: ZJobIdParams, response: { 200: ZJob, ...errors } } },
    async (request) => retryJob(contextOf(request), request.params.id),
  );
};
