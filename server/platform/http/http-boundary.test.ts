import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestUser, signIn, type SignedIn, type TestApp } from '../testing/test-app';

/** The HTTP boundary: CSRF, access denial, stale versions and validation — and that a refused request writes nothing. */
describe('HTTP boundary', () => {
  let t: TestApp;
  let admin: SignedIn;
  let evaluator: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signIn(t.app, (await createTestUser(t.system, [{ role: 'platform_admin' }])).email);
    evaluator = await signIn(t.app, (await createTestUser(t.system, [{ role: 'evaluator' }])).email);
  });
  afterAll(() => t.close());

  const settingsVersion = async () => (await t.app.inject({ url: '/api/settings' })).json().version as number;
  const auditCount = async () => Number((await t.db.pool.query("select count(*) as n from audit_log where kind = 'write'")).rows[0].n);

  it('refuses a cookie-authenticated write without the CSRF header, and from another origin', async () => {
    const version = await settingsVersion();
    const payload = { basemapUrl: null, version };
    const noHeader = await t.app.inject({ method: 'PATCH', url: '/api/settings', headers: { cookie: admin.cookie }, payload });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().code).toBe('AUTH.CSRF_INVALID');
    const wrongHeader = await t.app.inject({ method: 'PATCH', url: '/api/settings', headers: { cookie: admin.cookie, 'x-csrf-token': 'forged' }, payload });
    expect(wrongHeader.statusCode).toBe(403);
    const crossOrigin = await t.app.inject({
      method: 'PATCH', url: '/api/settings', headers: { ...admin.writeHeaders, origin: 'https://evil.example', host: 'localhost:3000' }, payload,
    });
    expect(crossOrigin.statusCode).toBe(403);
    expect(await settingsVersion()).toBe(version);
  });

  it('denies a write to a role that lacks it (403) and to anonymous visitors (401), changing nothing', async () => {
    const version = await settingsVersion();
    const before = await auditCount();
    const payload = { basemapUrl: 'https://tiles.example.org/{z}/{x}/{y}.png', version };
    const asEvaluator = await t.app.inject({ method: 'PATCH', url: '/api/settings', headers: evaluator.writeHeaders, payload });
    expect(asEvaluator.statusCode).toBe(403);
    expect(asEvaluator.json()).toMatchObject({ code: 'ACCESS.FORBIDDEN' });
    const anonymous = await t.app.inject({ method: 'PATCH', url: '/api/settings', payload });
    expect(anonymous.statusCode).toBe(401);
    expect(await settingsVersion()).toBe(version);
    expect(await auditCount()).toBe(before);
  });

  it('saves with the current version, audits before/after, and answers 409 to the stale version', async () => {
    const version = await settingsVersion();
    const url = 'https://tiles.example.org/{z}/{x}/{y}.png';
    const saved = await t.app.inject({ method: 'PATCH', url: '/api/settings', headers: admin.writeHeaders, payload: { basemapUrl: url, version } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ basemapUrl: url, version: version + 1 });
    const audit = await t.db.pool.query("select before, after, request_id from audit_log where action = 'settings.update-settings' order by id desc limit 1");
    expect(audit.rows[0].before.basemapUrl).toBeNull();
    expect(audit.rows[0].after.basemapUrl).toBe(url);
    expect(audit.rows[0].request_id).toBe(saved.headers['x-request-id']);

    const stale = await t.app.inject({ method: 'PATCH', url: '/api/settings', headers: admin.writeHeaders, payload: { basemapUrl: null, version } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'COMMON.STALE_VERSION', details: { sentVersion: version, currentVersion: version + 1 } });
    expect((await t.app.inject({ url: '/api/settings' })).json().basemapUrl).toBe(url);
  });

  it('answers 422 naming the bad field, the unknown field and the wrong type', async () => {
    const version = await settingsVersion();
    const badUrl = await t.app.inject({ method: 'PATCH', url: '/api/settings', headers: admin.writeHeaders, payload: { basemapUrl: 'ftp://nope', version } });
    expect(badUrl.statusCode).toBe(422);
    expect(badUrl.json().details.fields[0].path).toBe('body.basemapUrl');
    const unknown = await t.app.inject({ method: 'PATCH', url: '/api/settings', headers: admin.writeHeaders, payload: { version, colour: 'red' } });
    expect(unknown.statusCode).toBe(422);
    expect(JSON.stringify(unknown.json().details.fields)).toContain('colour');
    const wrongType = await t.app.inject({ method: 'PATCH', url: '/api/settings', headers: admin.writeHeaders, payload: { version: 'three' } });
    expect(wrongType.statusCode).toBe(422);
    expect(wrongType.json().details.fields[0].path).toBe('body.version');
    expect(await settingsVersion()).toBe(version);
  });

  it('answers malformed JSON with 400 and an oversized body with 413, never with SQL or a stack', async () => {
    const malformed = await t.app.inject({
      method: 'PATCH', url: '/api/settings', headers: { ...admin.writeHeaders, 'content-type': 'application/json' }, payload: '{"version": 1,',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('COMMON.BAD_REQUEST');
    const huge = await t.app.inject({
      method: 'PATCH', url: '/api/settings', headers: { ...admin.writeHeaders, 'content-type': 'application/json' },
      payload: JSON.stringify({ version: 1, basemapAttribution: 'x'.repeat(2_000_000) }),
    });
    expect(huge.statusCode).toBe(413);
    for (const response of [malformed, huge]) expect(response.body).not.toMatch(/select|insert|at .*\.ts:\d+/i);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const response = await t.app.inject({ url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('COMMON.NOT_FOUND');
  });

  it('serves the OpenAPI document generated from the contracts', async () => {
    const response = await t.app.inject({ url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const spec = response.json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/settings', '/api/audit']));
    expect((await t.app.inject({ url: '/api/docs/' })).statusCode).toBe(200);
  });

  it('lets platform admins browse and filter the audit log, and nobody else', async () => {
    const page = await t.app.inject({ url: '/api/audit?action=settings.update&limit=1', headers: { cookie: admin.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.json().items).toHaveLength(1);
    expect(page.json().items[0].action).toBe('settings.update-settings');
    expect((await t.app.inject({ url: '/api/audit', headers: { cookie: evaluator.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/audit' })).statusCode).toBe(401);
  });
});
