import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPractice, TPracticeCreate, TPracticePage } from '../../../common/contracts/practices';
import { DEMO_COORDINATOR, seedDemoPinerolese } from '../../demo/demo-pinerolese.seed';
import { createUser } from '../../platform/auth/create-user';
import { createTestApp, createTestUser, signIn, type SignedIn, type TestApp } from '../../platform/testing/test-app';
import { createDistrict, districtsModule } from '../districts';
import { changeGroupStatus, createGroup, DEMO_GROUP_NAME, groupsModule, seedDemoGroups } from '../groups';
import { createOrganization, organizationsModule } from '../organizations';
import { servicesModule } from '../services';
import { loadTerritoryFixture, territoryModule } from '../territory';
import { seedDemoPractices } from './fixtures/demo-practices.seed';
import { practicesModule } from './practices.module';

const TORINO = '001272';
const PUBLIC = 'Spesa a domicilio con i volontari per gli anziani soli (demo)';
const CAREGIVERS = 'Sportello badanti condiviso tra i comuni della valle (demo)';
const FAILURE = 'Navetta aziendale per il primo turno (demo)';

/**
 * Practices naming the working groups where they were discussed or that carried them (issue 15), over HTTP: linking and
 * unlinking (audited), groups of the practice's own district only, the search's `groupId` filter (the group page's
 * list), the practices' visibility through that list, and each group's page offered only to whoever may open it.
 */
