import { queryOptions, useQuery } from '@tanstack/react-query';
import { ZSettings } from '../../common/contracts/settings';
import { api } from './api-client';
import type { Basemap } from '../ui/map/map-style';

export const settingsQuery = queryOptions({
  queryKey: ['settings'],
  queryFn: ({ signal }) => api.get('/api/settings', ZSettings, { signal }),
  staleTime: 5 * 60_000,
});

/** The optional raster basemap configured by an admin; null (plain background, works offline) by default. */
export function useBasemap(): Basemap | null {
  const { data } = useQuery(settingsQuery);
  return data?.basemapUrl ? { url: data.basemapUrl, attribution: data.basemapAttribution } : null;
}
