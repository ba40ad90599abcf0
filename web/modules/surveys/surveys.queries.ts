import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { ZDeliveryReport, ZMailSettings, ZOutboxPage, type TMailSettingsUpdate, type TOutboxQuery } from '../../../common/contracts/mail';
import {
  ZAnswerForm,
  ZAnswerSaved,
  ZCreatedInvitation,
  ZCreatedInvitations,
  ZInvitationCandidates,
  ZInvitationList,
  ZSurvey,
  ZSurveyList,
  type TAnswerSave,
  type TInvitationFilter,
  type TQuestionInput,
  type TQuestionUpdate,
  type TSectionInput,
  type TSurveyCreate,
  type TSurveyReorder,
  type TSurveyUpdate,
} from '../../../common/contracts/surveys';
import { ZDistrictList } from '../../../common/contracts/districts';
import { ZMunicipality, ZMunicipalityPage } from '../../../common/contracts/territory';
import { api } from '../../app/api-client';

const enc = encodeURIComponent;

export const surveysQuery = queryOptions({
  queryKey: ['surveys'],
  queryFn: ({ signal }) => api.get('/api/surveys', ZSurveyList, { signal }).then((list) => list.items),
});

export function surveyQuery(id: string) {
  return queryOptions({ queryKey: ['surveys', id], queryFn: ({ signal }) => api.get(`/api/surveys/${enc(id)}`, ZSurvey, { signal }) });
}

export function invitationsQuery(id: string) {
  return queryOptions({
    queryKey: ['surveys', id, 'invitations'],
    queryFn: ({ signal }) => api.get(`/api/surveys/${enc(id)}/invitations`, ZInvitationList, { signal }).then((list) => list.items),
  });
}

export function answerFormQuery(token: string) {
  return queryOptions({
    queryKey: ['survey-answer', token],
    queryFn: ({ signal }) => api.get(`/api/surveys/answer/${enc(token)}`, ZAnswerForm, { signal }),
    staleTime: Infinity,
    retry: false,
  });
}

export function outboxQuery(query: TOutboxQuery & { limit?: number }) {
  return queryOptions({
    queryKey: ['mail', 'outbox', query],
    queryFn: ({ signal }) => api.get('/api/mail/outbox', ZOutboxPage, { signal, query: { ...query } }),
  });
}

export const districtsQuery = queryOptions({
  queryKey: ['districts'],
  queryFn: ({ signal }) => api.get('/api/districts', ZDistrictList, { signal }).then((list) => list.items),
});


export function municipalitySearchQuery(q: string) {
  return queryOptions({
    queryKey: ['surveys', 'municipality-search', q],
    queryFn: ({ signal }) => api.get('/api/territory/municipalities', ZMunicipalityPage, { signal, query: { q, limit: 8 } }).then((page) => page.items),
    enabled: q.length >= 2,
    staleTime: 60_000,
  });
}

export function municipalityNameQuery(istatCode: string | null) {
  return queryOptions({
    queryKey: ['surveys', 'municipality', istatCode],
    queryFn: ({ signal }) => api.get(`/api/territory/municipalities/${enc(istatCode ?? '')}`, ZMunicipality, { signal }),
    enabled: Boolean(istatCode),
    staleTime: Infinity,
  });
}

export const saveAnswers = (token: string, input: TAnswerSave) => api.put(`/api/surveys/answer/${enc(token)}`, ZAnswerSaved, input);
export const createSurvey = (input: TSurveyCreate) => api.post('/api/surveys', ZSurvey, input);
export const updateSurvey = (id: string, input: TSurveyUpdate) => api.patch(`/api/surveys/${enc(id)}`, ZSurvey, input);
export const changeStatus = (id: string, input: { version: number; status: 'draft' | 'open' | 'closed' }) => api.post(`/api/surveys/${enc(id)}/status`, ZSurvey, input);
export const duplicateSurvey = (id: string) => api.post(`/api/surveys/${enc(id)}/duplicate`, ZSurvey, {});
export const addSection = (id: string, input: TSectionInput) => api.post(`/api/surveys/${enc(id)}/sections`, ZSurvey, input);
export const updateSection = (id: string, sectionId: string, input: TSectionInput) => api.patch(`/api/surveys/${enc(id)}/sections/${enc(sectionId)}`, ZSurvey, input);
export const removeSection = (id: string, sectionId: string, version: number) =>
  api.delete(`/api/surveys/${enc(id)}/sections/${enc(sectionId)}`, ZSurvey, { query: { version } });
export const addQuestion = (id: string, input: TQuestionInput) => api.post(`/api/surveys/${enc(id)}/questions`, ZSurvey, input);
export const updateQuestion = (id: string, questionId: string, input: TQuestionUpdate) => api.patch(`/api/surveys/${enc(id)}/questions/${enc(questionId)}`, ZSurvey, input);
export const removeQuestion = (id: string, questionId: string, version: number) =>
  api.delete(`/api/surveys/${enc(id)}/questions/${enc(questionId)}`, ZSurvey, { query: { version } });
export const reorderSurvey = (id: string, input: TSurveyReorder) => api.put(`/api/surveys/${enc(id)}/order`, ZSurvey, input);
export const previewInvitations = (id: string, filter: TInvitationFilter) =>
  api.post(`/api/surveys/${enc(id)}/invitations/preview`, ZInvitationCandidates, filter).then((list) => list.items);
export const createInvitations = (id: string, filter: TInvitationFilter) =>
  api.post(`/api/surveys/${enc(id)}/invitations`, ZCreatedInvitations, filter).then((list) => list.items);
export const renewLink = (id: string, invitationId: string, resend: boolean) =>
  api.post(`/api/surveys/${enc(id)}/invitations/${enc(invitationId)}/link`, ZCreatedInvitation, { resend });
export const setPublicLink = (id: string, enabled: boolean) => api.put(`/api/surveys/${enc(id)}/public-link`, z.object({ link: z.string().nullable() }), { enabled });

export const mailSettingsQuery = queryOptions({
  queryKey: ['mail', 'settings'],
  queryFn: ({ signal }) => api.get('/api/mail/settings', ZMailSettings, { signal }),
});
export const updateMailSettings = (input: TMailSettingsUpdate) => api.patch('/api/mail/settings', ZMailSettings, input);
export const deliverMail = () => api.post('/api/mail/deliver', ZDeliveryReport);
