import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { ZNeed, ZNeedCounts, ZNeedPage, type TNeedCreate, type TNeedFilters, type TNeedStatusChange } from '../../../common/contracts/needs';
import { ZServiceSearchPage } from '../../../common/contracts/services';
import { api } from '../../app/api-client';

type Filters = Partial<TNeedFilters> & { districtId: string };

export function needsCountsQuery(filters: Filters) {
  return queryOptions({
    queryKey: ['needs', 'counts', filters],
    queryFn: ({ signal }) => api.get('/api/needs/counts', ZNeedCounts, { query: filters, signal }),
  });
}

export function needsListQuery(filters: Filters) {
  return infiniteQueryOptions({
    queryKey: ['needs', 'list', filters],
    queryFn: ({ signal, pageParam }) => api.get('/api/needs', ZNeedPage, { query: { ...filters, cursor: pageParam ?? undefined, limit: 50 }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}


/** Services of a category available in a municipality: the candidates that may answer a need. */
export function answeringServicesQuery(categoryCode: string, municipalityCode: string) {
  return queryOptions({
    queryKey: ['services', 'answering', categoryCode, municipalityCode],
    queryFn: ({ signal }) =>
      api.get('/api/services', ZServiceSearchPage, { query: { category: categoryCode, municipality: municipalityCode, pageSize: 50 }, signal }).then((page) => page.items),
  });
}

export const createNeed = (input: TNeedCreate) => api.post('/api/needs', ZNeed, input);
export const changeNeedStatus = (id: string, input: TNeedStatusChange) => api.post(`/api/needs/${encodeURIComponent(id)}/status`, ZNeed, input);
