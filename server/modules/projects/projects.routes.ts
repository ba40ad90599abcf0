import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../../../common/contracts/errors';
import {
  ZAssessmentCreate,
  ZBeneficiaryCreate,
  ZBeneficiaryParams,
  ZBudgetLineCreate,
  ZBudgetLineParams,
  ZBudgetLineUpdate,
  ZFundingSourceCreate,
  ZFundingSourceParams,
  ZFundingSourceUpdate,
  ZGroupLinkCreate,
  ZGroupLinkParams,
  ZMentorSet,
  ZMilestoneCreate,
  ZMilestoneParams,
  ZMilestoneUpdate,
  ZNeedLinkCreate,
  ZNeedLinkParams,
  ZPartnerCreate,
  ZPartnerParams,
  ZPartnerUpdate,
  ZPartnershipRuleView,
  ZProject,
  ZProjectCreate,
  ZProjectFromProposal,
  ZProjectIdParams,
  ZProjectList,
  ZProjectListQuery,
  ZProjectMap,
  ZProjectMapQuery,
  ZProjectTransitionRequest,
  ZProjectUpdate,
  ZReportCreate,
  ZSessionCreate,
} from '../../../common/contracts/projects';
import { contextOf } from '../../platform/http/context';
import { exportProjects, getPartnershipRule, getProject, listProjects, projectMap } from './project-reads';
import * as writes from './project-writes';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };
const tags = ['projects'];

