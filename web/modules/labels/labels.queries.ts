import { queryOptions } from '@tanstack/react-query';
import {
  ZAssessorCandidates,
  ZLabelApplication,
  ZLabelApplicationList,
  ZLabelScheme,
  ZLabelSchemeList,
  ZLabelVerification,
  type TApplicationTransition,
  type TAwardRevoke,
  type TDecisionSave,
  type TEvidenceSave,
  type TLabelApplicationCreate,
  type TLabelSchemeCreate,
} from '../../../common/contracts/labels';
import { ZStoredFile, ZStoredFileList } from '../../../common/contracts/files';
import { api } from '../../app/api-client';

/** Evidence files are the platform's files attached to the application (owner `labels.application`, ADR 0027). */
const APPLICATION_FILE_OWNER = 'labels.application';

/** A label's public verification (no sign-in); an unknown code answers 404. */
export function labelVerificationQuery(code: string) {
  return queryOptions({
    queryKey: ['labels', 'verify', code],
    queryFn: ({ signal }) => api.get(`/api/labels/verify/${encodeURIComponent(code)}`, ZLabelVerification, { signal }),
    retry: false,
  });
}

/** The badge's address, for the embed snippet and the page's own picture. */
export const labelBadgePath = (code: string) => `/api/labels/badge/${encodeURIComponent(code)}.svg`;

export const schemesQuery = queryOptions({
  queryKey: ['labels', 'schemes'],
  queryFn: ({ signal }) => api.get('/api/labels/schemes', ZLabelSchemeList, { signal }).then((list) => list.items),
});

export function schemeQuery(id: string) {
  return queryOptions({
    queryKey: ['labels', 'scheme', id],
    queryFn: ({ signal }) => api.get(`/api/labels/schemes/${encodeURIComponent(id)}`, ZLabelScheme, { signal }),
  });
}

/** The applications the person may read (their organizations', the schemes they manage, those they assess). */
export const applicationsQuery = queryOptions({
  queryKey: ['labels', 'applications'],
  queryFn: ({ signal }) => api.get('/api/labels/applications', ZLabelApplicationList, { signal }).then((list) => list.items),
});

export function applicationQuery(id: string) {
  return queryOptions({
    queryKey: ['labels', 'application', id],
    queryFn: ({ signal }) => api.get(`/api/labels/applications/${encodeURIComponent(id)}`, ZLabelApplication, { signal }),
  });
}

/** Who may be named assessor of a new scheme of the district (none: a regional scheme). */
export function assessorCandidatesQuery(districtId: string) {
  return queryOptions({
    queryKey: ['labels', 'assessor-candidates', districtId],
    queryFn: ({ signal }) => api.get('/api/labels/assessor-candidates', ZAssessorCandidates, { signal, query: { districtId: districtId || undefined } }).then((list) => list.items),
  });
}

export function applicationFilesQuery(applicationId: string) {
  return queryOptions({
    queryKey: ['labels', 'application-files', applicationId],
    queryFn: ({ signal }) => api.get(`/api/files/${APPLICATION_FILE_OWNER}/${encodeURIComponent(applicationId)}`, ZStoredFileList, { signal }).then((list) => list.items),
  });
}

export const createScheme = (input: TLabelSchemeCreate) => api.post('/api/labels/schemes', ZLabelScheme, input);
export const applyForLabel = (input: TLabelApplicationCreate) => api.post('/api/labels/applications', ZLabelApplication, input);
const applicationBase = (id: string) => `/api/labels/applications/${encodeURIComponent(id)}`;
export const saveEvidence = (id: string, criterionId: string, input: TEvidenceSave) => api.put(`${applicationBase(id)}/evidence/${encodeURIComponent(criterionId)}`, ZLabelApplication, input);
export const saveDecision = (id: string, criterionId: string, input: TDecisionSave) => api.put(`${applicationBase(id)}/decisions/${encodeURIComponent(criterionId)}`, ZLabelApplication, input);
export const transitionApplication = (id: string, input: TApplicationTransition) => api.post(`${applicationBase(id)}/transitions`, ZLabelApplication, input);
export const revokeLabel = (awardId: string, input: TAwardRevoke) => api.post(`/api/labels/awards/${encodeURIComponent(awardId)}/revoke`, ZLabelVerification, input);
export const uploadEvidenceFile = (applicationId: string, file: File) => api.upload(`/api/files/${APPLICATION_FILE_OWNER}/${encodeURIComponent(applicationId)}`, ZStoredFile, file);
export const removeEvidenceFile = (fileId: string) => api.delete(`/api/files/${encodeURIComponent(fileId)}`, null);
/** Where a stored file is downloaded (a link, not a JSON call). */
export const evidenceFileUrl = (fileId: string) => `/api/files/${encodeURIComponent(fileId)}`;
