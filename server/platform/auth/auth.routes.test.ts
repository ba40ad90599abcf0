import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_MAX_FAILED_ATTEMPTS } from '../../../common/domain/limits';
import { createTestApp, createTestUser, sessionCookieOf, signIn, TEST_PASSWORD, type TestApp } from '../testing/test-app';

describe('sign-in, sessions and lockout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('signs in with the right password: HTTP-only SameSite session cookie, user and roles, CSRF token', async () => {
    const user = await createTestUser(t.system, [{ role: 'evaluator' }]);
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email.toUpperCase(), password: TEST_PASSWORD } });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'distretto_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const body = response.json();
    expect(body.user.email).toBe(user.email);
    expect(body.roles).toEqual([{ role: 'evaluator', scopeType: 'platform', scopeId: null, scopeName: null }]);
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);

    const session = await t.app.inject({ url: '/api/auth/session', headers: { cookie: sessionCookieOf(response) } });
    expect(session.json().user.id).toBe(user.id);
  });

  it('rotates the session id at login: the cookie sent before signing in stops working', async () => {
    const user = await createTestUser(t.system);
    const first = await signIn(t.app, user.email);
    const second = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: first.writeHeaders, payload: { email: user.email, password: TEST_PASSWORD } });
    expect(sessionCookieOf(second)).not.toBe(first.cookie);
    const old = await t.app.inject({ url: '/api/auth/session', headers: { cookie: first.cookie } });
    expect(old.json().user).toBeNull();
  });

  it('answers a wrong password and an unknown e-mail the same way', async () => {
    const user = await createTestUser(t.system);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: 'not-the-password' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@example.test', password: 'whatever-it-is' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('AUTH.INVALID_CREDENTIALS');
    expect(unknown.json().message).toBe(wrong.json().message);
  });

  it(`locks the account after ${LOGIN_MAX_FAILED_ATTEMPTS} wrong passwords, even against the right one`, async () => {
    const user = await createTestUser(t.system);
    const statuses: number[] = [];
    for (let i = 0; i < LOGIN_MAX_FAILED_ATTEMPTS; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: `wrong-${i}-password` } });
      statuses.push(r.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    const right = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: TEST_PASSWORD } });
    expect(right.statusCode).toBe(423);
    expect(right.json().code).toBe('AUTH.LOCKED');
    expect(new Date(right.json().details.lockedUntil).getTime()).toBeGreaterThan(Date.now() + 10 * 60_000);
    const audit = await t.db.pool.query("select action from audit_log where entity_id = $1 and action like 'auth.%' order by id", [user.id]);
    expect(audit.rows.map((r) => r.action)).toEqual([...Array(LOGIN_MAX_FAILED_ATTEMPTS - 1).fill('auth.login_failed'), 'auth.locked']);
  });

  it('logs out one session, and logs out everywhere', async () => {
    const user = await createTestUser(t.system);
    const laptop = await signIn(t.app, user.email);
    const phone = await signIn(t.app, user.email);
    const tablet = await signIn(t.app, user.email);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: laptop.writeHeaders });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/auth/session', headers: { cookie: laptop.cookie } })).json().user).toBeNull();
    expect((await t.app.inject({ url: '/api/auth/session', headers: { cookie: phone.cookie } })).json().user).not.toBeNull();

    const everywhere = await t.app.inject({ method: 'POST', url: '/api/auth/logout-everywhere', headers: phone.writeHeaders });
    expect(everywhere.statusCode).toBe(204);
    for (const device of [phone, tablet]) {
      expect((await t.app.inject({ url: '/api/auth/session', headers: { cookie: device.cookie } })).json().user).toBeNull();
    }
  });

  it('rate-limits bursts of sign-in attempts from one address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 25; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.9.9', payload: { email: `x${i}@example.test`, password: 'whatever-it-is' } });
      codes.push(r.statusCode);
    }
    expect(codes).toContain(429);
  });
});
