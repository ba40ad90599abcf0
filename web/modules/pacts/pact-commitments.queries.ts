import { queryOptions } from '@tanstack/react-query';
import {
  ZPactCommitment,
  ZPactDashboard,
  ZPactDetail,
  ZPactTimeline,
  ZPublicPact,
  PACT_COMMITMENT_FILE_OWNER,
  type TCommitmentCreate,
  type TCommitmentUpdate,
} from '../../../common/contracts/pacts';
import { ZStoredFile, ZStoredFileList } from '../../../common/contracts/files';
import { api } from '../../app/api-client';

const pactBase = (id: string) => `/api/pacts/${encodeURIComponent(id)}`;

/** The pact itself (title, versions, signatures): the same key as the pact page's, so one read serves both. */
export function pactDetailQuery(id: string) {
  return queryOptions({
    queryKey: ['pacts', 'pact', id],
    queryFn: ({ signal }) => api.get(pactBase(id), ZPactDetail, { signal }),
  });
}

/** A page of the commitments dashboard (signatories 50 a page, late first), of one signatory's commitments if asked. */
export function pactDashboardQuery(id: string, page: number, organizationId: string | null) {
  return queryOptions({
    queryKey: ['pacts', 'dashboard', id, page, organizationId],
    queryFn: ({ signal }) => api.get(`${pactBase(id)}/dashboard`, ZPactDashboard, { signal, query: { page, ...(organizationId ? { organizationId } : {}) } }),
  });
}

export function pactTimelineQuery(id: string) {
  return queryOptions({
    queryKey: ['pacts', 'timeline', id],
    queryFn: ({ signal }) => api.get(`${pactBase(id)}/timeline`, ZPactTimeline, { signal }),
  });
}

/** A commitment with the history of its updates (read when its history is opened). */
export function pactCommitmentQuery(commitmentId: string) {
  return queryOptions({
    queryKey: ['pacts', 'commitment', commitmentId],
    queryFn: ({ signal }) => api.get(`/api/pact-commitments/${encodeURIComponent(commitmentId)}`, ZPactCommitment, { signal }),
  });
}

export const createCommitment = (pactId: string, input: TCommitmentCreate) => api.post(`${pactBase(pactId)}/commitments`, ZPactCommitment, input);
export const updateCommitment = (commitmentId: string, input: TCommitmentUpdate) => api.patch(`/api/pact-commitments/${encodeURIComponent(commitmentId)}`, ZPactCommitment, input);

/** A public pact for anyone, without sign-in (404 for a private or unknown one). */
export function publicPactQuery(id: string) {
  return queryOptions({
    queryKey: ['pacts', 'public', id],
    queryFn: ({ signal }) => api.get(`/api/public/pacts/${encodeURIComponent(id)}`, ZPublicPact, { signal }),
    retry: false,
  });
}

const filesOf = (commitmentId: string) => `/api/files/${PACT_COMMITMENT_FILE_OWNER}/${encodeURIComponent(commitmentId)}`;

/** The evidence attached to a commitment (its pact's readers). */
export function commitmentFilesQuery(commitmentId: string) {
  return queryOptions({
    queryKey: ['pacts', 'commitment-files', commitmentId],
    queryFn: ({ signal }) => api.get(filesOf(commitmentId), ZStoredFileList, { signal }).then((list) => list.items),
  });
}

export const uploadCommitmentFile = (commitmentId: string, file: File) => api.upload(filesOf(commitmentId), ZStoredFile, file);
/** Where a stored file is downloaded (a link, not a JSON call). */
export const commitmentFileUrl = (fileId: string) => `/api/files/${encodeURIComponent(fileId)}`;
