import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOME_REFERRAL_WAITING_DAYS, ZHome, type THome } from '../../../common/contracts/home';
import { createTestUser, signIn, type SignedIn } from '../../platform/testing/test-app';
import { buildMatchingWorld, PINEROLO, type MatchingWorld } from '../matching';
import { needs } from '../needs';
import { homeModule } from './home.module';

describe('home: the next things to do of each signed-in person', () => {
  let w: MatchingWorld;
  let proposalId: string;
  let referralId: string;
  let oldReferralId: string;
  beforeAll(async () => {
    w = await buildMatchingWorld([homeModule]);
    const post = async (as: SignedIn, url: string, payload: object) => {
      const response = await w.t.app.inject({ method: 'POST', url, payload, headers: as.writeHeaders });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as { id: string };
    };
    proposalId = (await post(w.as.coordinator, '/api/matching/proposals', {
      districtId: w.districtId, zoneKey: PINEROLO, categoryCode: 'anziani.assistenza-domiciliare', targetGroup: 'older_people',
      radiusKm: Math.ceil(w.pineroloPerosaKm + 1), title: 'Assistenza domiciliare condivisa a Pinerolo', joinThreshold: 2,
    })).id;
    referralId = (await post(w.as.requester1, '/api/matching/referrals', {
      districtId: w.districtId, referringOrganizationId: w.org.requester1, serviceId: w.service.homeCareAreaPinerolo, subjectKind: 'person', municipalityCode: PINEROLO,
    })).id;
    oldReferralId = (await post(w.as.requester2, '/api/matching/referrals', {
      districtId: w.districtId, referringOrganizationId: w.org.requester2, serviceId: w.service.dayCentreDistrict, subjectKind: 'group', peopleCount: 2, municipalityCode: PINEROLO,
    })).id;
    // The second referral was sent long ago and nobody answered: the coordinator's home counts it as waiting.
    await w.t.db.pool.query(`update referral_events set at = now() - interval '${HOME_REFERRAL_WAITING_DAYS + 2} days' where referral_id = $1`, [oldReferralId]);
    await w.t.db.pool.query(`update services set confirmed_on = current_date - 400 where id = $1`, [w.service.nursery]);
  }, 120_000);
  afterAll(() => w.t.close());

  const home = async (as: SignedIn | null): Promise<{ status: number; body: THome }> => {
    const response = await w.t.app.inject({ url: '/api/home', headers: as ? { cookie: as.cookie } : {} });
    return { status: response.statusCode, body: response.statusCode === 200 ? ZHome.parse(response.json()) : response.json() };
  };

  it('refuses anonymous visitors', async () => {
    expect((await home(null)).status).toBe(401);
  });

  it("gives an organization's member only its own proposals, referrals and needs, never another organization's", async () => {
    const { status, body } = await home(w.as.provider1);
    expect(status).toBe(200);
    expect(body.districts).toEqual([]);
    expect(body.comparison).toBeNull();
    expect(body.organizations.map((o) => o.organizationId)).toEqual([w.org.provider1]);
    const own = body.organizations[0]!;
    expect(own).toMatchObject({ organizationName: 'Cooperativa Cura Uno', isAdmin: false, membershipInvitations: 0, staleServices: 1 });
    expect(own.proposalsToAnswer).toEqual([{ proposalId, title: 'Assistenza domiciliare condivisa a Pinerolo', role: 'provider', serviceName: 'Assistenza domiciliare Pinerolo' }]);
    // The referral to its service, with what the answer needs (version), and not the other provider's.
    expect(own.referralsToAnswer.map((r) => r.referralId)).toEqual([referralId]);
    expect(own.referralsToAnswer[0]).toMatchObject({ version: 1, serviceName: 'Assistenza domiciliare Pinerolo', referringOrganizationName: 'Impresa Uno S.r.l.', categoryLabel: 'Assistenza domiciliare' });
    expect(own.needsByStatus).toEqual([]);
    expect(own.missingProfileFields).toContain('description');

    const requester = (await home(w.as.requester2)).body.organizations;
    expect(requester.map((o) => o.organizationId)).toEqual([w.org.requester2]);
    expect(requester[0]!.proposalsToAnswer.map((p) => p.role)).toEqual(['requester']);
    expect(requester[0]!.referralsToAnswer).toEqual([]);
    expect(requester[0]!.needsByStatus).toEqual([{ status: 'closed', count: 1 }, { status: 'open', count: 2 }]);

    // The outsider, in another district, sees nothing of this district's proposals, referrals or needs.
    const outsider = (await home(w.as.outsider)).body;
    const text = JSON.stringify(outsider);
    for (const id of [proposalId, referralId, oldReferralId, w.org.requester1, w.org.provider1, w.districtId]) expect(text).not.toContain(id);
    expect(outsider.organizations[0]).toMatchObject({ organizationId: w.org.outsider, proposalsToAnswer: [], referralsToAnswer: [], needsByStatus: [] });
  });

  it("gives a coordinator its district's counts only, and an administrator every district side by side", async () => {
    const { body } = await home(w.as.coordinator);
    expect(body.organizations).toEqual([]);
    expect(body.comparison).toBeNull();
    expect(body.districts).toHaveLength(1);
    expect(body.districts[0]).toMatchObject({
      districtId: w.districtId, districtName: 'Distretto di prova', membershipRequests: 0, proposalsWaiting: 1, referralsWaiting: 1, staleServices: 1, failedMails: 0,
    });
    expect(body.districts[0]!.openGaps).toBeGreaterThan(0);

    const other = (await home(w.as.otherCoordinator)).body;
    expect(other.districts.map((d) => d.districtId)).toEqual([w.otherDistrictId]);
    expect(other.districts[0]).toMatchObject({ proposalsWaiting: 0, referralsWaiting: 0, openGaps: 0, staleServices: 0 });

    const admin = (await home(w.as.admin)).body;
    expect(admin.districts).toEqual([]);
    expect(admin.comparison).toEqual([
      { districtId: w.districtId, districtName: 'Distretto di prova', members: 5, openNeeds: 7, openGaps: body.districts[0]!.openGaps, referrals: 2 },
      { districtId: w.otherDistrictId, districtName: 'Distretto lontano', members: 1, openNeeds: 0, openGaps: 0, referrals: 0 },
    ]);
  });

  it('counts the gaps of each district a person coordinates, each its own, as the gap page counts them', async () => {
    // The far district gets demand of its own that no service answers: emergency housing for two target groups, two gaps.
    const far = { districtId: w.otherDistrictId, organizationId: w.org.outsider, source: 'manual' as const, status: 'open' as const, categoryCode: 'casa.emergenza-abitativa', municipalityCode: '004078', relevance: 3, expressedOn: new Date().toISOString().slice(0, 10) };
    await w.t.db.orm.insert(needs).values([
      { ...far, targetGroup: 'families', peopleCount: 2 },
      { ...far, targetGroup: 'older_people', peopleCount: 1 },
    ]);
    const both = await signIn(w.t.app, (await createTestUser(w.t.system, [
      { role: 'district_coordinator', districtId: w.districtId }, { role: 'district_coordinator', districtId: w.otherDistrictId },
    ])).email);
    const pageGaps = async (districtId: string) => {
      const response = await w.t.app.inject({ url: `/api/matching/coverage?districtId=${districtId}`, headers: { cookie: both.cookie } });
      expect(response.statusCode, response.body).toBe(200);
      return (response.json() as { groups: { isGap: boolean }[] }).groups.filter((group) => group.isGap).length;
    };
    const { body } = await home(both);
    const gapsOf = Object.fromEntries(body.districts.map((district) => [district.districtId, district.openGaps]));
    // Pinerolo's home care (4 places for 6 people), Orbassano's elderly care (2 for 5) and emergency housing (none).
    expect(gapsOf).toEqual({ [w.districtId]: 3, [w.otherDistrictId]: 2 });
    expect(gapsOf).toEqual({ [w.districtId]: await pageGaps(w.districtId), [w.otherDistrictId]: await pageGaps(w.otherDistrictId) });
    const comparison = (await home(w.as.admin)).body.comparison!;
    expect(Object.fromEntries(comparison.map((district) => [district.districtId, district.openGaps]))).toEqual(gapsOf);
  });
});
