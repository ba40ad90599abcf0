import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import {
  ZDuplicateFlagList,
  ZImportPreview,
  ZMergeResult,
  ZImportReport,
  ZOrganizationPage,
  ZOrganizationPoints,
  ZOrganizationProfile,
  type TImportMapping, type TKindChoices,
  type TOrganizationCreate,
  type TOrganizationUpdate,
} from '../../../common/contracts/organizations';
import { api, buildUrl, type QueryValue } from '../../app/api-client';

/** The directory filters as they travel in the page URL and the API query (lists are comma-separated). */
export interface DirectoryFilters {
  q?: string;
  kind?: string;
  sector?: string;
  sizeClass?: string;
  municipalityCode?: string;
  districtId?: string;
  tag?: string;
}

export const FILTER_KEYS = ['q', 'kind', 'sector', 'sizeClass', 'municipalityCode', 'districtId', 'tag'] as const;

function queryOf(filters: DirectoryFilters): Record<string, QueryValue> {
  return Object.fromEntries(FILTER_KEYS.map((key) => [key, filters[key]]));
}

export function organizationsQuery(filters: DirectoryFilters) {
  return infiniteQueryOptions({
    queryKey: ['organizations', 'list', filters],
    queryFn: ({ signal, pageParam }) =>
      api.get('/api/organizations', ZOrganizationPage, { signal, query: { ...queryOf(filters), limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function organizationPointsQuery(filters: DirectoryFilters) {
  return queryOptions({
    queryKey: ['organizations', 'points', filters],
    queryFn: ({ signal }) => api.get('/api/organizations/points', ZOrganizationPoints, { signal, query: queryOf(filters) }),
  });
}

export function exportUrl(filters: DirectoryFilters): string {
  return buildUrl('/api/organizations/export.csv', queryOf(filters));
}

export function organizationQuery(id: string) {
  return queryOptions({
    queryKey: ['organizations', 'one', id],
    queryFn: ({ signal }) => api.get(`/api/organizations/${encodeURIComponent(id)}`, ZOrganizationProfile, { signal }),
  });
}

export function createOrganization(input: TOrganizationCreate) {
  return api.post('/api/organizations', ZOrganizationProfile, input);
}

export function updateOrganization(id: string, input: TOrganizationUpdate) {
  return api.patch(`/api/organizations/${encodeURIComponent(id)}`, ZOrganizationProfile, input);
}

export interface UploadedFile {
  fileName: string;
  contentBase64: string;
}

export function previewImport(file: UploadedFile) {
  return api.post('/api/organizations/imports/preview', ZImportPreview, file);
}

/** For files without a kind column, the kinds confirmed per group; the public source of the file's organizations. */
export interface ImportChoices {
  kindChoices?: TKindChoices;
  source?: string;
}

export function dryRunImport(file: UploadedFile, mapping: TImportMapping, choices: ImportChoices = {}) {
  return api.post('/api/organizations/imports/dry-run', ZImportReport, { ...file, mapping, ...choices });
}

export function startImport(file: UploadedFile, mapping: TImportMapping, choices: ImportChoices = {}) {
  return api.post('/api/organizations/imports', ZImportReport, { ...file, mapping, ...choices });
}

export function importQuery(id: string) {
  return queryOptions({
    queryKey: ['organizations', 'imports', id],
    queryFn: ({ signal }) => api.get(`/api/organizations/imports/${encodeURIComponent(id)}`, ZImportReport, { signal }),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 500 : false),
  });
}

export const duplicatesQuery = queryOptions({
  queryKey: ['organizations', 'duplicates'],
  queryFn: ({ signal }) => api.get('/api/organizations/duplicates', ZDuplicateFlagList, { signal }),
});

export function mergeOrganizations(sourceOrganizationId: string, targetOrganizationId: string) {
  return api.post('/api/organizations/merge', ZMergeResult, { sourceOrganizationId, targetOrganizationId });
}
