import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestUser, signIn, TEST_PASSWORD, type SignedIn, type TestApp } from '../../platform/testing/test-app';
import { createDistrict, districtsModule } from '../districts';
import { createOrganization, organizationsModule } from '../organizations';
import { loadTerritoryFixture, territoryModule } from '../territory';
import { invitationsModule } from './invitations.module';
import { expectNoRawCodes } from '../../platform/testing/raw-codes';

const PINEROLO = '001191';
const TORINO = '001272';

async function mailedToken(t: TestApp, email: string): Promise<string> {
  const { rows } = await t.db.pool.query("select body_text from mail_outbox where to_address = $1 and topic_type = 'invitation' order by created_at desc limit 1", [email]);
  const match = /#([\w-]{20,})/.exec(rows[0]?.body_text ?? '');
  if (!match) throw new Error(`no invitation mailed to ${email}`);
  return match[1]!;
}

describe('invitations to an organization (issue 11)', () => {
  let t: TestApp;
  let memberOrgId: string;
  let formerMemberOrgId: string;
  let otherDistrictOrgId: string;
  let coordinator: SignedIn;
  let orgAdmin: SignedIn;

  const invite = (who: SignedIn, payload: object) => t.app.inject({ method: 'POST', url: '/api/invitations', headers: who.writeHeaders, payload });

  beforeAll(async () => {
    t = await createTestApp([territoryModule, organizationsModule, districtsModule, invitationsModule]);
    await loadTerritoryFixture(t.db);
    memberOrgId = (await createOrganization(t.system, { legalName: 'Cooperativa del Chisone', kind: 'social_cooperative_a', municipalityCode: PINEROLO })).id;
    formerMemberOrgId = (await createOrganization(t.system, { legalName: 'Associazione uscita', kind: 'aps', municipalityCode: PINEROLO })).id;
    otherDistrictOrgId = (await createOrganization(t.system, { legalName: 'Associazione di Torino', kind: 'aps', municipalityCode: TORINO })).id;
    const districtId = (await createDistrict(t.system, { name: 'Pinerolese', municipalityCodes: [PINEROLO], memberOrganizationIds: [memberOrgId, formerMemberOrgId] })).id;
    await createDistrict(t.system, { name: 'Torino', municipalityCodes: [TORINO], memberOrganizationIds: [otherDistrictOrgId] });
    await t.db.pool.query("update district_memberships set started_on = current_date - 30, ended_on = current_date - 1 where organization_id = $1", [formerMemberOrgId]);
    coordinator = await signIn(t.app, (await createTestUser(t.system, [{ role: 'district_coordinator', districtId }])).email);
    orgAdmin = await signIn(t.app, (await createTestUser(t.system, [{ role: 'organization_admin', organizationId: otherDistrictOrgId }])).email);
  });
  afterAll(() => t.close());

  it("offers a coordinator only the current members of their district", async () => {
    const overview = await t.app.inject({ url: '/api/invitations', headers: { cookie: coordinator.cookie } });
    expect(overview.statusCode).toBe(200);
    expect(overview.json().organizations.map((o: { id: string }) => o.id)).toEqual([memberOrgId]);
  });

  it('refuses an invitation to an organization of another district or to a former member (403)', async () => {
    for (const organizationId of [otherDistrictOrgId, formerMemberOrgId]) {
      const r = await invite(coordinator, { organizationId, email: 'someone@example.test', role: 'organization_member' });
      expect(r.statusCode).toBe(403);
    }
    const nobody = await signIn(t.app, (await createTestUser(t.system)).email);
    expect((await invite(nobody, { organizationId: memberOrgId, email: 'x@example.test', role: 'organization_member' })).statusCode).toBe(403);
  });

  it('a new person accepts: the account is created under the password policy, with the role, once', async () => {
    const created = await invite(coordinator, { organizationId: memberOrgId, email: 'nuova.persona@example.test', role: 'organization_admin' });
    expect(created.statusCode).toBe(201);
    const token = await mailedToken(t, 'nuova.persona@example.test');
    const stored = await t.db.pool.query('select token_hash from invitations where id = $1', [created.json().id]);
    expect(stored.rows[0].token_hash).not.toBe(token);

    const preview = await t.app.inject({ method: 'POST', url: '/api/invitations/preview', payload: { token } });
    expect(preview.json()).toMatchObject({ organizationName: 'Cooperativa del Chisone', role: 'organization_admin', hasAccount: false });
    const weak = await t.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, displayName: 'Nuova Persona', password: 'password1234' } });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().code).toBe('USERS.WEAK_PASSWORD');
    const accepted = await t.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, displayName: 'Nuova Persona', password: 'una password lunga e mia' } });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ organizationId: memberOrgId, accountCreated: true });

    const session = await signIn(t.app, 'nuova.persona@example.test', 'una password lunga e mia');
    const me = await t.app.inject({ url: '/api/auth/session', headers: { cookie: session.cookie } });
    expect(me.json().roles).toEqual([expect.objectContaining({ role: 'organization_admin', scopeId: memberOrgId })]);
    const again = await t.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, displayName: 'X', password: 'una password lunga e mia' } });
    expect(again.statusCode).toBe(410);
    expect(again.json().code).toBe('INVITATIONS.INVALID');
    const audit = await t.db.pool.query("select action from audit_log where entity_id = $1 order by id", [created.json().id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['invitations.create-invitation', 'invitations.accept-invitation']);
  });

  it('an existing account accepts after signing in as itself; another account is refused', async () => {
    const existing = await createTestUser(t.system);
    await invite(orgAdmin, { organizationId: otherDistrictOrgId, email: existing.email, role: 'organization_member' });
    const token = await mailedToken(t, existing.email);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token } });
    expect(anonymous.json().code).toBe('AUTH.UNAUTHENTICATED');
    const stranger = await signIn(t.app, (await createTestUser(t.system)).email);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/invitations/accept', headers: stranger.writeHeaders, payload: { token } });
    expect(wrong.json().code).toBe('INVITATIONS.WRONG_ACCOUNT');
    const own = await signIn(t.app, existing.email, TEST_PASSWORD);
    const accepted = await t.app.inject({ method: 'POST', url: '/api/invitations/accept', headers: own.writeHeaders, payload: { token } });
    expect(accepted.json()).toEqual({ organizationId: otherDistrictOrgId, accountCreated: false });
  });

  it('refuses an expired invitation', async () => {
    const created = await invite(coordinator, { organizationId: memberOrgId, email: 'in.ritardo@example.test', role: 'organization_member' });
    const token = await mailedToken(t, 'in.ritardo@example.test');
    await t.db.pool.query("update invitations set expires_at = now() - interval '1 second' where id = $1", [created.json().id]);
    const late = await t.app.inject({ method: 'POST', url: '/api/invitations/preview', payload: { token } });
    expect(late.statusCode).toBe(410);
  });

  it("writes the invitation in the invited person's language: English for an account that chose it, Italian for a new address", async () => {
    const lastMail = async (email: string) =>
      (await t.db.pool.query<{ subject: string; body_text: string }>("select subject, body_text from mail_outbox where to_address = $1 and topic_type = 'invitation' order by created_at desc limit 1", [email])).rows[0]!;
    const english = await createTestUser(t.system);
    const own = await signIn(t.app, english.email, TEST_PASSWORD);
    expect((await t.app.inject({ method: 'PUT', url: '/api/auth/locale', headers: own.writeHeaders, payload: { locale: 'en' } })).statusCode).toBe(200);
    expect((await invite(orgAdmin, { organizationId: otherDistrictOrgId, email: english.email, role: 'organization_admin' })).statusCode).toBe(201);
    const toEnglish = await lastMail(english.email);
    expect(toEnglish.subject).toBe('Distretto: invitation to Associazione di Torino');
    expect(toEnglish.body_text).toContain('You have been invited to join Associazione di Torino on Distretto as administrator.');
    expect(toEnglish.body_text).not.toContain('Sei stato invitato');
    expect((await invite(orgAdmin, { organizationId: otherDistrictOrgId, email: 'persona.nuova@example.test', role: 'organization_member' })).statusCode).toBe(201);
    const toNewAddress = await lastMail('persona.nuova@example.test');
    expect(toNewAddress.subject).toBe('Distretto: invito a Associazione di Torino');
    expect(toNewAddress.body_text).toContain('come membro');
    expect(toNewAddress.body_text).not.toContain('You have been invited');
    for (const mail of [toEnglish, toNewAddress]) expectNoRawCodes(`${mail.subject}\n${mail.body_text}`, ['organization_member', 'organization_admin']);
  });
});
