import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TNeed, TNeedCounts, TNeedPage } from '../../../common/contracts/needs';
import { createTestApp, createTestUser, signIn, type SignedIn, type TestApp } from '../../platform/testing/test-app';
import { createDistrict, districtsModule } from '../districts';
import { createOrganization, organizationsModule } from '../organizations';
import { seedDemoServices, servicesModule } from '../services';
import { loadTerritoryFixture, territoryModule } from '../territory';
import { seedDemoNeeds } from './fixtures/demo-needs.seed';
import { needsModule } from './needs.module';
import { DEMO_COORDINATOR, seedDemoPinerolese } from '../../demo/demo-pinerolese.seed';

const PINEROLO = '001191';
const ORBASSANO = '001171';
const TORINO = '001272';

/** The needs register over HTTP: filters, counts, manual entry, status changes, and who may see what. */
describe('needs register', () => {
  let t: TestApp;
  let districtId: string;
  let otherDistrictId: string;
  let firmId: string;
  let coopId: string;
  let coordinator: SignedIn;
  let firmMember: SignedIn;
  let otherCoordinator: SignedIn;
  let outsider: SignedIn;

  const get = async <T>(who: SignedIn | null, url: string, query: Record<string, string> = {}) => {
    const response = await t.app.inject({ url, query, headers: who ? { cookie: who.cookie } : {} });
    return { status: response.statusCode, body: response.json() as T };
  };
  const post = async <T>(who: SignedIn, url: string, payload: unknown) => {
    const response = await t.app.inject({ method: 'POST', url, payload: payload as object, headers: who.writeHeaders });
    return { status: response.statusCode, body: response.json() as T };
  };

  beforeAll(async () => {
    t = await createTestApp([territoryModule, organizationsModule, districtsModule, servicesModule, needsModule]);
    await loadTerritoryFixture(t.db);
    await seedDemoPinerolese(t.system, () => undefined);
    await seedDemoServices(t.system, () => undefined);
    await seedDemoNeeds(t.system, () => undefined);
    const ids = await t.db.pool.query(`
      select (select id from districts where is_demo) as district_id,
             (select id from organizations where legal_name = 'Meccanica Chisone S.r.l. (demo)') as firm_id,
             (select id from organizations where legal_name = 'Cooperativa sociale Val Chisone (demo)') as coop_id`);
    ({ district_id: districtId, firm_id: firmId, coop_id: coopId } = ids.rows[0]);
    const torinoOrg = await createOrganization(t.system, { legalName: 'Associazione di Torino', kind: 'aps', municipalityCode: TORINO });
    otherDistrictId = (await createDistrict(t.system, { name: 'Distretto di Torino', municipalityCodes: [TORINO], memberOrganizationIds: [torinoOrg.id] })).id;
    coordinator = await signIn(t.app, DEMO_COORDINATOR.email, DEMO_COORDINATOR.password);
    firmMember = await signIn(t.app, (await createTestUser(t.system, [{ role: 'organization_member', organizationId: firmId }])).email);
    otherCoordinator = await signIn(t.app, (await createTestUser(t.system, [{ role: 'district_coordinator', districtId: otherDistrictId }])).email);
    outsider = await signIn(t.app, (await createTestUser(t.system, [{ role: 'organization_admin', organizationId: torinoOrg.id }])).email);
  });
  afterAll(() => t.close());

  it('lets the coordinator browse every need with filters and keyset pages', async () => {
    const all = await get<TNeedPage>(coordinator, '/api/needs', { districtId, limit: '100' });
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 33, scope: 'all' });
    const babysitting = await get<TNeedPage>(coordinator, '/api/needs', { districtId, categoryCode: 'infanzia.babysitting' });
    expect(babysitting.body.items.map((need) => need.municipalityName).sort()).toEqual(['Perosa Argentina', 'Pinerolo', 'Villar Perosa']);
    // the anonymous resident's need has no organization, and a description the coordinator reads
    expect(babysitting.body.items.find((need) => need.municipalityCode === PINEROLO)).toMatchObject({ organizationId: null, description: expect.stringContaining('Genitore solo') });
    const firmOpenInPinerolo = await get<TNeedPage>(coordinator, '/api/needs', { districtId, organizationId: firmId, municipalityCode: PINEROLO, status: 'open' });
    expect(firmOpenInPinerolo.body.items.map((need) => need.categoryCode)).toEqual(['infanzia.nidi']);
    const answered = await get<TNeedPage>(coordinator, '/api/needs', { districtId, status: 'answered_by_service', targetGroup: 'caregivers', source: 'manual' });
    expect(answered.body.items.map((need) => need.answeredByServiceName)).toEqual(['Sportello badanti e assistenza familiare']);
    const first = await get<TNeedPage>(coordinator, '/api/needs', { districtId, limit: '20' });
    const second = await get<TNeedPage>(coordinator, '/api/needs', { districtId, limit: '20', cursor: first.body.nextCursor! });
    expect(second.body.items).toHaveLength(13);
    expect(second.body.nextCursor).toBeNull();
    const ids = new Set([...first.body.items, ...second.body.items].map((need) => need.id));
    expect(ids.size).toBe(33);
  });

  it('counts needs and people by category × municipality, by municipality and by category', async () => {
    const { status, body } = await get<TNeedCounts>(coordinator, '/api/needs/counts', { districtId, status: 'open' });
    expect(status).toBe(200);
    expect(body.total.needs).toBe(30);
    // Pinerolo's open needs: nidi 6, doposcuola 15, vita indipendente 6, inserimento 15, emergenza abitativa 5,
    // residenze 13, babysitting 2 → 7 needs, 62 people.
    expect(body.byMunicipality.find((row) => row.municipalityCode === PINEROLO)).toEqual({ municipalityCode: PINEROLO, municipalityName: 'Pinerolo', needs: 7, people: 62 });
    // babysitting: Villar Perosa 8 + Perosa Argentina 5 + Pinerolo 2
    expect(body.byCategory.find((row) => row.categoryCode === 'infanzia.babysitting')).toMatchObject({ needs: 3, people: 15, categoryLabel: expect.any(String) });
    expect(body.byCategoryMunicipality.find((row) => row.categoryCode === 'casa.emergenza-abitativa' && row.municipalityCode === ORBASSANO)).toMatchObject({ needs: 1, people: 3, meanRelevance: 5 });
    expect(body.byCategoryMunicipality.reduce((sum, row) => sum + row.needs, 0)).toBe(30);
  });

  it('shows a member organization only its own needs, and the counts of everyone', async () => {
    const own = await get<TNeedPage>(firmMember, '/api/needs', { districtId, limit: '100' });
    expect(own.status).toBe(200);
    expect(own.body.scope).toBe('own');
    expect(own.body.items).toHaveLength(7);
    expect(own.body.items.every((need) => need.organizationId === firmId)).toBe(true);
    const someoneElses = await get<TNeedPage>(firmMember, '/api/needs', { districtId, organizationId: coopId });
    expect(someoneElses.body.items).toEqual([]);
    const counts = await get<TNeedCounts>(firmMember, '/api/needs/counts', { districtId });
    expect(counts.body.total.needs).toBe(33);
    expect(JSON.stringify(counts.body)).not.toContain('Bisogno dimostrativo'); // no descriptions in the counts
    const coopNeed = (await get<TNeedPage>(coordinator, '/api/needs', { districtId, organizationId: coopId })).body.items[0]!;
    expect((await get(firmMember, `/api/needs/${coopNeed.id}`)).status).toBe(404);
  });

  it('hides the register from anonymous visitors, outsiders and other districts’ coordinators', async () => {
    expect((await get(null, '/api/needs', { districtId })).status).toBe(401);
    expect((await get(null, '/api/needs/counts', { districtId })).status).toBe(401);
    expect((await get(outsider, '/api/needs', { districtId })).status).toBe(403);
    expect((await get(outsider, '/api/needs/counts', { districtId })).status).toBe(403);
    expect((await get(otherCoordinator, '/api/needs', { districtId })).status).toBe(403);
    const any = (await get<TNeedPage>(coordinator, '/api/needs', { districtId })).body.items[0]!;
    expect((await get(otherCoordinator, `/api/needs/${any.id}`)).status).toBe(404);
    expect((await post(otherCoordinator, `/api/needs/${any.id}/status`, { version: any.version, status: 'closed' })).status).toBe(404);
    expect((await get(otherCoordinator, '/api/needs', { districtId: otherDistrictId })).body).toMatchObject({ total: 0, scope: 'all' });
  });

  it('lets a member enter a need for itself, not for another organization nor outside the district', async () => {
    const payload = { districtId, organizationId: firmId, categoryCode: 'infanzia.centri-estivi', targetGroup: 'children', municipalityCode: '001307', peopleCount: 4, relevance: 3, description: 'Centro estivo ad agosto' };
    const created = await post<TNeed>(firmMember, '/api/needs', payload);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ source: 'manual', status: 'open', organizationName: 'Meccanica Chisone S.r.l. (demo)', municipalityName: 'Villar Perosa', version: 1 });
    expect((await post(firmMember, '/api/needs', { ...payload, organizationId: coopId })).status).toBe(403);
    expect((await post(firmMember, '/api/needs', { ...payload, organizationId: null })).status).toBe(403);
    expect((await post(outsider, '/api/needs', { ...payload })).status).toBe(403);
    const outside = await post<{ details: { fields: { path: string }[] } }>(coordinator, '/api/needs', { ...payload, municipalityCode: TORINO });
    expect(outside.status).toBe(422);
    expect(outside.body.details.fields[0]!.path).toBe('municipalityCode');
    const badCategory = await post<{ details: { fields: { path: string }[] } }>(coordinator, '/api/needs', { ...payload, categoryCode: 'non.esiste' });
    expect(badCategory.body.details.fields[0]!.path).toBe('categoryCode');
    const anonymous = await post<TNeed>(coordinator, '/api/needs', { ...payload, organizationId: null, description: 'Segnalato allo sportello' });
    expect(anonymous.status).toBe(201);
    expect(anonymous.body.organizationId).toBeNull();
    const audit = await t.db.pool.query("select count(*)::int as n from audit_log where action = 'needs.create-need' and entity_id = $1", [created.body.id]);
    expect(audit.rows[0].n).toBe(1);
  });

  it('moves a need through answered, reopened and closed with version checks', async () => {
    const need = (await get<TNeedPage>(coordinator, '/api/needs', { districtId, categoryCode: 'disabilita.vita-indipendente', municipalityCode: PINEROLO })).body.items[0]!;
    const service = await t.db.pool.query("select id from services where name = 'Inserimento lavorativo di persone svantaggiate'");
    const withoutService = await post<{ details: { fields: { path: string }[] } }>(coordinator, `/api/needs/${need.id}/status`, { version: need.version, status: 'answered_by_service' });
    expect(withoutService.status).toBe(422);
    expect(withoutService.body.details.fields[0]!.path).toBe('answeredByServiceId');
    const answered = await post<TNeed>(coordinator, `/api/needs/${need.id}/status`, { version: need.version, status: 'answered_by_service', answeredByServiceId: service.rows[0].id });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'answered_by_service', answeredByServiceName: 'Inserimento lavorativo di persone svantaggiate', version: need.version + 1 });
    expect((await post(coordinator, `/api/needs/${need.id}/status`, { version: need.version, status: 'open' })).status).toBe(409); // stale
    const skip = await post<{ code: string }>(coordinator, `/api/needs/${need.id}/status`, { version: answered.body.version, status: 'closed' });
    expect(skip).toMatchObject({ status: 409, body: { code: 'NEEDS.INVALID_STATUS_CHANGE' } });
    const reopened = await post<TNeed>(coordinator, `/api/needs/${need.id}/status`, { version: answered.body.version, status: 'open' });
    expect(reopened.body).toMatchObject({ status: 'open', answeredByServiceId: null });
    const closed = await post<TNeed>(coordinator, `/api/needs/${need.id}/status`, { version: reopened.body.version, status: 'closed' });
    expect(closed.body.status).toBe('closed');
    // the organization reads its need but the status is the district's decision
    const lavoroMember = await signIn(t.app, (await createTestUser(t.system, [{ role: 'organization_admin', organizationId: need.organizationId! }])).email);
    expect((await get(lavoroMember, `/api/needs/${need.id}`)).status).toBe(200);
    expect((await post(lavoroMember, `/api/needs/${need.id}/status`, { version: closed.body.version, status: 'open' })).status).toBe(403);
    const audit = await t.db.pool.query("select before->>'status' as before, after->>'status' as after from audit_log where action = 'needs.change-need-status' and entity_id = $1 order by id", [need.id]);
    expect(audit.rows).toEqual([
      { before: 'open', after: 'answered_by_service' },
      { before: 'answered_by_service', after: 'open' },
      { before: 'open', after: 'closed' },
    ]);
  });
});
