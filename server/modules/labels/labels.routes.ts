import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../../../common/contracts/errors';
import {
  ZApplicationTransition,
  ZAssessorCandidates,
  ZAssessorCandidatesQuery,
  ZAwardRevoke,
  ZCriterionParams,
  ZDecisionSave,
  ZEvidenceSave,
  ZLabelApplication,
  ZLabelApplicationCreate,
  ZLabelApplicationList,
  ZLabelCodeParams,
  ZLabelIdParams,
  ZLabelScheme,
  ZLabelSchemeCreate,
  ZLabelSchemeList,
  ZLabelVerification,
} from '../../../common/contracts/labels';
import { contextOf } from '../../platform/http/context';
import { requestedLanguage } from '../../platform/texts';
import { applyForLabel } from './apply-for-label';
import { assessCriterion } from './assess-criterion';
import { createScheme } from './create-scheme';
import { getApplication, listApplications } from './read-applications';
import { getScheme, listSchemes } from './read-schemes';
import { listAssessorCandidates } from './list-assessor-candidates';
import { revokeLabel } from './revoke-label';
import { saveEvidence } from './save-evidence';
import { transitionApplication } from './transition-application';
import { labelBadge, verifyLabel } from './verify-label';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };
const tags = ['labels'];
/** The public pages are read by anyone: a higher ceiling than the default, still a ceiling. */
const publicRateLimit = { rateLimit: { max: 300, timeWindow: '1 minute' } };

/** Social quality labels over HTTP (route list and who may call each: common/contracts/labels.ts). */
export const labelsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/labels/schemes', { schema: { tags, summary: 'Label schemes', response: { 200: ZLabelSchemeList, ...errors } } }, async (request) => listSchemes(contextOf(request)));
  app.post('/api/labels/schemes', { schema: { tags, summary: 'Define a label scheme', body: ZLabelSchemeCreate, response: { 201: ZLabelScheme, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await createScheme(contextOf(request), request.body)),
  );
  app.get('/api/labels/schemes/:id', { schema: { tags, summary: 'One label scheme', params: ZLabelIdParams, response: { 200: ZLabelScheme, ...errors } } }, async (request) =>
    getScheme(contextOf(request), request.params.id),
  );
  app.get('/api/labels/assessor-candidates', { schema: { tags, summary: 'Who may be named assessor of a new scheme', querystring: ZAssessorCandidatesQuery, response: { 200: ZAssessorCandidates, ...errors } } }, async (request) =>
    listAssessorCandidates(contextOf(request), request.query.districtId ?? null),
  );
  app.get('/api/labels/applications', { schema: { tags, summary: 'The label applications the caller may read', response: { 200: ZLabelApplicationList, ...errors } } }, async (request) =>
    listApplications(contextOf(request)),
  );
  app.post('/api/labels/applications', { schema: { tags, summary: 'Apply for a label (or its renewal)', body: ZLabelApplicationCreate, response: { 201: ZLabelApplication, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await applyForLabel(contextOf(request), request.body)),
  );
  app.get('/api/labels/applications/:id', { schema: { tags, summary: 'One label application', params: ZLabelIdParams, response: { 200: ZLabelApplication, ...errors } } }, async (request) =>
    getApplication(contextOf(request), request.params.id),
  );
  app.put('/api/labels/applications/:id/evidence/:criterionId', { schema: { tags, summary: 'Write the evidence of one criterion', params: ZCriterionParams, body: ZEvidenceSave, response: { 200: ZLabelApplication, ...errors } } }, async (request) =>
    saveEvidence(contextOf(request), request.params.id, request.params.criterionId, request.body),
  );
  app.put('/api/labels/applications/:id/decisions/:criterionId', { schema: { tags, summary: 'Decide one criterion (assessors)', params: ZCriterionParams, body: ZDecisionSave, response: { 200: ZLabelApplication, ...errors } } }, async (request) =>
    assessCriterion(contextOf(request), request.params.id, request.params.criterionId, request.body),
  );
  app.post('/api/labels/applications/:id/transitions', { schema: { tags, summary: 'Submit, withdraw, reject or award an application', params: ZLabelIdParams, body: ZApplicationTransition, response: { 200: ZLabelApplication, ...errors } } }, async (request) =>
    transitionApplication(contextOf(request), request.params.id, request.body),
  );
  app.post('/api/labels/awards/:id/revoke', { schema: { tags, summary: 'Revoke an awarded label, with a reason', params: ZLabelIdParams, body: ZAwardRevoke, response: { 200: ZLabelVerification, ...errors } } }, async (request) =>
    revokeLabel(contextOf(request), request.params.id, request.body),
  );
  app.get('/api/labels/verify/:code', { config: publicRateLimit, schema: { tags, summary: 'Verify a label by its public code (no sign-in)', params: ZLabelCodeParams, response: { 200: ZLabelVerification, ...errors } } }, async (request, reply) =>
    reply.header('cache-control', 'no-cache').send(await verifyLabel(contextOf(request), request.params.code)),
  );
  app.get(
    '/api/labels/badge/:code.svg',
    { config: publicRateLimit, schema: { tags, summary: "A label's embeddable badge (SVG, no sign-in)", params: ZLabelCodeParams, querystring: z.strictObject({ lang: z.enum(['it', 'en']).optional() }) } },
    async (request, reply) => {
      const svg = await labelBadge(contextOf(request), request.params.code, requestedLanguage(request.query, request.headers['accept-language']));
      // Short cache: a revocation shows on the embedding sites within minutes.
      return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'public, max-age=300').header('x-content-type-options', 'nosniff').send(svg);
    },
  );
};
