import { queryOptions } from '@tanstack/react-query';
import {
  ZProject,
  ZProjectList,
  ZProjectMap,
  type TBeneficiaryCreate,
  type TBudgetLineCreate,
  type TBudgetLineUpdate,
  type TFundingSourceCreate,
  type TMilestoneCreate,
  type TMilestoneUpdate,
  type TPartnerCreate,
  type TProjectCreate,
  type TProjectFilters,
  type TProjectFromProposal,
  type TProjectTransitionRequest,
  type TProjectUpdate,
  type TSessionCreate,
  type TAssessmentCreate,
  type TMentorSet,
  type TReportCreate,
  PROJECT_FILE_OWNER,
} from '../../../common/contracts/projects';
import { ZStoredFile } from '../../../common/contracts/files';
import { ZOrganizationPage } from '../../../common/contracts/organizations';
import { api, buildUrl, type QueryValue } from '../../app/api-client';

const filtersQuery = (filters: TProjectFilters): Record<string, QueryValue> => ({ ...filters });

export function projectsQuery(filters: TProjectFilters) {
  return queryOptions({
    queryKey: ['projects', 'list', filters],
    queryFn: ({ signal }) => api.get('/api/projects', ZProjectList, { signal, query: { ...filtersQuery(filters), limit: 200 } }),
  });
}

export function projectMapQuery(filters: TProjectFilters) {
  const { districtId: _districtId, ...rest } = filters;
  return queryOptions({
    queryKey: ['projects', 'map', rest],
    queryFn: ({ signal }) => api.get('/api/projects/map', ZProjectMap, { signal, query: filtersQuery(rest) }),
  });
}

export const projectsCsvUrl = (filters: TProjectFilters) => buildUrl('/api/projects/export.csv', filtersQuery(filters));

export function projectQuery(id: string) {
  return queryOptions({
    queryKey: ['projects', 'project', id],
    queryFn: ({ signal }) => api.get(`/api/projects/${encodeURIComponent(id)}`, ZProject, { signal }),
  });
}

/** Organizations of a district (the candidates for the partnership), by name. */
export function districtOrganizationsQuery(districtId: string) {
  return queryOptions({
    queryKey: ['projects', 'district-organizations', districtId],
    queryFn: ({ signal }) => api.get('/api/organizations', ZOrganizationPage, { signal, query: { districtId, limit: 200 } }).then((page) => page.items),
    staleTime: 60_000,
  });
}

const base = (id: string) => `/api/projects/${encodeURIComponent(id)}`;
const part = (id: string, kind: string, partId: string) => `${base(id)}/${kind}/${encodeURIComponent(partId)}`;

export const createProject = (input: TProjectCreate) => api.post('/api/projects', ZProject, input);
export const createProjectFromProposal = (input: TProjectFromProposal) => api.post('/api/projects/from-proposal', ZProject, input);
export const updateProject = (id: string, input: TProjectUpdate) => api.patch(base(id), ZProject, input);
export const transitionProject = (id: string, input: TProjectTransitionRequest) => api.post(`${base(id)}/transitions`, ZProject, input);
export const addPartner = (id: string, input: TPartnerCreate) => api.post(`${base(id)}/partners`, ZProject, input);
export const addBudgetLine = (id: string, input: TBudgetLineCreate) => api.post(`${base(id)}/budget-lines`, ZProject, input);
export const updateBudgetLine = (id: string, lineId: string, input: TBudgetLineUpdate) => api.patch(part(id, 'budget-lines', lineId), ZProject, input);
export const addFundingSource = (id: string, input: TFundingSourceCreate) => api.post(`${base(id)}/funding-sources`, ZProject, input);
export const addMilestone = (id: string, input: TMilestoneCreate) => api.post(`${base(id)}/milestones`, ZProject, input);
export const updateMilestone = (id: string, milestoneId: string, input: TMilestoneUpdate) => api.patch(part(id, 'milestones', milestoneId), ZProject, input);
export const addBeneficiaries = (id: string, input: TBeneficiaryCreate) => api.post(`${base(id)}/beneficiaries`, ZProject, input);
export const setMentor = (id: string, input: TMentorSet) => api.put(`${base(id)}/mentor`, ZProject, input);
export const addSession = (id: string, input: TSessionCreate) => api.post(`${base(id)}/sessions`, ZProject, input);
export const addAssessment = (id: string, input: TAssessmentCreate) => api.post(`${base(id)}/assessments`, ZProject, input);
export const answerNeed = (id: string, needId: string) => api.post(`${part(id, 'need-links', needId)}/answer`, ZProject);
export const addReport = (id: string, input: TReportCreate) => api.post(`${base(id)}/reports`, ZProject, input);
/** A report's file goes to the platform's file store first, attached to the project; the report then names its id. */
export const uploadProjectFile = (id: string, file: File) => api.upload(`/api/files/${PROJECT_FILE_OWNER}/${encodeURIComponent(id)}`, ZStoredFile, file);
export const removeProjectFile = (fileId: string) => api.delete(`/api/files/${encodeURIComponent(fileId)}`, null);
/** Where a stored file is downloaded (a link, not a JSON call). */
export const projectFileUrl = (fileId: string) => `/api/files/${encodeURIComponent(fileId)}`;
export const linkNeed = (id: string, needId: string) => api.post(`${base(id)}/need-links`, ZProject, { needId });
export const unlinkNeed = (id: string, needId: string) => api.delete(part(id, 'need-links', needId), ZProject);
