import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestUser, signIn, type SignedIn, type TestApp } from '../../platform/testing/test-app';
import { organizationsModule } from '../organizations';
import { createDistrict, districtsModule } from '../districts';
import { loadTerritoryFixture, territoryModule } from '../territory';
import { seedDemoServices } from './fixtures/demo-services.seed';
import { servicesModule } from './services.module';
import { DEMO_COORDINATOR, seedDemoPinerolese } from '../../demo/demo-pinerolese.seed';

describe('services: providers, coordinators, admins', () => {
  let t: TestApp;
  let cooperativeId: string;
  let foundationId: string;
  let provider: SignedIn;
  let admin: SignedIn;
  let coordinator: SignedIn;
  let otherCoordinator: SignedIn;
  let demoDistrictId: string;

  const serviceNamed = async (name: string) => {
    const page = await t.app.inject({ url: '/api/services', query: { pageSize: '50' } });
    const item = page.json().items.find((candidate: { name: string }) => candidate.name === name);
    return (await t.app.inject({ url: `/api/services/${item.id}` })).json();
  };

  beforeAll(async () => {
    t = await createTestApp([territoryModule, organizationsModule, districtsModule, servicesModule]);
    await loadTerritoryFixture(t.db);
    await seedDemoPinerolese(t.system, () => undefined);
    await seedDemoServices(t.system, () => undefined);
    const organizations = await t.db.pool.query<{ id: string; legal_name: string }>('select id, legal_name from organizations');
    const idOf = (name: string) => organizations.rows.find((row) => row.legal_name === name)!.id;
    cooperativeId = idOf('Cooperativa sociale Val Chisone (demo)');
    foundationId = idOf('Fondazione Comunità Pinerolese (demo)');
    provider = await signIn(t.app, (await createTestUser(t.system, [{ role: 'organization_member', organizationId: cooperativeId }])).email);
    admin = await signIn(t.app, (await createTestUser(t.system, [{ role: 'platform_admin' }])).email);
    coordinator = await signIn(t.app, DEMO_COORDINATOR.email, DEMO_COORDINATOR.password);
    demoDistrictId = (await t.app.inject({ url: '/api/districts' })).json().items[0].id;
    const other = await createDistrict(t.system, { name: 'Distretto di prova Cuneo', municipalityCodes: ['004078'] });
    otherCoordinator = await signIn(t.app, (await createTestUser(t.system, [{ role: 'district_coordinator', districtId: other.id }])).email);
  });
  afterAll(() => t.close());

  it('lets a provider publish and edit its own service, audited, and the search finds the new text', async () => {
    const created = await t.app.inject({
      method: 'POST', url: '/api/services', headers: provider.writeHeaders,
      payload: {
        organizationId: cooperativeId, name: 'Laboratorio di musicoterapia', categoryCodes: ['disabilita.sostegno-educativo'],
        targetGroups: ['disability'], costKind: 'fee', costCents: 1250,
        locations: [{ name: 'Sede', municipalityCode: '001184' }],
        schedules: [{ byday: ['TU'], opensAt: '16:00', closesAt: '18:00' }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const service = created.json();
    expect(service).toMatchObject({ canEdit: true, costCents: 1250, location: { municipalityName: 'Perosa Argentina' }, confirmation: { days: 0, freshness: 'fresh' } });
    const edited = await t.app.inject({
      method: 'PATCH', url: `/api/services/${service.id}`, headers: provider.writeHeaders,
      payload: { description: 'Percorsi di musicoterapia per ragazzi con autismo.', capacity: { total: 10, free: 4 }, version: service.version },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ version: service.version + 1, capacity: { total: 10, free: 4, unit: 'places' } });
    const found = await t.app.inject({ url: '/api/services', query: { q: 'autismo' } });
    expect(found.json().items.map((item: { id: string }) => item.id)).toEqual([service.id]);
    const audit = await t.db.pool.query("select action, before, after from audit_log where kind = 'write' and entity_id = $1 order by id", [service.id]);
    expect(audit.rows.map((row) => row.action)).toEqual(['services.create-service', 'services.update-service']);
    expect(audit.rows[1].before.description).toBe('');
    expect(audit.rows[1].after.description).toBe('Percorsi di musicoterapia per ragazzi con autismo.');
  });

  it("refuses a provider editing another provider's service (403), and anonymous visitors (401); nothing changes", async () => {
    const emporium = await serviceNamed('Emporio solidale');
    expect(emporium.provider.id).toBe(foundationId);
    expect(emporium.canEdit).toBe(false);
    const payload = { name: 'Emporio dirottato', version: emporium.version };
    const asProvider = await t.app.inject({ method: 'PATCH', url: `/api/services/${emporium.id}`, headers: provider.writeHeaders, payload });
    const asAnonymous = await t.app.inject({ method: 'PATCH', url: `/api/services/${emporium.id}`, payload });
    const confirm = await t.app.inject({ method: 'POST', url: `/api/services/${emporium.id}/confirm`, headers: provider.writeHeaders, payload: { version: emporium.version } });
    const create = await t.app.inject({ method: 'POST', url: '/api/services', headers: provider.writeHeaders, payload: { organizationId: foundationId, name: 'Servizio altrui' } });
    expect([asProvider.statusCode, asAnonymous.statusCode, confirm.statusCode, create.statusCode]).toEqual([403, 401, 403, 403]);
    expect(await serviceNamed('Emporio solidale')).toMatchObject({ name: 'Emporio solidale', version: emporium.version });
  });

  it('answers 409 to a stale version and 422 naming a bad field', async () => {
    const home = await serviceNamed('Assistenza domiciliare anziani');
    const first = await t.app.inject({ method: 'PATCH', url: `/api/services/${home.id}`, headers: provider.writeHeaders, payload: { howToAccess: 'Telefonare.', version: home.version } });
    expect(first.statusCode).toBe(200);
    const stale = await t.app.inject({ method: 'PATCH', url: `/api/services/${home.id}`, headers: provider.writeHeaders, payload: { howToAccess: 'Vecchio testo.', version: home.version } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('COMMON.STALE_VERSION');
    const bad = await t.app.inject({
      method: 'PATCH', url: `/api/services/${home.id}`, headers: provider.writeHeaders,
      payload: { categoryCodes: ['anziani.inesistente'], version: home.version + 1 },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().details.fields[0]).toEqual({ path: 'categoryCodes', message: 'unknown categories: anziani.inesistente' });
  });

  it('shows coordinators the services not confirmed for six months, and a confirmation takes one off the list', async () => {
    const response = await t.app.inject({ url: `/api/services/stale?districtId=${demoDistrictId}`, headers: { cookie: coordinator.cookie } });
    expect(response.statusCode).toBe(200);
    const stale = response.json().items as { id: string; name: string; confirmation: { days: number; freshness: string } }[];
    expect(stale.map((item) => item.name).sort()).toEqual([
      'Centro estivo per bambini in Val Chisone',
      'Ginnastica dolce per la terza età',
      'Sportello welfare per dipendenti e fornitori',
      'Trasporto sociale per visite mediche',
    ]);
    expect(stale[0]!.confirmation).toEqual(expect.objectContaining({ days: 270, freshness: 'stale' }));
    const forbidden = await t.app.inject({ url: `/api/services/stale?districtId=${demoDistrictId}`, headers: { cookie: otherCoordinator.cookie } });
    const anonymous = await t.app.inject({ url: `/api/services/stale?districtId=${demoDistrictId}` });
    expect([forbidden.statusCode, anonymous.statusCode]).toEqual([403, 401]);

    const camp = await serviceNamed('Centro estivo per bambini in Val Chisone');
    const confirmed = await t.app.inject({ method: 'POST', url: `/api/services/${camp.id}/confirm`, headers: provider.writeHeaders, payload: { version: camp.version, capacityFree: 9 } });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ capacity: { free: 9 }, confirmation: { days: 0, freshness: 'fresh' } });
    const after = await t.app.inject({ url: `/api/services/stale?districtId=${demoDistrictId}`, headers: { cookie: coordinator.cookie } });
    expect(after.json().items.map((item: { name: string }) => item.name)).not.toContain('Centro estivo per bambini in Val Chisone');
  });

  it('lets platform admins edit the taxonomy (Italian and English labels), and no one else', async () => {
    const tree = (await t.app.inject({ url: '/api/services/taxonomy' })).json().items as { id: string; code: string; parentId: string | null; labelIt: string; labelEn: string; version: number }[];
    const topLevel = tree.filter((term) => term.parentId === null);
    expect(topLevel.map((term) => term.code)).toEqual(['infanzia', 'anziani', 'disabilita', 'salute', 'lavoro', 'casa', 'reddito', 'mobilita', 'cultura', 'welfare-aziendale']);
    expect(tree.every((term) => term.labelIt && term.labelEn)).toBe(true);
    const created = await t.app.inject({
      method: 'POST', url: '/api/services/taxonomy', headers: admin.writeHeaders,
      payload: { code: 'anziani.orti-sociali', parentCode: 'anziani', labelIt: 'Orti sociali', labelEn: 'Community gardens' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const duplicate = await t.app.inject({ method: 'POST', url: '/api/services/taxonomy', headers: admin.writeHeaders, payload: { code: 'anziani.orti-sociali', labelIt: 'Doppio', labelEn: 'Twice' } });
    expect(duplicate.statusCode).toBe(409);
    const third = await t.app.inject({ method: 'POST', url: '/api/services/taxonomy', headers: admin.writeHeaders, payload: { code: 'terzo-livello', parentCode: 'anziani.orti-sociali', labelIt: 'Terzo', labelEn: 'Third' } });
    expect(third.statusCode).toBe(422);
    const byProvider = await t.app.inject({ method: 'POST', url: '/api/services/taxonomy', headers: provider.writeHeaders, payload: { code: 'altro', labelIt: 'Altro', labelEn: 'Other' } });
    expect(byProvider.statusCode).toBe(403);

    const transport = tree.find((term) => term.code === 'mobilita.trasporto-sociale')!;
    const renamed = await t.app.inject({
      method: 'PATCH', url: `/api/services/taxonomy/${transport.id}`, headers: admin.writeHeaders,
      payload: { labelIt: 'Navetta solidale e accompagnamento', version: transport.version },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ labelIt: 'Navetta solidale e accompagnamento', labelEn: transport.labelEn, version: transport.version + 1 });
    const found = await t.app.inject({ url: '/api/services', query: { q: 'navetta' } });
    expect(found.json().items.map((item: { name: string }) => item.name)).toEqual(['Trasporto sociale per visite mediche']);
  });

  it('renders schedules in plain Italian on the service page data', async () => {
    const group = await serviceNamed('Supporto psicologico per caregiver familiari');
    expect(group.schedules).toEqual([{ freq: 'MONTHLY', byday: [], bymonthday: [1, 15], opensAt: '17:00', closesAt: '19:00', notes: 'gruppo di auto mutuo aiuto' }]);
  });
});
