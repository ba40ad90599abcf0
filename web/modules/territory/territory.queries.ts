import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import {
  ZMunicipality,
  ZMunicipalityFeatureCollection,
  ZMunicipalityPage,
  ZProvinceList,
  ZRegionList,
  ZTerritoryImportReport,
} from '../../../common/contracts/territory';
import { api } from '../../app/api-client';

export const SEARCH_PAGE_SIZE = 25;

export const regionsQuery = queryOptions({
  queryKey: ['territory', 'regions'],
  queryFn: ({ signal }) => api.get('/api/territory/regions', ZRegionList, { signal }).then((list) => list.items),
  staleTime: Infinity,
});

export function provincesQuery(region: string) {
  return queryOptions({
    queryKey: ['territory', 'provinces', region],
    queryFn: ({ signal }) =>
      api.get('/api/territory/provinces', ZProvinceList, { signal, query: { region } }).then((list) => list.items),
    staleTime: Infinity,
  });
}

export interface MunicipalitySearch {
  q: string;
  region?: string;
  province?: string;
}

export function municipalitySearchQuery(search: MunicipalitySearch) {
  return infiniteQueryOptions({
    queryKey: ['territory', 'municipalities', search],
    queryFn: ({ signal, pageParam }) =>
      api.get('/api/territory/municipalities', ZMunicipalityPage, {
        signal,
        query: { q: search.q, region: search.region, province: search.province, limit: SEARCH_PAGE_SIZE, cursor: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function municipalityQuery(istatCode: string) {
  return queryOptions({
    queryKey: ['territory', 'municipality', istatCode],
    queryFn: ({ signal }) => api.get(`/api/territory/municipalities/${encodeURIComponent(istatCode)}`, ZMunicipality, { signal }),
  });
}

/** Boundaries of a province's municipalities when `province` is set, else of the region's. */
export function areaBoundariesQuery(area: { region: string; province?: string }) {
  const path = area.province
    ? `/api/territory/provinces/${encodeURIComponent(area.province)}/municipalities.geojson`
    : `/api/territory/regions/${encodeURIComponent(area.region)}/municipalities.geojson`;
  return queryOptions({
    queryKey: ['territory', 'boundaries', area.province ? `province:${area.province}` : `region:${area.region}`],
    queryFn: ({ signal }) => api.get(path, ZMunicipalityFeatureCollection, { signal }),
    staleTime: Infinity,
  });
}

export const reconciliationQuery = queryOptions({
  queryKey: ['territory', 'reconciliation'],
  queryFn: ({ signal }) => api.get('/api/territory/reconciliation', ZTerritoryImportReport, { signal }),
  staleTime: Infinity,
});

/** Municipalities whose name starts like `q` (two letters at least), for the municipality picker. */
export function municipalityLookupQuery(q: string) {
  return queryOptions({
    queryKey: ['territory', 'municipality-lookup', q],
    queryFn: ({ signal }) => api.get('/api/territory/municipalities', ZMunicipalityPage, { signal, query: { q, limit: 8 } }).then((page) => page.items),
    enabled: q.length >= 2,
    staleTime: 60_000,
  });
}
