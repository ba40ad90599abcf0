import i18next from 'i18next';
import type { z } from 'zod';
import { ZErrorResponse, ZFieldIssue, type TFieldIssue } from '../../common/contracts/errors';
import { ZSessionResponse } from '../../common/contracts/auth';

/** Codes the client itself produces when there is no usable answer from the server. */
export const CLIENT_ERROR_CODES = {
  network: 'CLIENT.NETWORK',
  invalidResponse: 'CLIENT.INVALID_RESPONSE',
  unexpectedStatus: 'CLIENT.UNEXPECTED_STATUS',
} as const;

/** Every failed call ends as an ApiError: the HTTP status, the server's code, and the field problems when any. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: TFieldIssue[];
  readonly details: unknown;
  readonly requestId: string | null;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    fields?: TFieldIssue[];
    details?: unknown;
    requestId?: string | null;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.fields = init.fields ?? [];
    this.details = init.details;
    this.requestId = init.requestId ?? null;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Turns a non-2xx answer (already JSON-decoded, or null when the body was not JSON) into an ApiError. */
export function toApiError(status: number, body: unknown, statusText = ''): ApiError {
  const parsed = ZErrorResponse.safeParse(body);
  if (!parsed.success) {
    return new ApiError({
      status,
      code: CLIENT_ERROR_CODES.unexpectedStatus,
      message: `HTTP ${status}${statusText ? ` ${statusText}` : ''}`,
    });
  }
  const { code, message, details, requestId } = parsed.data;
  return new ApiError({ status, code, message, details, fields: fieldsOf(details), requestId: requestId ?? null });
}

/** Reads `details.fields` leniently: keeps the well-formed issues, ignores the rest. */
export function fieldsOf(details: unknown): TFieldIssue[] {
  if (typeof details !== 'object' || details === null || !('fields' in details)) return [];
  const fields = (details as { fields: unknown }).fields;
  if (!Array.isArray(fields)) return [];
  return fields.flatMap((field) => {
    const issue = ZFieldIssue.safeParse(field);
    return issue.success ? [issue.data] : [];
  });
}

export type QueryValue = string | number | boolean | null | undefined;

/** `/api/x` + `{ q: 'a b', empty: '' }` → `/api/x?q=a+b`; empty, null and undefined values are left out. */
export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

let csrfToken: string | null = null;

/** The session tells us the CSRF token; every write echoes it in `x-csrf-token`. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

async function send(method: Method, path: string, options: RequestOptions): Promise<Response> {
  // The server writes report labels and export headers in the interface's language, not the browser's.
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': i18next.language || 'it' };
  if (method !== 'GET') {
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
    // A FormData body (a file upload) sets its own multipart content type and boundary.
    if (options.body !== undefined && !(options.body instanceof FormData)) headers['content-type'] = 'application/json';
  }
  try {
    return await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : options.body instanceof FormData ? options.body : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network, message: String(error) });
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

async function refreshCsrfToken(): Promise<void> {
  const response = await send('GET', '/api/auth/session', {});
  if (!response.ok) return;
  const session = ZSessionResponse.safeParse(await readJson(response));
  if (session.success) setCsrfToken(session.data.csrfToken);
}

async function request<S extends z.ZodType>(
  method: Method,
  path: string,
  schema: S | null,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  let response = await send(method, path, options);
  if (method !== 'GET' && response.status === 403) {
    // A token that went stale (new session, server restart): fetch a fresh one and try once more.
    const error = toApiError(response.status, await readJson(response), response.statusText);
    if (error.code !== 'AUTH.CSRF_INVALID') throw error;
    await refreshCsrfToken();
    response = await send(method, path, options);
  }
  if (!response.ok) throw toApiError(response.status, await readJson(response), response.statusText);
  if (schema === null || response.status === 204) return undefined as z.infer<S>;
  const body = await readJson(response);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError({
      status: response.status,
      code: CLIENT_ERROR_CODES.invalidResponse,
      message: `Unexpected response from ${path}: ${parsed.error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ')}`,
    });
  }
  return parsed.data;
}

/** Typed access to the same-origin JSON API; responses are checked against the zod contracts in common/. */
export const api = {
  get<S extends z.ZodType>(path: string, schema: S, options: Omit<RequestOptions, 'body'> = {}) {
    return request('GET', path, schema, options);
  },
  post<S extends z.ZodType>(path: string, schema: S | null, body?: unknown, options: RequestOptions = {}) {
    return request('POST', path, schema, { ...options, body });
  },
  patch<S extends z.ZodType>(path: string, schema: S, body: unknown, options: RequestOptions = {}) {
    return request('PATCH', path, schema, { ...options, body });
  },
  put<S extends z.ZodType>(path: string, schema: S, body: unknown, options: RequestOptions = {}) {
    return request('PUT', path, schema, { ...options, body });
  },
  delete<S extends z.ZodType>(path: string, schema: S | null, options: RequestOptions = {}) {
    return request('DELETE', path, schema, options);
  },
  /** A multipart upload (one file under `file`), e.g. an attachment to the platform's file store. */
  upload<S extends z.ZodType>(path: string, schema: S, file: File, options: Omit<RequestOptions, 'body'> = {}) {
    const form = new FormData();
    form.append('file', file, file.name);
    return request('POST', path, schema, { ...options, body: form });
  },
};
