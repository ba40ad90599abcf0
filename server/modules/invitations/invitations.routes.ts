import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../../../common/contracts/errors';
import { ZInvitation, ZInvitationAccept, ZInvitationAccepted, ZInvitationCreate, ZInvitationOverview, ZInvitationPreview, ZInvitationToken } from '../../../common/contracts/invitations';
import { contextOf } from '../../platform/http/context';
import { mailLinkBaseOf } from '../../platform/http/mail-link-base';
import { acceptInvitation, previewInvitation } from './accept-invitation';
import { createInvitation } from './create-invitation';
import { listInvitations } from './list-invitations';

const errors = { 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 410: ZErrorResponse, 422: ZErrorResponse };

export const invitationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/invitations',
    { schema: { tags: ['invitations'], summary: 'Organizations I may invite people to, and the invitations sent to them', response: { 200: ZInvitationOverview, ...errors } } },
    async (request) => listInvitations(contextOf(request)),
  );

  app.post(
    '/api/invitations',
    { schema: { tags: ['invitations'], summary: 'Invite a person by e-mail to an organization as member or admin', body: ZInvitationCreate, response: { 201: ZInvitation, ...errors } } },
    async (request, reply) => {
      const context = contextOf(request);
      const invitation = await createInvitation(context, request.body, { baseUrl: await mailLinkBaseOf(request) });
      return reply.status(201).send(invitation);
    },
  );

  app.post(
    '/api/invitations/preview',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags: ['invitations'], summary: 'What an invitation link offers (INVITATIONS.INVALID when used or expired)', body: z.strictObject({ token: ZInvitationToken }), response: { 200: ZInvitationPreview, ...errors } },
    },
    async (request) => previewInvitation(contextOf(request), request.body.token),
  );

  app.post(
    '/api/invitations/accept',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ['invitations'], summary: 'Accept an invitation: create the account, or add the role to the signed-in invited account', body: ZInvitationAccept, response: { 200: ZInvitationAccepted, ...errors } },
    },
    async (request) => acceptInvitation(contextOf(request), request.body),
  );
};
