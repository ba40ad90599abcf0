import { queryOptions } from '@tanstack/react-query';
import {
  ZPractice, ZPracticeAuthorChoices, ZPracticePage, type TPracticeCreate, type TPracticeSearchQuery, type TPracticeUpdate,
} from '../../../common/contracts/practices';
import { ZStoredFile, ZStoredFileList } from '../../../common/contracts/files';
import { ZGroupPage } from '../../../common/contracts/groups';
import { PAGE_SIZE_MAX } from '../../../common/domain/limits';
import { api, buildUrl } from '../../app/api-client';

export function practiceSearchQuery(query: TPracticeSearchQuery) {
  return queryOptions({
    queryKey: ['practices', 'search', query],
    queryFn: ({ signal }) => api.get('/api/practices', ZPracticePage, { query: query as Record<string, string>, signal }),
  });
}

export function practiceQuery(id: string) {
  return queryOptions({
    queryKey: ['practices', 'one', id],
    queryFn: ({ signal }) => api.get(`/api/practices/${encodeURIComponent(id)}`, ZPractice, { signal }),
  });
}

export function practiceFilesQuery(id: string) {
  return queryOptions({
    queryKey: ['practices', 'files', id],
    queryFn: ({ signal }) => api.get(`/api/files/practices.practice/${encodeURIComponent(id)}`, ZStoredFileList, { signal }).then((list) => list.items),
  });
}

export const practiceAuthorChoicesQuery = queryOptions({
  queryKey: ['practices', 'author-choices'],
  queryFn: ({ signal }) => api.get('/api/practices/author-choices', ZPracticeAuthorChoices, { signal }).then((list) => list.items),
});

/** The working groups of a district the practice form offers (the groups API's list: names and status, every group). */
export function districtGroupChoicesQuery(districtId: string) {
  return queryOptions({
    queryKey: ['practices', 'district-groups', districtId],
    queryFn: ({ signal }) => api.get('/api/groups', ZGroupPage, { query: { districtId, limit: String(PAGE_SIZE_MAX) }, signal }).then((page) => page.items),
  });
}

/** The CSV of what the list shows (same search and filters). */
export const practicesCsvUrl = (query: TPracticeSearchQuery) => buildUrl('/api/practices/export.csv', query as Record<string, string>);
export const fileDownloadUrl = (fileId: string) => `/api/files/${encodeURIComponent(fileId)}`;

export const createPractice = (input: TPracticeCreate) => api.post('/api/practices', ZPractice, input);
export const updatePractice = (id: string, input: TPracticeUpdate) => api.patch(`/api/practices/${encodeURIComponent(id)}`, ZPractice, input);

/** Attaches one file to a practice (multipart, through the platform's file store). */
export const attachFile = (practiceId: string, file: File) => api.upload(`/api/files/practices.practice/${encodeURIComponent(practiceId)}`, ZStoredFile, file);
