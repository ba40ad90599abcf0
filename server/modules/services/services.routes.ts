import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../../../common/contracts/errors';
import {
  ZService,
  ZServiceConfirm,
  ZServiceCreate,
  ZServiceImportReport,
  SERVICE_IMPORT_MAX_BYTES,
  ZServiceImportRequest,
  ZServiceSearchPage,
  ZServiceSearchQuery,
  ZServiceUpdate,
  ZStaleServiceList,
  ZTaxonomyTerm,
  ZTaxonomyTermCreate,
  ZTaxonomyTermList,
  ZTaxonomyTermUpdate,
} from '../../../common/contracts/services';
import { contextOf } from '../../platform/http/context';
import { readTextFile } from '../../platform/import/read-text-file';
import { confirmService } from './confirm-service';
import { createService } from './create-service';
import { createTaxonomyTerm } from './create-taxonomy-term';
import { getService } from './get-service';
import { getHsds, listHsds, type HsdsEntity } from './read-hsds';
import { listStaleServices } from './list-stale-services';
import { listTaxonomyTerms } from './list-taxonomy-terms';
import { searchServices } from './search-services';
import { importServicesCsv } from './services.importer';
import { updateService } from './update-service';
import { updateTaxonomyTerm } from './update-taxonomy-term';

// z.guid: the default taxonomy's ids are derived from md5 (stable across installations), not RFC 4122 v4.
const ZIdParams = z.strictObject({ id: z.guid() });
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };
const ZStaleQuery = z.strictObject({ districtId: z.uuid().optional() });

const termView = (term: Awaited<ReturnType<typeof createTaxonomyTerm>>) => ({
  id: term.id,
  code: term.code,
  parentId: term.parentId,
  labelIt: term.labelIt,
  labelEn: term.labelEn,
  descriptionIt: term.descriptionIt,
  position: term.position,
  version: term.version,
  serviceCount: 0,
});

const HSDS_ENTITIES: HsdsEntity[] = ['services', 'organizations', 'locations', 'service_at_locations', 'taxonomies', 'taxonomy_terms'];
const HSDS_SINGULAR: Record<HsdsEntity, string> = {
  services: 'service',
  organizations: 'organization',
  locations: 'location',
  service_at_locations: 'service_at_location',
  taxonomies: 'taxonomy',
  taxonomy_terms: 'taxonomy_term',
};
const ZHsdsPageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  per_page: z.coerce.number().int().min(1).max(200).default(50),
  search: z.string().max(200).optional(),
  organization_id: z.uuid().optional(),
  modified_after: z.iso.datetime({ offset: true }).optional(),
  format: z.enum(['json']).optional(),
  full: z.enum(['true', 'false']).optional(),
});
const ZHsdsObject = z.record(z.string(), z.unknown());

