import type { FastifyRequest } from 'fastify';
import { requestedLanguage } from '../texts';
import type { UseCaseContext } from '../use-case';
import './fastify-types';

/** The use-case context of one HTTP request: the signed-in actor, the database, the request id and source for audit. */
export function contextOf(request: FastifyRequest): UseCaseContext {
  return {
    actor: request.actor,
    db: request.server.db,
    requestId: String(request.id),
    sourceIp: request.ip || null,
    userAgent: request.headers['user-agent'] ?? null,
    language: requestedLanguage(request.query, request.headers['accept-language']),
  };
}
