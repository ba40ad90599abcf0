import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../../../common/contracts/errors';
import {
  ZAlignment,
  ZAlignmentQuery,
  ZONING_FILE_MAX_BYTES,
  ZZone,
  ZZoneUpdate,
  ZZoning,
  ZZoningImportReport,
  ZZoningImportRequest,
  ZZoningList,
  ZZoningMunicipalityList,
} from '../../../common/contracts/zonings';
import { contextOf } from '../../platform/http/context';
import { readTextFile } from '../../platform/import/read-text-file';
import { compareZonings, getAlignmentCsv, getAlignmentGeoJson } from './compare-zonings';
import { deleteZoning } from './delete-zoning';
import { getZoning, getZoningCsv, getZoningGeoJson, listZoningMunicipalities } from './get-zoning';
import { importZoning } from './import-zoning';
import { listZonings } from './list-zonings';
import { updateZone } from './update-zone';

const ZZoningParams = z.strictObject({ id: z.uuid() });
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };
const CSV_TYPE = 'text/csv; charset=utf-8';
const GEOJSON_TYPE = 'application/geo+json; charset=utf-8';

/** Sends text built by the database as is (a string body skips the JSON serializer). */
function sendText(reply: FastifyReply, type: string, body: string, fileName?: string) {
  if (fileName) reply.header('content-disposition', `attachment; filename="${fileName}"`);
  return reply.type(type).header('cache-control', 'no-cache').send(body);
}

/** The zonings' HTTP adapter: contract → one use case → response. Reads are public; writes are for platform admins. */
export const zoningsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/zonings', { schema: { tags: ['zonings'], summary: 'All zonings', response: { 200: ZZoningList } } }, async (request) => ({
    items: await listZonings(contextOf(request)),
  }));

  app.post(
    '/api/zonings/import',
    {
      // A region's GeoJSON with boundaries is larger than the default request limit.
      // A CSV may come as base64 (4 bytes for 3).
      bodyLimit: Math.ceil(ZONING_FILE_MAX_BYTES / 3) * 4 + 64 * 1024,
      schema: {
        tags: ['zonings'],
        summary: 'Check (dryRun) or import a zoning from CSV (zone_code,zone_name,istat_code) or GeoJSON text',
        description: 'A refused file answers 422 ZONINGS.INVALID_FILE with the full report in details.report; nothing is written.',
        body: ZZoningImportRequest,
        response: { 200: ZZoningImportReport, ...errors },
      },
    },
    async (request) => {
      const { contentBase64, ...body } = request.body;
      if (contentBase64 === undefined) return importZoning(contextOf(request), body);
      // Uploaded bytes are read like every import's file: encoding detected, named in the report.
      const file = readTextFile(Buffer.from(contentBase64, 'base64'));
      return { ...(await importZoning(contextOf(request), { ...body, content: file.text })), encoding: file.encoding };
    },
  );

  app.get(
    '/api/zonings/compare',
    { schema: { tags: ['zonings'], summary: 'Alignment of zoning A with zoning B (or b=districts): crosswalk, breaking municipalities, scores', querystring: ZAlignmentQuery, response: { 200: ZAlignment, ...errors } } },
    async (request) => compareZonings(contextOf(request), request.query),
  );
  app.get(
    '/api/zonings/compare.geojson',
    { schema: { tags: ['zonings'], summary: "A's municipalities with their A and B zones and `breaks` (1 = outside the main B zone)", querystring: ZAlignmentQuery, response: errors } },
    async (request, reply) => {
      const geojson = await getAlignmentGeoJson(contextOf(request), request.query);
      return sendText(reply, GEOJSON_TYPE, geojson, 'confronto-zonizzazioni.geojson');
    },
  );
  app.get(
    '/api/zonings/compare.csv',
    {
      schema: {
        tags: ['zonings'],
        summary: 'The crosswalk (table=crosswalk) or the breaking municipalities (table=breaking) as CSV',
        querystring: ZAlignmentQuery.extend({ table: z.enum(['crosswalk', 'breaking']).default('crosswalk') }),
        response: errors,
      },
    },
    async (request, reply) => {
      const { table, ...query } = request.query;
      const csv = await getAlignmentCsv(contextOf(request), query, table);
      return sendText(reply, CSV_TYPE, csv, `confronto-${table}.csv`);
    },
  );

  app.get(
    '/api/zonings/:id',
    { schema: { tags: ['zonings'], summary: 'One zoning with its zones', params: ZZoningParams, response: { 200: ZZoning, ...errors } } },
    async (request) => getZoning(contextOf(request), request.params.id),
  );
  app.get(
    '/api/zonings/:id/municipalities',
    { schema: { tags: ['zonings'], summary: "The zoning's municipalities with their zone", params: ZZoningParams, response: { 200: ZZoningMunicipalityList, ...errors } } },
    async (request) => ({ items: await listZoningMunicipalities(contextOf(request), request.params.id) }),
  );
  app.get(
    '/api/zonings/:id/municipalities.geojson',
    { schema: { tags: ['zonings'], summary: "The zoning's municipalities as GeoJSON (properties zoneCode, zoneName, zoneIndex)", params: ZZoningParams, response: errors } },
    async (request, reply) => {
      const geojson = await getZoningGeoJson(contextOf(request), request.params.id);
      return sendText(reply, GEOJSON_TYPE, geojson);
    },
  );
  app.get(
    '/api/zonings/:id/zoning.csv',
    { schema: { tags: ['zonings'], summary: 'The zoning as CSV in the import format', params: ZZoningParams, response: errors } },
    async (request, reply) => {
      const csv = await getZoningCsv(contextOf(request), request.params.id);
      return sendText(reply, CSV_TYPE, csv, 'zonizzazione.csv');
    },
  );
  app.patch(
    '/api/zonings/:id/zones/:zoneId',
    {
      schema: {
        tags: ['zonings'],
        summary: "Rename a zone or set the organization that runs it (platform admins)",
        params: z.strictObject({ id: z.uuid(), zoneId: z.uuid() }),
        body: ZZoneUpdate,
        response: { 200: ZZone, ...errors },
      },
    },
    async (request) => updateZone(contextOf(request), request.params.id, request.params.zoneId, request.body),
  );
  app.delete(
    '/api/zonings/:id',
    { schema: { tags: ['zonings'], summary: 'Delete a zoning (platform admins)', params: ZZoningParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await deleteZoning(contextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
