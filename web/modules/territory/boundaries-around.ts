import { useMemo } from 'react';
import { queryOptions, useQueries } from '@tanstack/react-query';
import type { z } from 'zod';
import { ZMunicipalityFeatureCollection } from '../../../common/contracts/territory';
import { api } from '../../app/api-client';

type MunicipalityFeatureCollection = z.infer<typeof ZMunicipalityFeatureCollection>;

/** Most provinces whose boundaries a point map loads at once (each is one request of a few hundred kilobytes). */
export const MAX_CONTEXT_PROVINCES = 4;

/**
 * The provinces to draw under points in these municipalities: the province is the first three digits of an ISTAT
 * municipality code; the provinces holding the most points first (ties by code), at most `max`.
 */
export function provincesAround(municipalityCodes: readonly string[], max = MAX_CONTEXT_PROVINCES): string[] {
  const counts = new Map<string, number>();
  for (const code of municipalityCodes) {
    if (!/^\d{6}$/.test(code)) continue;
    const province = code.slice(0, 3);
    counts.set(province, (counts.get(province) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([province]) => province);
}

function provinceBoundariesQuery(provinceCode: string) {
  return queryOptions({
    queryKey: ['territory', 'boundaries', `province:${provinceCode}`],
    queryFn: ({ signal }) =>
      api.get(`/api/territory/provinces/${encodeURIComponent(provinceCode)}/municipalities.geojson`, ZMunicipalityFeatureCollection, { signal }),
    staleTime: Infinity,
  });
}

/**
 * The municipal boundaries around points on a map (services, organizations): every municipality of the provinces
 * the points fall in, so the dots sit on named places rather than on a blank background. A province that cannot be
 * loaded is left out; the others are still drawn.
 */
export function useBoundariesAround(municipalityCodes: readonly string[]): { collection: MunicipalityFeatureCollection | null; isPending: boolean } {
  const provinces = provincesAround(municipalityCodes);
  const results = useQueries({ queries: provinces.map((province) => provinceBoundariesQuery(province)) });
  const loaded = results.flatMap((result) => (result.data ? [result.data] : []));
  const isPending = results.some((result) => result.isPending);
  const key = `${provinces.join(',')}|${results.map((result) => result.dataUpdatedAt).join(',')}`;
  const collection = useMemo(
    () => (loaded.length === 0 ? null : { type: 'FeatureCollection' as const, features: loaded.flatMap((c) => c.features) }),
    // `key` changes exactly when the provinces or one of their answers change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  return { collection, isPending };
}
