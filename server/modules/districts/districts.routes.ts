import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZDistrict,
  ZDistrictAreaUpdate,
  ZDistrictBody,
  ZDistrictBodyCreate,
  ZDistrictBodyMemberCreate,
  ZDistrictBodyMemberEnd,
  ZDistrictList,
  ZDistrictUpdate,
} from '../../../common/contracts/districts';
import { ZErrorResponse } from '../../../common/contracts/errors';
import { ZPendingMembershipList } from '../../../common/contracts/memberships';
import { contextOf } from '../../platform/http/context';
import { getDistrict, getDistrictGeoJson } from './get-district';
import { listDistricts } from './list-districts';
import { updateDistrict } from './update-district';
import { addDistrictBodyMember } from './add-district-body-member';
import { createDistrictBody } from './create-district-body';
import { defineDistrictArea } from './define-district-area';
import { endDistrictBodyMember } from './end-district-body-member';
import { listDistrictPendingMemberships } from './list-pending-memberships';

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
    '/api/districts/:id/pending-memberships',
    {
      schema: {
        tags: ['districts'], summary: "Invitations the district sent and requests it received, not answered yet (its coordinators)",
        params: ZDistrictParams, response: { 200: ZPendingMembershipList, ...errors },
      },
    },
    async (request) => listDistrictPendingMemberships(contextOf(request), request.params.id),
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
  app.patch(
    '/api/districts/:id/area',
    {
      schema: {
        tags: ['districts'],
        summary: "Define the district's area: a zone of a reference zoning, or a custom set of municipalities",
        params: ZDistrictParams,
        body: ZDistrictAreaUpdate,
        response: { 200: ZDistrict, ...errors },
      },
    },
    async (request) => defineDistrictArea(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/districts/:id/bodies',
    {
      schema: {
        tags: ['districts'],
        summary: 'Create a governance body (steering group, assembly, working group)',
        params: ZDistrictParams,
        body: ZDistrictBodyCreate,
        response: { 201: ZDistrictBody, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await createDistrictBody(contextOf(request), request.params.id, request.body)),
  );
  app.post(
    '/api/districts/:id/bodies/:bodyId/members',
    {
      schema: {
        tags: ['districts'],
        summary: 'Seat a member organization of the district in a body',
        params: z.strictObject({ id: z.uuid(), bodyId: z.uuid() }),
        body: ZDistrictBodyMemberCreate,
        response: { 200: ZDistrictBody, ...errors },
      },
    },
    async (request) => addDistrictBodyMember(contextOf(request), request.params.id, request.params.bodyId, request.body),
  );
  app.patch(
    '/api/districts/:id/bodies/:bodyId/members/:memberId',
    {
      schema: {
        tags: ['districts'],
        summary: "End a member's term in a body",
        params: z.strictObject({ id: z.uuid(), bodyId: z.uuid(), memberId: z.uuid() }),
        body: ZDistrictBodyMemberEnd,
        response: { 200: ZDistrictBody, ...errors },
      },
    },
    async (request) => endDistrictBodyMember(contextOf(request), request.params.id, request.params.bodyId, request.params.memberId, request.body),
  );
};
