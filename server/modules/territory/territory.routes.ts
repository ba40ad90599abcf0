import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../../../common/contracts/errors';
import {
  ZIstatMunicipalityCode,
  ZMunicipality,
  ZMunicipalityPage,
  ZMunicipalitySearchQuery,
  ZProvinceList,
  ZProvinceCode,
  ZProvinceListQuery,
  ZRegionList,
  ZRegionCode,
  ZTerritoryImportReport,
} from '../../../common/contracts/territory';
import { contextOf as platformContextOf } from '../../platform/http/context';
import type { UseCaseContext } from '../../platform/use-case';
import { getMunicipalitiesGeojson, type MunicipalitiesGeojson } from './get-municipalities-geojson';
import { getMunicipality } from './get-municipality';
import { getReconciliationReport } from './get-reconciliation-report';
import { listProvinces } from './list-provinces';
import { listRegions } from './list-regions';
import { searchMunicipalities } from './search-municipalities';

export interface TerritoryRoutesDeps {
  contextOf: (request: FastifyRequest) => UseCaseContext;
}

const GEOJSON_CACHE_CONTROL = 'public, max-age=3600';
const GEOJSON_DESCRIPTION =
  'An application/geo+json FeatureCollection (ZMunicipalityFeatureCollection): one feature per municipality with a ' +
  'boundary, id = ISTAT code, properties istatCode, name, population. Cacheable for an hour; send If-None-Match ' +
  'with the ETag to get 304.';

/** Sends the pre-serialized GeoJSON as is, or 304 when the client already holds this version. */
function sendGeojson(request: FastifyRequest, reply: FastifyReply, geojson: MunicipalitiesGeojson) {
  reply.header('etag', geojson.etag).header('cache-control', GEOJSON_CACHE_CONTROL).header('vary', 'accept-encoding');
  const known = request.headers['if-none-match'];
  if (known && known.split(',').some((tag) => tag.trim() === geojson.etag)) return reply.code(304).send();
  // A string body with a JSON content type skips the serializer: the text PostgreSQL built goes out untouched.
  return reply.type('application/geo+json; charset=utf-8').send(geojson.body);
}

/**
 * The territory's HTTP adapter: each route validates with the contract, calls one use case, returns its result.
 * All routes are public reads.
 */
export function territoryRoutes(deps: TerritoryRoutesDeps = { contextOf: platformContextOf }): FastifyPluginAsyncZod {
  const { contextOf } = deps;
  return async (app) => {
    app.get(
      '/api/territory/regions',
      {
        schema: {
          tags: ['territory'],
          summary: 'List regions with population and number of municipalities',
          response: { 200: ZRegionList },
        },
      },
      async (request) => ({ items: await listRegions(contextOf(request)) }),
    );

    app.get(
      '/api/territory/provinces',
      {
        schema: {
          tags: ['territory'],
          summary: 'List provinces, optionally of one region',
          querystring: ZProvinceListQuery,
          response: { 200: ZProvinceList, 400: ZErrorResponse },
        },
      },
      async (request) => ({ items: await listProvinces(contextOf(request), { region: request.query.region }) }),
    );

    app.get(
      '/api/territory/municipalities',
      {
        schema: {
          tags: ['territory'],
          summary: 'Search municipalities by name (accents and typos tolerated), with keyset pages',
          querystring: ZMunicipalitySearchQuery,
          response: { 200: ZMunicipalityPage, 400: ZErrorResponse, 422: ZErrorResponse },
        },
      },
      async (request) => searchMunicipalities(contextOf(request), request.query),
    );

    app.get(
      '/api/territory/municipalities/:istatCode',
      {
        schema: {
          tags: ['territory'],
          summary: 'One municipality by ISTAT code, with its point, bounding box and districts',
          params: z.strictObject({ istatCode: ZIstatMunicipalityCode }),
          response: { 200: ZMunicipality, 400: ZErrorResponse, 404: ZErrorResponse },
        },
      },
      async (request) => getMunicipality(contextOf(request), request.params.istatCode),
    );

    app.get(
      '/api/territory/regions/:code/municipalities.geojson',
      {
        schema: {
          tags: ['territory'],
          summary: "GeoJSON boundaries of a region's municipalities",
          description: GEOJSON_DESCRIPTION,
          params: z.strictObject({ code: ZRegionCode }),
          response: { 400: ZErrorResponse, 404: ZErrorResponse },
        },
      },
      async (request, reply) =>
        sendGeojson(request, reply, await getMunicipalitiesGeojson(contextOf(request), { regionCode: request.params.code })),
    );

    app.get(
      '/api/territory/provinces/:code/municipalities.geojson',
      {
        schema: {
          tags: ['territory'],
          summary: "GeoJSON boundaries of a province's municipalities",
          description: GEOJSON_DESCRIPTION,
          params: z.strictObject({ code: ZProvinceCode }),
          response: { 400: ZErrorResponse, 404: ZErrorResponse },
        },
      },
      async (request, reply) =>
        sendGeojson(request, reply, await getMunicipalitiesGeojson(contextOf(request), { provinceCode: request.params.code })),
    );

    app.get(
      '/api/territory/reconciliation',
      {
        schema: {
          tags: ['territory'],
          summary: 'Report of the latest territory import: counts and how the two sources were reconciled',
          response: { 200: ZTerritoryImportReport, 409: ZErrorResponse },
        },
      },
      async (request) => getReconciliationReport(contextOf(request)),
    );
  };
}
