import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZDistrictMembershipCreate,
  ZDistrictMembershipEnd,
  ZOrganizationRegisterAndInvite,
  ZDuplicateFlagList,
  ZImportPreview,
  ZImportReport,
  ZImportUpload,
  ZMergeRequest,
  ZMergeResult,
  ZOrganizationCreate,
  ZOrganizationFilters,
  ZOrganizationListQuery,
  ZOrganizationPage,
  ZOrganizationPoints,
  ZOrganizationProfile,
  ZOrganizationUpdate,
  ZPersonRoleCreate,
  ZRelationshipCreate,
} from '../../../common/contracts/organizations';
import { ZErrorResponse } from '../../../common/contracts/errors';
import { ZMembershipParams, ZPendingMembershipList, ZRelationshipParams } from '../../../common/contracts/memberships';
import { contextOf } from '../../platform/http/context';
import { addPersonRole } from './add-person-role';
import { addRelationship } from './add-relationship';
import { acceptDistrictMembership, declineDistrictMembership, withdrawDistrictMembership } from './answer-district-membership';
import { confirmRelationship, declineRelationship } from './answer-relationship';
import { listOwnPendingMemberships } from './list-pending-memberships';
import { createOrganization } from './create-organization';
import { exportOrganizationsCsv } from './export-organizations';
import { getOrganization } from './get-organization';
import { getOrganizationImport, importOrganizations, previewOrganizationImport, startOrganizationImport } from './import-organizations';
import { listDuplicateFlags } from './list-duplicate-flags';
import { addDistrictMembership, endDistrictMembership } from './manage-district-membership';
import { registerAndInviteOrganization } from './register-and-invite-organization';
import { mailLinkBaseOf } from '../../platform/http/mail-link-base';
import { listOrganizationPoints, listOrganizations } from './list-organizations';
import { mergeOrganizations } from './merge-organizations';
import { updateOrganization } from './update-organization';

const ZIdParams = z.strictObject({ id: z.uuid() });
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };
/** CSV uploads travel as base64 in JSON: allow files up to about 15 MB. */
const IMPORT_BODY_LIMIT_BYTES = 20 * 1024 * 1024;
const tags = ['organizations'];

