import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES, seedDemo } from '../../app';
import { DEMO_COORDINATOR, PINEROLO_ISTAT_CODE } from '../../demo/demo-pinerolese.seed';
import { createTestApp, createTestUser, signIn, type SignedIn, type TestApp } from '../../platform/testing/test-app';
import { createDistrict } from '../districts';
import { DEMO_FIRM_USER } from '../matching';
import { loadTerritoryFixture } from '../territory';

/**
 * The district page's counts (issue 14): each equals what the page it links to shows the same reader, and a reader
 * who may not open that page gets no count (null), never a zero that hides a refusal.
 */
describe("a district's activity counts", () => {
  let t: TestApp;
  let districtId: string;
  let as: Record<'coordinator' | 'firm' | 'admin' | 'otherCoordinator', SignedIn>;

  const get = async (url: string, who: SignedIn | null, query: Record<string, string> = {}) => {
    const response = await t.app.inject({ url, query, headers: who ? { cookie: who.cookie } : {} });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json();
  };
  const activity = (who: SignedIn | null) => get(`/api/districts/${districtId}/activity`, who);

  beforeAll(async () => {
    t = await createTestApp(MODULES);
    await loadTerritoryFixture(t.db);
    await seedDemo(t.system, () => undefined);
    const coordinator = await signIn(t.app, DEMO_COORDINATOR.email, DEMO_COORDINATOR.password);
    districtId = (await get('/api/districts', coordinator)).items.find((district: { isDemo: boolean }) => district.isDemo).id;
    const other = (await createDistrict(t.system, { name: 'Distretto di Cuneo', municipalityCodes: ['004078'] })).id;
    as = {
      coordinator,
      firm: await signIn(t.app, DEMO_FIRM_USER.email, DEMO_FIRM_USER.password),
      admin: await signIn(t.app, (await createTestUser(t.system, [{ role: 'platform_admin' }])).email),
      otherCoordinator: await signIn(t.app, (await createTestUser(t.system, [{ role: 'district_coordinator', districtId: other }])).email),
    };
    // One referral from the demo firm, so the referrals count has something to count.
    const session = await get('/api/auth/session', as.firm);
    const firmId = session.roles.find((role: { scopeType: string }) => role.scopeType === 'organization').scopeId;
    const services = (await get('/api/services', as.coordinator, { municipality: PINEROLO_ISTAT_CODE })).items as { id: string; status: string; provider: { id: string } }[];
    const service = services.find((candidate) => candidate.status === 'active' && candidate.provider.id !== firmId)!;
    const referral = await t.app.inject({
      method: 'POST', url: '/api/matching/referrals', headers: as.firm.writeHeaders,
      payload: { districtId, referringOrganizationId: firmId, serviceId: service.id, subjectKind: 'person', municipalityCode: PINEROLO_ISTAT_CODE },
    });
    expect(referral.statusCode, referral.body).toBe(201);
  }, 600_000);
  afterAll(() => t.close());

  it("gives the district's coordinator every count, each equal to what the page it links to lists", async () => {
    const counts = await activity(as.coordinator);
    const surveys = (await get('/api/surveys', as.coordinator)).items.filter((survey: { districtId: string | null }) => survey.districtId === districtId);
    const openNeeds = (await get('/api/needs/counts', as.coordinator, { districtId, status: 'open' })).total.needs;
    const coverage = await get('/api/matching/coverage', as.coordinator, { districtId });
    const proposals = await get('/api/matching/proposals', as.coordinator, { districtId });
    const referrals = await get('/api/matching/referrals', as.coordinator, { districtId });
    expect(counts).toEqual({
      districtId,
      surveys: surveys.length,
      openNeeds,
      gaps: coverage.groups.filter((group: { isGap: boolean }) => group.isGap).length,
      proposals: (proposals.items ?? proposals).length,
      referrals: referrals.total,
    });
    // The demo district has surveys, open needs, gaps on purpose, the demo proposal, and two referrals: the demo's
    // (the consortium's to the firm's nursery) and the one made above.
    expect(counts.surveys).toBeGreaterThan(0);
    expect(counts.openNeeds).toBeGreaterThan(0);
    expect(counts.gaps).toBeGreaterThan(0);
    expect(counts.proposals).toBeGreaterThan(0);
    expect(counts.referrals).toBe(2);
  });

  it('gives a member organization the counts of what it may read, and no survey count (surveys are managed by coordinators)', async () => {
    const counts = await activity(as.firm);
    // The firm's referrals: the one it made above and the demo's one to its nursery.
    expect(counts).toMatchObject({ surveys: null, openNeeds: expect.any(Number), gaps: expect.any(Number), referrals: 2 });
    expect(counts.openNeeds).toBe((await get('/api/needs/counts', as.firm, { districtId, status: 'open' })).total.needs);
  });

  it("gives another district's coordinator and a visitor nothing of the district's own; a platform admin no referral count (referrals are about people)", async () => {
    expect(await activity(as.otherCoordinator)).toEqual({ districtId, surveys: null, openNeeds: null, gaps: null, proposals: 0, referrals: null });
    expect(await activity(null)).toEqual({ districtId, surveys: null, openNeeds: null, gaps: null, proposals: null, referrals: null });
    const admin = await activity(as.admin);
    expect(admin).toMatchObject({ surveys: expect.any(Number), openNeeds: expect.any(Number), gaps: expect.any(Number), referrals: null });
  });

  it('answers 404 for an unknown district and 400 for a malformed id', async () => {
    expect((await t.app.inject({ url: '/api/districts/00000000-0000-4000-8000-000000000000/activity' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/districts/nope/activity' })).statusCode).toBe(400);
  });
});
