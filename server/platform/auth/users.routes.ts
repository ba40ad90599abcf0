import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZGrantRoleRequest, ZUserActiveRequest, ZUserList, ZUserListQuery } from '../../../common/contracts/auth';
import { ZErrorResponse } from '../../../common/contracts/errors';
import { contextOf } from '../http/context';
import { grantRole } from './grant-role';
import { revokeRole } from './revoke-role';
import { setUserActivity } from './set-user-activity';
import { listUsers } from './list-users';

const errors = { 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };
const ZUserParams = z.strictObject({ id: z.uuid() });

/** User administration for platform administrators: search, role grants, deactivation. */
export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/users',
    { schema: { tags: ['users'], summary: 'Users and their roles, searched by name or e-mail', querystring: ZUserListQuery, response: { 200: ZUserList, ...errors } } },
    async (request) => listUsers(contextOf(request), request.query),
  );

  app.post(
    '/api/users/:id/grants',
    { schema: { tags: ['users'], summary: 'Grant a role (re-authentication required)', params: ZUserParams, body: ZGrantRoleRequest, response: { 201: z.object({ id: z.string() }), ...errors } } },
    async (request, reply) => reply.status(201).send(await grantRole(contextOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/api/users/:id/grants/:grantId',
    {
      schema: {
        tags: ['users'],
        summary: 'Revoke a role; never the last administrator (USERS.LAST_ADMINISTRATOR)',
        params: z.strictObject({ id: z.uuid(), grantId: z.uuid() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await revokeRole(contextOf(request), request.params.id, request.params.grantId);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/users/:id/active',
    {
      schema: {
        tags: ['users'],
        summary: 'Deactivate (ends every session) or reactivate an account; not one\'s own (USERS.CANNOT_CHANGE_SELF)',
        params: ZUserParams,
        body: ZUserActiveRequest,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await setUserActivity(contextOf(request), request.params.id, request.body.isActive);
      return reply.status(204).send(null);
    },
  );
};
