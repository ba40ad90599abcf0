import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TProject, TProjectList, TProjectMap } from '../../../common/contracts/projects';
import type { SignedIn } from '../../platform/testing/test-app';
import { buildMatchingWorld, PINEROLO, type MatchingWorld } from '../matching';
import { needsModule } from '../needs';
import { createOrganization } from '../organizations';
import { EXAMPLE_ZONINGS, importZoning, readExampleZoning } from '../zonings';
import { projectsModule } from './projects.module';

const PEROSA = '001184';

/**
 * Co-designed projects over HTTP, on PGlite and PostgreSQL: the pipeline and its evaluation gate, the partnership and
 * its rule, the budget in cents, a project from a proposal, needs answered by a project, and who reads and writes
 * what — a refused request changes nothing, every write is audited, a non-partner never reads a private part.
 */
describe('projects', () => {
  let w: MatchingWorld;
  let lead: SignedIn;
  let socialServices: string;
  let projectId: string;

  const request = async (who: SignedIn | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT', url: string, payload?: unknown) => {
    const response = await w.t.app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }), headers: who ? (method === 'GET' ? { cookie: who.cookie } : who.writeHeaders) : {} });
    return { status: response.statusCode, body: response.body, json: () => response.json() as TProject & { code: string; details: { fields: { path: string }[] } } };
  };
  const fieldsOf = (response: { json: () => { details: { fields: { path: string }[] } } }) => response.json().details.fields.map((field) => field.path);
  /** Everything a refused request could have changed: the project's rows and the audit log's writes (a refusal is itself audited, as kind 'refused'). */
  const snapshot = async () => {
    const result = await w.t.db.orm.execute<{ state: string }>(sql`
      select json_build_object(
        'project', (select row_to_json(p) from projects p where p.id = ${projectId}),
        'partners', (select json_agg(pp order by pp.id) from project_partners pp where pp.project_id = ${projectId}),
        'lines', (select json_agg(l order by l.id) from project_budget_lines l where l.project_id = ${projectId}),
        'sources', (select json_agg(f order by f.id) from project_funding_sources f where f.project_id = ${projectId}),
        'transitions', (select count(*) from project_transitions where project_id = ${projectId}),
        'evaluations', (select count(*) from project_evaluations where project_id = ${projectId}),
        'audit', (select count(*) from audit_log where kind = 'write'))::text as state`);
    return result.rows[0]!.state;
  };
  const auditCount = async (action: string) => (await w.t.db.orm.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where action = ${action}`)).rows[0]!.n;

  beforeAll(async () => {
    w = await buildMatchingWorld([needsModule, projectsModule]);
    socialServices = (await createOrganization(w.t.system, { legalName: 'Consorzio socio-assistenziale di prova', kind: 'social_services_body', municipalityCode: PINEROLO })).id;
    const { createTestUser, signIn } = await import('../../platform/testing/test-app');
    lead = await signIn(w.t.app, (await createTestUser(w.t.system, [{ role: 'organization_admin', organizationId: socialServices }])).email);
  }, 120_000);
  afterAll(() => w.t.close());

  it('lets a district coordinator create a project, and nobody else', async () => {
    const body = { title: 'Filiera della cura', summary: 'Formazione, servizi e lavoro.', districtIds: [w.districtId], targetGroups: ['older_people'], strands: ['training', 'services', 'job_placement'], startOn: '2026-01-01', endOn: '2026-12-31' };
    expect((await request(w.as.otherCoordinator, 'POST', '/api/projects', body)).status).toBe(403);
    expect((await request(w.as.provider1, 'POST', '/api/projects', body)).status).toBe(403);
    expect((await request(null, 'POST', '/api/projects', body)).status).toBe(401);
    const outOfOrder = await request(w.as.coordinator, 'POST', '/api/projects', { ...body, startOn: '2027-01-01' });
    expect(outOfOrder.status).toBe(400);
    expect(outOfOrder.json().code).toBe('PROJECTS.DATES_OUT_OF_ORDER');
    expect(fieldsOf(outOfOrder)).toEqual(['endOn']);
    expect((await w.t.db.orm.execute<{ n: number }>(sql`select count(*)::int as n from projects`)).rows[0]!.n).toBe(0);
    const created = await request(w.as.coordinator, 'POST', '/api/projects', body);
    expect(created.status).toBe(201);
    const project = created.json();
    projectId = project.id;
    expect(project).toMatchObject({ status: 'idea', districts: [{ id: w.districtId, name: 'Distretto di prova' }], access: { isMember: true, canEdit: true, nextStatuses: ['co_design'] } });
    expect(project.transitions.map((t) => [t.fromStatus, t.toStatus])).toEqual([[null, 'idea']]);
  });

  it('builds the partnership: roles, shares up to 100 %, no partner twice, and the rule check condition by condition', async () => {
    const add = (organizationId: string, role: string, workSharePercent: number) => request(w.as.coordinator, 'POST', `/api/projects/${projectId}/partners`, { organizationId, role, workSharePercent });
    let project = (await add(w.org.requester3, 'partner', 30)).json();
    expect(project.partnershipCheck).toMatchObject({ passed: false, conditions: [{ code: 'single_lead', passed: false }, { code: 'lead_social_services', passed: false }, { code: 'third_sector_partner', passed: true }, { code: 'firm_partner', passed: false }] });
    project = (await add(socialServices, 'lead', 40)).json();
    project = (await add(w.org.requester1, 'partner', 20)).json();
    expect(project.partnershipCheck.passed).toBe(true);
    expect(project.partners.map((p) => [p.role, p.sector])).toEqual([['lead', 'public'], ['partner', 'third_sector'], ['partner', 'private']]);

    const before = await snapshot();
    const twice = await add(w.org.requester1, 'supporter', 0);
    expect(twice.status).toBe(409);
    expect(twice.json().code).toBe('PROJECTS.PARTNER_EXISTS');
    expect(fieldsOf(twice)).toEqual(['organizationId']);
    const over = await add(w.org.provider1, 'partner', 11);
    expect(over.status).toBe(400);
    expect(over.json().code).toBe('PROJECTS.SHARES_OVER_100');
    expect(fieldsOf(over)).toEqual(['workSharePercent']);
    const fraction = await add(w.org.provider1, 'partner', 10.5);
    expect(fraction.status).toBe(422);
    expect(fieldsOf(fraction)).toEqual(['body.workSharePercent']);
    expect(await snapshot()).toBe(before);
    // A partner who left frees its share: the provider joins with 10 % once the firm has left.
    expect((await add(w.org.provider1, 'partner', 10)).status).toBe(201);
  });

  it('keeps the budget in cents: awkward amounts add up, co-financing is computed, floats and negatives are refused naming the field', async () => {
    const line = (who: SignedIn, organizationId: string | null, category: string, amountCents: unknown) => request(who, 'POST', `/api/projects/${projectId}/budget-lines`, { organizationId, category, amountCents, description: `PRIVATO-riga-${category}` });
    await line(lead, socialServices, 'staff', 3_333_333);
    await line(w.as.coordinator, w.org.requester3, 'training', 3_333_333);
    await line(w.as.coordinator, w.org.requester1, 'equipment', 3_333_334);
    await line(w.as.coordinator, null, 'other', 1);
    const source = (kind: string, committedCents: unknown, spentCents: unknown = 0) => request(lead, 'POST', `/api/projects/${projectId}/funding-sources`, { kind, funderName: `PRIVATO-fonte-${kind}`, committedCents, spentCents });
    await source('esf_plus', 6_666_667, 1_234_567);
    const last = (await source('foundation', 3_333_334, 10)).json();
    expect(last.totals).toMatchObject({ budgetCents: 10_000_001, committedCents: 10_000_001, spentCents: 1_234_577, uncoveredCents: 0, coFinancingCents: 3_333_334, coFinancingShareBasisPoints: 3_333 });
    expect(last.totals.byPartner.reduce((sum, row) => sum + row.amountCents, 0)).toBe(10_000_001);
    expect(last.totals.byPartner.reduce((sum, row) => sum + row.shareBasisPoints, 0)).toBe(10_000);
    expect(last.totals.byFundingKind.map((row) => [row.kind, row.shareBasisPoints])).toEqual([['esf_plus', 6_667], ['foundation', 3_333]]);
    expect(last).toMatchObject({ budgetCents: 10_000_001, committedCents: 10_000_001, fundingKinds: ['esf_plus', 'foundation'] });

    const before = await snapshot();
    for (const [amount, status] of [[12.5, 422], [-1, 422], ['100', 422], [1e300, 422]] as const) {
      const refused = await line(w.as.coordinator, null, 'staff', amount);
      expect(refused.status, String(amount)).toBe(status);
      expect([...new Set(fieldsOf(refused))]).toEqual(['body.amountCents']);
    }
    const negativeSpent = await source('region', 100, -5);
    expect(negativeSpent.status).toBe(422);
    expect(fieldsOf(negativeSpent)).toEqual(['body.spentCents']);
    const notPartner = await line(w.as.coordinator, w.org.outsider, 'staff', 100);
    expect(notPartner.json().code).toBe('PROJECTS.NOT_A_PARTNER');
    expect(await snapshot()).toBe(before);
  });

  it('lets a partner edit only its own budget lines, reports and beneficiaries', async () => {
    const before = await snapshot();
    // The firm (requester1) is a partner: not its line, not the project, not the funding.
    const other = await request(w.as.requester1, 'POST', `/api/projects/${projectId}/budget-lines`, { organizationId: w.org.requester3, category: 'staff', amountCents: 100 });
    expect(other.status).toBe(403);
    const whole = await request(w.as.requester1, 'POST', `/api/projects/${projectId}/budget-lines`, { organizationId: null, category: 'staff', amountCents: 100 });
    expect(whole.status).toBe(403);
    expect((await request(w.as.requester1, 'POST', `/api/projects/${projectId}/funding-sources`, { kind: 'firm', committedCents: 100 })).status).toBe(403);
    expect((await request(w.as.requester1, 'POST', `/api/projects/${projectId}/transitions`, { to: 'co_design' })).status).toBe(403);
    const project = (await request(w.as.requester1, 'GET', `/api/projects/${projectId}`)).json();
    const othersLine = project.budgetLines!.find((line) => line.organizationId === w.org.requester3)!;
    expect(othersLine.canEdit).toBe(false);
    expect((await request(w.as.requester1, 'PATCH', `/api/projects/${projectId}/budget-lines/${othersLine.id}`, { amountCents: 1 })).status).toBe(403);
    expect((await request(w.as.requester1, 'DELETE', `/api/projects/${projectId}/budget-lines/${othersLine.id}`)).status).toBe(403);
    expect(await snapshot()).toBe(before);

    const ownLine = project.budgetLines!.find((line) => line.organizationId === w.org.requester1)!;
    expect(ownLine.canEdit).toBe(true);
    const edited = await request(w.as.requester1, 'PATCH', `/api/projects/${projectId}/budget-lines/${ownLine.id}`, { amountCents: 3_333_335 });
    expect(edited.status).toBe(200);
    expect(edited.json().totals.budgetCents).toBe(10_000_002);
    expect(edited.json().access).toMatchObject({ isMember: true, canEdit: false, ownOrganizationIds: [w.org.requester1], nextStatuses: [] });
    const beneficiaries = await request(w.as.requester1, 'POST', `/api/projects/${projectId}/beneficiaries`, { organizationId: w.org.requester1, period: '2026-03', targetGroup: 'older_people', municipalityCode: PINEROLO, count: 7 });
    expect(beneficiaries.status).toBe(201);
    const report = await request(w.as.requester1, 'POST', `/api/projects/${projectId}/reports`, { organizationId: w.org.requester1, periodStart: '2026-01-01', periodEnd: '2026-03-31', text: 'PRIVATO-relazione del partner' });
    expect(report.status).toBe(201);
    const othersReport = await request(w.as.requester1, 'POST', `/api/projects/${projectId}/reports`, { organizationId: w.org.requester3, periodStart: '2026-01-01', periodEnd: '2026-03-31', text: 'x' });
    expect(othersReport.status).toBe(403);
  });

  it('moves along the pipeline: forbidden moves and a missing evaluation are refused naming the field, each move timestamped and audited', async () => {
    const move = (body: object) => request(w.as.coordinator, 'POST', `/api/projects/${projectId}/transitions`, body);
    const before = await snapshot();
    const skip = await move({ to: 'running' });
    expect(skip.status).toBe(409);
    expect(skip.json().code).toBe('PROJECTS.FORBIDDEN_TRANSITION');
    expect(fieldsOf(skip)).toEqual(['to']);
    expect(await snapshot()).toBe(before);
    const auditsBefore = await auditCount('projects.transition-project');
    for (const to of ['co_design', 'submitted', 'approved', 'running']) expect((await move({ to })).status, to).toBe(200);
    expect(await auditCount('projects.transition-project')).toBe(auditsBefore + 4);

    const runningState = await snapshot();
    const noEvaluation = await move({ to: 'evaluated' });
    expect(noEvaluation.status).toBe(400);
    expect(noEvaluation.json().code).toBe('PROJECTS.EVALUATION_REQUIRED');
    expect(fieldsOf(noEvaluation)).toEqual(['evaluation']);
    const halfEvaluation = await move({ to: 'evaluated', evaluation: { measured: 'ore di cura', results: '', decision: 'continue', reasons: 'x' } });
    expect(halfEvaluation.status).toBe(422);
    expect(fieldsOf(halfEvaluation)).toEqual(['body.evaluation.results']);
    expect((await move({ to: 'stopped' })).status).toBe(409);
    expect(await snapshot()).toBe(runningState);

    const evaluated = await move({ to: 'evaluated', evaluation: { measured: 'Ore di cura erogate', results: '1.200 ore, 40 famiglie', decision: 'continue', reasons: 'Domanda in crescita' } });
    expect(evaluated.status).toBe(200);
    expect(evaluated.json().evaluation).toMatchObject({ decision: 'continue', measured: 'Ore di cura erogate' });
    const mismatch = await move({ to: 'stopped' });
    expect(mismatch.status).toBe(409);
    expect(mismatch.json().code).toBe('PROJECTS.DECISION_MISMATCH');
    const continued = await move({ to: 'continued' });
    expect(continued.json().status).toBe('continued');
    const running = (await move({ to: 'running', note: 'Secondo anno' })).json();
    expect(running.transitions.map((t) => t.toStatus)).toEqual(['idea', 'co_design', 'submitted', 'approved', 'running', 'evaluated', 'continued', 'running']);
    expect(running.transitions.every((t) => !Number.isNaN(Date.parse(t.at)))).toBe(true);
  });

  it('scales up: where, and the replica linked both ways', async () => {
    const replica = (await request(w.as.coordinator, 'POST', '/api/projects', { title: 'Filiera della cura – replica', summary: '', districtIds: [w.otherDistrictId], strands: ['services'] })).status;
    expect(replica).toBe(403);
    const replicaProject = (await request(w.as.admin, 'POST', '/api/projects', { title: 'Filiera della cura – replica', summary: '', districtIds: [w.otherDistrictId], strands: ['services'] })).json();
    const move = (body: object) => request(w.as.coordinator, 'POST', `/api/projects/${projectId}/transitions`, body);
    await move({ to: 'evaluated', evaluation: { measured: 'Esiti', results: 'Buoni', decision: 'scale_up', reasons: 'Replicabile' } });
    const noWhere = await move({ to: 'scaled_up' });
    expect(noWhere.status).toBe(400);
    expect(noWhere.json().code).toBe('PROJECTS.SCALE_UP_REQUIRED');
    expect(fieldsOf(noWhere)).toEqual(['scaleUp']);
    const badCode = await move({ to: 'scaled_up', scaleUp: { municipalityCodes: ['999999'] } });
    expect(fieldsOf(badCode)).toEqual(['scaleUp.municipalityCodes.0']);
    const scaled = await move({ to: 'scaled_up', scaleUp: { municipalityCodes: [PEROSA], districtIds: [w.otherDistrictId], replicaProjectId: replicaProject.id } });
    expect(scaled.status).toBe(200);
    expect(scaled.json().scaleUp).toMatchObject({ municipalities: [{ code: PEROSA, name: 'Perosa Argentina' }], districts: [{ id: w.otherDistrictId }], replicaProjectId: replicaProject.id, replicaProjectTitle: 'Filiera della cura – replica' });
    expect((await request(w.as.admin, 'GET', `/api/projects/${replicaProject.id}`)).json()).toMatchObject({ replicaOfProjectId: projectId, replicaOfProjectTitle: 'Filiera della cura' });
    expect(scaled.json().access.nextStatuses).toEqual([]);
  });

  it('never shows a non-partner a private budget line, funding source, report or note, through any read', async () => {
    await request(w.as.coordinator, 'PUT', `/api/projects/${projectId}/mentor`, { kind: 'person', name: 'Mentore di prova' });
    await request(w.as.coordinator, 'POST', `/api/projects/${projectId}/sessions`, { heldOn: '2026-02-01', topic: 'Avvio', notes: 'PRIVATO-note della sessione' });
    await request(w.as.coordinator, 'POST', `/api/projects/${projectId}/assessments`, { assessedOn: '2026-02-01', criterion: 'scalability', score: 4, evidence: 'PRIVATO-evidenza' });
    const member = (await request(w.as.requester1, 'GET', `/api/projects/${projectId}`)).json();
    expect(member.timeline!.map((item) => item.type).sort()).toEqual(['assessment', 'mentor', 'session']);
    expect(JSON.stringify(member)).toContain('PRIVATO-note della sessione');

    for (const outsider of [w.as.outsider, w.as.otherCoordinator, w.as.provider2]) {
      const page = await request(outsider, 'GET', `/api/projects/${projectId}`);
      expect(page.status).toBe(200);
      const project = page.json();
      expect(project).toMatchObject({ budgetLines: null, fundingSources: null, reports: null, beneficiaries: null, timeline: null, access: { isMember: false, canEdit: false, ownOrganizationIds: [] } });
      // The public part: summary, partners, totals.
      expect(project.partners.length).toBeGreaterThan(0);
      expect(project.totals.budgetCents).toBe(10_000_002);
      const reads = [
        page.body,
        (await request(outsider, 'GET', '/api/projects')).body,
        (await request(outsider, 'GET', `/api/projects?districtId=${w.districtId}&status=scaled_up`)).body,
        (await request(outsider, 'GET', '/api/projects/map')).body,
        (await request(outsider, 'GET', '/api/projects/export.csv')).body,
        (await request(outsider, 'GET', '/api/projects/partnership-rule')).body,
        (await request(outsider, 'GET', `/api/files/projects.project/${projectId}`)).body,
      ];
      for (const body of reads) expect(body).not.toContain('PRIVATO');
      expect((await request(outsider, 'GET', `/api/files/projects.project/${projectId}`)).status).toBe(404);
    }
    expect((await request(null, 'GET', `/api/projects/${projectId}`)).status).toBe(401);
    expect((await request(null, 'GET', '/api/projects')).status).toBe(401);
  });

  it('lists with filters, maps by district and exports CSV', async () => {
    const list = (query: string) => request(w.as.outsider, 'GET', `/api/projects?${query}`).then((r) => r.json() as unknown as TProjectList);
    expect((await list(`districtId=${w.districtId}`)).items.map((p) => p.title)).toEqual(['Filiera della cura']);
    expect((await list('strand=job_placement')).total).toBe(1);
    expect((await list('strand=housing')).total).toBe(0);
    expect((await list('targetGroup=older_people&fundingKind=foundation')).items[0]).toMatchObject({ title: 'Filiera della cura', leadOrganizationName: 'Consorzio socio-assistenziale di prova', budgetCents: 10_000_002, fundingKinds: ['esf_plus', 'foundation'] });
    expect((await list('fundingKind=crowdfunding')).total).toBe(0);
    expect((await list(`organizationId=${w.org.requester3}`)).items.map((p) => p.title)).toEqual(['Filiera della cura']);
    expect((await list(`organizationId=${w.org.outsider}`)).total).toBe(0);
    expect((await list('status=idea')).items.map((p) => p.title)).toEqual(['Filiera della cura – replica']);
    const first = await list('limit=1');
    expect(first.total).toBe(2);
    const second = await list(`limit=1&cursor=${first.nextCursor}`);
    expect(second.nextCursor).toBeNull();
    expect(new Set([first.items[0]!.id, second.items[0]!.id]).size).toBe(2);
    const map = (await request(w.as.outsider, 'GET', '/api/projects/map')).json() as unknown as TProjectMap;
    expect(map.districts.find((d) => d.districtId === w.districtId)).toMatchObject({ projectCount: 1, budgetCents: 10_000_002, committedCents: 10_000_001, byFundingKind: [{ kind: 'esf_plus', committedCents: 6_666_667 }, { kind: 'foundation', committedCents: 3_333_334 }] });
    // The pin is Pinerolo's point, the district's most populous municipality (Perosa Argentina and Orbassano are smaller).
    const pinerolo = (await w.t.db.orm.execute<{ lat: number; lng: number }>(sql`select point_lat as lat, point_lng as lng from municipalities where istat_code = ${PINEROLO}`)).rows[0]!;
    expect(map.districts.find((d) => d.districtId === w.districtId)).toMatchObject({ latitude: Number(pinerolo.lat), longitude: Number(pinerolo.lng) });
    expect(Number(pinerolo.lat)).toBeGreaterThan(44);
    const csv = (await request(w.as.outsider, 'GET', '/api/projects/export.csv?strand=job_placement')).body;
    expect(csv.split('\n')[0]).toContain('budget_eur');
    expect(csv).toContain('100000.02');
    expect(csv).toContain('Filiera della cura');
  });

  it('starts a project from a proposal, carrying its organizations and group, and answers a linked need once running', async () => {
    const proposal = await request(w.as.coordinator, 'POST', '/api/matching/proposals', {
      districtId: w.districtId, zoneKey: PINEROLO, categoryCode: 'anziani.assistenza-domiciliare', targetGroup: 'older_people',
      radiusKm: Math.ceil(w.pineroloPerosaKm + 1), title: 'Assistenza domiciliare condivisa', joinThreshold: 2,
    });
    expect(proposal.status).toBe(201);
    const proposalBody = proposal.json() as unknown as { id: string; parties: { organizationId: string }[] };
    expect((await request(w.as.otherCoordinator, 'POST', '/api/projects/from-proposal', { proposalId: proposalBody.id })).status).toBe(404);
    const started = await request(w.as.coordinator, 'POST', '/api/projects/from-proposal', { proposalId: proposalBody.id });
    expect(started.status).toBe(201);
    const project = started.json();
    expect(project).toMatchObject({ status: 'co_design', proposalId: proposalBody.id, title: 'Assistenza domiciliare condivisa', targetGroups: ['older_people'] });
    expect(project.partners.map((p) => p.organizationId).sort()).toEqual([...new Set(proposalBody.parties.map((party) => party.organizationId))].sort());
    expect(project.groupLinks).toMatchObject([{ categoryCode: 'anziani.assistenza-domiciliare', targetGroup: 'older_people', zoneKind: 'municipality', zoneKey: PINEROLO, zoneLabel: 'Pinerolo', proposalId: proposalBody.id }]);

    const need = (await w.t.db.orm.execute<{ id: string }>(sql`select id from needs where status = 'open' and municipality_code = ${PEROSA} limit 1`)).rows[0]!;
    const linked = await request(w.as.coordinator, 'POST', `/api/projects/${project.id}/need-links`, { needId: need.id });
    expect(linked.status).toBe(201);
    expect(linked.json().needLinks).toMatchObject([{ needId: need.id, municipalityName: 'Perosa Argentina', needStatus: 'open', answeredByProject: false }]);
    const homeCare = (await w.t.db.orm.execute<{ label: string }>(sql`select label_it as label from service_taxonomy_terms where code = 'anziani.assistenza-domiciliare'`)).rows[0]!.label;
    expect(linked.json().needLinks[0]!.categoryLabel).toBe(homeCare);
    expect(linked.json().groupLinks[0]!.categoryLabel).toBe(homeCare);
    expect((await request(w.as.coordinator, 'POST', `/api/projects/${project.id}/need-links`, { needId: need.id })).json().code).toBe('PROJECTS.LINK_EXISTS');
    const notYet = await request(w.as.coordinator, 'POST', `/api/projects/${project.id}/need-links/${need.id}/answer`);
    expect(notYet.status).toBe(409);
    expect(notYet.json().code).toBe('PROJECTS.NOT_RUNNING');
    for (const to of ['submitted', 'approved', 'running']) await request(w.as.coordinator, 'POST', `/api/projects/${project.id}/transitions`, { to });
    const answered = await request(w.as.coordinator, 'POST', `/api/projects/${project.id}/need-links/${need.id}/answer`);
    expect(answered.status).toBe(200);
    expect(answered.json().needLinks[0]).toMatchObject({ needStatus: 'answered_by_project', answeredByProject: true });
    expect(await auditCount('needs.answer-need-by-project')).toBe(1);
    // A need of another district cannot be linked.
    const far = (await w.t.db.orm.execute<{ id: string }>(sql`insert into needs (district_id, organization_id, category_code, target_group, municipality_code, source) values (${w.otherDistrictId}, ${w.org.outsider}, 'anziani', 'older_people', '004078', 'manual') returning id`)).rows[0]!;
    expect(fieldsOf(await request(w.as.coordinator, 'POST', `/api/projects/${project.id}/need-links`, { needId: far.id }))).toEqual(['needId']);
  });

  it("links groups by a district and by a zoning's zone, labelled in words with their category, and unlinks them", async () => {
    const example = EXAMPLE_ZONINGS.provinces;
    await importZoning(w.t.system, { ...example.request, regionCodes: ['01'], content: readExampleZoning(example.file) });
    const torino = (await w.t.db.orm.execute<{ zone_id: string; label: string }>(sql`select zone_id, zoning_name || ' · ' || zone_name as label from zone_labels where zone_name = 'Torino'`)).rows[0]!;
    const link = (body: object) => request(w.as.coordinator, 'POST', `/api/projects/${projectId}/group-links`, body);
    const byDistrict = await link({ categoryCode: 'casa.emergenza-abitativa', targetGroup: 'families', zoneKind: 'district', zoneKey: w.districtId });
    expect(byDistrict.status).toBe(201);
    const byZone = await link({ categoryCode: 'anziani.assistenza-domiciliare', zoneKind: 'zoning', zoneKey: torino.zone_id });
    expect(byZone.status).toBe(201);
    const districtName = (await w.t.db.orm.execute<{ name: string }>(sql`select name from district_names where id = ${w.districtId}`)).rows[0]!.name;
    const labelOf = async (code: string) => (await w.t.db.orm.execute<{ label: string }>(sql`select label_it as label from service_taxonomy_terms where code = ${code}`)).rows[0]!.label;
    const links = byZone.json().groupLinks;
    expect(links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ zoneKind: 'district', zoneKey: w.districtId, zoneLabel: districtName, categoryCode: 'casa.emergenza-abitativa', categoryLabel: await labelOf('casa.emergenza-abitativa'), targetGroup: 'families', proposalId: null }),
        expect.objectContaining({ zoneKind: 'zoning', zoneKey: torino.zone_id, zoneLabel: torino.label, categoryCode: 'anziani.assistenza-domiciliare', categoryLabel: await labelOf('anziani.assistenza-domiciliare'), targetGroup: null }),
      ]),
    );
    expect(links.every((row) => row.categoryLabel !== null && row.categoryLabel !== row.categoryCode)).toBe(true);
    // The same group twice, or a zone that does not exist, is refused naming the field, and changes nothing.
    const before = await snapshot();
    expect((await link({ categoryCode: 'casa.emergenza-abitativa', targetGroup: 'families', zoneKind: 'district', zoneKey: w.districtId })).json().code).toBe('PROJECTS.LINK_EXISTS');
    expect(fieldsOf(await link({ categoryCode: 'anziani', zoneKind: 'zoning', zoneKey: '00000000-0000-4000-8000-000000000000' }))).toEqual(['zoneKey']);
    expect(fieldsOf(await link({ categoryCode: 'anziani', zoneKind: 'district', zoneKey: 'not-a-district' }))).toEqual(['zoneKey']);
    expect(await snapshot()).toBe(before);
    expect((await request(w.as.requester1, 'DELETE', `/api/projects/${projectId}/group-links/${links[0]!.id}`)).status).toBe(403);
    const unlinked = await request(w.as.coordinator, 'DELETE', `/api/projects/${projectId}/group-links/${links[0]!.id}`);
    expect(unlinked.status).toBe(200);
    expect(unlinked.json().groupLinks.map((row) => row.id)).not.toContain(links[0]!.id);
  });

  it('records milestones with their lateness, and audits every successful write exactly once', async () => {
    const auditBefore = (await w.t.db.orm.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where action like 'projects.%'`)).rows[0]!.n;
    const late = await request(w.as.coordinator, 'POST', `/api/projects/${projectId}/milestones`, { title: 'Primo corso', dueOn: '2020-01-01' });
    const milestone = late.json().milestones[0]!;
    expect(milestone).toMatchObject({ title: 'Primo corso', status: 'planned', isLate: true });
    const done = (await request(w.as.coordinator, 'PATCH', `/api/projects/${projectId}/milestones/${milestone.id}`, { status: 'done' })).json().milestones[0]!;
    expect(done).toMatchObject({ status: 'done', isLate: false });
    expect(done.doneOn).not.toBeNull();
    expect((await request(w.as.requester1, 'POST', `/api/projects/${projectId}/milestones`, { title: 'x', dueOn: '2026-01-01' })).status).toBe(403);
    const auditAfter = (await w.t.db.orm.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where action like 'projects.%'`)).rows[0]!.n;
    expect(auditAfter - auditBefore).toBe(2);
  });
});
