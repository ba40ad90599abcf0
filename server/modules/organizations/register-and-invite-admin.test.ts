import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestUser, signIn, TEST_PASSWORD, type SignedIn, type TestApp } from '../../platform/testing/test-app';
import { createDistrict, districtsModule } from '../districts';
import { loadTerritoryFixture, territoryModule } from '../territory';
import { invitationsModule } from '../invitations';
import { organizationsModule } from '../organizations';

const PINEROLO = '001191';
const PUBLIC_URL = 'https://welfare.pinerolese.example.it';
const NEW_PASSWORD = 'le castagne di bricherasio in ottobre';

/**
 * Issue 14, decision 2: a newly registered organization needs an admin to accept its invitation. register-and-invite
 * names that person by e-mail: an existing account is invited to become its admin (the role only once accepted); otherwise an account is created
 * without a usable password and mailed (through the outbox, in the same transaction) a link, built on the public
 * address, to choose its password. Following that link, the new admin signs in and finds the invitation.
 */
describe('register-and-invite gives the new organization an admin', () => {
  let t: TestApp;
  let districtId: string;
  let coordinator: SignedIn;

  beforeAll(async () => {
    t = await createTestApp([territoryModule, organizationsModule, districtsModule, invitationsModule], { publicUrl: PUBLIC_URL });
    await loadTerritoryFixture(t.db);
    districtId = (await createDistrict(t.system, { name: 'Distretto del Chisone', municipalityCodes: [PINEROLO] })).id;
    coordinator = await signIn(t.app, (await createTestUser(t.system, [{ role: 'district_coordinator', districtId }])).email);
  });
  afterAll(() => t.close());

  const registerAndInvite = (legalName: string, adminEmail: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/organizations/register-and-invite',
      headers: coordinator.writeHeaders,
      payload: { organization: { legalName, kind: 'aps', municipalityCode: PINEROLO }, districtId, role: 'member', adminEmail },
    });
  const grantsOf = async (email: string) =>
    (await t.db.pool.query('select g.role, g.organization_id from role_grants g join users u on u.id = g.user_id where lower(u.email) = lower($1)', [email])).rows;
  const mailsTo = async (email: string) =>
    (await t.db.pool.query('select topic_type, district_id, subject, body_text from mail_outbox where lower(to_address) = lower($1) order by created_at', [email])).rows;

  const invitationTokenIn = (body: string) => /#([\w-]{20,})/.exec(body)?.[1];

  it('asks an existing account to become the admin: no role until that person accepts the mailed invitation, then they see the district\'s invitation', async () => {
    const existing = await createTestUser(t.system);
    const created = await registerAndInvite('Associazione Le Rondini', existing.email.toUpperCase());
    expect(created.statusCode, created.body).toBe(201);
    const organizationId = created.json().id as string;
    // Nobody becomes an organization's admin without saying yes.
    expect(await grantsOf(existing.email)).toEqual([]);
    expect((await t.db.pool.query('select count(*)::int as n from users where lower(email) = lower($1)', [existing.email])).rows[0].n).toBe(1);
    const mails = await mailsTo(existing.email);
    expect(mails).toEqual([expect.objectContaining({ topic_type: 'invitation', district_id: districtId })]);
    expect(mails[0].body_text).toContain('Associazione Le Rondini');
    expect(mails[0].body_text).toContain(`${PUBLIC_URL}/invito#`);
    const token = invitationTokenIn(mails[0].body_text);
    expect(token).toBeDefined();

    const admin = await signIn(t.app, existing.email, TEST_PASSWORD);
    const accepted = await t.app.inject({ method: 'POST', url: '/api/invitations/accept', headers: admin.writeHeaders, payload: { token } });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toEqual({ organizationId, accountCreated: false });
    expect(await grantsOf(existing.email)).toEqual([{ role: 'organization_admin', organization_id: organizationId }]);

    const pending = (await t.app.inject({ url: '/api/organizations/pending-memberships', headers: { cookie: admin.cookie } })).json().items;
    expect(pending).toEqual([expect.objectContaining({ organization: expect.objectContaining({ id: organizationId }), status: 'invited', canAnswer: true })]);
    const audit = await t.db.pool.query("select action from audit_log where kind = 'write' and (entity_id = $1 or after->>'organizationId' = $2) and (action like 'users.%' or action like 'invitations.%') order by seq", [existing.id, organizationId]);
    expect(audit.rows.map((row) => row.action)).toEqual(['users.create-user', 'invitations.create-invitation', 'invitations.accept-invitation']);
  });

  it('gives a deactivated account no role: it is only invited, and cannot accept while it cannot sign in', async () => {
    const dormant = await createTestUser(t.system);
    await t.db.pool.query('update users set is_active = false where id = $1', [dormant.id]);
    const created = await registerAndInvite('Associazione Il Faro', dormant.email);
    expect(created.statusCode, created.body).toBe(201);
    expect(await grantsOf(dormant.email)).toEqual([]);
    expect(await mailsTo(dormant.email)).toEqual([expect.objectContaining({ topic_type: 'invitation' })]);
    const refused = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: dormant.email, password: TEST_PASSWORD } });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
  });

  it('creates an account without a password, mails a working link to choose it; the new admin signs in and accepts the invitation', async () => {
    const email = 'presidenza@girasoli.example.test';
    const created = await registerAndInvite('Associazione I Girasoli', email);
    expect(created.statusCode, created.body).toBe(201);
    const organizationId = created.json().id as string;
    expect(await grantsOf(email)).toEqual([{ role: 'organization_admin', organization_id: organizationId }]);

    // No password works before the link is followed.
    const tooSoon = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: NEW_PASSWORD } });
    expect(tooSoon.statusCode).toBe(401);

    const mails = await mailsTo(email);
    expect(mails).toHaveLength(1);
    // The link sets a password: only platform admins read it in the outbox, never the district's coordinators.
    expect(mails[0]).toMatchObject({ topic_type: 'account_welcome', district_id: null });
    expect(mails[0].body_text).toContain('Associazione I Girasoli');
    const link = new RegExp(`${PUBLIC_URL.replace(/[./]/g, '\\$&')}/reimposta-password#([\\w-]+)`).exec(mails[0].body_text);
    expect(link, mails[0].body_text).not.toBeNull();
    const token = link![1]!;
    const check = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/check', payload: { token } });
    expect(check.json()).toEqual({ email });
    const set = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/complete', payload: { token, newPassword: NEW_PASSWORD } });
    expect(set.statusCode, set.body).toBe(200);

    const admin = await signIn(t.app, email, NEW_PASSWORD);
    const pending = (await t.app.inject({ url: '/api/organizations/pending-memberships', headers: { cookie: admin.cookie } })).json().items;
    expect(pending).toEqual([expect.objectContaining({ organization: expect.objectContaining({ id: organizationId }), canAnswer: true })]);
    const accepted = await t.app.inject({ method: 'POST', url: `/api/organizations/${organizationId}/districts/${pending[0].membershipId}/accept`, headers: admin.writeHeaders });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const members = (await t.app.inject({ url: `/api/districts/${districtId}`, headers: { cookie: coordinator.cookie } })).json().members;
    expect(members.map((member: { organizationId: string }) => member.organizationId)).toContain(organizationId);

    const user = (await t.db.pool.query('select id from users where email = $1', [email])).rows[0];
    const audit = await t.db.pool.query("select action from audit_log where kind = 'write' and entity_id = $1 and action in ('users.create-user', 'users.grant-role', 'auth.reset-password') order by seq", [user.id]);
    expect(audit.rows.map((row) => row.action)).toEqual(['users.create-user', 'users.grant-role', 'auth.reset-password']);
  });

  it('refuses a malformed admin e-mail naming the field, and creates nothing: no organization, invitation, account or mail', async () => {
    const counts = async () =>
      (await t.db.pool.query(`select (select count(*)::int from organizations) as organizations, (select count(*)::int from district_memberships) as memberships,
                                     (select count(*)::int from users) as users, (select count(*)::int from mail_outbox) as mails`)).rows[0];
    const before = await counts();
    const bad = await registerAndInvite('Associazione Senza Posta', 'non-una-email');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('COMMON.VALIDATION');
    expect(bad.json().details.fields).toEqual([expect.objectContaining({ path: 'body.adminEmail' })]);
    const missing = await t.app.inject({
      method: 'POST', url: '/api/organizations/register-and-invite', headers: coordinator.writeHeaders,
      payload: { organization: { legalName: 'Associazione Senza Posta', kind: 'aps', municipalityCode: PINEROLO }, districtId, role: 'member' },
    });
    expect(missing.statusCode).toBe(422);
    expect(await counts()).toEqual(before);
  });

  it('a registration refused (duplicate fiscal code) creates no account and mails nothing', async () => {
    const first = await t.app.inject({
      method: 'POST', url: '/api/organizations/register-and-invite', headers: coordinator.writeHeaders,
      payload: { organization: { legalName: 'Fondazione Prima', kind: 'foundation', fiscalCode: '94512300016' }, districtId, role: 'member', adminEmail: 'prima@example.test' },
    });
    expect(first.statusCode, first.body).toBe(201);
    const second = await t.app.inject({
      method: 'POST', url: '/api/organizations/register-and-invite', headers: coordinator.writeHeaders,
      payload: { organization: { legalName: 'Fondazione Doppia', kind: 'foundation', fiscalCode: '94512300016' }, districtId, role: 'member', adminEmail: 'doppia@example.test' },
    });
    expect(second.statusCode).toBe(409);
    expect((await t.db.pool.query("select count(*)::int as n from users where email = 'doppia@example.test'")).rows[0].n).toBe(0);
    expect(await mailsTo('doppia@example.test')).toEqual([]);
  });
});
