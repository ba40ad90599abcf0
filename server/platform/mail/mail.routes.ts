import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../common/contracts/errors';
import { ZDeliveryReport, ZMailSettings, ZMailSettingsUpdate, ZOutboxPage, ZOutboxQuery } from '../../../common/contracts/mail';
import { contextOf } from '../http/context';
import { deliverQueuedMail } from './deliver-queued-mail';
import { listOutbox } from './list-outbox';
import { getMailSettings, updateMailSettings } from './mail-settings';

const errors = { 401: ZErrorResponse, 403: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };

export const mailRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/mail/outbox',
    { schema: { tags: ['mail'], summary: 'Outgoing e-mail (coordinators: their districts; admins: all)', querystring: ZOutboxQuery, response: { 200: ZOutboxPage, ...errors } } },
    async (request) => listOutbox(contextOf(request), request.query),
  );
  app.get(
    '/api/mail/settings',
    { schema: { tags: ['mail'], summary: 'SMTP settings, without the password (platform admins)', response: { 200: ZMailSettings, ...errors } } },
    async (request) => getMailSettings(contextOf(request)),
  );
  app.patch(
    '/api/mail/settings',
    { schema: { tags: ['mail'], summary: 'Change SMTP settings (platform admins)', body: ZMailSettingsUpdate, response: { 200: ZMailSettings, ...errors } } },
    async (request) => updateMailSettings(contextOf(request), request.body),
  );
  app.post(
    '/api/mail/deliver',
    { schema: { tags: ['mail'], summary: 'Deliver queued e-mail now through SMTP (platform admins)', response: { 200: ZDeliveryReport, ...errors } } },
    async (request) => deliverQueuedMail(contextOf(request)),
  );
};
