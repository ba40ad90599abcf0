import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../common/contracts/errors';
import { ZJob, ZJobIdParams, ZJobsPage, ZJobsQuery } from '../../../common/contracts/jobs';
import { contextOf } from '../http/context';
import { listJobs } from './list-jobs';
import { retryJob } from './retry-job';

const errors = { 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };

export const jobsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/jobs',
    { schema: { tags: ['jobs'], summary: 'Background jobs waiting, running or dead, with their last error (platform admins)', querystring: ZJobsQuery, response: { 200: ZJobsPage, ...errors } } },
    async (request) => listJobs(contextOf(request), request.query),
  );
  app.post(
    '/api/jobs/:id/retry',
    { schema: { tags: ['jobs'], summary: 'Queue a dead job again with fresh attempts (platform admins)', params: ZJobIdParams, response: { 200: ZJob, ...errors } } },
    async (request) => retryJob(contextOf(request), request.params.id),
  );
};
