import { assertCan } from '../../platform/access/policy';
import type { DbExecutor } from '../../platform/db/database';
import type { UseCaseContext } from '../../platform/use-case';
import { hsdsLocation, hsdsOrganization, hsdsPage, hsdsService, hsdsServiceAtLocation, hsdsTaxonomy, hsdsTaxonomyTerm } from './hsds-presenter';
import { parseSearchQuery } from './search-query';
import { ServiceActions } from './services.policy';
import { selectServiceLocationRows } from './services.repository';
import { selectServicePage } from './service-search.repository';
import { selectTaxonomyTerms } from './service-taxonomy.repository';
import { selectAllLocationIds, selectAllServiceIds, selectHsdsOrganizations, selectHsdsTaxonomies, selectLocationRowsByIds, selectServiceAtLocationPage } from './service-hsds.repository';
import { serviceNotFound, taxonomyTermNotFound } from './services.errors';
import { notFound } from '../../platform/errors/app-error';
import { loadServiceViews } from './service-views';

export type HsdsEntity = 'services' | 'organizations' | 'locations' | 'service_at_locations' | 'taxonomies' | 'taxonomy_terms';
type Json = Record<string, unknown>;

export interface HsdsPageRequest {
  page: number;
  perPage: number;
  search?: string;
  organizationId?: string;
  modifiedAfter?: string;
}

/** Full HSDS services for these ids, each with its organization nested. */
async function servicesByIds(db: DbExecutor, ids: string[]): Promise<Json[]> {
  const [views, locations] = await Promise.all([loadServiceViews(db, ids, { areaNamesLimit: 10_000 }), selectServiceLocationRows(db, ids)]);
  const organizationIds = [...new Set(views.map((view) => view.provider.id))];
  const organizations = new Map<string, Json>();
  for (const id of organizationIds) {
    const { rows } = await selectHsdsOrganizations(db, { limit: 1, offset: 0, id });
    if (rows[0]) organizations.set(id, hsdsOrganization(rows[0]));
  }
  return views.map((view) => hsdsService(view, locations.filter((location) => location.service_id === view.id), organizations.get(view.provider.id)));
}

/**
 * One page of an HSDS collection, as the HSDS 3 API describes it (`/services`, `/organizations`, …): open data,
 * readable by anyone. `search` on services uses the same Italian full-text search as the directory.
 */
export async function listHsds(context: UseCaseContext, entity: HsdsEntity, request: HsdsPageRequest): Promise<Json> {
  assertCan(context.actor, ServiceActions['services.read']);
  const db = context.db.orm;
  const offset = (request.page - 1) * request.perPage;
  switch (entity) {
    case 'services': {
      const query = parseSearchQuery(request.search);
      if (query) {
        const hits = await selectServicePage(context.db, { query, centre: null, radiusKm: 0, organizationId: request.organizationId, limit: request.perPage + 1, offset });
        const ids = hits.slice(0, request.perPage).map((hit) => hit.id);
        // Full-text results are not counted (that would rank every match twice): total_items is a lower bound.
        const total = offset + hits.length;
        return hsdsPage(await servicesByIds(db, ids), total, request.page, request.perPage);
      }
      const { ids, total } = await selectAllServiceIds(db, { limit: request.perPage, offset, organizationId: request.organizationId, modifiedAfter: request.modifiedAfter });
      return hsdsPage(await servicesByIds(db, ids), total, request.page, request.perPage);
    }
    case 'organizations': {
      const { rows, total } = await selectHsdsOrganizations(db, { limit: request.perPage, offset });
      return hsdsPage(rows.map(hsdsOrganization), total, request.page, request.perPage);
    }
    case 'locations': {
      const { ids, total } = await selectAllLocationIds(db, { limit: request.perPage, offset });
      return hsdsPage((await selectLocationRowsByIds(db, ids)).map(hsdsLocation), total, request.page, request.perPage);
    }
    case 'service_at_locations': {
      const { rows, total } = await selectServiceAtLocationPage(db, { limit: request.perPage, offset });
      return hsdsPage(rows.map((row) => hsdsServiceAtLocation(row)), total, request.page, request.perPage);
    }
    case 'taxonomies': {
      const rows = await selectHsdsTaxonomies(db);
      return hsdsPage(rows.slice(offset, offset + request.perPage).map(hsdsTaxonomy), rows.length, request.page, request.perPage);
    }
    case 'taxonomy_terms': {
      const [taxonomies, terms] = await Promise.all([selectHsdsTaxonomies(db), selectTaxonomyTerms(db)]);
      const names = new Map(taxonomies.map((taxonomy) => [taxonomy.id, taxonomy.name]));
      const contents = terms.slice(offset, offset + request.perPage).map((term) => hsdsTaxonomyTerm(term, names.get(term.taxonomyId) ?? ''));
      return hsdsPage(contents, terms.length, request.page, request.perPage);
    }
  }
}

