import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../common/contracts/errors';
import { ZHome } from '../../../common/contracts/home';
import { contextOf } from '../../platform/http/context';
import { getHome } from './get-home';

const errors = { 401: ZErrorResponse, 403: ZErrorResponse };

/** The home page's HTTP adapter: one read, narrowed to the signed-in person (home.policy.ts). */
export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/home',
    { schema: { tags: ['home'], summary: "The signed-in person's next things to do, per district they coordinate and organization they act for", response: { 200: ZHome, ...errors } } },
    async (request, reply) => reply.header('cache-control', 'no-store').send(await getHome(contextOf(request))),
  );
};
