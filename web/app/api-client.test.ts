import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { api, ApiError, buildUrl, CLIENT_ERROR_CODES, fieldsOf, setCsrfToken, toApiError } from './api-client';

describe('buildUrl', () => {
  it('adds only the parameters that have a value', () => {
    expect(buildUrl('/api/territory/municipalities', { q: 'san giorgio', region: '01', province: '', cursor: undefined, limit: 25 })).toBe(
      '/api/territory/municipalities?q=san+giorgio&region=01&limit=25',
    );
    expect(buildUrl('/api/districts', {})).toBe('/api/districts');
  });
});

describe('toApiError', () => {
  it('keeps status, code, message, request id and the field problems', () => {
    const error = toApiError(422, {
      code: 'COMMON.VALIDATION',
      message: 'basemapUrl: must be a tile URL',
      details: { fields: [{ path: 'basemapUrl', message: 'must be a tile URL' }, { nonsense: true }] },
      requestId: 'req-1',
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.code).toBe('COMMON.VALIDATION');
    expect(error.requestId).toBe('req-1');
    expect(error.fields).toEqual([{ path: 'basemapUrl', message: 'must be a tile URL' }]);
  });

  it('still produces a coded error when the body is not the error shape (a proxy page, empty body)', () => {
    const error = toApiError(502, null, 'Bad Gateway');
    expect(error.code).toBe(CLIENT_ERROR_CODES.unexpectedStatus);
    expect(error.message).toBe('HTTP 502 Bad Gateway');
    expect(error.fields).toEqual([]);
  });
});

describe('fieldsOf', () => {
  it('returns nothing for details without fields', () => {
    expect(fieldsOf(undefined)).toEqual([]);
    expect(fieldsOf({ lockedUntil: '2030-01-01T00:00:00Z' })).toEqual([]);
    expect(fieldsOf({ fields: 'nope' })).toEqual([]);
  });
});

describe('api requests', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
  });

  function respond(status: number, body: unknown) {
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  }

  it('parses a successful answer with the contract', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => respond(200, { value: 3 })));
    await expect(api.get('/api/x', z.object({ value: z.number() }))).resolves.toEqual({ value: 3 });
  });

  it('rejects an answer that does not match the contract', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => respond(200, { value: 'three' })));
    await expect(api.get('/api/x', z.object({ value: z.number() }))).rejects.toMatchObject({
      code: CLIENT_ERROR_CODES.invalidResponse,
    });
  });

  it('sends the CSRF token and JSON content type on writes', async () => {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => respond(200, { ok: true }));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('token-1');
    await api.patch('/api/settings', z.object({ ok: z.boolean() }), { version: 1 });
    const init = fetchMock.mock.calls[0]![1]!;
    expect(init.method).toBe('PATCH');
    expect(init.headers).toMatchObject({ 'x-csrf-token': 'token-1', 'content-type': 'application/json' });
    expect(init.body).toBe('{"version":1}');
  });

  it('fetches a fresh CSRF token once when the server refuses the old one', async () => {
    const answers = [
      respond(403, { code: 'AUTH.CSRF_INVALID', message: 'bad token' }),
      respond(200, { user: null, roles: [], csrfToken: 'fresh' }),
      respond(204, undefined),
    ];
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => answers.shift()!);
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('stale');
    await api.post('/api/auth/logout', null);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(fetchMock.mock.calls[2]![1]!.headers).toMatchObject({ 'x-csrf-token': 'fresh' });
  });

  it('turns a 409 into an ApiError with the server code', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => respond(409, { code: 'COMMON.STALE_VERSION', message: 'changed' })));
    await expect(api.patch('/api/districts/d1', z.object({}), { version: 1 })).rejects.toMatchObject({
      status: 409,
      code: 'COMMON.STALE_VERSION',
    });
  });

  it('reports network failures as CLIENT.NETWORK', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('fetch failed'))));
    await expect(api.get('/api/x', z.object({}))).rejects.toMatchObject({ status: 0, code: CLIENT_ERROR_CODES.network });
  });
});
