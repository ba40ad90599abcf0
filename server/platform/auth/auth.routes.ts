import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZLoginRequest, ZSessionResponse, type TSessionResponse } from '../../../common/contracts/auth';
import { ZErrorResponse } from '../../../common/contracts/errors';
import { contextOf } from '../http/context';
import { login } from './login';
import { logout, logoutEverywhere } from './logout';
import { resolveSession } from './resolve-session';
import { SESSION_COOKIE, SESSION_IDLE_MS } from './session-token';

function presentSession(resolved: Awaited<ReturnType<typeof resolveSession>>): TSessionResponse {
  const session = resolved.session;
  if (!session) return { user: null, roles: [], csrfToken: null };
  return {
    user: { ...session.user },
    roles: session.grants.map((grant) => ({
      role: grant.role,
      scopeType: grant.districtId ? 'district' : grant.organizationId ? 'organization' : 'platform',
      scopeId: grant.districtId ?? grant.organizationId,
      scopeName: grant.scopeName,
    })),
    csrfToken: session.csrfToken,
  };
}

function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

const errors = { 401: ZErrorResponse, 403: ZErrorResponse, 422: ZErrorResponse, 423: ZErrorResponse, 429: ZErrorResponse };

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/auth/session',
    { schema: { tags: ['auth'], summary: 'Who is signed in, their roles and the CSRF token', response: { 200: ZSessionResponse } } },
    async (request) => presentSession({ actor: request.actor, session: request.session }),
  );

  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: 'Sign in with e-mail and password', body: ZLoginRequest, response: { 200: ZSessionResponse, ...errors } },
    },
    async (request: FastifyRequest<{ Body: z.infer<typeof ZLoginRequest> }>, reply) => {
      const result = await login(contextOf(request), {
        email: request.body.email,
        password: request.body.password,
        previousToken: request.cookies[SESSION_COOKIE] ?? null,
        userAgent: request.headers['user-agent'] ?? null,
        ipAddress: request.ip,
      });
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.server.config.secureCookies,
        maxAge: Math.floor(SESSION_IDLE_MS / 1000),
      });
      return presentSession(await resolveSession(request.server.db, result.token));
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'End this session', response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token && request.actor.kind === 'user') await logout(contextOf(request), token);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/logout-everywhere',
    { schema: { tags: ['auth'], summary: 'End every session of this user on every device', response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await logoutEverywhere(contextOf(request));
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );
};
