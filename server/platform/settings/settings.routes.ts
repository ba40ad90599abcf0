import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../common/contracts/errors';
import { ZSettings, ZSettingsUpdate } from '../../../common/contracts/settings';
import { contextOf } from '../http/context';
import { getSettings } from './get-settings';
import { updateSettings } from './update-settings';

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/settings', { schema: { tags: ['settings'], summary: 'Platform settings', response: { 200: ZSettings } } }, async (request) =>
    getSettings(contextOf(request)),
  );
  app.patch(
    '/api/settings',
    {
      schema: {
        tags: ['settings'],
        summary: 'Change platform settings (platform admins)',
        body: ZSettingsUpdate,
        response: { 200: ZSettings, 401: ZErrorResponse, 403: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse },
      },
    },
    async (request) => updateSettings(contextOf(request), request.body),
  );
};