/** Co-designed projects over HTTP (route list and who may call each: common/contracts/projects.ts). */
export const projectsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/projects', { schema: { tags, summary: 'Projects (public part), filtered, newest change first', querystring: ZProjectListQuery, response: { 200: ZProjectList, ...errors } } }, async (request) =>
    listProjects(contextOf(request), request.query),
  );
  app.get('/api/projects/map', { schema: { tags, summary: 'Projects and budget by district, for the map', querystring: ZProjectMapQuery, response: { 200: ZProjectMap, ...errors } } }, async (request) =>
    projectMap(contextOf(request), request.query),
  );
  app.get(
    '/api/projects/export.csv',
    { schema: { tags, summary: 'Projects (public part) as CSV', querystring: ZProjectListQuery.omit({ cursor: true, limit: true }), response: { 200: z.string(), ...errors } } },
    async (request, reply) => {
      const csv = await exportProjects(contextOf(request), request.query);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="progetti.csv"').send(csv);
    },
  );
  app.get('/api/projects/partnership-rule', { schema: { tags, summary: 'The partnership rule, as data', response: { 200: ZPartnershipRuleView, ...errors } } }, async (request) =>
    getPartnershipRule(contextOf(request)),
  );
  app.get('/api/projects/:id', { schema: { tags, summary: 'One project (private parts for its members only)', params: ZProjectIdParams, response: { 200: ZProject, ...errors } } }, async (request) =>
    getProject(contextOf(request), request.params.id),
  );
  app.post('/api/projects', { schema: { tags, summary: 'Create a project', body: ZProjectCreate, response: { 201: ZProject, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await writes.createProject(contextOf(request), request.body)),
  );
  app.post('/api/projects/from-proposal', { schema: { tags, summary: 'Start a project from a shared-service proposal', body: ZProjectFromProposal, response: { 201: ZProject, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await writes.createProjectFromProposal(contextOf(request), request.body)),
  );
  app.patch('/api/projects/:id', { schema: { tags, summary: 'Change a project', params: ZProjectIdParams, body: ZProjectUpdate, response: { 200: ZProject, ...errors } } }, async (request) =>
    writes.updateProject(contextOf(request), request.params.id, request.body),
  );
  app.post('/api/projects/:id/transitions', { schema: { tags, summary: 'Move a project along the pipeline', params: ZProjectIdParams, body: ZProjectTransitionRequest, response: { 200: ZProject, ...errors } } }, async (request) =>
    writes.transitionProject(contextOf(request), request.params.id, request.body),
  );
  app.post('/api/projects/:id/partners', { schema: { tags, summary: 'Add a partner', params: ZProjectIdParams, body: ZPartnerCreate, response: { 201: ZProject, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await writes.addPartner(contextOf(request), request.params.id, request.body)),
  );
  app.patch('/api/projects/:id/partners/:partnerId', { schema: { tags, summary: "Change a partner's role, share or dates", params: ZPartnerParams, body: ZPartnerUpdate, response: { 200: ZProject, ...errors } } }, async (request) =>
    writes.updatePartner(contextOf(request), request.params.id, request.params.partnerId, request.body),
  );
  app.post('/api/projects/:id/budget-lines', { schema: { tags, summary: 'Add a budget line', params: ZProjectIdParams, body: ZBudgetLineCreate, response: { 201: ZProject, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await writes.addBudgetLine(contextOf(request), request.params.id, request.body)),
  );
  app.patch('/api/projects/:id/budget-lines/:lineId', { schema: { tags, summary: 'Change a budget line', params: ZBudgetLineParams, body: ZBudgetLineUpdate, response: { 200: ZProject, ...errors } } }, async (request) =>
    writes.updateBudgetLine(contextOf(request), request.params.id, request.params.lineId, request.body),
  );
  app.delete('/api/projects/:id/budget-lines/:lineId', { schema: { tags, summary: 'Remove a budget line', params: ZBudgetLineParams, response: { 200: ZProject, ...errors } } }, async (request) =>
    writes.deleteBudgetLine(contextOf(request), request.params.id, request.params.lineId),
  );
  app.post('/api/projects/:id/funding-sources', { schema: { tags, summary: 'Add a funding source', params: ZProjectIdParams, body: ZFundingSourceCreate, response: { 201: ZProject, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await writes.addFundingSource(contextOf(request), request.params.id, request.body)),
  );
  app.patch('/api/projects/:id/funding-sources/:sourceId', { schema: { tags, summary: 'Change a funding source', params: ZFundingSourceParams, body: ZFundingSourceUpdate, response: { 200: ZProject, ...errors } } }, async (request) =>
    writes.updateFundingSource(contextOf(request), request.params.id, request.params.sourceId, request.body),
  );
  app.delete('/api/projects/:id/funding-sources/:sourceId', { schema: { tags, summary: 'Remove a funding source', params: ZFundingSourceParams, response: { 200: ZProject, ...errors } } }, async (request) =>
    writes.deleteFundingSource(contextOf(request), request.params.id, request.params.sourceId),
  );
  app.post('/api/projects/:id/need-links', { schema: { tags, summary: 'Link a need of the register', params: ZProjectIdParams, body: ZNeedLinkCreate, response: { 201: ZProject, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await writes.linkNeed(contextOf(request), request.params.id, request.body)),
  );
  app.delete('/api/projects/:id/need-links/:needId', { schema: { tags, summary: 'Unlink a need', params: ZNeedLinkParams, response: { 200: ZProject, ...errors } } }, async (request) =>
    writes.unlinkNeed(contextOf(request), request.params.id, request.params.needId),
  );
  app.post('/api/projects/:id/need-links/:needId/answer', { schema: { tags, summary: 'Mark a linked need answered by the project', params: ZNeedLinkParams, response: { 200: ZProject, ...errors } } }, async (request) =>
    writes.answerLinkedNeed(contextOf(request), request.params.id, request.params.needId),
  );
  app.post('/api/projects/:id/group-links', { schema: { tags, summary: 'Link a matching group (zone × category × target group)', params: ZProjectIdParams, body: ZGroupLinkCreate, response: { 201: ZProject, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await writes.linkGroup(contextOf(request), request.params.id, request.body)),
  );
  app.delete('/api/projects/:id/group-links/:linkId', { schema: { tags, summary: 'Unlink a group', params: ZGroupLinkParams, response: { 200: ZProject, ...errors } } }, async (request) =>
    writes.unlinkGroup(contextOf(request), request.params.id, request.params.linkId),
  );
  app.post('/api/projects/:id/milestones', { schema: { tags, summary: 'Add a milestone or deliverable', params: ZProjectIdParams, body: ZMilestoneCreate, response: { 201: ZProject, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await writes.addMilestone(contextOf(request), request.params.id, request.body)),
  );
  app.patch('/api/projects/:id/milestones/:milestoneId', { schema: { tags, summary: 'Change a milestone', params: ZMilestoneParams, body: ZMilestoneUpdate, response: { 200: ZProject, ...errors } } }, async (request) =>
    writes.updateMilestone(contextOf(request), request.params.id, request.params.milestoneId, request.body),
  );
  app.post('/api/projects/:id/reports', { schema: { tags, summary: 'Add a progress report', params: ZProjectIdParams, body: ZReportCreate, response: { 201: ZProject, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await writes.addReport(contextOf(request), request.params.id, request.body)),
  );
  app.post('/api/projects/:id/beneficiaries', { schema: { tags, summary: 'Record beneficiaries of a month (aggregate numbers)', params: ZProjectIdParams, body: ZBeneficiaryCreate, response: { 201: ZProject, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await writes.recordBeneficiaries(contextOf(request), request.params.id, request.body)),
  );
  app.delete('/api/projects/:id/beneficiaries/:entryId', { schema: { tags, summary: 'Remove a beneficiaries entry', params: ZBeneficiaryParams, response: { 200: ZProject, ...errors } } }, async (request) =>
    writes.deleteBeneficiaries(contextOf(request), request.params.id, request.params.entryId),
  );
  app.put('/api/projects/:id/mentor', { schema: { tags, summary: 'Assign the mentor', params: ZProjectIdParams, body: ZMentorSet, response: { 200: ZProject, ...errors } } }, async (request) =>
    writes.setMentor(contextOf(request), request.params.id, request.body),
  );
  app.post('/api/projects/:id/sessions', { schema: { tags, summary: 'Record an accompaniment session', params: ZProjectIdParams, body: ZSessionCreate, response: { 201: ZProject, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await writes.addSession(contextOf(request), request.params.id, request.body)),
  );
  app.post('/api/projects/:id/assessments', { schema: { tags, summary: 'Record a readiness assessment', params: ZProjectIdParams, body: ZAssessmentCreate, response: { 201: ZProject, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await writes.addAssessment(contextOf(request), request.params.id, request.body)),
  );
};
