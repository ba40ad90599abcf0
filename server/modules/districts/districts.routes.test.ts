import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestUser, signIn, type SignedIn, type TestApp } from '../../platform/testing/test-app';
import { createOrganization, organizationsModule } from '../organizations';
import { loadTerritoryFixture, territoryModule } from '../territory';
import { createDistrict } from './create-district';
import { districtsModule } from './districts.module';
import { DEMO_COORDINATOR, DEMO_RADIUS_KM, PINEROLO_ISTAT_CODE, seedDemoPinerolese } from '../../demo/demo-pinerolese.seed';

describe('districts', () => {
  let t: TestApp;
  let demoId: string;
  let otherDistrictId: string;
  let coordinator: SignedIn;
  let otherCoordinator: SignedIn;
  let organizationMember: SignedIn;

  beforeAll(async () => {
    t = await createTestApp([territoryModule, organizationsModule, districtsModule]);
    await loadTerritoryFixture(t.db);
    await seedDemoPinerolese(t.system, () => undefined);
    const list = await t.app.inject({ url: '/api/districts' });
    demoId = list.json().items[0].id;
    const other = await createDistrict(t.system, { name: 'Distretto di prova Cuneo', municipalityCodes: ['004078'] });
    otherDistrictId = other.id;
    coordinator = await signIn(t.app, DEMO_COORDINATOR.email, DEMO_COORDINATOR.password);
    otherCoordinator = await signIn(t.app, (await createTestUser(t.system, [{ role: 'district_coordinator', districtId: otherDistrictId }])).email);
    const firm = await createOrganization(t.system, { legalName: 'Impresa di prova', kind: 'firm', municipalityCode: PINEROLO_ISTAT_CODE });
    organizationMember = await signIn(t.app, (await createTestUser(t.system, [{ role: 'organization_member', organizationId: firm.id }])).email);
  });
  afterAll(() => t.close());

  const getDemo = async () => (await t.app.inject({ url: `/api/districts/${demoId}` })).json();

  it('seeds the demo Pinerolese district: real municipalities within the radius, demo organizations, a coordinator', async () => {
    const district = await getDemo();
    expect(district.name).toContain('Pinerolese');
    expect(district.isDemo).toBe(true);
    const codes = district.municipalities.map((m: { istatCode: string }) => m.istatCode);
    expect(codes).toContain(PINEROLO_ISTAT_CODE);
    expect(codes).toContain('001275'); // Torre Pellice, ~14 km away
    expect(codes).not.toContain('001272'); // Torino, ~37 km away
    expect(district.municipalities.every((m: { provinceCode: string }) => m.provinceCode === '001')).toBe(true);
    expect(district.municipalityCount).toBe(codes.length);
    expect(district.definition).toContain(`${DEMO_RADIUS_KM} km`);
    expect(district.population).toBeGreaterThan(100_000);
    expect(district.coordinatorOrganization.name).toMatch(/demo/);
    expect(district.members.length).toBe(6);
    expect(district.members.every((m: { isDemo: boolean; name: string }) => m.isDemo && /demo/.test(m.name))).toBe(true);
    expect(district.members[0].role).toBe('coordinator');
  });

  it('serves the district municipalities as GeoJSON', async () => {
    const response = await t.app.inject({ url: `/api/districts/${demoId}/municipalities.geojson` });
    expect(response.headers['content-type']).toContain('application/geo+json');
    const geojson = response.json();
    expect(geojson.type).toBe('FeatureCollection');
    expect(geojson.features.length).toBe((await getDemo()).municipalityCount);
    expect(geojson.features[0].geometry.type).toMatch(/Polygon/);
  });

  it('lets the district coordinator edit it, audited with before and after', async () => {
    const before = await getDemo();
    const response = await t.app.inject({
      method: 'PATCH', url: `/api/districts/${demoId}`, headers: coordinator.writeHeaders,
      payload: { description: 'Descrizione aggiornata dal coordinamento.', version: before.version },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ description: 'Descrizione aggiornata dal coordinamento.', version: before.version + 1 });
    const audit = await t.db.pool.query("select before, after from audit_log where action = 'districts.update-district' and entity_id = $1", [demoId]);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].before.description).toBe(before.description);
    expect(audit.rows[0].after.description).toBe('Descrizione aggiornata dal coordinamento.');
  });

  it('answers 409 to a stale version and keeps the newer text', async () => {
    const current = await getDemo();
    const stale = await t.app.inject({
      method: 'PATCH', url: `/api/districts/${demoId}`, headers: coordinator.writeHeaders,
      payload: { name: 'Nome vecchio', version: current.version - 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('COMMON.STALE_VERSION');
    expect((await getDemo()).name).toBe(current.name);
  });

  it("refuses the edit to another district's coordinator, an organization member and anonymous visitors", async () => {
    const current = await getDemo();
    const payload = { name: 'Distretto dirottato', version: current.version };
    const asOther = await t.app.inject({ method: 'PATCH', url: `/api/districts/${demoId}`, headers: otherCoordinator.writeHeaders, payload });
    const asMember = await t.app.inject({ method: 'PATCH', url: `/api/districts/${demoId}`, headers: organizationMember.writeHeaders, payload });
    const asAnonymous = await t.app.inject({ method: 'PATCH', url: `/api/districts/${demoId}`, payload });
    expect([asOther.statusCode, asMember.statusCode, asAnonymous.statusCode]).toEqual([403, 403, 401]);
    expect(await getDemo()).toMatchObject({ name: current.name, version: current.version });
    // …while the other coordinator may edit their own district.
    const own = await t.app.inject({ url: `/api/districts/${otherDistrictId}` });
    const ownEdit = await t.app.inject({
      method: 'PATCH', url: `/api/districts/${otherDistrictId}`, headers: otherCoordinator.writeHeaders,
      payload: { name: 'Distretto di prova Cuneo (rinominato)', version: own.json().version },
    });
    expect(ownEdit.statusCode).toBe(200);
  });

  it('answers 404 for an unknown district and 400 naming a malformed id', async () => {
    const unknown = await t.app.inject({ url: '/api/districts/00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(404);
    const malformed = await t.app.inject({ url: '/api/districts/not-a-uuid' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().details.fields[0].path).toBe('params.id');
  });

  it('refuses a district over unknown ISTAT codes, naming them, and writes nothing', async () => {
    const count = async () => Number((await t.db.pool.query('select count(*) as n from districts')).rows[0].n);
    const before = await count();
    await expect(createDistrict(t.system, { name: 'Distretto fantasma', municipalityCodes: ['001191', '999999'] })).rejects.toMatchObject({
      code: 'COMMON.VALIDATION',
      details: { fields: [{ path: 'municipalityCodes', message: 'unknown ISTAT codes: 999999', reason: 'unknown-code' }] },
    });
    expect(await count()).toBe(before);
  });

  it('lists the district among a municipality\'s districts', async () => {
    const pinerolo = await t.app.inject({ url: `/api/territory/municipalities/${PINEROLO_ISTAT_CODE}` });
    expect(pinerolo.json().districts.map((d: { id: string }) => d.id)).toContain(demoId);
  });
});
