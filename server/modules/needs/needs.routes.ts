import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../../../common/contracts/errors';
import { ZNeed, ZNeedCounts, ZNeedCreate, ZNeedFilters, ZNeedListQuery, ZNeedPage, ZNeedStatusChange } from '../../../common/contracts/needs';
import { contextOf } from '../../platform/http/context';
import { changeNeedStatus } from './change-need-status';
import { countNeeds } from './count-needs';
import { createNeed } from './create-need';
import { getNeed } from './get-need';
import { listNeeds } from './list-needs';

const ZIdParams = z.strictObject({ id: z.uuid() });
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };

/** The needs register's HTTP adapter. Nothing is public: see needs.policy.ts for who sees what. */
export const needsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/needs',
    { schema: { tags: ['needs'], summary: "A district's needs, newest first (coordinators: all; members: their own)", querystring: ZNeedListQuery, response: { 200: ZNeedPage, ...errors } } },
    async (request) => listNeeds(contextOf(request), request.query),
  );
  app.get(
    '/api/needs/counts',
    { schema: { tags: ['needs'], summary: 'Needs and people by category × municipality, by municipality and by category', querystring: ZNeedFilters, response: { 200: ZNeedCounts, ...errors } } },
    async (request) => countNeeds(contextOf(request), request.query),
  );
  app.get(
    '/api/needs/:id',
    { schema: { tags: ['needs'], summary: 'One need', params: ZIdParams, response: { 200: ZNeed, ...errors } } },
    async (request) => getNeed(contextOf(request), request.params.id),
  );
  app.post(
    '/api/needs',
    { schema: { tags: ['needs'], summary: 'Enter a need by hand', body: ZNeedCreate, response: { 201: ZNeed, ...errors } } },
    async (request, reply) => reply.code(201).send(await createNeed(contextOf(request), request.body)),
  );
  app.post(
    '/api/needs/:id/status',
    { schema: { tags: ['needs'], summary: 'Answer, close or reopen a need', params: ZIdParams, body: ZNeedStatusChange, response: { 200: ZNeed, ...errors } } },
    async (request) => changeNeedStatus(contextOf(request), request.params.id, request.body),
  );
};