/** One HSDS object by id (`/services/{id}` is the full service with organization, locations and schedules). */
export async function getHsds(context: UseCaseContext, entity: HsdsEntity, id: string): Promise<Json> {
  assertCan(context.actor, ServiceActions['services.read']);
  const db = context.db.orm;
  switch (entity) {
    case 'services': {
      const [service] = await servicesByIds(db, [id]);
      if (!service) throw serviceNotFound(id);
      return service;
    }
    case 'organizations': {
      const { rows } = await selectHsdsOrganizations(db, { limit: 1, offset: 0, id });
      if (!rows[0]) throw notFound('organization', id);
      return hsdsOrganization(rows[0]);
    }
    case 'locations': {
      const [row] = await selectLocationRowsByIds(db, [id]);
      if (!row) throw notFound('location', id);
      return hsdsLocation(row);
    }
    case 'service_at_locations': {
      const { rows } = await selectServiceAtLocationPage(db, { limit: 1, offset: 0, id });
      if (!rows[0]) throw notFound('service_at_location', id);
      const [location] = await selectLocationRowsByIds(db, [rows[0].location_id]);
      return hsdsServiceAtLocation(rows[0], location ? hsdsLocation(location) : undefined);
    }
    case 'taxonomies': {
      const row = (await selectHsdsTaxonomies(db)).find((taxonomy) => taxonomy.id === id);
      if (!row) throw notFound('taxonomy', id);
      return hsdsTaxonomy(row);
    }
    case 'taxonomy_terms': {
      const [taxonomies, terms] = await Promise.all([selectHsdsTaxonomies(db), selectTaxonomyTerms(db)]);
      const term = terms.find((candidate) => candidate.id === id);
      if (!term) throw taxonomyTermNotFound(id);
      return hsdsTaxonomyTerm(term, taxonomies.find((taxonomy) => taxonomy.id === term.taxonomyId)?.name ?? '');
    }
  }
}

export interface HsdsExport {
  hsds_version: string;
  generated_at: string;
  organizations: Json[];
  services: Json[];
  locations: Json[];
  service_at_locations: Json[];
  taxonomies: Json[];
  taxonomy_terms: Json[];
}

const EXPORT_BATCH = 200;

/**
 * The whole directory as HSDS 3 JSON, one array per table (services with their schedules, areas, costs and
 * categories nested), read in batches so memory grows with the output only. `onProgress` drives the CLI's bar.
 */
export async function exportHsds(context: UseCaseContext, onProgress?: (done: number, total: number) => void): Promise<HsdsExport> {
  assertCan(context.actor, ServiceActions['services.read']);
  const collect = async (entity: HsdsEntity): Promise<Json[]> => {
    const items: Json[] = [];
    for (let page = 1; ; page += 1) {
      const result = (await listHsds(context, entity, { page, perPage: EXPORT_BATCH })) as { contents: Json[]; last_page: boolean; total_items: number };
      items.push(...result.contents);
      if (entity === 'services') onProgress?.(items.length, result.total_items);
      if (result.last_page) return items;
    }
  };
  const services = (await collect('services')).map(({ organization: _organization, ...service }) => service);
  return {
    hsds_version: '3.1',
    generated_at: new Date().toISOString(),
    organizations: await collect('organizations'),
    services,
    locations: await collect('locations'),
    service_at_locations: await collect('service_at_locations'),
    taxonomies: await collect('taxonomies'),
    taxonomy_terms: await collect('taxonomy_terms'),
  };
}
