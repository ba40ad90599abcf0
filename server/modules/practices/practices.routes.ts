import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../../../common/contracts/errors';
import { ZPractice, ZPracticeAuthorChoices, ZPracticeCreate, ZPracticePage, ZPracticeSearchQuery, ZPracticeUpdate } from '../../../common/contracts/practices';
import { contextOf } from '../../platform/http/context';
import { createPractice } from './create-practice';
import { exportPractices } from './export-practices';
import { getPractice } from './get-practice';
import { listPracticeAuthorChoices } from './list-practice-author-choices';
import { searchPractices } from './search-practices';
import { updatePractice } from './update-practice';

const ZIdParams = z.strictObject({ id: z.uuid() });
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };

/**
 * The practices base's HTTP adapter. Reads are open to everyone and narrowed by each practice's visibility (an anonymous
 * visitor reads public practices only); attachments go through the platform's /api/files/practices.practice/:id.
 */
export const practicesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/practices',
    { schema: { tags: ['practices'], summary: 'Search the practices the reader may see (Italian full text, filters), ranked', querystring: ZPracticeSearchQuery, response: { 200: ZPracticePage, ...errors } } },
    async (request) => searchPractices(contextOf(request), request.query),
  );
  app.get(
    '/api/practices/export.csv',
    { schema: { tags: ['practices'], summary: 'The practices the reader may see matching the search, as CSV', querystring: ZPracticeSearchQuery } },
    async (request, reply) => {
      const csv = await exportPractices(contextOf(request), request.query);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="pratiche.csv"').send(csv);
    },
  );
  app.get(
    '/api/practices/author-choices',
    { schema: { tags: ['practices'], summary: 'The organizations and districts the actor may record practices for', response: { 200: ZPracticeAuthorChoices, ...errors } } },
    async (request) => listPracticeAuthorChoices(contextOf(request)),
  );
  app.get(
    '/api/practices/:id',
    { schema: { tags: ['practices'], summary: 'One practice (public ones without signing in)', params: ZIdParams, response: { 200: ZPractice, ...errors } } },
    async (request) => getPractice(contextOf(request), request.params.id),
  );
  app.post(
    '/api/practices',
    { schema: { tags: ['practices'], summary: 'Record a practice (a partial or failed one with its cause and lesson)', body: ZPracticeCreate, response: { 201: ZPractice, ...errors } } },
    async (request, reply) => reply.code(201).send(await createPractice(contextOf(request), request.body)),
  );
  app.patch(
    '/api/practices/:id',
    { schema: { tags: ['practices'], summary: 'Change a practice', params: ZIdParams, body: ZPracticeUpdate, response: { 200: ZPractice, ...errors } } },
    async (request) => updatePractice(contextOf(request), request.params.id, request.body),
  );
};
