import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../../../common/contracts/errors';
import {
  ZAnswerForm,
  ZMemberAnswerLink,
  ZMemberAnswerRequest,
  ZAnswerSave,
  ZAnswerSaved,
  ZCreatedInvitation,
  ZCreatedInvitations,
  ZInvitationCandidates,
  ZInvitationFilter,
  ZInvitationList,
  ZLink,
  ZQuestionInput,
  ZQuestionUpdate,
  ZSectionInput,
  ZSurvey,
  ZSurveyCreate,
  ZSurveyDuplicate,
  ZSurveyList,
  ZSurveyReorder,
  ZSurveyStatusChange,
  ZSurveyUpdate,
  ZVersionQuery,
} from '../../../common/contracts/surveys';
import { contextOf } from '../../platform/http/context';
import { mailLinkBaseOf } from '../../platform/http/mail-link-base';
import { addQuestion } from './add-question';
import { addSection } from './add-section';
import { surveyReportsRoutes } from './reports';
import { changeSurveyStatus } from './change-survey-status';
import { createInvitations, previewInvitations } from './create-invitations';
import { createSurvey } from './create-survey';
import { duplicateSurvey } from './duplicate-survey';
import { getAnswerForm } from './get-answer-form';
import { getSurvey } from './get-survey';
import { listInvitations } from './list-invitations';
import { listSurveys } from './list-surveys';
import { removeQuestion } from './remove-question';
import { removeSection } from './remove-section';
import { renewInvitationLink } from './renew-invitation-link';
import { reorderSurvey } from './reorder-survey';
import { saveAnswers } from './save-answers';
import { openMemberAnswer } from './open-member-answer';
import { setPublicLink } from './set-public-link';
import { updateQuestion } from './update-question';
import { updateSection } from './update-section';
import { updateSurvey } from './update-survey';

const ZId = z.strictObject({ id: z.uuid() });
const ZToken = z.strictObject({ token: z.string().min(1).max(200) });
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };
const tags = ['surveys'];