describe('practices linked to working groups', () => {
  let t: TestApp;
  let districtId: string;
  let firmId: string;
  let demoGroupId: string;
  let otherGroupId: string;
  let torinoGroupId: string;
  let coordinator: SignedIn;
  let firmMember: SignedIn;
  let otherDistrictMember: SignedIn;
  const ids: Record<string, string> = {};

  const request = async <T>(who: SignedIn | null, method: 'GET' | 'POST' | 'PATCH', url: string, options: { query?: Record<string, string>; payload?: unknown } = {}) => {
    const headers = who ? (method === 'GET' ? { cookie: who.cookie } : who.writeHeaders) : {};
    const response = await t.app.inject({ method, url, query: options.query ?? {}, payload: options.payload as object, headers });
    return { status: response.statusCode, body: response.json() as T };
  };
  const titlesOfGroup = async (who: SignedIn | null, groupId: string) => {
    const page = await request<TPracticePage>(who, 'GET', '/api/practices', { query: { groupId, limit: '100' } });
    expect(page.status).toBe(200);
    return page.body.items.map((item) => item.title).sort();
  };
  const counts = async () => (await t.db.pool.query(`select (select count(*)::int from practices) as practices,
      (select count(*)::int from practice_groups) as links,
      (select count(*)::int from audit_log where action like 'practices.%') as audited`)).rows[0] as { practices: number; links: number; audited: number };
  const practiceInput = (extra: Partial<TPracticeCreate> = {}): TPracticeCreate => ({
    districtId, organizationId: firmId, title: 'Turni condivisi di assistenza', whatTried: 'Turni tra famiglie.', outcome: 'success', visibility: 'district', ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp([territoryModule, organizationsModule, districtsModule, servicesModule, groupsModule, practicesModule]);
    await loadTerritoryFixture(t.db);
    await seedDemoPinerolese(t.system, () => undefined);
    // The demo group seats the demo firm's login, which the matching seed creates: the same account, made here.
    const demoFirmId = (await t.db.pool.query("select id from organizations where legal_name = 'Meccanica Chisone S.r.l. (demo)'")).rows[0].id;
    await createUser(t.system, { email: 'impresa@pinerolese.demo', displayName: 'Referente welfare di Meccanica Chisone (demo)', password: 'demo-impresa-2026', grants: [{ role: 'organization_member', organizationId: demoFirmId }] });
    await seedDemoGroups(t.system, () => undefined);
    expect((await t.db.pool.query('select count(*)::int as n from working_groups where name = $1', [DEMO_GROUP_NAME])).rows[0].n).toBe(1);
    await seedDemoPractices(t.system, () => undefined);
    const row = (await t.db.pool.query(`
      select (select id from districts where is_demo) as district_id,
             (select id from organizations where legal_name = 'Meccanica Chisone S.r.l. (demo)') as firm_id,
             (select id from working_groups where name = $1) as group_id`, [DEMO_GROUP_NAME])).rows[0];
    ({ district_id: districtId, firm_id: firmId, group_id: demoGroupId } = row);
    for (const practice of (await t.db.pool.query('select id, title from practices')).rows) ids[practice.title] = practice.id;
    otherGroupId = (await createGroup(t.system, { districtId, name: 'Tavolo lavoro e inclusione', accessMode: 'open' })).id;
    const torinoOrg = await createOrganization(t.system, { legalName: 'Associazione di Torino', kind: 'aps', municipalityCode: TORINO });
    const torino = await createDistrict(t.system, { name: 'Distretto di Torino', municipalityCodes: [TORINO], memberOrganizationIds: [torinoOrg.id] });
    torinoGroupId = (await createGroup(t.system, { districtId: torino.id, name: 'Tavolo di Torino' })).id;
    coordinator = await signIn(t.app, DEMO_COORDINATOR.email, DEMO_COORDINATOR.password);
    // A person of the firm who is not a member of the demo group (the firm's demo login is).
    firmMember = await signIn(t.app, (await createTestUser(t.system, [{ role: 'organization_member', organizationId: firmId }])).email);
    otherDistrictMember = await signIn(t.app, (await createTestUser(t.system, [{ role: 'organization_admin', organizationId: torinoOrg.id }])).email);
  }, 300_000);
  afterAll(() => t?.close());

  it('seeds the demo practices about older people and caregivers in the demo group, and the group lists them', async () => {
    expect(await titlesOfGroup(coordinator, demoGroupId)).toEqual([CAREGIVERS, PUBLIC].sort());
    const page = await request<TPractice>(coordinator, 'GET', `/api/practices/${ids[CAREGIVERS]}`);
    expect(page.body.linkedGroups).toEqual([{ id: demoGroupId, name: DEMO_GROUP_NAME, status: 'active', canOpen: true }]);
    expect((await request<TPractice>(coordinator, 'GET', `/api/practices/${ids[FAILURE]}`)).body.linkedGroups).toEqual([]);
  });

  it('shows a by-invitation group by name to every reader of the practice, openable only by those the group lets in', async () => {
    const anonymous = await request<TPractice>(null, 'GET', `/api/practices/${ids[PUBLIC]}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.linkedGroups).toEqual([{ id: demoGroupId, name: DEMO_GROUP_NAME, status: 'active', canOpen: false }]);
    expect((await request<TPractice>(firmMember, 'GET', `/api/practices/${ids[PUBLIC]}`)).body.linkedGroups[0]).toMatchObject({ name: DEMO_GROUP_NAME, canOpen: false });
    // The group's own rule agrees: its page is a 404 for the same person.
    expect((await t.app.inject({ method: 'GET', url: `/api/groups/${demoGroupId}`, headers: { cookie: firmMember.cookie } })).statusCode).toBe(404);
  });

  it("lists through the group's filter only the practices each reader may see", async () => {
    expect(await titlesOfGroup(otherDistrictMember, demoGroupId)).toEqual([PUBLIC]);
    expect(await titlesOfGroup(null, demoGroupId)).toEqual([PUBLIC]);
    expect(await titlesOfGroup(firmMember, demoGroupId)).toEqual([CAREGIVERS, PUBLIC].sort());
    expect(await titlesOfGroup(coordinator, otherGroupId)).toEqual([]);
  });

  it('links and unlinks groups on create and update, audited with the groups before and after', async () => {
    const created = await request<TPractice>(firmMember, 'POST', '/api/practices', { payload: practiceInput({ groupIds: [otherGroupId, demoGroupId, otherGroupId] }) });
    expect(created.status).toBe(201);
    expect(created.body.linkedGroups.map((group) => [group.name, group.canOpen])).toEqual([[DEMO_GROUP_NAME, false], ['Tavolo lavoro e inclusione', true]]);
    const id = created.body.id;
    expect(await titlesOfGroup(coordinator, otherGroupId)).toEqual(['Turni condivisi di assistenza']);
    const { title, whatTried, outcome, visibility } = practiceInput();
    const updated = await request<TPractice>(firmMember, 'PATCH', `/api/practices/${id}`, { payload: { title, whatTried, outcome, visibility, groupIds: [demoGroupId], version: created.body.version } });
    expect(updated.status).toBe(200);
    expect(updated.body.linkedGroups.map((group) => group.id)).toEqual([demoGroupId]);
    expect(await titlesOfGroup(coordinator, otherGroupId)).toEqual([]);
    const audit = (await t.db.pool.query("select before, after from audit_log where action = 'practices.update-practice' and entity_id = $1", [id])).rows;
    expect(audit).toHaveLength(1);
    expect(audit[0].before.linked_groups.map((group: { id: string }) => group.id).sort()).toEqual([otherGroupId, demoGroupId].sort());
    expect(audit[0].after.linked_groups.map((group: { id: string }) => group.id)).toEqual([demoGroupId]);
  });

  it("refuses a group of another district or no group at all on groupIds (422) and changes nothing", async () => {
    const before = await counts();
    for (const groupIds of [[torinoGroupId], [otherGroupId, '00000000-0000-4000-8000-000000000000']]) {
      const refused = await request<{ code: string; details: { fields: { path: string }[] } }>(firmMember, 'POST', '/api/practices', { payload: practiceInput({ groupIds }) });
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ code: 'COMMON.VALIDATION', details: { fields: [{ path: 'groupIds' }] } });
    }
    const current = (await request<TPractice>(coordinator, 'GET', `/api/practices/${ids[CAREGIVERS]}`)).body;
    const { title, whatTried, outcome, visibility, resourcesNeeded, territory, targetGroup, categoryCode, tags, startedOn } = current;
    const update = await request(coordinator, 'PATCH', `/api/practices/${current.id}`, {
      payload: { title, whatTried, outcome, visibility, resourcesNeeded, territory, targetGroup, categoryCode, tags, startedOn, groupIds: [torinoGroupId], version: current.version },
    });
    expect(update.status).toBe(422);
    expect(update.body).toMatchObject({ details: { fields: [{ path: 'groupIds' }] } });
    expect(await counts()).toEqual(before);
    expect((await request<TPractice>(coordinator, 'GET', `/api/practices/${current.id}`)).body).toMatchObject({ version: current.version, linkedGroups: [{ id: demoGroupId }] });
  });

  it('keeps the link when the group closes: the practice shows it marked closed, the group still lists it', async () => {
    const group = await t.db.pool.query('select version from working_groups where id = $1', [demoGroupId]);
    await changeGroupStatus(t.system, demoGroupId, { version: group.rows[0].version, status: 'closed' });
    expect((await request<TPractice>(coordinator, 'GET', `/api/practices/${ids[CAREGIVERS]}`)).body.linkedGroups).toEqual([
      { id: demoGroupId, name: DEMO_GROUP_NAME, status: 'closed', canOpen: true },
    ]);
    expect(await titlesOfGroup(coordinator, demoGroupId)).toContain(CAREGIVERS);
  });
});
