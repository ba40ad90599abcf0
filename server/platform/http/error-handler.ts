import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { TErrorResponse, TFieldIssue } from '../../../common/contracts/errors';
import { isQueryTimeout } from '../db/database';
import { AppError } from '../errors/app-error';
import { recordRefusal } from '../audit/audit';
import { contextOf } from './context';

function send(reply: FastifyReply, request: FastifyRequest, status: number, body: Omit<TErrorResponse, 'requestId'>) {
  return reply.status(status).send({ ...body, requestId: String(request.id) });
}

/**
 * A refused attempt worth the audit log: a 403 (the actor may not do this), or a 404 on a record for a signed-in
 * actor (a record they may not see is answered as missing, on purpose, so both are logged alike). Anonymous 404s
 * are not logged: public pages answer them to anyone, and logging them would let anyone fill the log.
 */
function isRefusal(error: AppError, request: FastifyRequest): boolean {
  if (!request.url.startsWith('/api/') || !request.actor) return false;
  if (error.code === 'ACCESS.FORBIDDEN') return true;
  return error.code === 'COMMON.NOT_FOUND' && request.actor.kind !== 'anonymous';
}

async function auditRefusal(error: AppError, request: FastifyRequest): Promise<void> {
  const details = error.details ?? {};
  const route = request.routeOptions.url ?? request.url.split('?')[0]!;
  const entityType = typeof details.entity === 'string' ? details.entity : 'route';
  const entityId = typeof details.id === 'string' ? details.id : `${request.method} ${route}`;
  try {
    await recordRefusal(contextOf(request), {
      action: 'access.refuse-request',
      entityType,
      entityId,
      details: { method: request.method, route, status: error.status, code: error.code, ...(typeof details.action === 'string' ? { refusedAction: details.action } : {}) },
    });
  } catch (auditError) {
    // The refusal stands whatever happens to its record; the failure is in the server log for an operator.
    request.log.error({ err: auditError }, 'could not record a refused attempt in the audit log');
  }
}

/**
 * The one place errors become HTTP responses: coded AppErrors keep their code; validation errors name the field;
 * everything unexpected is logged with its stack and answered with a bare 500 (no SQL or stack to the client).
 */
export async function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    if (isRefusal(error, request)) await auditRefusal(error, request);
    const retryAfter = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (error.status === 429 && typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
    return send(reply, request, error.status, { code: error.code, message: error.message, details: error.details });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = error.validationContext ?? 'body';
    const fields: TFieldIssue[] = error.validation.map((issue) => {
      const path = [context, ...String(issue.instancePath).split('/').filter(Boolean)].join('.');
      const unknownKeys = (issue.params as { keys?: string[] } | undefined)?.keys;
      const message = unknownKeys?.length ? `unknown field(s): ${unknownKeys.join(', ')}` : issue.message ?? 'invalid';
      return { path: unknownKeys?.length === 1 ? `${path}.${unknownKeys[0]}` : path, message };
    });
    const status = context === 'body' ? 422 : 400;
    return send(reply, request, status, {
      code: status === 422 ? 'COMMON.VALIDATION' : 'COMMON.BAD_REQUEST',
      message: fields.map((field) => `${field.path}: ${field.message}`).join('; '),
      details: { fields },
    });
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its contract');
    return send(reply, request, 500, { code: 'COMMON.INTERNAL', message: 'Internal error' });
  }
  if (isQueryTimeout(error)) {
    request.log.warn({ err: error }, 'query time limit reached');
    return send(reply, request, 503, {
      code: 'DB.QUERY_TIMEOUT',
      message: 'The database took too long to answer; try again or narrow the request',
    });
  }
  const fastifyError = error as FastifyError;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return send(reply, request, 413, { code: 'COMMON.PAYLOAD_TOO_LARGE', message: 'The request body is too large' });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return send(reply, request, 400, { code: 'COMMON.BAD_REQUEST', message: `Malformed JSON body: ${fastifyError.message}` });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return send(reply, request, 415 as number, { code: 'COMMON.BAD_REQUEST', message: 'Send application/json' });
  }
  if (fastifyError.statusCode === 429) {
    return send(reply, request, 429, { code: 'COMMON.RATE_LIMITED', message: 'Too many requests; wait and retry' });
  }
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return send(reply, request, fastifyError.statusCode, { code: 'COMMON.BAD_REQUEST', message: fastifyError.message });
  }
  request.log.error({ err: error }, 'unhandled error');
  return send(reply, request, 500, { code: 'COMMON.INTERNAL', message: 'Internal error' });
}
