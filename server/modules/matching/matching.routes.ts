import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../../../common/contracts/errors';
import {
  ZCoverageQuery,
  ZCoverageReport,
  ZGroupDetail,
  ZGroupQuery,
  ZProposal,
  ZProposalAgreement,
  ZProposalCreate,
  ZProposalList,
  ZProposalListQuery,
  ZProposalResponse,
  ZReferral,
  ZReferralCreate,
  ZReferralList,
  ZReferralListQuery,
  ZReferralReport,
  ZReferralTransition,
} from '../../../common/contracts/matching';
import { contextOf } from '../../platform/http/context';
import { agreeProposal } from './agree-proposal';
import { createProposal } from './create-proposal';
import { createReferral } from './create-referral';
import { exportDemandCoverage } from './export-demand-coverage';
import { exportReferrals } from './export-referrals';
import { getDemandCoverage } from './get-demand-coverage';
import { getGroupDetail } from './get-group-detail';
import { getProposal } from './get-proposal';
import { getReferral } from './get-referral';
import { getReferralReport } from './get-referral-report';
import { listProposals } from './list-proposals';
import { listReferrals } from './list-referrals';
import { respondToProposal } from './respond-to-proposal';
import { transitionReferral } from './transition-referral';

const ZIdParams = z.strictObject({ id: z.uuid() });
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };
const tags = ['matching'];

export const matchingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/matching/coverage',
    { schema: { tags, summary: 'Aggregated demand against supply: coverage and gaps per category × target group × zone', querystring: ZCoverageQuery, response: { 200: ZCoverageReport, ...errors } } },
    async (request) => getDemandCoverage(contextOf(request), request.query),
  );
  app.get(
    '/api/matching/coverage.csv',
    { schema: { tags, summary: 'The coverage table as CSV', querystring: ZCoverageQuery } },
    async (request, reply) => {
      const csv = await exportDemandCoverage(contextOf(request), request.query);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="copertura-bisogni.csv"').send(csv);
    },
  );
  app.get(
    '/api/matching/group',
    { schema: { tags, summary: "One group's needs and candidate services (why the numbers are what they are)", querystring: ZGroupQuery, response: { 200: ZGroupDetail, ...errors } } },
    async (request) => getGroupDetail(contextOf(request), request.query),
  );
  app.get(
    '/api/matching/proposals',
    { schema: { tags, summary: 'Shared-service proposals the actor may read', querystring: ZProposalListQuery, response: { 200: ZProposalList, ...errors } } },
    async (request) => ({ items: await listProposals(contextOf(request), request.query) }),
  );
  app.post(
    '/api/matching/proposals',
    { schema: { tags, summary: 'Create a shared-service proposal from a group (coordinators)', body: ZProposalCreate, response: { 201: ZProposal, ...errors } } },
    async (request, reply) => reply.code(201).send(await createProposal(contextOf(request), request.body)),
  );
  app.get(
    '/api/matching/proposals/:id',
    { schema: { tags, summary: 'One proposal with its parties and answers', params: ZIdParams, response: { 200: ZProposal, ...errors } } },
    async (request) => getProposal(contextOf(request), request.params.id),
  );
  app.post(
    '/api/matching/proposals/:id/responses',
    { schema: { tags, summary: "An organization's answer to a proposal (its members)", params: ZIdParams, body: ZProposalResponse, response: { 200: ZProposal, ...errors } } },
    async (request) => respondToProposal(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/matching/proposals/:id/agreement',
    { schema: { tags, summary: 'Turn a proposal enough organizations joined into an agreement (coordinators)', params: ZIdParams, body: ZProposalAgreement, response: { 200: ZProposal, ...errors } } },
    async (request) => agreeProposal(contextOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/matching/referrals',
    { schema: { tags, summary: 'Referrals the actor may read (referrer, provider, district coordinators)', querystring: ZReferralListQuery, response: { 200: ZReferralList, ...errors } } },
    async (request) => listReferrals(contextOf(request), request.query),
  );
  app.get(
    '/api/matching/referrals.csv',
    { schema: { tags, summary: 'Referrals the actor may read, as CSV', querystring: ZReferralListQuery } },
    async (request, reply) => {
      const csv = await exportReferrals(contextOf(request), request.query);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="segnalazioni.csv"').send(csv);
    },
  );
  app.get(
    '/api/matching/referrals/report',
    { schema: { tags, summary: 'Referrals by status, time to answer, outcomes, by provider and category', querystring: z.strictObject({ districtId: z.uuid().optional() }), response: { 200: ZReferralReport, ...errors } } },
    async (request) => getReferralReport(contextOf(request), request.query),
  );
  app.post(
    '/api/matching/referrals',
    { schema: { tags, summary: "Refer a need to a provider's service (members of the referring organization)", body: ZReferralCreate, response: { 201: ZReferral, ...errors } } },
    async (request, reply) => reply.code(201).send(await createReferral(contextOf(request), request.body)),
  );
  app.get(
    '/api/matching/referrals/:id',
    { schema: { tags, summary: 'One referral with its timeline', params: ZIdParams, response: { 200: ZReferral, ...errors } } },
    async (request) => getReferral(contextOf(request), request.params.id),
  );
  app.post(
    '/api/matching/referrals/:id/transitions',
    { schema: { tags, summary: 'Accept, decline, ask for information, answer, record the outcome', params: ZIdParams, body: ZReferralTransition, response: { 200: ZReferral, ...errors } } },
    async (request) => transitionReferral(contextOf(request), request.params.id, request.body),
  );
};
