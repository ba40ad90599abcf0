import type { FastifyRequest } from 'fastify';
import { mailLinkBase } from '../mail/mail-settings';
import { contextOf } from './context';

/** The address links in this request's e-mails start with (mailLinkBase: DISTRETTO_PUBLIC_URL first, never the request's host when it is set). */
export function mailLinkBaseOf(request: FastifyRequest): Promise<string> {
  return mailLinkBase(contextOf(request), { publicUrl: request.server.config.publicUrl, requestOrigin: `${request.protocol}://${request.host}` });
}