export const organizationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/organizations',
    { schema: { tags, summary: 'The directory: filters, Italian full-text search, keyset pages (public fields only)', querystring: ZOrganizationListQuery, response: { 200: ZOrganizationPage, ...errors } } },
    async (request) => listOrganizations(contextOf(request), request.query),
  );
  app.get(
    '/api/organizations/points',
    { schema: { tags, summary: 'The filtered directory as map points', querystring: ZOrganizationFilters, response: { 200: ZOrganizationPoints, ...errors } } },
    async (request) => listOrganizationPoints(contextOf(request), request.query),
  );
  app.get(
    '/api/organizations/export.csv',
    { schema: { tags, summary: 'The filtered directory as CSV (public fields only)', querystring: ZOrganizationFilters } },
    async (request, reply) => {
      const stream = Readable.from(exportOrganizationsCsv(contextOf(request), request.query));
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="organizzazioni.csv"').send(stream);
    },
  );
  app.get(
    '/api/organizations/duplicates',
    { schema: { tags, summary: 'Open probable-duplicate flags in the districts the actor coordinates', response: { 200: ZDuplicateFlagList, ...errors } } },
    async (request) => listDuplicateFlags(contextOf(request)),
  );
  app.get(
    '/api/organizations/pending-memberships',
    { schema: { tags, summary: 'District invitations and requests of the organizations the user acts for, not answered yet', response: { 200: ZPendingMembershipList, ...errors } } },
    async (request) => listOwnPendingMemberships(contextOf(request)),
  );
  app.post(
    '/api/organizations',
    { schema: { tags, summary: 'Register an organization (409 with a link when the fiscal code exists)', body: ZOrganizationCreate, response: { 201: ZOrganizationProfile, ...errors } } },
    async (request, reply) => {
      const context = contextOf(request);
      const created = await createOrganization(context, request.body);
      return reply.status(201).send(await getOrganization(context, created.id));
    },
  );
  app.post(
    '/api/organizations/merge',
    { schema: { tags, summary: 'Merge a duplicate into another organization, moving every reference', body: ZMergeRequest, response: { 200: ZMergeResult, ...errors } } },
    async (request) => mergeOrganizations(contextOf(request), request.body),
  );
  app.post(
    '/api/organizations/imports/preview',
    { bodyLimit: IMPORT_BODY_LIMIT_BYTES, schema: { tags, summary: 'Decode an uploaded CSV and propose (or recall) its column mapping', body: ZImportUpload, response: { 200: ZImportPreview, ...errors } } },
    async (request) => previewOrganizationImport(contextOf(request), Buffer.from(request.body.contentBase64, 'base64')),
  );
  app.post(
    '/api/organizations/imports/dry-run',
    { bodyLimit: IMPORT_BODY_LIMIT_BYTES, schema: { tags, summary: 'What an import would create, update, flag and reject (writes nothing)', body: ZImportUpload, response: { 200: ZImportReport, ...errors } } },
    async (request) =>
      importOrganizations(contextOf(request), {
        fileName: request.body.fileName, content: Buffer.from(request.body.contentBase64, 'base64'), mapping: request.body.mapping, isDryRun: true,
        kindChoices: request.body.kindChoices, source: request.body.source,
      }),
  );
  app.post(
    '/api/organizations/imports',
    { bodyLimit: IMPORT_BODY_LIMIT_BYTES, schema: { tags, summary: 'Start an import in resumable batches; follow it with GET /imports/:id', body: ZImportUpload, response: { 202: ZImportReport, ...errors } } },
    async (request, reply) => {
      const report = await startOrganizationImport(contextOf(request), {
        fileName: request.body.fileName, content: Buffer.from(request.body.contentBase64, 'base64'), mapping: request.body.mapping,
        kindChoices: request.body.kindChoices, source: request.body.source,
      });
      return reply.status(202).send(report);
    },
  );
  app.get(
    '/api/organizations/imports/:id',
    { schema: { tags, summary: "An import's progress and per-row report", params: ZIdParams, response: { 200: ZImportReport, ...errors } } },
    async (request) => getOrganizationImport(contextOf(request), request.params.id),
  );
  app.get(
    '/api/organizations/:id',
    { schema: { tags, summary: 'Profile: public fields, plus people, phone and notes for those who may see them', params: ZIdParams, response: { 200: ZOrganizationProfile, ...errors } } },
    async (request) => getOrganization(contextOf(request), request.params.id),
  );
  app.patch(
    '/api/organizations/:id',
    { schema: { tags, summary: 'Edit an organization (optimistic locking on version)', params: ZIdParams, body: ZOrganizationUpdate, response: { 200: ZOrganizationProfile, ...errors } } },
    async (request) => updateOrganization(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/organizations/:id/people',
    { schema: { tags, summary: 'Give a person a role in the organization', params: ZIdParams, body: ZPersonRoleCreate, response: { 201: ZOrganizationProfile, ...errors } } },
    async (request, reply) => reply.status(201).send(await addPersonRole(contextOf(request), request.params.id, request.body)),
  );
  app.post(
    '/api/organizations/register-and-invite',
    {
      schema: {
        tags, summary: "Register a new organization and invite it to the district, at once (the district's coordinators); its admins accept",
        body: ZOrganizationRegisterAndInvite, response: { 201: ZOrganizationProfile, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await registerAndInviteOrganization(contextOf(request), request.body, { baseUrl: await mailLinkBaseOf(request) })),
  );
  app.post(
    '/api/organizations/:id/districts',
    {
      schema: {
        tags, summary: "Propose a district membership: the district's coordinators invite, the organization's admins ask; the other side accepts",
        params: ZIdParams, body: ZDistrictMembershipCreate, response: { 201: ZOrganizationProfile, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await addDistrictMembership(contextOf(request), request.params.id, request.body)),
  );
  app.post(
    '/api/organizations/:id/districts/:membershipId/end',
    {
      schema: {
        tags, summary: 'End a district membership on a date', params: z.strictObject({ id: z.uuid(), membershipId: z.uuid() }), body: ZDistrictMembershipEnd,
        response: { 200: ZOrganizationProfile, ...errors },
      },
    },
    async (request) => endDistrictMembership(contextOf(request), request.params.id, request.params.membershipId, request.body.endedOn),
  );
  const answers = [
    ['accept', 'Accept a district membership proposed by the other side (invitation or request)', acceptDistrictMembership],
    ['decline', 'Decline a district membership proposed by the other side', declineDistrictMembership],
    ['withdraw', 'Withdraw a district membership one proposed, before it is answered', withdrawDistrictMembership],
  ] as const;
  for (const [verb, summary, useCase] of answers) {
    app.post(
      `/api/organizations/:id/districts/:membershipId/${verb}`,
      { schema: { tags, summary, params: ZMembershipParams, response: { 200: ZOrganizationProfile, ...errors } } },
      async (request) => useCase(contextOf(request), request.params.id, request.params.membershipId),
    );
  }
  app.post(
    '/api/organizations/:id/relationships/:relationshipId/confirm',
    { schema: { tags, summary: 'Confirm a relationship another organization declared with this one (its admins): it becomes public', params: ZRelationshipParams, response: { 200: ZOrganizationProfile, ...errors } } },
    async (request) => confirmRelationship(contextOf(request), request.params.id, request.params.relationshipId),
  );
  app.post(
    '/api/organizations/:id/relationships/:relationshipId/decline',
    { schema: { tags, summary: 'Decline a relationship another organization declared with this one: it never shows publicly', params: ZRelationshipParams, response: { 200: ZOrganizationProfile, ...errors } } },
    async (request) => declineRelationship(contextOf(request), request.params.id, request.params.relationshipId),
  );
  app.post(
    '/api/organizations/:id/relationships',
    { schema: { tags, summary: 'Add a typed, directed, dated relationship to another organization', params: ZIdParams, body: ZRelationshipCreate, response: { 201: ZOrganizationProfile, ...errors } } },
    async (request, reply) => reply.status(201).send(await addRelationship(contextOf(request), request.params.id, request.body)),
  );
};
