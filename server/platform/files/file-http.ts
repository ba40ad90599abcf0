import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TStoredFile } from '../../../common/contracts/files';
import { AppError, fieldError } from '../errors/app-error';
import { fileTooLarge } from './store-file';

/**
 * The HTTP side of attachments, for the platform's files routes and any module route that takes a file: accept
 * multipart uploads in the calling plugin's scope, read the one file of a request within the size limit, and send a
 * stored file back as a download the browser never renders.
 */

/** Lets the routes of the calling plugin (and only them) receive multipart/form-data with one file of at most `maxBytes`. */
export async function acceptFileUploads(app: FastifyInstance, maxBytes: number): Promise<void> {
  await app.register(fastifyMultipart, { limits: { fileSize: maxBytes, files: 1, fields: 5, fieldSize: 1000, parts: 6, headerPairs: 50 }, throwFileSizeLimit: true });
}

/**
 * The file part of a multipart request (the first file; the form may name its field anything): its name as sent and
 * its bytes. Not multipart → 415 FILES.MULTIPART_REQUIRED; no file → 422 naming `file`; over `maxBytes` → 413
 * FILES.TOO_LARGE as soon as the limit is crossed (the rest is not read).
 */
export async function receiveUploadedFile(request: FastifyRequest, maxBytes: number): Promise<{ name: string; content: Buffer }> {
  if (!request.isMultipart()) throw new AppError('FILES.MULTIPART_REQUIRED', 'Send the file as multipart/form-data', { fields: [{ path: 'file', message: 'send it as multipart/form-data' }] });
  const part = await request.file({ limits: { fileSize: maxBytes } });
  if (!part) throw fieldError('file', 'required', 'required');
  try {
    return { name: part.filename, content: await part.toBuffer() };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge(maxBytes);
    throw error;
  }
}

/** Nothing in a downloaded file may run, load or be framed, even if a browser ignored the attachment disposition. */
export const DOWNLOAD_CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Content-Disposition for a download (RFC 6266): `attachment`, an ASCII fallback name for old clients and the real
 * name as UTF-8 in `filename*` (RFC 8187), so no character of the name can end the header or add a parameter.
 */
export function attachmentDisposition(name: string): string {
  // eslint-disable-next-line no-control-regex
  const fallback = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The media type header of a stored file: text is always said to be UTF-8 (the store accepts no other text). */
export function contentTypeOf(file: TStoredFile): string {
  return file.mediaType.startsWith('text/') ? `${file.mediaType}; charset=utf-8` : file.mediaType;
}

/** Sends a stored file as an attachment: its stored type, nosniff, a CSP that forbids everything, no shared caching. */
export function sendStoredFile(reply: FastifyReply, file: TStoredFile, content: Buffer): FastifyReply {
  return reply
    .header('content-type', contentTypeOf(file))
    .header('content-disposition', attachmentDisposition(file.name))
    .header('content-length', String(content.length))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', DOWNLOAD_CONTENT_SECURITY_POLICY)
    .header('cache-control', 'private, no-store')
    .header('etag', `"${file.sha256}"`)
    .send(content);
}
