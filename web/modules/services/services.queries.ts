import { queryOptions } from '@tanstack/react-query';
import {
  ZService,
  ZServiceImportReport,
  ZServiceSearchPage,
  ZStaleServiceList,
  ZTaxonomyTerm,
  ZTaxonomyTermList,
  type TServiceCreate,
  type TServiceUpdate,
  type TTaxonomyTermCreate,
  type TTaxonomyTermUpdate,
} from '../../../common/contracts/services';
import { api, type QueryValue } from '../../app/api-client';

export type ServiceSearchParams = Record<string, QueryValue>;

export function serviceSearchQuery(params: ServiceSearchParams) {
  return queryOptions({
    queryKey: ['services', 'search', params],
    queryFn: ({ signal }) => api.get('/api/services', ZServiceSearchPage, { signal, query: params }),
  });
}

export function serviceQuery(id: string) {
  return queryOptions({
    queryKey: ['services', id],
    queryFn: ({ signal }) => api.get(`/api/services/${encodeURIComponent(id)}`, ZService, { signal }),
  });
}

export const taxonomyQuery = queryOptions({
  queryKey: ['services', 'taxonomy'],
  queryFn: ({ signal }) => api.get('/api/services/taxonomy', ZTaxonomyTermList, { signal }).then((list) => list.items),
  staleTime: 5 * 60_000,
});

export function staleServicesQuery(districtId: string | null) {
  return queryOptions({
    queryKey: ['services', 'stale', districtId],
    queryFn: ({ signal }) => api.get('/api/services/stale', ZStaleServiceList, { signal, query: { districtId } }).then((list) => list.items),
  });
}

export const createService = (input: TServiceCreate) => api.post('/api/services', ZService, input);
export const updateService = (id: string, input: TServiceUpdate) => api.patch(`/api/services/${encodeURIComponent(id)}`, ZService, input);
export const confirmService = (id: string, input: { version: number; capacityFree?: number | null }) =>
  api.post(`/api/services/${encodeURIComponent(id)}/confirm`, ZService, input);
export const createTaxonomyTerm = (input: TTaxonomyTermCreate) => api.post('/api/services/taxonomy', ZTaxonomyTerm, input);
export const updateTaxonomyTerm = (id: string, input: TTaxonomyTermUpdate) => api.patch(`/api/services/taxonomy/${encodeURIComponent(id)}`, ZTaxonomyTerm, input);
export const importServices = (contentBase64: string, dryRun: boolean) => api.post('/api/services/import', ZServiceImportReport, { contentBase64, dryRun });
