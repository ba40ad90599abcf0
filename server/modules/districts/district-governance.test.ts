import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestUser, signIn, type SignedIn, type TestApp } from '../../platform/testing/test-app';
import { createOrganization, organizationsModule } from '../organizations';
import { loadTerritoryFixture, territoryModule } from '../territory';
import { getZoning, importZoning, zoningsModule } from '../zonings';
import { createDistrict } from './create-district';
import { districtsModule } from './districts.module';
import { DEMO_COORDINATOR, seedDemoPinerolese } from '../../demo/demo-pinerolese.seed';

describe('district definition and governance', () => {
  let t: TestApp;
  let demoId: string;
  let coordinator: SignedIn;
  let otherCoordinator: SignedIn;
  let zoneId: string;

  beforeAll(async () => {
    t = await createTestApp([territoryModule, organizationsModule, zoningsModule, districtsModule]);
    await loadTerritoryFixture(t.db);
    await seedDemoPinerolese(t.system, () => undefined);
    demoId = (await t.app.inject({ url: '/api/districts' })).json().items[0].id;
    coordinator = await signIn(t.app, DEMO_COORDINATOR.email, DEMO_COORDINATOR.password);
    const other = await createDistrict(t.system, { name: 'Distretto di prova', municipalityCodes: ['004078'] });
    otherCoordinator = await signIn(t.app, (await createTestUser(t.system, [{ role: 'district_coordinator', districtId: other.id }])).email);
    // A small social-assistance zoning: zone "PIN" holds Pinerolo, Torre Pellice and Luserna San Giovanni.
    const imported = await importZoning(t.system, {
      name: 'Ambiti socio-assistenziali di prova',
      domain: 'social_assistance',
      coverage: 'partial',
      regionCodes: ['01'],
      format: 'csv',
      content: 'zone_code,zone_name,istat_code\nPIN,Pinerolese,001191\nPIN,Pinerolese,001275\nPIN,Pinerolese,001139\nTO,Torino,001272\n',
    });
    zoneId = (await getZoning(t.system, imported.zoningId!)).zones.find((zone) => zone.code === 'PIN')!.id;
  });
  afterAll(() => t.close());

  const getDemo = async () => (await t.app.inject({ url: `/api/districts/${demoId}` })).json();

  it('seeds a steering group chaired by the coordinator and an assembly of every member', async () => {
    const { bodies, members } = await getDemo();
    expect(bodies.map((b: { kind: string }) => b.kind)).toEqual(['steering_group', 'assembly']);
    expect(bodies[0].members[0]).toMatchObject({ role: 'chair', organizationName: 'Servizi sociali Pinerolese (demo)', startedOn: '2026-01-15', endedOn: null });
    expect(bodies[0].members).toHaveLength(3);
    expect(bodies[1].members).toHaveLength(members.length);
  });

  it('lets the coordinator create a working group and seat member organizations, audited', async () => {
    const created = await t.app.inject({
      method: 'POST', url: `/api/districts/${demoId}/bodies`, headers: coordinator.writeHeaders,
      payload: { kind: 'working_group', name: 'Tavolo welfare aziendale', startedOn: '2026-03-01' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({ kind: 'working_group', name: 'Tavolo welfare aziendale', startedOn: '2026-03-01', members: [] });
    const firm = (await getDemo()).members.find((m: { kind: string }) => m.kind === 'firm');
    const seated = await t.app.inject({
      method: 'POST', url: `/api/districts/${demoId}/bodies/${body.id}/members`, headers: coordinator.writeHeaders,
      payload: { organizationId: firm.organizationId, representativeName: 'Responsabile HR', role: 'chair', startedOn: '2026-03-01' },
    });
    expect(seated.statusCode, seated.body).toBe(200);
    expect(seated.json().members).toEqual([expect.objectContaining({ organizationName: firm.name, representativeName: 'Responsabile HR', role: 'chair' })]);
    const audit = await t.db.pool.query("select count(*)::int as n from audit_log where action in ('districts.create-body', 'districts.add-body-member') and actor_label = $1", [DEMO_COORDINATOR.email]);
    expect(audit.rows[0].n).toBe(2);
  });

  it('refuses to seat an organization that is not a member of the district, naming the field', async () => {
    const outsider = await createOrganization(t.system, { legalName: 'Associazione esterna', kind: 'aps', municipalityCode: '001272' });
    const steering = (await getDemo()).bodies[0];
    const response = await t.app.inject({
      method: 'POST', url: `/api/districts/${demoId}/bodies/${steering.id}/members`, headers: coordinator.writeHeaders,
      payload: { organizationId: outsider.id },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().details.fields[0]).toEqual({ path: 'organizationId', message: 'this organization is not a current member of the district', reason: 'not-current-member' });
    expect((await getDemo()).bodies[0].members).toHaveLength(steering.members.length);
  });

  it("ends a member's term, keeping the row with its dates, and refuses an end before the start", async () => {
    const steering = (await getDemo()).bodies[0];
    const member = steering.members.find((m: { role: string }) => m.role === 'member');
    const url = `/api/districts/${demoId}/bodies/${steering.id}/members/${member.id}`;
    const early = await t.app.inject({ method: 'PATCH', url, headers: coordinator.writeHeaders, payload: { endedOn: '2025-12-31' } });
    expect(early.statusCode).toBe(422);
    const ended = await t.app.inject({ method: 'PATCH', url, headers: coordinator.writeHeaders, payload: { endedOn: '2026-02-28' } });
    expect(ended.statusCode).toBe(200);
    expect(ended.json().members.find((m: { id: string }) => m.id === member.id)).toMatchObject({ endedOn: '2026-02-28' });
  });

  it("keeps other districts' coordinators and anonymous visitors out of the governance", async () => {
    const payload = { kind: 'assembly', name: 'Assemblea dirottata' };
    const asOther = await t.app.inject({ method: 'POST', url: `/api/districts/${demoId}/bodies`, headers: otherCoordinator.writeHeaders, payload });
    const asAnonymous = await t.app.inject({ method: 'POST', url: `/api/districts/${demoId}/bodies`, payload });
    expect([asOther.statusCode, asAnonymous.statusCode]).toEqual([403, 401]);
  });

  it('defines the district as a zone of a reference zoning, then as a custom set again', async () => {
    const before = await getDemo();
    const asZone = await t.app.inject({ method: 'PATCH', url: `/api/districts/${demoId}/area`, headers: coordinator.writeHeaders, payload: { kind: 'zone', zoneId, version: before.version } });
    expect(asZone.statusCode, asZone.body).toBe(200);
    const district = asZone.json();
    expect(district.referenceZone).toMatchObject({ zoneCode: 'PIN', zoneName: 'Pinerolese', zoningName: 'Ambiti socio-assistenziali di prova' });
    expect(district.municipalities.map((m: { istatCode: string }) => m.istatCode).sort()).toEqual(['001139', '001191', '001275']);
    expect(district.definition).toContain('zona «Pinerolese» (PIN)');
    const stale = await t.app.inject({ method: 'PATCH', url: `/api/districts/${demoId}/area`, headers: coordinator.writeHeaders, payload: { kind: 'custom', municipalityCodes: ['001191'], version: before.version } });
    expect(stale.statusCode).toBe(409);
    const custom = await t.app.inject({ method: 'PATCH', url: `/api/districts/${demoId}/area`, headers: coordinator.writeHeaders, payload: { kind: 'custom', municipalityCodes: ['001191', '001275'], version: district.version } });
    expect(custom.json()).toMatchObject({ referenceZone: null, municipalityCount: 2 });
    const audit = await t.db.pool.query("select before, after from audit_log where action = 'districts.define-area' order by occurred_at");
    expect(audit.rows.map((r) => r.after.municipalityCodes.length)).toEqual([3, 2]);
    expect(audit.rows[0].before.municipalityCodes).toHaveLength(before.municipalityCount);
  });

  it('creates a district directly from a zone', async () => {
    const district = await createDistrict(t.system, { name: 'Distretto del Pinerolese (zona)', referenceZoneId: zoneId });
    const page = (await t.app.inject({ url: `/api/districts/${district.id}` })).json();
    expect(page.municipalityCount).toBe(3);
    expect(page.referenceZone.zoneId).toBe(zoneId);
  });
});
