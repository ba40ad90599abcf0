import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, ConfigError } from '../config/config';
import { createTestApp, type TestApp } from '../testing/test-app';
import { appContentSecurityPolicy } from './security-headers';

describe('security headers (issue 11, ASVS V3.4)', () => {
  let plain: TestApp;
  let secure: TestApp;
  beforeAll(async () => {
    plain = await createTestApp();
    secure = await createTestApp([], { secureCookies: true });
  });
  afterAll(async () => {
    await plain.close();
    await secure.close();
  });

  it('the app policy allows no inline script, no eval and no inline style; the basemap origin only when configured', () => {
    const policy = appContentSecurityPolicy({ basemapUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', secureCookies: false });
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("style-src 'self';");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(policy).toContain("connect-src 'self' https://tile.openstreetmap.org");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(appContentSecurityPolicy({ basemapUrl: null, secureCookies: false })).toContain("connect-src 'self';");
  });

  it('every answer carries CSP and Permissions-Policy; HSTS only with DISTRETTO_SECURE_COOKIES=true', async () => {
    const api = await plain.app.inject({ url: '/api/health' });
    expect(api.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    expect(api.headers['permissions-policy']).toContain('camera=()');
    expect(api.headers['strict-transport-security']).toBeUndefined();
    const page = await plain.app.inject({ url: '/accedi' });
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const secured = await secure.app.inject({ url: '/api/health' });
    expect(secured.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect((await secure.app.inject({ url: '/accedi' })).headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });
});

describe('session and throttle configuration', () => {
  it('reads the session lifetimes with their defaults and refuses a bad value naming the variable', () => {
    expect(loadConfig({}).sessions).toEqual({ idleMinutes: 120, absoluteHours: 12, reauthenticationMinutes: 10 });
    expect(loadConfig({ DISTRETTO_SESSION_ABSOLUTE_HOURS: '24', DISTRETTO_LOGIN_FREE_ATTEMPTS: '10' })).toMatchObject({
      sessions: { absoluteHours: 24 },
      loginThrottle: { accountFreeAttempts: 10, addressFreeAttempts: 30 },
    });
    expect(() => loadConfig({ DISTRETTO_SESSION_IDLE_MINUTES: 'forever' })).toThrow(ConfigError);
    expect(() => loadConfig({ DISTRETTO_REAUTHENTICATION_MINUTES: '0' })).toThrow(/DISTRETTO_REAUTHENTICATION_MINUTES/);
  });
});
