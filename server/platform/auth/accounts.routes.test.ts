import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestUser, signIn, TEST_PASSWORD, type SignedIn, type TestApp } from '../testing/test-app';
import { expectNoRawCodes } from '../testing/raw-codes';
import { totpCodeAt } from './totp';

const NEW_PASSWORD = 'la nebbia sul monviso al mattino';

async function expireReauthentication(t: TestApp, userId: string) {
  await t.db.pool.query("update sessions set authenticated_at = now() - interval '11 minutes' where user_id = $1", [userId]);
}

async function lastResetLink(t: TestApp, email: string): Promise<string> {
  const { rows } = await t.db.pool.query("select body_text from mail_outbox where to_address = $1 and topic_type = 'password_reset' order by created_at desc limit 1", [email]);
  const match = /https?:\/\/\S+#([\w-]+)/.exec(rows[0]?.body_text ?? '');
  if (!match) throw new Error(`no reset link mailed to ${email}`);
  return match[1]!;
}

describe('accounts people can manage (issue 11, ASVS V6/V7)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('password change', () => {
    it('changes the password with the current one, ends the other sessions and keeps this one', async () => {
      const user = await createTestUser(t.system);
      const laptop = await signIn(t.app, user.email);
      const phone = await signIn(t.app, user.email);
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: laptop.writeHeaders, payload: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } });
      expect(r.statusCode).toBe(200);
      expect(r.json().sessionsEnded).toBe(1);
      expect((await t.app.inject({ url: '/api/auth/session', headers: { cookie: laptop.cookie } })).json().user).not.toBeNull();
      expect((await t.app.inject({ url: '/api/auth/session', headers: { cookie: phone.cookie } })).json().user).toBeNull();
      await signIn(t.app, user.email, NEW_PASSWORD);
      const audit = await t.db.pool.query("select action from audit_log where entity_id = $1 and action = 'auth.change-password'", [user.id]);
      expect(audit.rowCount).toBe(1);
    });

    it('refuses a wrong current password (422 naming currentPassword) and a common new one (422 naming newPassword)', async () => {
      const user = await createTestUser(t.system);
      const session = await signIn(t.app, user.email);
      const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: session.writeHeaders, payload: { currentPassword: 'not-my-password', newPassword: NEW_PASSWORD } });
      expect(wrong.statusCode).toBe(422);
      expect(wrong.json().code).toBe('AUTH.WRONG_CURRENT_PASSWORD');
      expect(wrong.json().details.fields[0].path).toBe('currentPassword');
      const common = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: session.writeHeaders, payload: { currentPassword: TEST_PASSWORD, newPassword: 'Password1234' } });
      expect(common.statusCode).toBe(422);
      expect(common.json().code).toBe('USERS.WEAK_PASSWORD');
      expect(common.json().details.fields[0].path).toBe('newPassword');
      const short = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: session.writeHeaders, payload: { currentPassword: TEST_PASSWORD, newPassword: 'Sh0rt!' } });
      expect(short.json().details.problem).toBe('tooShort');
    });

    it('asks for re-authentication when the password was proven more than 10 minutes ago, then accepts', async () => {
      const user = await createTestUser(t.system);
      const session = await signIn(t.app, user.email);
      await expireReauthentication(t, user.id);
      const stale = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: session.writeHeaders, payload: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } });
      expect(stale.statusCode).toBe(401);
      expect(stale.json().code).toBe('AUTH.REAUTHENTICATION_REQUIRED');
      const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/reauthenticate', headers: session.writeHeaders, payload: { password: 'not-my-password' } });
      expect(wrong.json().code).toBe('AUTH.WRONG_CURRENT_PASSWORD');
      const again = await t.app.inject({ method: 'POST', url: '/api/auth/reauthenticate', headers: session.writeHeaders, payload: { password: TEST_PASSWORD } });
      expect(again.statusCode).toBe(200);
      const fresh = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: session.writeHeaders, payload: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } });
      expect(fresh.statusCode).toBe(200);
    });
  });

  describe('language of the account', () => {
    const setLocale = (as: { writeHeaders: Record<string, string> } | null, payload: object) =>
      t.app.inject({ method: 'PUT', url: '/api/auth/locale', headers: as ? as.writeHeaders : {}, payload });

    it('lets a user choose English: the session says so, the change is audited, and the reset mail is in English', async () => {
      const user = await createTestUser(t.system);
      const session = await signIn(t.app, user.email);
      const chosen = await setLocale(session, { locale: 'en' });
      expect([chosen.statusCode, chosen.json()]).toEqual([200, { locale: 'en' }]);
      expect((await t.app.inject({ url: '/api/auth/session', headers: { cookie: session.cookie } })).json().user.locale).toBe('en');
      const audit = await t.db.pool.query("select before->>'locale' as before, after->>'locale' as after from audit_log where entity_id = $1 and action = 'auth.set-locale'", [user.id]);
      expect(audit.rows).toEqual([{ before: 'it', after: 'en' }]);
      await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: user.email } });
      const mail = (await t.db.pool.query("select subject, body_text from mail_outbox where to_address = $1 and topic_type = 'password_reset' order by created_at desc limit 1", [user.email])).rows[0];
      expect(mail.subject).toBe('Distretto: reset your password');
      expect(mail.body_text).toContain('Open this link within an hour');
      expect(mail.body_text).not.toContain('reimpostare');
      expectNoRawCodes(`${mail.subject}\n${mail.body_text}`);
      // Back to Italian: the next mail is Italian.
      expect((await setLocale(session, { locale: 'it' })).statusCode).toBe(200);
      await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: user.email } });
      const italian = (await t.db.pool.query("select subject from mail_outbox where to_address = $1 and topic_type = 'password_reset' order by created_at desc limit 1", [user.email])).rows[0];
      expect(italian.subject).toBe('Distretto: reimposta la password');
    });

    it('refuses a language we do not have (422, nothing changed, nothing audited) and anyone not signed in (401)', async () => {
      const user = await createTestUser(t.system);
      const session = await signIn(t.app, user.email);
      for (const payload of [{ locale: 'fr' }, { locale: 'EN' }, {}, { locale: 'en', extra: true }]) {
        expect((await setLocale(session, payload)).statusCode, JSON.stringify(payload)).toBe(422);
      }
      expect((await t.app.inject({ url: '/api/auth/session', headers: { cookie: session.cookie } })).json().user.locale).toBe('it');
      expect((await t.db.pool.query("select 1 from audit_log where entity_id = $1 and action = 'auth.set-locale'", [user.id])).rowCount).toBe(0);
      const anonymous = await setLocale(null, { locale: 'en' });
      expect([401, 403]).toContain(anonymous.statusCode);
    });
  });

  describe('password reset by e-mail link', () => {
    it('mails a single-use link; using it sets the password and ends every session', async () => {
      const user = await createTestUser(t.system);
      const session = await signIn(t.app, user.email);
      const asked = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: user.email.toUpperCase() } });
      expect(asked.statusCode).toBe(202);
      const token = await lastResetLink(t, user.email);
      const stored = await t.db.pool.query('select token_hash from password_reset_tokens where user_id = $1', [user.id]);
      expect(stored.rows[0].token_hash).not.toContain(token); // only a hash is kept

      const check = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/check', payload: { token } });
      expect(check.json().email).toBe(user.email);
      const done = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/complete', payload: { token, newPassword: NEW_PASSWORD } });
      expect(done.statusCode).toBe(200);
      expect((await t.app.inject({ url: '/api/auth/session', headers: { cookie: session.cookie } })).json().user).toBeNull();
      await signIn(t.app, user.email, NEW_PASSWORD);

      const replay = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/complete', payload: { token, newPassword: 'another long passphrase here' } });
      expect(replay.statusCode).toBe(410);
      expect(replay.json().code).toBe('AUTH.RESET_LINK_INVALID');
    });

    it('refuses an expired link', async () => {
      const user = await createTestUser(t.system);
      await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: user.email } });
      const token = await lastResetLink(t, user.email);
      await t.db.pool.query("update password_reset_tokens set expires_at = now() - interval '1 second' where user_id = $1", [user.id]);
      const late = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/complete', payload: { token, newPassword: NEW_PASSWORD } });
      expect(late.json().code).toBe('AUTH.RESET_LINK_INVALID');
    });

    it('answers an unknown e-mail exactly like a known one and mails nothing', async () => {
      const user = await createTestUser(t.system);
      const known = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: user.email } });
      const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: 'nobody-at-all@example.test' } });
      expect(unknown.statusCode).toBe(known.statusCode);
      expect(unknown.body).toBe(known.body);
      const mails = await t.db.pool.query("select 1 from mail_outbox where to_address = 'nobody-at-all@example.test'");
      expect(mails.rowCount).toBe(0);
    });
  });

  describe('user administration', () => {
    let admin: { id: string; email: string };
    let adminSession: SignedIn;
    beforeAll(async () => {
      admin = await createTestUser(t.system, [{ role: 'platform_admin' }]);
      adminSession = await signIn(t.app, admin.email);
    });

    it('lists and searches users with their roles; only administrators may', async () => {
      const someone = await createTestUser(t.system, [{ role: 'evaluator' }]);
      const list = await t.app.inject({ url: `/api/users?q=${encodeURIComponent(someone.email)}`, headers: { cookie: adminSession.cookie } });
      expect(list.statusCode).toBe(200);
      expect(list.json().items).toHaveLength(1);
      expect(list.json().items[0].grants[0].role).toBe('evaluator');
      const other = await signIn(t.app, someone.email);
      expect((await t.app.inject({ url: '/api/users', headers: { cookie: other.cookie } })).statusCode).toBe(403);
      expect((await t.app.inject({ url: '/api/users' })).statusCode).toBe(401);
    });

    it('grants and revokes a role (audited), and names the missing scope field', async () => {
      const someone = await createTestUser(t.system);
      const missing = await t.app.inject({ method: 'POST', url: `/api/users/${someone.id}/grants`, headers: adminSession.writeHeaders, payload: { role: 'district_coordinator' } });
      expect(missing.statusCode).toBe(422);
      expect(missing.json().details.fields[0].path).toBe('districtId');
      const granted = await t.app.inject({ method: 'POST', url: `/api/users/${someone.id}/grants`, headers: adminSession.writeHeaders, payload: { role: 'platform_admin' } });
      expect(granted.statusCode).toBe(201);
      const revoked = await t.app.inject({ method: 'DELETE', url: `/api/users/${someone.id}/grants/${granted.json().id}`, headers: adminSession.writeHeaders });
      expect(revoked.statusCode).toBe(204);
      const audit = await t.db.pool.query("select action from audit_log where entity_id = $1 and action like 'users.%' order by id", [someone.id]);
      expect(audit.rows.map((r) => r.action)).toEqual(['users.create-user', 'users.grant-role', 'users.revoke-role']);
    });

    it('asks an administrator whose sign-in is old to confirm the password before a grant', async () => {
      const other = await createTestUser(t.system, [{ role: 'platform_admin' }]);
      const session = await signIn(t.app, other.email);
      await expireReauthentication(t, other.id);
      const someone = await createTestUser(t.system);
      const r = await t.app.inject({ method: 'POST', url: `/api/users/${someone.id}/grants`, headers: session.writeHeaders, payload: { role: 'evaluator' } });
      expect(r.json().code).toBe('AUTH.REAUTHENTICATION_REQUIRED');
    });

    it('refuses to remove the last administrator (USERS.LAST_ADMINISTRATOR) and to deactivate oneself (USERS.CANNOT_CHANGE_SELF)', async () => {
      const self = await t.app.inject({ method: 'PUT', url: `/api/users/${admin.id}/active`, headers: adminSession.writeHeaders, payload: { isActive: false } });
      expect(self.statusCode).toBe(409);
      expect(self.json().code).toBe('USERS.CANNOT_CHANGE_SELF');
      // Leave the admin as the only active administrator, then try to revoke their own role.
      await t.db.pool.query("update users set is_active = false where id <> $1 and id in (select user_id from role_grants where role = 'platform_admin')", [admin.id]);
      const grants = await t.db.pool.query("select id from role_grants where user_id = $1 and role = 'platform_admin'", [admin.id]);
      const last = await t.app.inject({ method: 'DELETE', url: `/api/users/${admin.id}/grants/${grants.rows[0].id}`, headers: adminSession.writeHeaders });
      expect(last.statusCode).toBe(409);
      expect(last.json().code).toBe('USERS.LAST_ADMINISTRATOR');
      await t.db.pool.query("update users set is_active = true where id in (select user_id from role_grants where role = 'platform_admin')");
    });

    it('deactivates an account, which ends its sessions and keeps it out; reactivates it', async () => {
      const someone = await createTestUser(t.system);
      const their = await signIn(t.app, someone.email);
      const off = await t.app.inject({ method: 'PUT', url: `/api/users/${someone.id}/active`, headers: adminSession.writeHeaders, payload: { isActive: false } });
      expect(off.statusCode).toBe(204);
      expect((await t.app.inject({ url: '/api/auth/session', headers: { cookie: their.cookie } })).json().user).toBeNull();
      const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: someone.email, password: TEST_PASSWORD } });
      expect(login.json().code).toBe('AUTH.INVALID_CREDENTIALS');
      await t.app.inject({ method: 'PUT', url: `/api/users/${someone.id}/active`, headers: adminSession.writeHeaders, payload: { isActive: true } });
      await signIn(t.app, someone.email);
    });
  });

  describe('TOTP for administrators and coordinators', () => {
    it('enrols with a confirmed code, then asks the code at sign-in, refuses a replayed code, accepts a recovery code once', async () => {
      const admin = await createTestUser(t.system, [{ role: 'platform_admin' }]);
      const session = await signIn(t.app, admin.email);
      const enrolment = await t.app.inject({ method: 'POST', url: '/api/auth/totp/enrolment', headers: session.writeHeaders });
      expect(enrolment.statusCode).toBe(200);
      const { secret, uri } = enrolment.json();
      expect(uri).toMatch(/^otpauth:\/\/totp\/Distretto:/);
      const now = Date.now();
      const confirm = await t.app.inject({ method: 'POST', url: '/api/auth/totp/confirmation', headers: session.writeHeaders, payload: { code: totpCodeAt(secret, admin.email, now - 30_000) } });
      expect(confirm.statusCode).toBe(200);
      const recoveryCodes: string[] = confirm.json().recoveryCodes;
      expect(recoveryCodes).toHaveLength(10);

      const withoutCode = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: admin.email, password: TEST_PASSWORD } });
      expect(withoutCode.statusCode).toBe(401);
      expect(withoutCode.json().code).toBe('AUTH.TOTP_REQUIRED');
      const code = totpCodeAt(secret, admin.email, now);
      const withCode = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: admin.email, password: TEST_PASSWORD, totpCode: code } });
      expect(withCode.statusCode).toBe(200);
      const replayed = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: admin.email, password: TEST_PASSWORD, totpCode: code } });
      expect(replayed.json().code).toBe('AUTH.TOTP_INVALID');
      const recovery = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: admin.email, password: TEST_PASSWORD, totpCode: recoveryCodes[0] } });
      expect(recovery.statusCode).toBe(200);
      const recoveryAgain = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: admin.email, password: TEST_PASSWORD, totpCode: recoveryCodes[0] } });
      expect(recoveryAgain.json().code).toBe('AUTH.TOTP_INVALID');
      const stored = await t.db.pool.query('select code_hash from user_recovery_codes where user_id = $1', [admin.id]);
      expect(stored.rows.map((r) => r.code_hash)).not.toContain(recoveryCodes[1]);

      // Turning it off needs a fresh password and code.
      const fresh = await signIn(t.app, admin.email, TEST_PASSWORD).catch(() => null);
      expect(fresh).toBeNull(); // the helper does not send a code
      await expireReauthentication(t, admin.id);
      const recoverySession = { cookie: `distretto_session=${recovery.cookies.find((c) => c.name === 'distretto_session')!.value}`, csrfToken: recovery.json().csrfToken as string };
      const headers = { cookie: recoverySession.cookie, 'x-csrf-token': recoverySession.csrfToken };
      expect((await t.app.inject({ method: 'DELETE', url: '/api/auth/totp', headers })).json().code).toBe('AUTH.REAUTHENTICATION_REQUIRED');
      expect((await t.app.inject({ method: 'POST', url: '/api/auth/reauthenticate', headers, payload: { password: TEST_PASSWORD } })).json().code).toBe('AUTH.TOTP_REQUIRED');
      expect((await t.app.inject({ method: 'POST', url: '/api/auth/reauthenticate', headers, payload: { password: TEST_PASSWORD, totpCode: recoveryCodes[1] } })).statusCode).toBe(200);
      expect((await t.app.inject({ method: 'DELETE', url: '/api/auth/totp', headers })).statusCode).toBe(204);
      await signIn(t.app, admin.email);
    });

    it('is offered to administrators and coordinators only', async () => {
      const member = await createTestUser(t.system);
      const session = await signIn(t.app, member.email);
      expect((await t.app.inject({ method: 'POST', url: '/api/auth/totp/enrolment', headers: session.writeHeaders })).statusCode).toBe(403);
    });
  });
});
