import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES, seedDemo } from './app';
import { createTestApp, createTestUser, signIn, type SignedIn, type TestApp } from './platform/testing/test-app';
import { DEMO_COORDINATOR } from './demo/demo-pinerolese.seed';
import { createOrganization } from './modules/organizations';
import { loadTerritoryFixture } from './modules/territory';

/**
 * One rule for "current" (issue 12, common/domain/current-period.ts and is_current_period in SQL): an organization
 * whose accepted membership starts tomorrow, and one whose membership ended yesterday, get from every
 * membership-dependent endpoint exactly what an organization that was never a member gets; a current member (the
 * control) gets member access. Each endpoint below reads current_district_memberships through its module.
 */
describe('a membership that starts tomorrow or ended yesterday is no membership, on every endpoint', () => {
  let t: TestApp;
  let districtId: string;
  let coordinator: SignedIn;
  const CASES = {
    current: { startedOn: "current_date - 30", endedOn: 'null' },
    startsTomorrow: { startedOn: 'current_date + 1', endedOn: 'null' },
    endedYesterday: { startedOn: 'current_date - 30', endedOn: 'current_date - 1' },
    neverMember: null,
  } as const;
  type Case = keyof typeof CASES;
  const organizationIds = {} as Record<Case, string>;
  const members = {} as Record<Case, SignedIn>;
  let group: { municipalityCode: string; categoryCode: string };
  let surveyId: string;

  beforeAll(async () => {
    t = await createTestApp(MODULES);
    await loadTerritoryFixture(t.db);
    await seedDemo(t.system, () => undefined);
    districtId = (await t.db.pool.query('select id from districts where is_demo limit 1')).rows[0].id;
    const municipalityCode = (await t.db.pool.query('select municipality_code from district_municipalities where district_id = $1 order by 1 limit 1', [districtId])).rows[0].municipality_code;
    const copiedServiceColumns = (await t.db.pool.query(`
      select column_name from information_schema.columns where table_name = 'services' and is_generated = 'NEVER'
        and column_name not in ('id', 'organization_id', 'confirmed_on', 'service_area_district_id', 'name')`)).rows.map((row) => row.column_name as string);
    for (const [name, membership] of Object.entries(CASES) as [Case, (typeof CASES)[Case]][]) {
      const id = (await createOrganization(t.system, { legalName: `Organizzazione ${name}`, kind: 'aps', municipalityCode, phone: '0121 000000' })).id;
      organizationIds[name] = id;
      if (membership) {
        await t.db.pool.query(
          `insert into district_memberships (district_id, organization_id, role, started_on, ended_on, status, requested_by)
           values ($1, $2, 'member', ${membership.startedOn}, ${membership.endedOn}, 'accepted', 'district')`,
          [districtId, id],
        );
      }
      // A service of each organization nobody confirmed for years, reaching no district by its area: only membership
      // puts it on the district coordinator's list of services to reconfirm.
      await t.db.pool.query(`
        insert into services (organization_id, confirmed_on, service_area_district_id, name, ${copiedServiceColumns.join(', ')})
        select $1, date '2020-01-01', null, $2, ${copiedServiceColumns.join(', ')} from services where is_demo and service_area_district_id is null limit 1`,
        [id, `Servizio ${name}`]);
      const user = await createTestUser(t.system, [{ role: 'organization_admin', organizationId: id }]);
      members[name] = await signIn(t.app, user.email);
    }
    coordinator = await signIn(t.app, DEMO_COORDINATOR.email, DEMO_COORDINATOR.password);
    const need = (await t.db.pool.query("select municipality_code, category_code from needs where district_id = $1 and status = 'open' limit 1", [districtId])).rows[0];
    group = { municipalityCode: need.municipality_code, categoryCode: need.category_code };
    surveyId = (await t.db.pool.query('select id from surveys where district_id = $1 limit 1', [districtId])).rows[0].id;
  }, 600_000);
  afterAll(() => t?.close());

  const get = (url: string, as: SignedIn | null) => t.app.inject({ method: 'GET', url, headers: as ? { cookie: as.cookie } : {} });

  /** What each case gets from an endpoint, reduced to what differs between a member and a non-member. */
  async function answers(answer: (member: SignedIn, organizationId: string) => Promise<unknown>): Promise<Record<Case, unknown>> {
    const result = {} as Record<Case, unknown>;
    for (const name of Object.keys(CASES) as Case[]) result[name] = await answer(members[name], organizationIds[name]);
    return result;
  }
  function expectOnlyTheCurrentMember(result: Record<Case, unknown>, memberAnswer: unknown) {
    expect(result.current, 'the current member').toEqual(memberAnswer);
    expect(result.startsTomorrow, 'starts tomorrow = never a member').toEqual(result.neverMember);
    expect(result.endedYesterday, 'ended yesterday = never a member').toEqual(result.neverMember);
    expect(result.neverMember).not.toEqual(memberAnswer);
  }

  it('needs: counts and the list of the district', async () => {
    expectOnlyTheCurrentMember(await answers(async (member) => (await get(`/api/needs/counts?districtId=${districtId}`, member)).statusCode), 200);
    expectOnlyTheCurrentMember(await answers(async (member) => (await get(`/api/needs?districtId=${districtId}`, member)).statusCode), 200);
  });

  it('matching: the coverage and a group\'s detail', async () => {
    expectOnlyTheCurrentMember(await answers(async (member) => (await get(`/api/matching/coverage?districtId=${districtId}`, member)).statusCode), 200);
    const groupUrl = `/api/matching/group?districtId=${districtId}&zoneKey=${group.municipalityCode}&categoryCode=${group.categoryCode}`;
    expectOnlyTheCurrentMember(await answers(async (member) => (await get(groupUrl, member)).statusCode), 200);
  });

  it('surveys: the shared report of the district\'s survey', async () => {
    expectOnlyTheCurrentMember(await answers(async (member) => (await get(`/api/surveys/${surveyId}/report?variant=shared`, member)).statusCode), 200);
  });

  it('districts: the district page lists only the current member', async () => {
    const page = (await get(`/api/districts/${districtId}`, null)).json();
    const listed = new Set(page.members.map((member: { organizationId: string }) => member.organizationId));
    expectOnlyTheCurrentMember(await answers(async (_member, organizationId) => listed.has(organizationId)), true);
    const directory = (await get(`/api/organizations?districtId=${districtId}`, null)).json();
    const inDirectory = new Set(directory.items.map((item: { id: string }) => item.id));
    expectOnlyTheCurrentMember(await answers(async (_member, organizationId) => inDirectory.has(organizationId)), true);
  });

  it('services: the coordinator\'s list of services to reconfirm holds the current member\'s service only', async () => {
    const stale = await get(`/api/services/stale?districtId=${districtId}`, coordinator);
    expect(stale.statusCode).toBe(200);
    const providers = new Set(stale.json().items.map((service: { provider: { id: string } }) => service.provider.id));
    expectOnlyTheCurrentMember(await answers(async (_member, organizationId) => providers.has(organizationId)), true);
  });

  it('organizations: the district\'s coordinator reads private fields of the current member only', async () => {
    expectOnlyTheCurrentMember(await answers(async (_member, organizationId) => (await get(`/api/organizations/${organizationId}`, coordinator)).json().private !== null), true);
  });
});
