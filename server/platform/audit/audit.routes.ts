import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZAuditPage, ZAuditQuery } from '../../../common/contracts/audit';
import { ZErrorResponse } from '../../../common/contracts/errors';
import { contextOf } from '../http/context';
import { listAuditEntries } from './list-audit-entries';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Browse the audit log (platform admins)',
        querystring: ZAuditQuery,
        response: { 200: ZAuditPage, 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse },
      },
    },
    async (request) => listAuditEntries(contextOf(request), request.query),
  );
};
