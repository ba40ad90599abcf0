import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCoverageGroup, TCoverageReport } from '../../../common/contracts/matching';
import type { SignedIn } from '../../platform/testing/test-app';
import { sql } from 'drizzle-orm';
import { needs } from '../needs';
import { createService, SUPPLY_RADII_KM } from '../services';
import { getDemandCoverage } from './get-demand-coverage';
import { buildMatchingWorld, daysAgo, ORBASSANO, PEROSA, PINEROLO, type MatchingWorld } from './fixtures/matching-world';

describe('matching: aggregated demand, coverage and gaps', () => {
  let w: MatchingWorld;
  beforeAll(async () => {
    w = await buildMatchingWorld();
  }, 120_000);
  afterAll(() => w.t.close());

  const coverage = async (as: SignedIn | null, query: Record<string, string>) =>
    w.t.app.inject({ url: '/api/matching/coverage', query: { districtId: w.districtId, ...query }, headers: as ? { cookie: as.cookie } : {} });
  const report = async (query: Record<string, string> = {}): Promise<TCoverageReport> => {
    const response = await coverage(w.as.coordinator, query);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const group = (r: TCoverageReport, category: string, zone: string): TCoverageGroup => r.groups.find((g) => g.categoryCode === category && g.zoneKey === zone)!;

  it('groups open needs by category × target group × municipality with organizations, people, relevance and trend', async () => {
    const r = await report({ radiusKm: '0' });
    // Five groups: home care in Pinerolo and in Perosa, the family clinic in Pinerolo, `anziani` and emergency housing
    // in Orbassano; the closed need (50 people) is not counted.
    expect(r.groups).toHaveLength(5);
    expect(group(r, 'anziani.assistenza-domiciliare', PINEROLO)).toMatchObject({
      targetGroup: 'older_people', zoneLabel: 'Pinerolo', needCount: 3, organizationCount: 2, peopleCount: 6,
      meanRelevance: 4, recentPeople: 3, previousPeople: 2, trend: 'up',
    });
  });

  it('sets each group against the active services of its category that reach it, and flags gaps', async () => {
    const r = await report({ radiusKm: '0' });
    // Pinerolo: only the service whose area lists Pinerolo (4 free); the suspended one (100) and the nursery (50) do not
    // count; 4 ÷ 6 people = 0.667 < 1: a gap below the threshold.
    expect(group(r, 'anziani.assistenza-domiciliare', PINEROLO)).toMatchObject({ serviceCount: 1, freeCapacity: 4, coverage: 0.667, isGap: true, gapReason: 'below_threshold' });
    // Perosa: the service located there (10 free) ÷ 4 people = 2.5: covered.
    expect(group(r, 'anziani.assistenza-domiciliare', PEROSA)).toMatchObject({ serviceCount: 1, freeCapacity: 10, coverage: 2.5, isGap: false, gapReason: null });
    // Orbassano, a first-level `anziani` need: answered by any `anziani.*` service that reaches it, here the day centre
    // serving the whole district (2 free) ÷ 5 people = 0.4.
    expect(group(r, 'anziani', ORBASSANO)).toMatchObject({ serviceCount: 1, freeCapacity: 2, coverage: 0.4, isGap: true, gapReason: 'below_threshold' });
    // Emergency housing: no service at all.
    expect(group(r, 'casa.emergenza-abitativa', ORBASSANO)).toMatchObject({ serviceCount: 0, freeCapacity: 0, coverage: 0, isGap: true, gapReason: 'no_supply' });
    // The map: Orbassano is uncovered (one of its groups has no supply), Pinerolo a gap, Perosa covered.
    const byCode = Object.fromEntries(r.municipalities.map((m) => [m.code, m]));
    expect(byCode[ORBASSANO]).toMatchObject({ isUncovered: true, isGap: true, minimumCoverage: 0 });
    expect(byCode[PINEROLO]).toMatchObject({ isUncovered: false, isGap: true, minimumCoverage: 0.667 });
    expect(byCode[PEROSA]).toMatchObject({ isUncovered: false, isGap: false, minimumCoverage: 2.5 });
    expect(r.canPropose).toBe(true);
  });

  it('counts a service located within the radius of the municipality point, and not one just outside', async () => {
    const d = w.pineroloPerosaKm;
    // Just outside: Pinerolo keeps only its own service.
    const outside = await report({ radiusKm: String(Math.floor((d - 0.5) * 10) / 10), categoryCode: 'anziani.assistenza-domiciliare' });
    expect(group(outside, 'anziani.assistenza-domiciliare', PINEROLO)).toMatchObject({ serviceCount: 1, freeCapacity: 4 });
    // Just inside: the Perosa service (10 free) now reaches Pinerolo too: (4 + 10) ÷ 6 = 2.333, no longer a gap. Its
    // capacity also still counts in full for Perosa (capacity is not allocated between groups).
    const inside = await report({ radiusKm: String(Math.ceil((d + 0.5) * 10) / 10), categoryCode: 'anziani.assistenza-domiciliare' });
    expect(group(inside, 'anziani.assistenza-domiciliare', PINEROLO)).toMatchObject({ serviceCount: 2, freeCapacity: 14, coverage: 2.333, isGap: false });
    expect(group(inside, 'anziani.assistenza-domiciliare', PEROSA)).toMatchObject({ freeCapacity: 10 });
    // The category filter kept only home-care groups.
    expect(new Set(inside.groups.map((g) => g.categoryCode))).toEqual(new Set(['anziani.assistenza-domiciliare']));
  });

  it('counts a service that reaches a municipality several ways (area, two sites) once', async () => {
    // The clinic: Pinerolo in its area, a site in Pinerolo, a site in Perosa; 5 free ÷ 3 people = 1.667, at any radius.
    for (const radiusKm of ['0', '30']) {
      const r = await report({ radiusKm });
      expect(group(r, 'salute.consultori', PINEROLO)).toMatchObject({ serviceCount: 1, freeCapacity: 5, coverage: 1.667, isGap: false });
    }
    const district = await report({ radiusKm: '30', zoneKind: 'district', categoryCode: 'salute' });
    expect(district.groups[0]).toMatchObject({ categoryCode: 'salute.consultori', serviceCount: 1, freeCapacity: 5 });
  });

  it('uses the threshold given: at 0.5 Pinerolo (0.667) is covered and Orbassano (0.4) still a gap', async () => {
    const r = await report({ radiusKm: '0', threshold: '0.5' });
    expect(group(r, 'anziani.assistenza-domiciliare', PINEROLO).isGap).toBe(false);
    expect(group(r, 'anziani', ORBASSANO)).toMatchObject({ isGap: true, gapReason: 'below_threshold' });
  });

  it('aggregates over the whole district as one zone, counting each service once', async () => {
    const r = await report({ radiusKm: '0', zoneKind: 'district', categoryCode: 'anziani' });
    // Home care, district-wide: 6 + 4 = 10 people; services: Pinerolo's (4) and Perosa's (10), each once = 14 → 1.4.
    const homeCare = r.groups.find((g) => g.categoryCode === 'anziani.assistenza-domiciliare')!;
    expect(homeCare).toMatchObject({ zoneKey: w.districtId, peopleCount: 10, organizationCount: 1 + 1, serviceCount: 2, freeCapacity: 14, coverage: 1.4, isGap: false });
    expect(homeCare.municipalityCodes).toEqual([PEROSA, PINEROLO]);
  });

  it("explains a group's numbers: the needs counted and the services considered with how they reach it", async () => {
    const d = w.pineroloPerosaKm;
    const response = await w.t.app.inject({
      url: '/api/matching/group',
      query: { districtId: w.districtId, zoneKey: PINEROLO, categoryCode: 'anziani.assistenza-domiciliare', targetGroup: 'older_people', radiusKm: String(Math.ceil(d + 1)) },
      headers: { cookie: w.as.coordinator.cookie },
    });
    expect(response.statusCode, response.body).toBe(200);
    const detail = response.json();
    expect(detail.needs.map((n: { peopleCount: number }) => n.peopleCount).sort()).toEqual([1, 2, 3]);
    expect(detail.needs.map((n: { organizationName: string | null }) => n.organizationName).sort()).toEqual(['Impresa Due S.r.l.', 'Impresa Uno S.r.l.', null]);
    const services = Object.fromEntries(detail.services.map((s: { name: string }) => [s.name, s]));
    expect(Object.keys(services).sort()).toEqual(['Assistenza domiciliare Pinerolo', 'Assistenza domiciliare in valle']);
    expect(services['Assistenza domiciliare Pinerolo']).toMatchObject({ reachedBy: 'area_municipality', distanceKm: 0, freeCapacity: 4, freshness: 'fresh' });
    expect(services['Assistenza domiciliare in valle']).toMatchObject({ reachedBy: 'location', freeCapacity: 10, isOpenToCommunity: false });
    expect(services['Assistenza domiciliare in valle'].distanceKm).toBeCloseTo(d, 0);
  });

  it('serves the table as CSV with the same numbers', async () => {
    const response = await w.t.app.inject({ url: '/api/matching/coverage.csv', query: { districtId: w.districtId, radiusKm: '0' }, headers: { cookie: w.as.coordinator.cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.body.trim().split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines.find((line) => line.includes('anziani.assistenza-domiciliare') && line.includes('Pinerolo'))).toContain(',6,4,3,2,up,1,0,4,');
  });

  it('lets members of the district read the aggregate without who expressed each need; refuses others', async () => {
    const asMember = await coverage(w.as.provider1, { radiusKm: '0' });
    expect(asMember.statusCode).toBe(200);
    expect(asMember.json().canPropose).toBe(false);
    const detail = await w.t.app.inject({ url: '/api/matching/group', query: { districtId: w.districtId, zoneKey: PINEROLO, categoryCode: 'anziani.assistenza-domiciliare' }, headers: { cookie: w.as.provider1.cookie } });
    expect(detail.json().needs.every((n: { organizationName: string | null }) => n.organizationName === null)).toBe(true);
    const statuses = [
      (await coverage(null, {})).statusCode,
      (await coverage(w.as.outsider, {})).statusCode,
      (await coverage(w.as.otherCoordinator, {})).statusCode,
      (await coverage(w.as.admin, {})).statusCode,
      (await w.t.app.inject({ url: '/api/matching/coverage', query: { districtId: '00000000-0000-4000-8000-000000000000' }, headers: { cookie: w.as.admin.cookie } })).statusCode,
    ];
    expect(statuses).toEqual([401, 403, 403, 200, 404]);
  });

  it('sums several services sharing one place near the municipality, each with its own categories and capacity', async () => {
    // One place in Perosa, three services there: courses (6 free), socialising (unknown capacity), work orientation
    // (8 free). Places are summed per (place, categories) before the (municipality, place) pairs: the sums must not mix
    // categories. A Pinerolo need in `cultura` takes the two `cultura.*` services: 6 free + 0 unknown = 6, one
    // unknown; a need in `cultura.corsi` only the first one.
    const place = { name: 'Casa delle associazioni', municipalityCode: PEROSA, latitude: 44.9556, longitude: 7.2214 };
    await createService(w.t.system, { organizationId: w.org.provider2, name: 'Corsi serali', categoryCodes: ['cultura.corsi'], capacity: { total: 6, free: 6 }, locations: [place] });
    await createService(w.t.system, { organizationId: w.org.provider2, name: 'Circolo', categoryCodes: ['cultura.socializzazione'], locations: [place] });
    await createService(w.t.system, { organizationId: w.org.provider2, name: 'Sportello lavoro', categoryCodes: ['lavoro.orientamento'], capacity: { total: 8, free: 8 }, locations: [place] });
    await w.t.db.orm.insert(needs).values([
      { districtId: w.districtId, organizationId: w.org.requester1, categoryCode: 'cultura', targetGroup: 'adults', municipalityCode: PINEROLO, peopleCount: 4, source: 'manual', expressedOn: daysAgo(1) },
      { districtId: w.districtId, organizationId: w.org.requester1, categoryCode: 'cultura.corsi', targetGroup: 'adults', municipalityCode: PINEROLO, peopleCount: 2, source: 'manual', expressedOn: daysAgo(1) },
    ]);
    const r = await report({ radiusKm: '30', categoryCode: 'cultura' });
    expect(group(r, 'cultura', PINEROLO)).toMatchObject({ serviceCount: 2, freeCapacity: 6, servicesWithUnknownCapacity: 1, coverage: 1.5 });
    expect(group(r, 'cultura.corsi', PINEROLO)).toMatchObject({ serviceCount: 1, freeCapacity: 6, servicesWithUnknownCapacity: 0, coverage: 3 });
  });

  it('finds a place just inside the radius at the east edge of the bounding box', async () => {
    // 9.99 km due east of Pinerolo's point: with a box computed from 111.32 km per degree this place fell outside the
    // box (the sphere's degree is 111.195 km) and was never measured.
    const point = (await w.t.db.orm.execute<{ point_lat: number; point_lng: number }>(sql`select point_lat, point_lng from municipalities where istat_code = ${PINEROLO}`)).rows[0]!;
    const longitude = point.point_lng + 9.99 / (111.195 * Math.cos((point.point_lat * Math.PI) / 180));
    await createService(w.t.system, { organizationId: w.org.provider2, name: 'Palestra al margine', categoryCodes: ['cultura.sport'], capacity: { total: 9, free: 9 }, locations: [{ name: 'Palestra', municipalityCode: PEROSA, latitude: point.point_lat, longitude }] });
    await w.t.db.orm.insert(needs).values({ districtId: w.districtId, organizationId: w.org.requester1, categoryCode: 'cultura.sport', targetGroup: 'adults', municipalityCode: PINEROLO, peopleCount: 3, source: 'manual', expressedOn: daysAgo(1) });
    const r = await report({ radiusKm: '10', categoryCode: 'cultura' });
    expect(group(r, 'cultura.sport', PINEROLO)).toMatchObject({ serviceCount: 1, freeCapacity: 9 });
    const narrower = await report({ radiusKm: '9.9', categoryCode: 'cultura' });
    expect(group(narrower, 'cultura.sport', PINEROLO)).toMatchObject({ serviceCount: 0, gapReason: 'no_supply' });
  });

  it('reads the stored supply at the radii the page offers, with the numbers the rule gives when computed', async () => {
    // The page's radii read the services module's stored supply (ADR 0018); any other radius computes it. Both must
    // give every group the same supply, whatever category filter.
    for (const radiusKm of SUPPLY_RADII_KM) {
      for (const categoryCode of [undefined, 'anziani', 'salute.consultori']) {
        const query = { districtId: w.districtId, zoneKind: 'municipality' as const, radiusKm, threshold: 1, periodDays: 90, ...(categoryCode ? { categoryCode } : {}) };
        const stored = await getDemandCoverage(w.t.system, query, { supply: 'stored' });
        const computed = await getDemandCoverage(w.t.system, query, { supply: 'computed' });
        expect(stored.groups.length).toBeGreaterThan(0);
        expect(stored).toEqual(computed);
      }
    }
  });
});
