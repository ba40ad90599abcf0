import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestUser, sessionCookieOf, signIn, TEST_PASSWORD, type TestApp } from '../testing/test-app';

describe('sign-in, sessions and throttling', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Small allowances keep the loops short; the defaults (5 per e-mail and address, 30 per address) are the same rule.
    t = await createTestApp([], { loginThrottle: { accountFreeAttempts: 5, addressFreeAttempts: 8 } });
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

  it('throttles an account after 5 wrong passwords from one address with 429 AUTH.THROTTLED and Retry-After, not a lock', async () => {
    const user = await createTestUser(t.system);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.1.1.1', payload: { email: user.email, password: `wrong-${i}-password` } });
      statuses.push(r.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const right = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.1.1.1', payload: { email: user.email, password: TEST_PASSWORD } });
    expect(right.statusCode).toBe(429);
    expect(right.json().code).toBe('AUTH.THROTTLED');
    const retryAfter = Number(right.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(30);
    expect(right.json().details.retryAfterSeconds).toBe(retryAfter);

    // The owner, from their own address, is not kept out by what happened at another one.
    const owner = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.2.2.2', payload: { email: user.email, password: TEST_PASSWORD } });
    expect(owner.statusCode).toBe(200);

    // A throttle is a delay that ends by itself: once it is over, the right password works from that address too.
    await t.db.pool.query("update login_throttles set blocked_until = now() - interval '1 second' where key like $1", [`%${user.email}%`]);
    const later = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.1.1.1', payload: { email: user.email, password: TEST_PASSWORD } });
    expect(later.statusCode).toBe(200);
    const audit = await t.db.pool.query("select action from audit_log where entity_id = $1 and action like 'auth.%' order by id", [user.id]);
    expect(audit.rows.map((r) => r.action)).toEqual([...Array(5).fill('auth.fail-sign-in'), 'auth.sign-in', 'auth.sign-in']);
  });

  it('finding lockout: an unknown e-mail is throttled exactly like a known one, so the answers reveal nothing', async () => {
    const user = await createTestUser(t.system);
    const answers = async (email: string, address: string) => {
      const result: string[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: address, payload: { email, password: `wrong-${i}-password` } });
        result.push(`${r.statusCode} ${r.json().code} ${r.json().message}`);
      }
      return result;
    };
    const known = await answers(user.email, '10.3.3.3');
    const unknown = await answers('nobody-here@example.test', '10.4.4.4');
    expect(unknown).toEqual(known);
    expect(known.at(-1)).toMatch(/^429 AUTH.THROTTLED/);
  });

  it('finding lockout: a known and an unknown e-mail take the same time (the password hash runs for both)', async () => {
    const user = await createTestUser(t.system);
    const time = async (email: string, address: string) => {
      const start = performance.now();
      await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: address, payload: { email, password: 'wrong-password-here' } });
      return performance.now() - start;
    };
    await time(user.email, '10.5.5.0'); // warm-up
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      known.push(await time(user.email, `10.5.5.${i + 1}`));
      unknown.push(await time(`ghost${i}@example.test`, `10.5.6.${i + 1}`));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    // Both run one scrypt (tens of milliseconds); without it the unknown e-mail would answer several times faster.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
  });

  it('throttles one address trying many e-mails', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 9; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.6.6.6', payload: { email: `spray${i}@example.test`, password: 'whatever-it-is' } });
      codes.push(r.json().code);
    }
    expect(codes).toEqual([...Array(8).fill('AUTH.INVALID_CREDENTIALS'), 'AUTH.THROTTLED']);
  });

  it('a deactivated account answers like a wrong password', async () => {
    const user = await createTestUser(t.system);
    await t.db.pool.query('update users set is_active = false where id = $1', [user.id]);
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.7.7.7', payload: { email: user.email, password: TEST_PASSWORD } });
    expect(r.statusCode).toBe(401);
    expect(r.json().code).toBe('AUTH.INVALID_CREDENTIALS');
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
    for (let i = 0; i < 70; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.9.9', payload: { email: `x${i}@example.test`, password: 'whatever-it-is' } });
      codes.push(r.statusCode);
    }
    expect(codes).toContain(429);
  });

  it('expires a session at its absolute lifetime even while it is in use', async () => {
    const user = await createTestUser(t.system);
    const device = await signIn(t.app, user.email);
    await t.db.pool.query("update sessions set created_at = now() - interval '11 hours 59 minutes' where user_id = $1", [user.id]);
    expect((await t.app.inject({ url: '/api/auth/session', headers: { cookie: device.cookie } })).json().user).not.toBeNull();
    await t.db.pool.query("update sessions set created_at = now() - interval '12 hours 1 minute', last_seen_at = now() where user_id = $1", [user.id]);
    expect((await t.app.inject({ url: '/api/auth/session', headers: { cookie: device.cookie } })).json().user).toBeNull();
  });

  it('expires a session idle for longer than the idle timeout', async () => {
    const user = await createTestUser(t.system);
    const device = await signIn(t.app, user.email);
    const { rows } = await t.db.pool.query('select extract(epoch from expires_at - created_at)::float as seconds from sessions where user_id = $1', [user.id]);
    expect(rows[0].seconds).toBeGreaterThan(2 * 3600 - 60);
    expect(rows[0].seconds).toBeLessThanOrEqual(2 * 3600 + 1);
    await t.db.pool.query("update sessions set expires_at = now() - interval '1 second' where user_id = $1", [user.id]);
    expect((await t.app.inject({ url: '/api/auth/session', headers: { cookie: device.cookie } })).json().user).toBeNull();
  });
});
