import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Cookie-authenticated writes must carry the session's CSRF token in a header (synchronizer token), which a
 * cross-site form or image cannot set. Cross-origin writes are refused outright by their Origin header.
 */
export function assertCsrfSafe(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.origin;
  if (origin && origin !== 'null') {
    const host = request.headers.host;
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (!host || originHost !== host) {
      throw new AppError('AUTH.CSRF_INVALID', 'Cross-origin write refused');
    }
  }
  if (!request.session) return; // no cookie session: nothing a forged request could ride on
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !sameToken(sent, request.session.csrfToken)) {
    throw new AppError('AUTH.CSRF_INVALID', `Missing or wrong ${CSRF_HEADER} header; reload the page`);
  }
}
