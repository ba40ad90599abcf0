import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES, seedDemo } from './app';
import { DEMO_FIRM_USER } from './modules/matching';
import { loadTerritoryFixture } from './modules/territory';
import { createTestApp, createTestUser, signIn, type SignedIn, type TestApp } from './platform/testing/test-app';
import { DEMO_COORDINATOR, PINEROLO_ISTAT_CODE } from './demo/demo-pinerolese.seed';

const SOURCE_IP = '203.0.113.7';
const USER_AGENT = 'sensitive-reads-test/1.0';

/** One sensitive read: the operation (as in the OpenAPI document), the audit action it records, how to call it. */
interface SensitiveRead {
  method: 'GET' | 'POST';
  path: string;
  action: string;
  request: () => { url: string; query?: Record<string, string>; as: SignedIn };
}

/**
 * The audit issue (11, "Audit that would hold up"): every read of sensitive data leaves a `read` entry naming the
 * actor, the source address and the user agent. Every GET of the areas below must be declared here, as a sensitive
 * read (exercised, its entry checked) or as not sensitive with the reason — so a new endpoint must be classified.
 */
describe('sensitive reads are audited', () => {
  let t: TestApp;
  let coordinator: SignedIn;
  let firm: SignedIn;
  let admin: SignedIn;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(MODULES);
    await loadTerritoryFixture(t.db);
    await seedDemo(t.system, () => undefined);
    coordinator = await signIn(t.app, DEMO_COORDINATOR.email, DEMO_COORDINATOR.password);
    firm = await signIn(t.app, DEMO_FIRM_USER.email, DEMO_FIRM_USER.password);
    admin = await signIn(t.app, (await createTestUser(t.system, [{ role: 'platform_admin' }])).email);
    const get = async (url: string, as: SignedIn, query: Record<string, string> = {}) => {
      const response = await t.app.inject({ url, query, headers: { cookie: as.cookie } });
      expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
      return response.json();
    };
    ids.district = (await get('/api/districts', coordinator)).items.find((district: { isDemo: boolean }) => district.isDemo).id;
    const session = await get('/api/auth/session', firm);
    ids.firm = session.roles.find((role: { scopeType: string }) => role.scopeType === 'organization').scopeId;
    const needs = (await get('/api/needs', coordinator, { districtId: ids.district!, limit: '100' })).items as { id: string; organizationId: string | null; municipalityCode: string; categoryCode: string }[];
    const need = needs.find((candidate) => candidate.organizationId !== null && candidate.organizationId !== ids.firm)!;
    ids.need = need.id;
    ids.needMunicipality = need.municipalityCode;
    ids.needCategory = need.categoryCode;
    ids.survey = (await get('/api/surveys', coordinator)).items[0].id;
    const services = (await get('/api/services', coordinator, { municipality: PINEROLO_ISTAT_CODE })).items as { id: string; status: string; provider: { id: string } }[];
    const service = services.find((candidate) => candidate.status === 'active' && candidate.provider.id !== ids.firm)!;
    const referral = await t.app.inject({
      method: 'POST', url: '/api/matching/referrals', headers: firm.writeHeaders,
      payload: { districtId: ids.district, referringOrganizationId: ids.firm, serviceId: service.id, subjectKind: 'person', municipalityCode: PINEROLO_ISTAT_CODE },
    });
    expect(referral.statusCode, referral.body).toBe(201);
    ids.referral = referral.json().id;
  }, 600_000);
  afterAll(() => t.close());

  const SENSITIVE_READS: SensitiveRead[] = [
    { method: 'GET', path: '/api/needs', action: 'needs.list-needs', request: () => ({ url: '/api/needs', query: { districtId: ids.district! }, as: coordinator }) },
    { method: 'GET', path: '/api/needs/{id}', action: 'needs.read-need', request: () => ({ url: `/api/needs/${ids.need}`, as: coordinator }) },
    {
      method: 'GET', path: '/api/matching/group', action: 'matching.read-group-needs',
      request: () => ({ url: '/api/matching/group', query: { districtId: ids.district!, zoneKey: ids.needMunicipality!, categoryCode: ids.needCategory! }, as: coordinator }),
    },
    { method: 'GET', path: '/api/matching/referrals', action: 'matching.list-referrals', request: () => ({ url: '/api/matching/referrals', as: firm }) },
    { method: 'GET', path: '/api/matching/referrals.csv', action: 'matching.export-referrals', request: () => ({ url: '/api/matching/referrals.csv', as: coordinator }) },
    { method: 'GET', path: '/api/matching/referrals/{id}', action: 'matching.read-referral', request: () => ({ url: `/api/matching/referrals/${ids.referral}`, as: firm }) },
    { method: 'GET', path: '/api/surveys/{id}/report', action: 'surveys.read-full-report', request: () => ({ url: `/api/surveys/${ids.survey}/report`, query: { variant: 'full' }, as: coordinator }) },
    { method: 'GET', path: '/api/surveys/{id}/report/texts', action: 'surveys.read-report-texts', request: () => ({ url: `/api/surveys/${ids.survey}/report/texts`, query: { variant: 'full' }, as: coordinator }) },
    { method: 'GET', path: '/api/surveys/{id}/responses', action: 'surveys.list-responses', request: () => ({ url: `/api/surveys/${ids.survey}/responses`, as: coordinator }) },
    { method: 'GET', path: '/api/surveys/{id}/responses.csv', action: 'surveys.export-responses', request: () => ({ url: `/api/surveys/${ids.survey}/responses.csv`, as: coordinator }) },
    { method: 'GET', path: '/api/organizations/{id}', action: 'organizations.read-private-fields', request: () => ({ url: `/api/organizations/${ids.firm}`, as: firm }) },
    { method: 'GET', path: '/api/audit', action: 'audit.read-log', request: () => ({ url: '/api/audit', as: admin }) },
    { method: 'POST', path: '/api/audit/verify', action: 'audit.verify-chain', request: () => ({ url: '/api/audit/verify', as: admin }) },
  ];

  /** GETs in the sensitive areas that serve nothing private, and why. */
  const NOT_SENSITIVE: Record<string, string> = {
    'GET /api/needs/counts': 'counts only, for every member',
    'GET /api/matching/referrals/report': 'counts by status and month, no referral',
    'GET /api/organizations/{id}/districts': 'public memberships',
  };
  const SENSITIVE_AREAS = [/^\/api\/needs/, /^\/api\/matching\/(referrals|group)/, /^\/api\/surveys\/\{id\}\/(report|responses)/, /^\/api\/audit/, /^\/api\/organizations\/\{id\}/];

  it('declares every read of the sensitive areas, as audited or as not sensitive with a reason', async () => {
    const document = (await t.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const declared = new Set([...SENSITIVE_READS.map((read) => `${read.method} ${read.path}`), ...Object.keys(NOT_SENSITIVE)]);
    const undeclared = Object.entries(document.paths)
      .filter(([path]) => SENSITIVE_AREAS.some((area) => area.test(path)))
      .flatMap(([path, operations]) => Object.keys(operations).filter((method) => method === 'get').map((method) => `${method.toUpperCase()} ${path}`))
      .filter((operation) => !declared.has(operation));
    expect(undeclared).toEqual([]);
    for (const read of SENSITIVE_READS) expect(document.paths[read.path]?.[read.method.toLowerCase()], `${read.method} ${read.path}`).toBeDefined();
  });

  it.each(SENSITIVE_READS.map((read) => [`${read.method} ${read.path}`, read] as const))(
    'records %s as a read with the actor, the source address and the user agent',
    async (_name, read) => {
      const { url, query, as } = read.request();
      const before = (await t.db.pool.query('select coalesce(max(seq), 0) as n from audit_log')).rows[0].n as number;
      const response = await t.app.inject({
        method: read.method, url, query, remoteAddress: SOURCE_IP,
        headers: read.method === 'POST' ? { ...as.writeHeaders, 'user-agent': USER_AGENT } : { cookie: as.cookie, 'user-agent': USER_AGENT },
      });
      expect(response.statusCode, response.body).toBe(200);
      const entries = await t.db.pool.query(
        "select actor_label, host(source_ip) as source_ip, user_agent from audit_log where kind = 'read' and action = $1 and seq > $2",
        [read.action, before],
      );
      const email = (await t.app.inject({ url: '/api/auth/session', headers: { cookie: as.cookie } })).json().user.email as string;
      expect(entries.rows).toEqual([{ actor_label: email, source_ip: SOURCE_IP, user_agent: USER_AGENT }]);
    },
  );

  it('records a refused attempt on a protected record (404 to a member reading another organization\'s need)', async () => {
    const response = await t.app.inject({ url: `/api/needs/${ids.need}`, remoteAddress: SOURCE_IP, headers: { cookie: firm.cookie, 'user-agent': USER_AGENT } });
    expect(response.statusCode).toBe(404);
    const entries = await t.db.pool.query(
      "select actor_label, entity_type, entity_id, host(source_ip) as source_ip, after->>'status' as status from audit_log where kind = 'refused' and entity_id = $1",
      [ids.need],
    );
    expect(entries.rows).toEqual([{ actor_label: DEMO_FIRM_USER.email, entity_type: 'need', entity_id: ids.need, source_ip: SOURCE_IP, status: '404' }]);
  });

  it('does not record an anonymous 404 (anyone could fill the log)', async () => {
    const before = (await t.db.pool.query("select count(*) as n from audit_log where kind = 'refused'")).rows[0].n as number;
    const response = await t.app.inject({ url: '/api/organizations/00000000-0000-4000-8000-000000000000' });
    expect(response.statusCode).toBe(404);
    expect((await t.db.pool.query("select count(*) as n from audit_log where kind = 'refused'")).rows[0].n).toBe(before);
  });
});
