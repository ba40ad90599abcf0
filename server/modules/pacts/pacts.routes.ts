import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../common/contracts/errors';
import {
  ZAdhesionDecision,
  ZCommitmentCreate,
  ZCommitmentUpdate,
  ZPactCommitment,
  ZPactCommitmentIdParams,
  ZPactCreate,
  ZPactDashboard,
  ZPactDashboardQuery,
  ZPactDetail,
  ZPactDiff,
  ZPactDiffQuery,
  ZPactIdParams,
  ZPactList,
  ZPactListQuery,
  ZPactSign,
  ZPactSignatureIdParams,
  ZPactTimeline,
  ZPactUpdate,
  ZPactVersionIdParams,
  ZPactVersionStatusChange,
  ZPactVersionUpdate,
  ZPublicPact,
} from '../../../common/contracts/pacts';
import { contextOf } from '../../platform/http/context';
import { createCommitment, getCommitment, getPactDashboard, updateCommitment } from './commitments';
import { createPact, getPact, listPacts, updatePact } from './manage-pacts';
import { getPactTimeline } from './pact-timeline';
import { getPublicPact } from './public-pact';
import { amendPact, changePactVersionStatus, diffPactVersions, updatePactVersion } from './pact-versions';
import { acknowledgeAmendment, decideAdhesion, signPactVersion } from './sign-pact';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };
const tags = ['pacts'];
/** The public page's read (no sign-in), limited per address like the labels' verification. */
const publicRateLimit = { rateLimit: { max: 300, timeWindow: '1 minute' } };

/** Territorial pacts over HTTP (route list and who may call each: common/contracts/pacts.ts; rules: pacts.policy.ts). */
export const pactsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/pacts', { schema: { tags, summary: "A district's pacts", querystring: ZPactListQuery, response: { 200: ZPactList, ...errors } } }, async (request) =>
    listPacts(contextOf(request), request.query),
  );
  app.post('/api/pacts', { schema: { tags, summary: 'Create a pact with its first version as a draft (coordinators)', body: ZPactCreate, response: { 201: ZPactDetail, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await createPact(contextOf(request), request.body)),
  );
  app.get('/api/pacts/:pactId', { schema: { tags, summary: 'A pact: versions, signatures with the signed-text check, acknowledgements', params: ZPactIdParams, response: { 200: ZPactDetail, ...errors } } }, async (request) =>
    getPact(contextOf(request), request.params.pactId),
  );
  app.patch('/api/pacts/:pactId', { schema: { tags, summary: "Change a pact's title, purpose, public flag or adhesion rule", params: ZPactIdParams, body: ZPactUpdate, response: { 200: ZPactDetail, ...errors } } }, async (request) =>
    updatePact(contextOf(request), request.params.pactId, request.body),
  );
  app.post('/api/pacts/:pactId/amendments', { schema: { tags, summary: 'Start an amendment: a new draft version from the latest', params: ZPactIdParams, response: { 201: ZPactDetail, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await amendPact(contextOf(request), request.params.pactId)),
  );
  app.get('/api/pacts/:pactId/diff', { schema: { tags, summary: 'What changed between two versions, article by article', params: ZPactIdParams, querystring: ZPactDiffQuery, response: { 200: ZPactDiff, ...errors } } }, async (request) =>
    diffPactVersions(contextOf(request), request.params.pactId, request.query),
  );
  app.patch('/api/pact-versions/:versionId', { schema: { tags, summary: "Change a draft version's text or dates", params: ZPactVersionIdParams, body: ZPactVersionUpdate, response: { 200: ZPactDetail, ...errors } } }, async (request) =>
    updatePactVersion(contextOf(request), request.params.versionId, request.body),
  );
  app.post('/api/pact-versions/:versionId/status', { schema: { tags, summary: 'Open a version for signature, bring it into force, or end it', params: ZPactVersionIdParams, body: ZPactVersionStatusChange, response: { 200: ZPactDetail, ...errors } } }, async (request) =>
    changePactVersionStatus(contextOf(request), request.params.versionId, request.body),
  );
  app.post('/api/pact-versions/:versionId/sign', { schema: { tags, summary: 'Sign a version for an organization (its legal representative, password re-entered)', params: ZPactVersionIdParams, body: ZPactSign, response: { 201: ZPactDetail, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await signPactVersion(contextOf(request), request.params.versionId, request.body)),
  );
  app.post('/api/pact-versions/:versionId/acknowledge', { schema: { tags, summary: 'Acknowledge an amendment for an organization that signed the previous version', params: ZPactVersionIdParams, body: ZPactSign, response: { 201: ZPactDetail, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await acknowledgeAmendment(contextOf(request), request.params.versionId, request.body)),
  );
  app.post('/api/pact-signatures/:signatureId/decision', { schema: { tags, summary: 'Approve or reject a pending adhesion', params: ZPactSignatureIdParams, body: ZAdhesionDecision, response: { 200: ZPactDetail, ...errors } } }, async (request) =>
    decideAdhesion(contextOf(request), request.params.signatureId, request.body),
  );
  app.post('/api/pacts/:pactId/commitments', { schema: { tags, summary: "A signatory's commitment", params: ZPactIdParams, body: ZCommitmentCreate, response: { 201: ZPactCommitment, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await createCommitment(contextOf(request), request.params.pactId, request.body)),
  );
  app.get('/api/pact-commitments/:commitmentId', { schema: { tags, summary: 'A commitment with the history of its updates', params: ZPactCommitmentIdParams, response: { 200: ZPactCommitment, ...errors } } }, async (request) =>
    getCommitment(contextOf(request), request.params.commitmentId),
  );
  app.patch('/api/pact-commitments/:commitmentId', { schema: { tags, summary: "Update a commitment's status, text or due date with a note", params: ZPactCommitmentIdParams, body: ZCommitmentUpdate, response: { 200: ZPactCommitment, ...errors } } }, async (request) =>
    updateCommitment(contextOf(request), request.params.commitmentId, request.body),
  );
  app.get('/api/pacts/:pactId/dashboard', { schema: { tags, summary: 'Commitments by status; a page of signatories and the first commitments, late first', params: ZPactIdParams, querystring: ZPactDashboardQuery, response: { 200: ZPactDashboard, ...errors } } }, async (request) =>
    getPactDashboard(contextOf(request), request.params.pactId, request.query),
  );
  app.get('/api/public/pacts/:pactId', { config: publicRateLimit, schema: { tags, summary: 'A public pact for anyone (no sign-in): text in force, signatories, commitments without notes', params: ZPactIdParams, response: { 200: ZPublicPact, ...errors } } }, async (request, reply) =>
    reply.header('cache-control', 'no-cache').send(await getPublicPact(contextOf(request), request.params.pactId)),
  );
  app.get('/api/pacts/:pactId/timeline', { schema: { tags, summary: 'How the network grew: signatures over time, amendments, commitments done', params: ZPactIdParams, response: { 200: ZPactTimeline, ...errors } } }, async (request) =>
    getPactTimeline(contextOf(request), request.params.pactId),
  );
};
