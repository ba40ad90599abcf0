import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZChangePasswordRequest,
  ZLocaleChange,
  ZLoginRequest,
  ZPasswordResetCompletion,
  ZPasswordResetLink,
  ZPasswordResetRequest,
  ZPasswordResetToken,
  ZReauthenticateRequest,
  ZRecoveryCodes,
  ZSessionResponse,
  ZTotpConfirmRequest,
  ZTotpEnrolment,
  ZTotpStatus,
  type TSessionResponse,
} from '../../../common/contracts/auth';
import { ZErrorResponse } from '../../../common/contracts/errors';
import { contextOf } from '../http/context';
import { mailLinkBaseOf } from '../http/mail-link-base';
import { changePassword } from './change-password';
import { setMyLocale } from './set-my-locale';
import { login } from './login';
import { logout, logoutEverywhere } from './logout';
import { confirmTotpEnrolment, disableTotp, getTotpStatus, startTotpEnrolment } from './manage-totp';
import { reauthenticate } from './reauthenticate';
import { requestPasswordReset } from './request-password-reset';
import { checkPasswordResetLink, resetPassword } from './reset-password';
import { resolveSession } from './resolve-session';
import { absoluteMs, SESSION_COOKIE } from './session-token';

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

const errors = { 401: ZErrorResponse, 403: ZErrorResponse, 409: ZErrorResponse, 410: ZErrorResponse, 422: ZErrorResponse, 429: ZErrorResponse };
const ok = z.object({ ok: z.literal(true) });

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/auth/session',
    { schema: { tags: ['auth'], summary: 'Who is signed in, their roles and the CSRF token', response: { 200: ZSessionResponse } } },
    async (request) => presentSession({ actor: request.actor, session: request.session }),
  );

  app.post(
    '/api/auth/login',
    {
      // A burst guard in memory; the real throttle is per account and address in the database (login_throttles).
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password (and the TOTP code when asked: AUTH.TOTP_REQUIRED); AUTH.THROTTLED with Retry-After after repeated failures',
        body: ZLoginRequest,
        response: { 200: ZSessionResponse, ...errors },
      },
    },
    async (request: FastifyRequest<{ Body: z.infer<typeof ZLoginRequest> }>, reply) => {
      const config = request.server.config;
      const result = await login(
        contextOf(request),
        {
          email: request.body.email,
          password: request.body.password,
          totpCode: request.body.totpCode ?? null,
          previousToken: request.cookies[SESSION_COOKIE] ?? null,
          userAgent: request.headers['user-agent'] ?? null,
          ipAddress: request.ip,
        },
        { sessions: config.sessions, loginThrottle: config.loginThrottle },
      );
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        // The browser may keep the cookie until the absolute end; the server ends idle sessions sooner.
        maxAge: Math.floor(absoluteMs(config.sessions) / 1000),
      });
      return presentSession(await resolveSession(request.server.db, result.token, config.sessions));
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

  app.post(
    '/api/auth/reauthenticate',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Confirm the password (and TOTP code) again before a sensitive act (answer to AUTH.REAUTHENTICATION_REQUIRED)',
        body: ZReauthenticateRequest,
        response: { 200: ok, ...errors },
      },
    },
    async (request) => {
      await reauthenticate(
        contextOf(request),
        { password: request.body.password, totpCode: request.body.totpCode ?? null, sessionToken: request.cookies[SESSION_COOKIE] ?? '', ipAddress: request.ip },
        request.server.config.loginThrottle,
      );
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/password',
    { schema: { tags: ['auth'], summary: 'Change my password (the current one required); my other sessions end', body: ZChangePasswordRequest, response: { 200: z.object({ sessionsEnded: z.number().int() }), ...errors } } },
    async (request) => changePassword(contextOf(request), request.body, request.cookies[SESSION_COOKIE] ?? null),
  );

  app.put(
    '/api/auth/locale',
    { schema: { tags: ['auth'], summary: 'Choose my language (it or en): the web app and my mails follow it', body: ZLocaleChange, response: { 200: ZLocaleChange, ...errors } } },
    async (request) => setMyLocale(contextOf(request), request.body),
  );

  app.post(
    '/api/auth/password-reset',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Mail a single-use reset link (valid one hour) if an account has this e-mail; the answer is the same either way',
        body: ZPasswordResetRequest,
        response: { 202: ok, ...errors },
      },
    },
    async (request, reply) => {
      const context = contextOf(request);
      await requestPasswordReset(context, request.body, { baseUrl: await mailLinkBaseOf(request) });
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    '/api/auth/password-reset/check',
    { schema: { tags: ['auth'], summary: 'Whether a reset link still works (AUTH.RESET_LINK_INVALID otherwise)', body: z.strictObject({ token: ZPasswordResetToken }), response: { 200: ZPasswordResetLink, ...errors } } },
    async (request) => checkPasswordResetLink(contextOf(request), request.body.token),
  );

  app.post(
    '/api/auth/password-reset/complete',
    { schema: { tags: ['auth'], summary: 'Set a new password with a reset link; every session of the account ends', body: ZPasswordResetCompletion, response: { 200: ok, ...errors } } },
    async (request) => {
      await resetPassword(contextOf(request), request.body);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/totp',
    { schema: { tags: ['auth'], summary: 'My second factor: on or off, allowed, recovery codes left', response: { 200: ZTotpStatus, ...errors } } },
    async (request) => getTotpStatus(contextOf(request)),
  );

  app.post(
    '/api/auth/totp/enrolment',
    { schema: { tags: ['auth'], summary: 'Start TOTP enrolment: a new secret and its otpauth:// URI (administrators and coordinators)', response: { 200: ZTotpEnrolment, ...errors } } },
    async (request) => startTotpEnrolment(contextOf(request)),
  );

  app.post(
    '/api/auth/totp/confirmation',
    { schema: { tags: ['auth'], summary: 'Confirm TOTP with a code from the app; returns ten single-use recovery codes, shown once', body: ZTotpConfirmRequest, response: { 200: ZRecoveryCodes, ...errors } } },
    async (request) => confirmTotpEnrolment(contextOf(request), request.body),
  );

  app.delete(
    '/api/auth/totp',
    { schema: { tags: ['auth'], summary: 'Turn TOTP off (after re-authentication)', response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await disableTotp(contextOf(request));
      return reply.status(204).send(null);
    },
  );
};
