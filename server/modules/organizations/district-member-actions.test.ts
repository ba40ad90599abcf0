import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestUser, signIn, type SignedIn, type TestApp } from '../../platform/testing/test-app';
import { createDistrict, districtsModule } from '../districts';
import { loadTerritoryFixture, territoryModule } from '../territory';
import { createOrganization, organizationsModule } from '../organizations';

const PINEROLO = '001191';
const CUNEO = '004078';

/**
 * Issue 14, "the district's own actions where its people look": from the district's members list its coordinator
 * invites an organization already registered, registers a new one and invites it at once, and ends a membership;
 * the organization's admin accepts; then the coordinator edits the organization's profile and people. A coordinator
 * of another district is refused with 403 and nothing changes.
 */
describe("a district's own actions on its members", () => {
  let t: TestApp;
  let district1: string;
  let district2: string;
  let orgA: string;
  let as: Record<'admin' | 'coordinator1' | 'coordinator2' | 'adminA', SignedIn>;

  beforeAll(async () => {
    t = await createTestApp([territoryModule, organizationsModule, districtsModule]);
    await loadTerritoryFixture(t.db);
    orgA = (await createOrganization(t.system, { legalName: 'Associazione Tralci', kind: 'aps', municipalityCode: PINEROLO, phone: '0121 123456' })).id;
    district1 = (await createDistrict(t.system, { name: 'Distretto uno', municipalityCodes: [PINEROLO] })).id;
    district2 = (await createDistrict(t.system, { name: 'Distretto due', municipalityCodes: [CUNEO] })).id;
    const user = async (grants: Parameters<typeof createTestUser>[1]) => signIn(t.app, (await createTestUser(t.system, grants)).email);
    as = {
      admin: await user([{ role: 'platform_admin' }]),
      coordinator1: await user([{ role: 'district_coordinator', districtId: district1 }]),
      coordinator2: await user([{ role: 'district_coordinator', districtId: district2 }]),
      adminA: await user([{ role: 'organization_admin', organizationId: orgA }]),
    };
  });
  afterAll(() => t.close());

  const get = (url: string, who: SignedIn) => t.app.inject({ url, headers: { cookie: who.cookie } });
  const send = (method: 'POST' | 'PATCH', url: string, who: SignedIn, payload?: object) =>
    t.app.inject({ method, url, headers: who.writeHeaders, ...(payload ? { payload } : {}) });
  const membershipsOf = async (organizationId: string) =>
    (await t.db.pool.query(
      "select district_id, status, role, to_char(started_on, 'YYYY-MM-DD') as started_on, to_char(ended_on, 'YYYY-MM-DD') as ended_on from district_memberships where organization_id = $1 order by requested_at, id",
      [organizationId],
    )).rows;
  const auditCount = async () => (await t.db.pool.query('select count(*)::int as n from audit_log')).rows[0].n as number;
  const memberOf = async (districtId: string, organizationId: string, who: SignedIn) =>
    (await get(`/api/districts/${districtId}`, who)).json().members.find((m: { organizationId: string }) => m.organizationId === organizationId);

  it('invites an organization already registered; a second invitation is refused with its own code; the admin accepts; the coordinator edits its profile and people', async () => {
    const invited = await send('POST', `/api/organizations/${orgA}/districts`, as.coordinator1, { districtId: district1, role: 'member' });
    expect(invited.statusCode, invited.body).toBe(201);
    const again = await send('POST', `/api/organizations/${orgA}/districts`, as.coordinator1, { districtId: district1, role: 'observer' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ORGANIZATIONS.MEMBERSHIP_ALREADY_OPEN');
    // Until the admin accepts, the coordinator may not edit it.
    const before = (await get(`/api/organizations/${orgA}`, as.coordinator1)).json();
    expect(before).toMatchObject({ canEdit: false, private: null });
    expect((await send('PATCH', `/api/organizations/${orgA}`, as.coordinator1, { description: 'troppo presto', version: before.version })).statusCode).toBe(403);

    const pending = (await get('/api/organizations/pending-memberships', as.adminA)).json().items;
    expect(pending).toEqual([expect.objectContaining({ district: { id: district1, name: 'Distretto uno' }, canAnswer: true })]);
    expect((await send('POST', `/api/organizations/${orgA}/districts/${pending[0].membershipId}/accept`, as.adminA)).statusCode).toBe(200);
    // Accepted, it is a member again by the same rule everyone reads; a new invitation is still refused.
    expect(await memberOf(district1, orgA, as.coordinator1)).toMatchObject({ membershipId: pending[0].membershipId, role: 'member', endedOn: null });
    expect((await send('POST', `/api/organizations/${orgA}/districts`, as.coordinator1, { districtId: district1, role: 'member' })).json().code).toBe('ORGANIZATIONS.MEMBERSHIP_ALREADY_OPEN');

    const profile = (await get(`/api/organizations/${orgA}`, as.coordinator1)).json();
    expect(profile).toMatchObject({ canEdit: true, private: { phone: '0121 123456' } });
    const edited = await send('PATCH', `/api/organizations/${orgA}`, as.coordinator1, { description: 'Doposcuola e orti sociali', version: profile.version });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().description).toBe('Doposcuola e orti sociali');
    const person = await send('POST', `/api/organizations/${orgA}/people`, as.coordinator1, { fullName: 'Lucia Ferrero', role: 'contact' });
    expect(person.statusCode, person.body).toBe(201);
    expect(JSON.stringify(person.json().private)).toContain('Lucia Ferrero');

    // The coordinator of another district edits nothing.
    const current = (await get(`/api/organizations/${orgA}`, as.coordinator2)).json();
    expect(current).toMatchObject({ canEdit: false, private: null });
    expect((await send('PATCH', `/api/organizations/${orgA}`, as.coordinator2, { description: 'presa', version: current.version })).statusCode).toBe(403);
    expect((await send('POST', `/api/organizations/${orgA}/people`, as.coordinator2, { fullName: 'Intruso', role: 'contact' })).statusCode).toBe(403);
    expect((await t.db.pool.query('select description from organizations where id = $1', [orgA])).rows[0].description).toBe('Doposcuola e orti sociali');
  });

  it("ends a membership: another district's coordinator gets 403 and nothing changes; an end before the start names the field; a second end is refused; audited on both sides", async () => {
    const member = await memberOf(district1, orgA, as.coordinator1);
    const url = `/api/organizations/${orgA}/districts/${member.membershipId}/end`;
    const rowsBefore = await membershipsOf(orgA);
    const auditBefore = await auditCount();

    const stranger = await send('POST', url, as.coordinator2, { endedOn: '2099-12-31' });
    expect(stranger.statusCode).toBe(403);
    const tooEarly = await send('POST', url, as.coordinator1, { endedOn: '2000-01-01' });
    expect(tooEarly.statusCode).toBe(422);
    expect(tooEarly.json().details.fields).toEqual([expect.objectContaining({ path: 'endedOn' })]);
    const notADate = await send('POST', url, as.coordinator1, { endedOn: '31/12/2099' });
    expect(notADate.statusCode).toBeGreaterThanOrEqual(400);
    expect(notADate.statusCode).toBeLessThan(500);
    expect(await membershipsOf(orgA)).toEqual(rowsBefore);
    // The refusals are logged as refusals, never as writes.
    expect((await t.db.pool.query("select count(*)::int as n from audit_log where kind = 'write' and action like '%end%membership'")).rows[0].n).toBe(0);

    const ended = await send('POST', url, as.coordinator1, { endedOn: '2099-12-31' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().districts.find((d: { membershipId: string }) => d.membershipId === member.membershipId)).toMatchObject({ endedOn: '2099-12-31' });
    // Still current until its end day: listed with the end date.
    expect(await memberOf(district1, orgA, as.coordinator1)).toMatchObject({ endedOn: '2099-12-31' });
    const second = await send('POST', url, as.coordinator1, { endedOn: '2099-06-30' });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('ORGANIZATIONS.MEMBERSHIP_NOT_ENDABLE');
    expect((await membershipsOf(orgA)).find((row) => row.district_id === district1)).toMatchObject({ ended_on: '2099-12-31' });
    const audit = await t.db.pool.query("select action from audit_log where kind = 'write' and action like '%end%membership' order by seq");
    expect(audit.rows.map((row) => row.action)).toEqual(['districts.end-membership', 'organizations.end-district-membership']);
    expect(await auditCount()).toBeGreaterThan(auditBefore);
  });

  it('a platform admin ends a membership too; a pending invitation cannot be ended', async () => {
    const invited = await send('POST', `/api/organizations/${orgA}/districts`, as.coordinator2, { districtId: district2, role: 'observer' });
    const pending = invited.json().districts.find((d: { id: string; status: string }) => d.id === district2 && d.status === 'invited');
    const refused = await send('POST', `/api/organizations/${orgA}/districts/${pending.membershipId}/end`, as.coordinator2, { endedOn: '2099-12-31' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('ORGANIZATIONS.MEMBERSHIP_NOT_ENDABLE');
    expect((await send('POST', `/api/organizations/${orgA}/districts/${pending.membershipId}/accept`, as.adminA)).statusCode).toBe(200);
    const member = await memberOf(district2, orgA, as.admin);
    const ended = await send('POST', `/api/organizations/${orgA}/districts/${member.membershipId}/end`, as.admin, { endedOn: '2099-01-31' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect((await membershipsOf(orgA)).find((row) => row.district_id === district2 && row.status === 'accepted')).toMatchObject({ ended_on: '2099-01-31' });
  });

  it('registers a new organization and invites it in one step; another district\'s coordinator is refused and nothing is created; a duplicate fiscal code creates nothing', async () => {
    const body = { organization: { legalName: 'Cooperativa Nuovi Orizzonti', kind: 'social_cooperative_a', municipalityCode: PINEROLO }, districtId: district1, role: 'member', adminEmail: 'orizzonti@example.test' };
    const count = async () => (await t.db.pool.query("select count(*)::int as n from organizations where legal_name = 'Cooperativa Nuovi Orizzonti'")).rows[0].n;

    expect((await send('POST', '/api/organizations/register-and-invite', as.coordinator2, body)).statusCode).toBe(403);
    expect(await count()).toBe(0);
    const bad = await send('POST', '/api/organizations/register-and-invite', as.coordinator1, { ...body, role: 'owner' });
    expect(bad.statusCode).toBe(422);
    expect(await count()).toBe(0);

    const created = await send('POST', '/api/organizations/register-and-invite', as.coordinator1, body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ legalName: 'Cooperativa Nuovi Orizzonti', canEdit: false, private: null });
    expect(created.json().districts).toEqual([expect.objectContaining({ id: district1, status: 'invited', canWithdraw: true })]);
    const pending = (await get(`/api/districts/${district1}/pending-memberships`, as.coordinator1)).json().items;
    expect(pending).toEqual([expect.objectContaining({ organization: expect.objectContaining({ id: created.json().id }), status: 'invited' })]);
    const audit = await t.db.pool.query("select action from audit_log where kind = 'write' and (entity_id = $1 or (entity_id = $2 and action = 'districts.record-membership' and after->>'organization_id' = $1)) order by seq", [created.json().id, district1]);
    expect(audit.rows.map((row) => row.action)).toEqual(['organizations.create-organization', 'districts.record-membership', 'organizations.add-district-membership']);

    // Both or neither: an organization whose fiscal code is registered is refused, and no invitation is left behind.
    await createOrganization(t.system, { legalName: 'Fondazione Esistente', kind: 'foundation', fiscalCode: '94512300016' });
    const duplicate = await send('POST', '/api/organizations/register-and-invite', as.coordinator1, {
      ...body, organization: { legalName: 'Fondazione Doppia', kind: 'foundation', fiscalCode: '94512300016' },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('ORGANIZATIONS.DUPLICATE_FISCAL_CODE');
    expect((await get(`/api/districts/${district1}/pending-memberships`, as.coordinator1)).json().items).toHaveLength(1);
  });
});
