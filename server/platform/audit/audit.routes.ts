import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZAuditPage, ZAuditQuery, ZAuditVerification } from '../../../common/contracts/audit';
import { ZErrorResponse } from '../../../common/contracts/errors';
import { contextOf } from '../http/context';
import { listAuditEntries } from './list-audit-entries';
import { verifyAuditChain } from './verify-audit-chain';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Browse the audit log: writes, sensitive reads and refused attempts (platform admins)',
        querystring: ZAuditQuery,
        response: { 200: ZAuditPage, 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse },
      },
    },
    async (request) => listAuditEntries(contextOf(request), request.query),
  );
  app.post(
    '/api/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: "Check the audit log's hash chain; reports the first broken link (platform admins)",
        response: { 200: ZAuditVerification, 401: ZErrorResponse, 403: ZErrorResponse },
      },
    },
    async (request) => verifyAuditChain(contextOf(request)),
  );
};