export const servicesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/services',
    {
      schema: {
        tags: ['services'],
        summary: 'Search the services directory (public): Italian full text, filters, distance from a municipality or a point',
        querystring: ZServiceSearchQuery,
        response: { 200: ZServiceSearchPage, ...errors },
      },
    },
    async (request) => searchServices(contextOf(request), request.query),
  );
  app.post(
    '/api/services',
    { schema: { tags: ['services'], summary: 'Publish a service of your organization', body: ZServiceCreate, response: { 201: ZService, ...errors } } },
    async (request, reply) => reply.code(201).send(await createService(contextOf(request), request.body)),
  );
  app.get(
    '/api/services/stale',
    {
      schema: {
        tags: ['services'],
        summary: "Services of a district not confirmed for 6 months (the district's coordinators; admins may omit districtId)",
        querystring: ZStaleQuery,
        response: { 200: ZStaleServiceList, ...errors },
      },
    },
    async (request) => ({ items: await listStaleServices(contextOf(request), request.query.districtId ?? null) }),
  );
  app.get(
    '/api/services/taxonomy',
    { schema: { tags: ['services'], summary: 'The category tree, Italian and English labels', response: { 200: ZTaxonomyTermList } } },
    async (request) => ({ items: await listTaxonomyTerms(contextOf(request)) }),
  );
  app.post(
    '/api/services/taxonomy',
    { schema: { tags: ['services'], summary: 'Add a category (platform admins)', body: ZTaxonomyTermCreate, response: { 201: ZTaxonomyTerm, ...errors } } },
    async (request, reply) => reply.code(201).send(termView(await createTaxonomyTerm(contextOf(request), request.body))),
  );
  app.patch(
    '/api/services/taxonomy/:id',
    {
      schema: { tags: ['services'], summary: 'Edit a category (platform admins)', params: ZIdParams, body: ZTaxonomyTermUpdate, response: { 200: ZTaxonomyTerm, ...errors } },
    },
    async (request) => {
      const term = await updateTaxonomyTerm(contextOf(request), request.params.id, request.body);
      const all = await listTaxonomyTerms(contextOf(request));
      return all.find((candidate) => candidate.id === term.id) ?? termView(term);
    },
  );
  app.post(
    '/api/services/import',
    {
      // The CSV may come as base64 (4 bytes for 3), beyond the default body limit.
      bodyLimit: Math.ceil(SERVICE_IMPORT_MAX_BYTES / 3) * 4 + 64 * 1024,
      schema: {
        tags: ['services'],
        summary: 'Import services from CSV (platform admins); dryRun validates every row and writes nothing',
        body: ZServiceImportRequest,
        response: { 200: ZServiceImportReport, ...errors },
      },
    },
    async (request) => {
      // Uploaded bytes are read like every import's file: encoding detected, named in the report.
      const file = request.body.contentBase64 === undefined ? null : readTextFile(Buffer.from(request.body.contentBase64, 'base64'));
      const report = await importServicesCsv(contextOf(request), file?.text ?? request.body.csv ?? '', { dryRun: request.body.dryRun });
      return file ? { ...report, encoding: file.encoding } : report;
    },
  );
  app.get(
    '/api/services/:id',
    { schema: { tags: ['services'], summary: 'One service (public)', params: ZIdParams, response: { 200: ZService, ...errors } } },
    async (request) => getService(contextOf(request), request.params.id),
  );
  app.patch(
    '/api/services/:id',
    {
      schema: { tags: ['services'], summary: 'Edit a service (its provider organization, platform admins)', params: ZIdParams, body: ZServiceUpdate, response: { 200: ZService, ...errors } },
    },
    async (request) => updateService(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/services/:id/confirm',
    {
      schema: { tags: ['services'], summary: 'Confirm the data (and free capacity) are current today', params: ZIdParams, body: ZServiceConfirm, response: { 200: ZService, ...errors } },
    },
    async (request) => confirmService(contextOf(request), request.params.id, request.body),
  );

  // Open Referral HSDS 3 API (read-only open data): /api/hsds/services, /api/hsds/services/{id}, …
  app.get('/api/hsds', { schema: { tags: ['hsds'], summary: 'HSDS API root', response: { 200: ZHsdsObject } } }, async () => ({
    version: '3.1',
    profile: 'https://openreferral.org/',
    openapi_url: '/api/docs',
    license: 'Data: CC BY 4.0 unless stated otherwise by the providers',
  }));
  for (const entity of HSDS_ENTITIES) {
    app.get(
      `/api/hsds/${entity}`,
      { schema: { tags: ['hsds'], summary: `HSDS ${entity} (paged: page, per_page)`, querystring: ZHsdsPageQuery, response: { 200: ZHsdsObject, ...errors } } },
      async (request) =>
        listHsds(contextOf(request), entity, {
          page: request.query.page,
          perPage: request.query.per_page,
          search: request.query.search,
          organizationId: request.query.organization_id,
          modifiedAfter: request.query.modified_after,
        }),
    );
    app.get(
      `/api/hsds/${entity}/:id`,
      { schema: { tags: ['hsds'], summary: `One HSDS ${HSDS_SINGULAR[entity]}`, params: ZIdParams, response: { 200: ZHsdsObject, ...errors } } },
      async (request) => getHsds(contextOf(request), entity, request.params.id),
    );
  }
};
