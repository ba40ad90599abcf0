import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZDistrictActivity } from '../../../common/contracts/district-activity';
import { ZErrorResponse } from '../../../common/contracts/errors';
import { contextOf } from '../../platform/http/context';
import { getDistrictActivity } from './get-district-activity';

const errors = { 400: ZErrorResponse, 404: ZErrorResponse };

export const districtActivityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/districts/:id/activity',
    {
      schema: {
        tags: ['districts'], summary: "Counts of the district's surveys, open needs, gaps, proposals and referrals, each only for a reader of it",
        params: z.strictObject({ id: z.uuid() }), response: { 200: ZDistrictActivity, ...errors },
      },
    },
    async (request) => getDistrictActivity(contextOf(request), request.params.id),
  );
};
