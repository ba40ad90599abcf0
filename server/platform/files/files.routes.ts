import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../common/contracts/errors';
import { ZFileIdParams, ZFileRecordParams, ZStoredFile, ZStoredFileList } from '../../../common/contracts/files';
import { contextOf } from '../http/context';
import { deleteFile } from './delete-file';
import { acceptFileUploads, receiveUploadedFile, sendStoredFile } from './file-http';
import type { FileOwners } from './file-owners';
import { listRecordFiles } from './list-record-files';
import { readFile } from './read-file';
import { storeFile } from './store-file';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 413: ZErrorResponse, 415: ZErrorResponse, 422: ZErrorResponse };

/**
 * Attachments of every module's records (ADR 0027). The record is named by its owner (`<module>.<record kind>`) and id;
 * the module that declared that owner decides who lists, downloads, attaches and removes.
 */
export function filesRoutes(owners: FileOwners): FastifyPluginAsyncZod {
  return async (app) => {
    const maxBytes = app.config.files.maxBytes;
    await acceptFileUploads(app, maxBytes);
    app.post(
      '/api/files/:owner/:recordId',
      {
        schema: {
          tags: ['files'],
          summary: 'Attach a file to a record (multipart/form-data, one file): type checked by content, name sanitized',
          consumes: ['multipart/form-data'],
          params: ZFileRecordParams,
          response: { 201: ZStoredFile, ...errors },
        },
      },
      async (request, reply) => {
        const file = await storeFile(contextOf(request), owners, { owner: request.params.owner, recordId: request.params.recordId, receive: () => receiveUploadedFile(request, maxBytes) }, maxBytes);
        return reply.status(201).send(file);
      },
    );
    app.get(
      '/api/files/:owner/:recordId',
      { schema: { tags: ['files'], summary: 'The files attached to a record', params: ZFileRecordParams, response: { 200: ZStoredFileList, ...errors } } },
      async (request) => listRecordFiles(contextOf(request), owners, request.params.owner, request.params.recordId),
    );
    app.get(
      '/api/files/:id',
      { schema: { tags: ['files'], summary: 'Download a file, as an attachment of its stored type', params: ZFileIdParams, response: errors } },
      async (request, reply) => {
        const { file, content } = await readFile(contextOf(request), owners, request.params.id);
        return sendStoredFile(reply, file, content);
      },
    );
    app.delete(
      '/api/files/:id',
      { schema: { tags: ['files'], summary: 'Remove a file from its record', params: ZFileIdParams, response: { 204: z.null(), ...errors } } },
      async (request, reply) => {
        await deleteFile(contextOf(request), owners, request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
