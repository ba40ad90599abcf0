import { queryOptions } from '@tanstack/react-query';
import {
  ZPactDetail,
  ZPactDiff,
  ZPactList,
  type TAdhesionDecision,
  type TPactCreate,
  type TPactSign,
  type TPactUpdate,
  type TPactVersionStatusChange,
  type TPactVersionUpdate,
} from '../../../common/contracts/pacts';
import { api } from '../../app/api-client';

/** The pacts of one district, by title (drafts only for its coordinators). */
export function districtPactsQuery(districtId: string) {
  return queryOptions({
    queryKey: ['pacts', 'list', districtId],
    queryFn: ({ signal }) => api.get('/api/pacts', ZPactList, { signal, query: { districtId } }),
  });
}

export function pactQuery(id: string) {
  return queryOptions({
    queryKey: ['pacts', 'pact', id],
    queryFn: ({ signal }) => api.get(`/api/pacts/${encodeURIComponent(id)}`, ZPactDetail, { signal }),
  });
}

export function pactDiffQuery(pactId: string, fromVersionId: string, toVersionId: string) {
  return queryOptions({
    queryKey: ['pacts', 'diff', pactId, fromVersionId, toVersionId],
    queryFn: ({ signal }) => api.get(`/api/pacts/${encodeURIComponent(pactId)}/diff`, ZPactDiff, { signal, query: { from: fromVersionId, to: toVersionId } }),
  });
}

const pactBase = (id: string) => `/api/pacts/${encodeURIComponent(id)}`;
const versionBase = (versionId: string) => `/api/pact-versions/${encodeURIComponent(versionId)}`;

export const createPact = (input: TPactCreate) => api.post('/api/pacts', ZPactDetail, input);
export const updatePact = (id: string, input: TPactUpdate) => api.patch(pactBase(id), ZPactDetail, input);
export const amendPact = (id: string) => api.post(`${pactBase(id)}/amendments`, ZPactDetail);
export const updatePactVersion = (versionId: string, input: TPactVersionUpdate) => api.patch(versionBase(versionId), ZPactDetail, input);
export const changePactVersionStatus = (versionId: string, input: TPactVersionStatusChange) => api.post(`${versionBase(versionId)}/status`, ZPactDetail, input);
export const signPactVersion = (versionId: string, input: TPactSign) => api.post(`${versionBase(versionId)}/sign`, ZPactDetail, input);
export const acknowledgeAmendment = (versionId: string, input: TPactSign) => api.post(`${versionBase(versionId)}/acknowledge`, ZPactDetail, input);
export const decideAdhesion = (signatureId: string, input: TAdhesionDecision) => api.post(`/api/pact-signatures/${encodeURIComponent(signatureId)}/decision`, ZPactDetail, input);
