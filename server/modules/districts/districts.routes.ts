import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZDistrict, ZDistrictList, ZDistrictUpdate } from '../../../common/contracts/districts';
import { ZErrorResponse } from '../../../common/contracts/errors';
import { contextOf } from '../../platform/http/context';
import { getDistrict, getDistrictGeoJson } from './get-district';
import { listDistricts } from './list-districts';
import { updateDistrict } from './update-district';

const ZDistrictParams = z.strictObject({ id: z.uuid() });
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };

export const districtsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/districts',
    { schema: { tags: ['districts'], summary: 'All districts', response: { 200: ZDistrictList } } },
    async (request) => ({ items: await listDistricts(contextOf(request)) }),
  );
  app.get(
    '/api/districts/:id',
    { schema: { tags: ['districts'], summary: 'One district with municipalities and members', params: ZDistrictParams, response: { 200: ZDistrict, ...errors } } },
    async (request) => getDistrict(contextOf(request), request.params.id),
  );
  app.get(
    '/api/districts/:id/municipalities.geojson',
    { schema: { tags: ['districts'], summary: "The district's municipalities as GeoJSON", params: ZDistrictParams } },
    async (request, reply) => {
      const geojson = await getDistrictGeoJson(contextOf(request), request.params.id);
      return reply.type('application/geo+json').header('cache-control', 'no-cache').send(geojson);
    },
  );
  app.patch(
    '/api/districts/:id',
    {
      schema: {
        tags: ['districts'],
        summary: "Edit a district's name or description (its coordinators, platform admins)",
        params: ZDistrictParams,
        body: ZDistrictUpdate,
        response: { 200: ZDistrict, ...errors },
      },
    },
    async (request) => updateDistrict(contextOf(request), request.params.id, request.body),
  );
};
