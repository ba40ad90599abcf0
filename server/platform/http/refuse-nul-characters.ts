import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TFieldIssue } from '../../../common/contracts/errors';

/**
 * PostgreSQL text cannot hold U+0000: a NUL that reaches a query is a 500 ("invalid byte sequence"), and a NUL in a
 * streamed export's filter cut the connection after a 200. So every request is checked once, here, before the route's
 * contract runs: a NUL in a path parameter, a query parameter or any string (or key) of a JSON body is a 422 naming the
 * field. A route whose body carries a file's text on purpose opts out for that field with
 * `config: { nulAllowedIn: ['body.content'] }` and then strips or refuses the NUL row by row itself.
 */
export async function refuseNulCharacters(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const allowed = new Set(request.routeOptions.config?.nulAllowedIn ?? []);
  const fields: TFieldIssue[] = [];
  collectNulPaths('params', request.params, allowed, fields);
  collectNulPaths('query', request.query, allowed, fields);
  collectNulPaths('body', request.body, allowed, fields);
  if (fields.length === 0) return;
  await reply.status(422).send({
    code: 'COMMON.VALIDATION',
    message: fields.map((field) => `${field.path}: ${field.message}`).join('; '),
    details: { fields },
    requestId: String(request.id),
  });
}

const NUL_MESSAGE = 'contains a NUL character (U+0000), which text cannot hold';
const MAX_REPORTED_FIELDS = 20;

function collectNulPaths(path: string, value: unknown, allowed: Set<string>, fields: TFieldIssue[]): void {
  if (fields.length >= MAX_REPORTED_FIELDS || allowed.has(path)) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) fields.push({ path, message: NUL_MESSAGE });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => collectNulPaths(`${path}.${index}`, item, allowed, fields));
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (key.includes('\u0000')) {
        fields.push({ path: `${path}.${key.replaceAll('\u0000', '\\u0000')}`, message: `field name ${NUL_MESSAGE}` });
        continue;
      }
      collectNulPaths(`${path}.${key}`, item, allowed, fields);
    }
  }
}
