import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import {
  ZAlignment,
  ZZoning,
  ZZoningImportReport,
  ZZoningList,
  ZZoningMunicipalityList,
  type TZoningImportRequest,
} from '../../../common/contracts/zonings';
import { api } from '../../app/api-client';

export const zoningsQuery = queryOptions({
  queryKey: ['zonings'],
  queryFn: ({ signal }) => api.get('/api/zonings', ZZoningList, { signal }).then((list) => list.items),
});

export function zoningQuery(id: string) {
  return queryOptions({
    queryKey: ['zonings', id],
    queryFn: ({ signal }) => api.get(`/api/zonings/${encodeURIComponent(id)}`, ZZoning, { signal }),
  });
}

export function zoningMunicipalitiesQuery(id: string) {
  return queryOptions({
    queryKey: ['zonings', id, 'municipalities'],
    queryFn: ({ signal }) => api.get(`/api/zonings/${encodeURIComponent(id)}/municipalities`, ZZoningMunicipalityList, { signal }).then((list) => list.items),
  });
}

/** GeoJSON of a zoning or a comparison: checked loosely (the map reads only the properties it needs). */
const ZFeatureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.object({ type: z.literal('Feature'), id: z.string(), properties: z.record(z.string(), z.unknown()), geometry: z.unknown() })),
});
export type TFeatureCollection = z.infer<typeof ZFeatureCollection>;

export function zoningBoundariesQuery(id: string) {
  return queryOptions({
    queryKey: ['zonings', id, 'boundaries'],
    queryFn: ({ signal }) => api.get(`/api/zonings/${encodeURIComponent(id)}/municipalities.geojson`, ZFeatureCollection, { signal }),
    staleTime: 10 * 60_000,
  });
}

export const compareUrl = (a: string, b: string, suffix = '') => `/api/zonings/compare${suffix}?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`;

export function alignmentQuery(a: string, b: string) {
  return queryOptions({
    queryKey: ['zonings', 'compare', a, b],
    queryFn: ({ signal }) => api.get('/api/zonings/compare', ZAlignment, { signal, query: { a, b } }),
  });
}

export function alignmentBoundariesQuery(a: string, b: string) {
  return queryOptions({
    queryKey: ['zonings', 'compare', a, b, 'boundaries'],
    queryFn: ({ signal }) => api.get('/api/zonings/compare.geojson', ZFeatureCollection, { signal, query: { a, b } }),
    staleTime: 10 * 60_000,
  });
}

export function importZoning(request: TZoningImportRequest) {
  return api.post('/api/zonings/import', ZZoningImportReport, request);
}