export const surveysRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(surveyReportsRoutes);
  app.get('/api/surveys', { schema: { tags, summary: 'Surveys the actor manages', response: { 200: ZSurveyList, ...errors } } }, async (request) => ({
    items: await listSurveys(contextOf(request)),
  }));
  app.post('/api/surveys', { schema: { tags, summary: 'Create a draft survey (empty or from a template)', body: ZSurveyCreate, response: { 201: ZSurvey, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await createSurvey(contextOf(request), request.body)),
  );
  app.get('/api/surveys/:id', { schema: { tags, summary: 'A survey with its questionnaire', params: ZId, response: { 200: ZSurvey, ...errors } } }, async (request) =>
    getSurvey(contextOf(request), request.params.id),
  );
  app.patch('/api/surveys/:id', { schema: { tags, summary: 'Edit texts, dates and needs settings', params: ZId, body: ZSurveyUpdate, response: { 200: ZSurvey, ...errors } } }, async (request) =>
    updateSurvey(contextOf(request), request.params.id, request.body),
  );
  app.post('/api/surveys/:id/status', { schema: { tags, summary: 'Open, close, reopen or return to draft', params: ZId, body: ZSurveyStatusChange, response: { 200: ZSurvey, ...errors } } }, async (request) =>
    changeSurveyStatus(contextOf(request), request.params.id, request.body),
  );
  app.post('/api/surveys/:id/duplicate', { schema: { tags, summary: 'Copy the questionnaire into a new draft', params: ZId, body: ZSurveyDuplicate, response: { 201: ZSurvey, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await duplicateSurvey(contextOf(request), request.params.id, request.body)),
  );
  app.post('/api/surveys/:id/sections', { schema: { tags, summary: 'Append a section', params: ZId, body: ZSectionInput, response: { 200: ZSurvey, ...errors } } }, async (request) =>
    addSection(contextOf(request), request.params.id, request.body),
  );
  app.patch(
    '/api/surveys/:id/sections/:sectionId',
    { schema: { tags, summary: 'Edit a section', params: z.strictObject({ id: z.uuid(), sectionId: z.uuid() }), body: ZSectionInput, response: { 200: ZSurvey, ...errors } } },
    async (request) => updateSection(contextOf(request), request.params.id, request.params.sectionId, request.body),
  );
  app.delete(
    '/api/surveys/:id/sections/:sectionId',
    { schema: { tags, summary: 'Remove a section and its questions (refused if answered)', params: z.strictObject({ id: z.uuid(), sectionId: z.uuid() }), querystring: ZVersionQuery, response: { 200: ZSurvey, ...errors } } },
    async (request) => removeSection(contextOf(request), request.params.id, request.params.sectionId, request.query.version),
  );
  app.post('/api/surveys/:id/questions', { schema: { tags, summary: 'Append a question to a section', params: ZId, body: ZQuestionInput, response: { 200: ZSurvey, ...errors } } }, async (request) =>
    addQuestion(contextOf(request), request.params.id, request.body),
  );
  app.patch(
    '/api/surveys/:id/questions/:questionId',
    { schema: { tags, summary: 'Edit a question (no retyping or option removal once answered)', params: z.strictObject({ id: z.uuid(), questionId: z.uuid() }), body: ZQuestionUpdate, response: { 200: ZSurvey, ...errors } } },
    async (request) => updateQuestion(contextOf(request), request.params.id, request.params.questionId, request.body),
  );
  app.delete(
    '/api/surveys/:id/questions/:questionId',
    { schema: { tags, summary: 'Remove a question (refused if answered)', params: z.strictObject({ id: z.uuid(), questionId: z.uuid() }), querystring: ZVersionQuery, response: { 200: ZSurvey, ...errors } } },
    async (request) => removeQuestion(contextOf(request), request.params.id, request.params.questionId, request.query.version),
  );
  app.put('/api/surveys/:id/order', { schema: { tags, summary: 'Reorder sections and questions', params: ZId, body: ZSurveyReorder, response: { 200: ZSurvey, ...errors } } }, async (request) =>
    reorderSurvey(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/surveys/:id/invitations/preview',
    { schema: { tags, summary: 'Organizations an invitation filter selects', params: ZId, body: ZInvitationFilter, response: { 200: ZInvitationCandidates, ...errors } } },
    async (request) => ({ items: await previewInvitations(contextOf(request), request.params.id, request.body) }),
  );
  app.post(
    '/api/surveys/:id/invitations',
    { schema: { tags, summary: 'Invite the selected organizations (links shown once, e-mailed through the outbox)', params: ZId, body: ZInvitationFilter, response: { 201: ZCreatedInvitations, ...errors } } },
    async (request, reply) =>
      reply.code(201).send({ items: await createInvitations(contextOf(request), request.params.id, request.body, { baseUrl: await mailLinkBaseOf(request) }) }),
  );
  app.get('/api/surveys/:id/invitations', { schema: { tags, summary: 'Invitations with e-mail and response state', params: ZId, response: { 200: ZInvitationList, ...errors } } }, async (request) => ({
    items: await listInvitations(contextOf(request), request.params.id),
  }));
  app.post(
    '/api/surveys/:id/invitations/:invitationId/link',
    {
      schema: {
        tags, summary: 'Issue a new personal link for an invitation (the old one stops working)',
        params: z.strictObject({ id: z.uuid(), invitationId: z.uuid() }), body: z.strictObject({ resend: z.boolean().default(false) }),
        response: { 200: ZCreatedInvitation, ...errors },
      },
    },
    async (request) =>
      renewInvitationLink(contextOf(request), request.params.id, request.params.invitationId, { baseUrl: await mailLinkBaseOf(request), resend: request.body.resend }),
  );
  app.put(
    '/api/surveys/:id/public-link',
    { schema: { tags, summary: 'Turn the public link on (new link, shown once) or off', params: ZId, body: z.strictObject({ enabled: z.boolean() }), response: { 200: ZLink.extend({ link: z.string().nullable() }), ...errors } } },
    async (request) => setPublicLink(contextOf(request), request.params.id, { enabled: request.body.enabled, baseUrl: await mailLinkBaseOf(request) }),
  );
  app.post(
    '/api/surveys/:id/member-answer',
    { schema: { tags, summary: "The answer page of the organization's invitation, for its signed-in members (a new link of their own)", params: ZId, body: ZMemberAnswerRequest, response: { 200: ZMemberAnswerLink, ...errors } } },
    async (request, reply) => reply.header('cache-control', 'no-store').send(await openMemberAnswer(contextOf(request), request.params.id, request.body.organizationId)),
  );
  app.get(
    '/api/surveys/answer/:token',
    { config: { rateLimit: { max: 120, timeWindow: '1 minute' } }, schema: { tags, summary: 'The answer page of a personal or public link (no account)', params: ZToken, response: { 200: ZAnswerForm, ...errors } } },
    async (request, reply) => reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').send(await getAnswerForm(contextOf(request), request.params.token)),
  );
  app.put(
    '/api/surveys/answer/:token',
    { config: { rateLimit: { max: 60, timeWindow: '1 minute' } }, schema: { tags, summary: 'Save (or submit) answers through a link', params: ZToken, body: ZAnswerSave, response: { 200: ZAnswerSaved, ...errors } } },
    async (request, reply) => reply.header('cache-control', 'no-store').send(await saveAnswers(contextOf(request), request.params.token, request.body)),
  );
};
