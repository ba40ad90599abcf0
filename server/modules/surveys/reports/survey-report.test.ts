import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TReportTexts, TSurveyReport } from '../../../../common/contracts/survey-reports';
import type { ModuleManifest } from '../../../platform/module';
import { createTestApp, createTestUser, signIn, type SignedIn, type TestApp } from '../../../platform/testing/test-app';
import { createDistrict, districtsModule } from '../../districts';
import { createOrganization, organizationsModule } from '../../organizations';
import { loadTerritoryFixture, territoryModule } from '../../territory';
import { computeReportQuestionsInTypeScript } from './compute-report-in-typescript';
import { surveyReportsRoutes } from './survey-reports.routes';
import { DEMO_COORDINATOR, seedDemoPinerolese } from '../../../demo/demo-pinerolese.seed';

const PINEROLO = '001191';
const VILLAR_PEROSA = '001307';
const PEROSA_ARGENTINA = '001184';
const TORINO = '001272';

/**
 * A hand-built survey with every question type, answered by 4 invited organizations and 1 public-link respondent
 * (a 5th invited firm only started, a 6th never answered). Every expected number is derived in a comment.
 *
 *        org (kind, size, municipality)           q1     q2     q3  q4 r1/r2  q5  q6 (text)                 q7   q8
 *   A    firm, small, Pinerolo                    a      x,y    5   5 / 1     12  'Servono più posti al nido' yes  Pinerolo
 *   B    firm, small, Pinerolo                    a      x      4   5 / 2     30  —                         yes  Pinerolo
 *   C    firm, micro, Villar Perosa               b      x,z    4   4 / —      4  'Orari flessibili'         no   Villar Perosa
 *   VC   social coop A, no size, Perosa Argentina other  y      2   3 / 3     60  'Più servizi in città'    yes  —
 *   P    public link (no organization)            a      —      3   —          —  —                         no   —
 *   D    firm, small, Pinerolo: in progress; E firm, medium, Pinerolo: invited, no response.
 */
describe('survey report', () => {
  let t: TestApp;
  let surveyId: string;
  let districtId: string;
  let coordinator: SignedIn;
  let member: SignedIn;
  let otherCoordinator: SignedIn;
  let outsider: SignedIn;
  const q: Record<string, string> = {};

  const report = async (who: SignedIn | null, query: Record<string, string> = {}) => {
    const response = await t.app.inject({ url: `/api/surveys/${surveyId}/report`, query, headers: who ? { cookie: who.cookie } : {} });
    return { status: response.statusCode, body: response.json() as TSurveyReport };
  };
  const question = (body: TSurveyReport, code: string) => body.questions.find((candidate) => candidate.code === code)!;
  const bars = (body: TSurveyReport, code: string) => Object.fromEntries(question(body, code).bars.map((bar) => [bar.code, bar.count]));

  beforeAll(async () => {
    const reportsOnly: ModuleManifest = { name: 'survey-reports', routes: surveyReportsRoutes, ownsTables: [] };
    t = await createTestApp([territoryModule, organizationsModule, districtsModule, reportsOnly]);
    await loadTerritoryFixture(t.db);
    await seedDemoPinerolese(t.system, () => undefined);
    districtId = (await t.db.pool.query('select id from districts where is_demo')).rows[0].id;
    const firm = (name: string, sizeClass: 'micro' | 'small' | 'medium', municipalityCode: string) =>
      createOrganization(t.system, { legalName: name, kind: 'firm', sizeClass, municipalityCode }).then((organization) => organization.id);
    const org = {
      A: await firm('Impresa A', 'small', PINEROLO),
      B: await firm('Impresa B', 'small', PINEROLO),
      C: await firm('Impresa C', 'micro', VILLAR_PEROSA),
      D: await firm('Impresa D', 'small', PINEROLO),
      E: await firm('Impresa E', 'medium', PINEROLO),
      VC: (await t.db.pool.query("select id from organizations where legal_name = 'Cooperativa sociale Val Chisone (demo)'")).rows[0].id as string,
    };
    // The demo cooperative stands for an organization that did not state its size (the "not stated" group below).
    await t.db.pool.query('update organizations set size_class = null where id = $1', [org.VC]);
    const sql = (text: string, values: unknown[] = []) => t.db.pool.query(text, values).then((result) => result.rows);
    [{ id: surveyId }] = await sql("insert into surveys (district_id, title, status) values ($1, 'Bisogni delle imprese', 'open') returning id", [districtId]);
    const [{ id: sectionId }] = await sql("insert into survey_sections (survey_id, position, title) values ($1, 1, 'Sezione unica') returning id", [surveyId]);
    const questions: [string, string, string, object][] = [
      ['q1', 'single_choice', 'Di quale servizio avete più bisogno?', { options: [{ code: 'a', label: 'Nido' }, { code: 'b', label: 'Babysitter' }], allowOther: true }],
      ['q2', 'multiple_choice', 'Che cosa offrite già?', { options: [{ code: 'x', label: 'Buoni' }, { code: 'y', label: 'Orari' }, { code: 'z', label: 'Sportello' }] }],
      ['q3', 'scale', 'Quanto conta il welfare?', {}],
      ['q4', 'matrix', 'Rilevanza dei bisogni', { rows: [{ code: 'r1', label: 'Cura dei figli' }, { code: 'r2', label: 'Cura degli anziani' }] }],
      ['q5', 'number', 'Quanti dipendenti?', { unit: 'dipendenti', min: 0 }],
      ['q6', 'long_text', 'Suggerimenti', {}],
      ['q7', 'yes_no', 'Avete un piano di welfare?', {}],
      ['q8', 'municipality', 'Dove vivono i dipendenti?', {}],
    ];
    for (const [index, [code, type, label, config]] of questions.entries()) {
      const [row] = await sql('insert into survey_questions (survey_id, section_id, position, code, type, label, config) values ($1, $2, $3, $4, $5, $6, $7) returning id', [
        surveyId, sectionId, index + 1, code, type, label, JSON.stringify(config),
      ]);
      q[code] = row.id;
    }
    const respond = async (organizationId: string | null, status: 'submitted' | 'in_progress', answers: [string, string, string | null, number | null, string | null][]) => {
      let invitationId: string | null = null;
      if (organizationId) [{ id: invitationId }] = await sql("insert into survey_invitations (survey_id, organization_id, token_hash) values ($1, $2, md5(random()::text)) returning id", [surveyId, organizationId]);
      const [{ id }] = await sql(
        "insert into survey_responses (survey_id, invitation_id, organization_id, status, submitted_at) values ($1, $2, $3, $4, case when $4 = 'submitted' then now() end) returning id",
        [surveyId, invitationId, organizationId, status],
      );
      for (const [code, item, choice, number, text] of answers) {
        await sql('insert into survey_answers (response_id, question_id, item_code, choice_code, number_value, text_value) values ($1, $2, $3, $4, $5, $6)', [id, q[code], item, choice, number, text]);
      }
    };
    await respond(org.A, 'submitted', [
      ['q1', '', 'a', null, null], ['q2', 'x', 'x', null, null], ['q2', 'y', 'y', null, null], ['q3', '', null, 5, null], ['q4', 'r1', null, 5, null], ['q4', 'r2', null, 1, null],
      ['q5', '', null, 12, null], ['q6', '', null, null, 'Servono più posti al nido'], ['q7', '', 'yes', null, null], ['q8', '', PINEROLO, null, null],
    ]);
    await respond(org.B, 'submitted', [
      ['q1', '', 'a', null, null], ['q2', 'x', 'x', null, null], ['q3', '', null, 4, null], ['q4', 'r1', null, 5, null], ['q4', 'r2', null, 2, null],
      ['q5', '', null, 30, null], ['q7', '', 'yes', null, null], ['q8', '', PINEROLO, null, null],
    ]);
    await respond(org.C, 'submitted', [
      ['q1', '', 'b', null, null], ['q2', 'x', 'x', null, null], ['q2', 'z', 'z', null, null], ['q3', '', null, 4, null], ['q4', 'r1', null, 4, null],
      ['q5', '', null, 4, null], ['q6', '', null, null, 'Orari flessibili'], ['q7', '', 'no', null, null], ['q8', '', VILLAR_PEROSA, null, null],
    ]);
    await respond(org.VC, 'submitted', [
      ['q1', '', 'other', null, 'Centro estivo'], ['q2', 'y', 'y', null, null], ['q3', '', null, 2, null], ['q4', 'r1', null, 3, null], ['q4', 'r2', null, 3, null],
      ['q5', '', null, 60, null], ['q6', '', null, null, 'Più servizi in città'], ['q7', '', 'yes', null, null],
    ]);
    await respond(null, 'submitted', [['q1', '', 'a', null, null], ['q3', '', null, 3, null], ['q7', '', 'no', null, null]]);
    await respond(org.D, 'in_progress', [['q1', '', 'b', null, null]]);
    await sql("insert into survey_invitations (survey_id, organization_id, token_hash) values ($1, $2, 'e')", [surveyId, org.E]);

    coordinator = await signIn(t.app, DEMO_COORDINATOR.email, DEMO_COORDINATOR.password);
    const meccanica = (await t.db.pool.query("select id from organizations where legal_name = 'Meccanica Chisone S.r.l. (demo)'")).rows[0].id;
    member = await signIn(t.app, (await createTestUser(t.system, [{ role: 'organization_member', organizationId: meccanica }])).email);
    const torinoOrg = await createOrganization(t.system, { legalName: 'Associazione di Torino', kind: 'aps', municipalityCode: TORINO });
    const otherDistrict = await createDistrict(t.system, { name: 'Distretto di Torino', municipalityCodes: [TORINO], memberOrganizationIds: [torinoOrg.id] });
    otherCoordinator = await signIn(t.app, (await createTestUser(t.system, [{ role: 'district_coordinator', districtId: otherDistrict.id }])).email);
    // Impresa A answered but is not a member of the district: it does not get the report.
    outsider = await signIn(t.app, (await createTestUser(t.system, [{ role: 'organization_admin', organizationId: org.A }])).email);
  });
  afterAll(() => t.close());

  it('computes response rates overall and by kind, size and municipality', async () => {
    const { status, body } = await report(coordinator);
    expect(status).toBe(200);
    // invited A B C D E VC = 6; submitted among them A B C VC = 4 (D only started); plus 1 public-link response
    expect(body.responseRate).toMatchObject({ invited: 6, submittedInvited: 4, submittedPublic: 1, submitted: 5, inProgress: 1, rate: 0.6667 });
    expect(body.responseRate.byKind).toEqual([
      { key: 'firm', label: null, invited: 5, submitted: 3, rate: 0.6, hidden: false },
      { key: 'social_cooperative_a', label: null, invited: 1, submitted: 1, rate: 1, hidden: false },
    ]);
    // small A B D → 2 of 3; micro C 1/1; medium E 0/1; VC has no size
    expect(body.responseRate.bySize.map((group) => [group.key, group.invited, group.submitted])).toEqual([
      ['medium', 1, 0], ['micro', 1, 1], ['small', 3, 2], ['unknown', 1, 1],
    ]);
    expect(body.responseRate.byMunicipality.map((group) => [group.label, group.invited, group.submitted])).toEqual([
      ['Perosa Argentina', 1, 1], ['Pinerolo', 4, 2], ['Villar Perosa', 1, 1],
    ]);
  });

  it('computes each question’s distribution, matrix means and number statistics', async () => {
    const { body } = await report(coordinator);
    expect(question(body, 'q1')).toMatchObject({ respondents: 5, sectionTitle: 'Sezione unica', textCount: 1 });
    // q1: a = A B P (3 of 5 → 0.6), b = C, other = VC
    expect(question(body, 'q1').bars).toEqual([
      { code: 'a', label: 'Nido', count: 3, share: 0.6, hidden: false },
      { code: 'b', label: 'Babysitter', count: 1, share: 0.2, hidden: false },
      { code: 'other', label: 'Altro', count: 1, share: 0.2, hidden: false },
    ]);
    // q2 (multiple): x = A B C, y = A VC, z = C; 4 respondents, shares of respondents
    expect(question(body, 'q2').bars.map((bar) => [bar.code, bar.count, bar.share])).toEqual([['x', 3, 0.75], ['y', 2, 0.5], ['z', 1, 0.25]]);
    // q3: 5 4 4 2 3 → mean 3.6, median 4; bars 1..5 = 0 1 1 2 1
    expect(bars(body, 'q3')).toEqual({ 1: 0, 2: 1, 3: 1, 4: 2, 5: 1 });
    expect(question(body, 'q3').stats).toMatchObject({ mean: 3.6, median: 4, min: 2, max: 5 });
    // q4: r1 = 5 5 4 3 → mean 4.25; r2 = 1 2 3 → mean 2
    expect(question(body, 'q4').matrix).toEqual([
      { code: 'r1', label: 'Cura dei figli', respondents: 4, mean: 4.25, counts: [0, 0, 1, 1, 2], hidden: false },
      { code: 'r2', label: 'Cura degli anziani', respondents: 3, mean: 2, counts: [1, 1, 1, 0, 0], hidden: false },
    ]);
    // q5: 12 30 4 60 → mean 26.5, median (12 + 30) / 2 = 21
    expect(question(body, 'q5').stats).toEqual({ mean: 26.5, median: 21, min: 4, max: 60, unit: 'dipendenti' });
    expect(question(body, 'q6')).toMatchObject({ respondents: 3, textCount: 3 });
    expect(bars(body, 'q7')).toEqual({ yes: 3, no: 2 });
    expect(question(body, 'q8').bars.map((bar) => [bar.label, bar.count])).toEqual([['Pinerolo', 2], ['Villar Perosa', 1]]);
  });

  it('gives the same per-question figures as the TypeScript aggregation over the raw rows (the benchmark baseline)', async () => {
    const { body } = await report(coordinator);
    expect(await computeReportQuestionsInTypeScript(t.system, surveyId, { variant: 'full' })).toEqual(body.questions);
  });

  it('filters by kind, size and municipality of the respondent', async () => {
    // firms: A B C → q3 = 5 4 4, mean 4.33; the public-link response has no kind
    const firms = (await report(coordinator, { kind: 'firm' })).body;
    expect(question(firms, 'q3')).toMatchObject({ respondents: 3, stats: { mean: 4.33 } });
    expect(firms.responseRate).toMatchObject({ invited: 5, submittedInvited: 3, submittedPublic: 0 });
    const small = (await report(coordinator, { sizeClass: 'small', municipalityCode: PINEROLO })).body;
    expect(bars(small, 'q1')).toEqual({ a: 2, b: 0, other: 0 });
  });

  it('cross-tabulates a question by an attribute or by another question', async () => {
    // q1 by kind: firm = A B C (a a b), coop = VC (other), unknown = P (a)
    const byKind = (await report(coordinator, { crossQuestion: 'q1', crossBy: 'kind' })).body.crossTab!;
    expect(byKind.measure).toBe('count');
    expect(byKind.columns.map((column) => [column.key, column.respondents])).toEqual([['firm', 3], ['social_cooperative_a', 1], ['unknown', 1]]);
    expect(byKind.rows.map((row) => [row.key, row.cells.map((cell) => cell.count)])).toEqual([
      ['a', [2, 0, 1]], ['b', [1, 0, 0]], ['other', [0, 1, 0]],
    ]);
    // matrix q4 by q7: yes = A B VC → r1 (5+5+3)/3 = 4.33, r2 (1+2+3)/3 = 2; no = C (P skipped q4) → r1 4
    const byQuestion = (await report(coordinator, { crossQuestion: 'q4', crossBy: 'q:q7' })).body.crossTab!;
    expect(byQuestion).toMatchObject({ measure: 'mean', byLabel: 'Avete un piano di welfare?' });
    expect(byQuestion.columns.map((column) => [column.label, column.respondents])).toEqual([['No', 1], ['Sì', 3]]);
    expect(byQuestion.rows.map((row) => [row.label, row.cells.map((cell) => [cell.mean, cell.count])])).toEqual([
      ['Cura dei figli', [[4, 1], [4.33, 3]]],
      ['Cura degli anziani', [[null, 0], [2, 3]]],
    ]);
    const bad = await t.app.inject({ url: `/api/surveys/${surveyId}/report`, query: { crossQuestion: 'q6', crossBy: 'kind' }, headers: { cookie: coordinator.cookie } });
    expect(bad.statusCode).toBe(422);
  });

  /**
   * Checks a shared group against the same group in the full report: no count of 1 or 2 shown, no 0 shown beside a
   * hidden cell, and the hidden cells of a group with a shown total sum to 0 or at least 3 (else total − shown
   * gives them away).
   */
  const expectNothingDerivable = (name: string, full: number[], shared: (number | null)[], sharedTotal: number | null, hasTotal = true) => {
    shared.forEach((value, index) => {
      if (value !== null) expect(value, `${name}[${index}]`).toBe(full[index]);
      expect(value === 1 || value === 2, `${name}[${index}] shows ${value}`).toBe(false);
    });
    const hidden = shared.map((value) => value === null);
    if (hidden.some(Boolean)) expect(shared.filter((value) => value === 0), `${name}: a 0 beside a hidden cell`).toEqual([]);
    if (hasTotal && sharedTotal !== null) {
      const hiddenSum = full.reduce((sum, n, index) => sum + (hidden[index] ? n : 0), 0);
      expect(hiddenSum === 0 || hiddenSum >= 3, `${name}: hidden cells sum to ${hiddenSum}`).toBe(true);
    }
  };

  it('finding 4: the shared report hides counts of 1–2, the zeros beside them and the complementary cells (rates, bars, matrix, cross-tab)', async () => {
    const { status, body } = await report(member, { variant: 'shared', crossQuestion: 'q1', crossBy: 'kind' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ variant: 'shared', canSeeFull: false });
    const full = (await report(coordinator, { crossQuestion: 'q1', crossBy: 'kind' })).body;
    const rate = body.responseRate;
    // firms 3 of 5 beside the single cooperative: with 4 invited respondents published, 3 shown would give the 1 away
    expect(rate.byKind.map((group) => [group.key, group.invited, group.submitted, group.hidden])).toEqual([['firm', null, null, true], ['social_cooperative_a', null, null, true]]);
    expect(rate.submitted).toBe(5);
    expect([rate.submittedInvited, rate.submittedPublic]).toEqual([null, null]); // 4 + 1: the 4 would give the 1 away
    for (const breakdown of ['byKind', 'bySize', 'byMunicipality'] as const) {
      expectNothingDerivable(`${breakdown}.submitted`, full.responseRate[breakdown].map((group) => group.submitted!), rate[breakdown].map((group) => group.submitted), rate.submittedInvited);
      expectNothingDerivable(`${breakdown}.invited`, full.responseRate[breakdown].map((group) => group.invited!), rate[breakdown].map((group) => group.invited), rate.invited);
    }
    for (const fullQuestion of full.questions) {
      const shared = question(body, fullQuestion.code);
      if (fullQuestion.bars.length) {
        expectNothingDerivable(`${fullQuestion.code} bars`, fullQuestion.bars.map((bar) => bar.count!), shared.bars.map((bar) => bar.count), shared.respondents, fullQuestion.type !== 'multiple_choice');
      }
      fullQuestion.matrix.forEach((row, index) => expectNothingDerivable(`${fullQuestion.code} ${row.code}`, row.counts.map(Number), shared.matrix[index]!.counts, shared.matrix[index]!.respondents));
    }
    // q1: a = 3, b = 1, other = 1 of 5: hiding b and other alone leaves 5 − 3 = 2 to share between them
    expect(question(body, 'q1').bars.map((bar) => [bar.code, bar.count, bar.hidden])).toEqual([['a', null, true], ['b', null, true], ['other', null, true]]);
    // one firm's own number is never shown: min and max are left out
    expect(question(body, 'q5').stats).toMatchObject({ mean: 26.5, min: null, max: null });
    const crossTab = body.crossTab!;
    const fullCross = full.crossTab!;
    crossTab.columns.forEach((column, index) => {
      expectNothingDerivable(`column ${column.key}`, fullCross.rows.map((row) => row.cells[index]!.count!), crossTab.rows.map((row) => row.cells[index]!.count), column.respondents);
    });
    crossTab.rows.forEach((row, index) => {
      // a row's total is the question's bar for that value
      const rowTotal = question(body, 'q1').bars.find((bar) => bar.code === row.key)?.count ?? null;
      expectNothingDerivable(`row ${row.key}`, fullCross.rows[index]!.cells.map((cell) => cell.count!), row.cells.map((cell) => cell.count), rowTotal);
    });
    const asCoordinator = await report(coordinator, { variant: 'shared' });
    expect(asCoordinator.body.canSeeFull).toBe(true);
  });

  it('finding 4: in the shared report a filter that isolates fewer than 3 respondents (inside or outside it) is refused, texts included', async () => {
    const shared = (path: string, query: Record<string, string>) =>
      t.app.inject({ url: `/api/surveys/${surveyId}/${path}`, query: { variant: 'shared', ...query }, headers: { cookie: member.cookie } });
    // the only cooperative; the two firms of Pinerolo; the three firms (5 − 3 = 2 others: the rest of the report)
    for (const query of [{ kind: 'social_cooperative_a' }, { municipalityCode: PINEROLO }, { kind: 'firm' }, { sizeClass: 'micro' }] as Record<string, string>[]) {
      for (const path of ['report', 'report/texts']) {
        const response = await shared(path, query);
        expect(response.statusCode, `${path} ${JSON.stringify(query)}`).toBe(422);
        expect(response.json()).toMatchObject({ code: 'SURVEYS.SMALL_GROUP', details: { fields: [{ path: `query.${Object.keys(query)[0]}` }] } });
      }
    }
    // a filter nobody passes isolates nobody; the coordinator's full report keeps every filter
    expect((await shared('report', { kind: 'association' })).statusCode).toBe(200);
    const firmTexts = await t.app.inject({ url: `/api/surveys/${surveyId}/report/texts`, query: { kind: 'firm' }, headers: { cookie: coordinator.cookie } });
    expect(firmTexts.statusCode).toBe(200);
  });

  it('lists free text, searchable without accents; never with the organization in the shared report', async () => {
    const full = await t.app.inject({ url: `/api/surveys/${surveyId}/report/texts`, query: { q: 'citta' }, headers: { cookie: coordinator.cookie } });
    expect((full.json() as TReportTexts).items).toEqual([
      expect.objectContaining({ questionCode: 'q6', text: 'Più servizi in città', organizationName: 'Cooperativa sociale Val Chisone (demo)' }),
    ]);
    const all = (await t.app.inject({ url: `/api/surveys/${surveyId}/report/texts`, headers: { cookie: coordinator.cookie } })).json() as TReportTexts;
    expect(all.total).toBe(4); // three q6 texts and the q1 "other, specify"
    expect(all.items.find((item) => item.questionCode === 'q1')).toMatchObject({ itemCode: 'other', text: 'Centro estivo' });
    const shared = (await t.app.inject({ url: `/api/surveys/${surveyId}/report/texts`, query: { variant: 'shared' }, headers: { cookie: member.cookie } })).json() as TReportTexts;
    expect(shared.items).toHaveLength(4);
    expect(shared.items.every((item) => item.organizationName === null && item.submittedAt === null)).toBe(true);
  });

  it('exports one CSV row per submitted response, one column per answer item, with codes and labels', async () => {
    const response = await t.app.inject({ url: `/api/surveys/${surveyId}/responses.csv`, headers: { cookie: coordinator.cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const [header, ...rows] = response.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(header).toBe(
      'response_id,submitted_at,organization,kind,size_class,municipality_code,municipality,' +
        'q1,q1_label,q1_other,q2_x,q2_y,q2_z,q3,q4_r1,q4_r2,q5,q6,q7,q7_label,q8,q8_label',
    );
    expect(rows).toHaveLength(5);
    const columns = header!.split(',');
    const rowOf = (organization: string) => {
      const cells = rows.find((row) => row.includes(`,${organization},`))!.split(',');
      return Object.fromEntries(columns.map((column, index) => [column, cells[index]]));
    };
    expect(rowOf('Impresa A')).toMatchObject({ kind: 'firm', size_class: 'small', municipality: 'Pinerolo', q1: 'a', q1_label: 'Nido', q2_x: '1', q2_y: '1', q2_z: '0', q4_r1: '5', q4_r2: '1', q5: '12', q7_label: 'Sì', q8_label: 'Pinerolo' });
    expect(rowOf('Cooperativa sociale Val Chisone (demo)')).toMatchObject({ q1: 'other', q1_label: 'Altro', q1_other: 'Centro estivo', q2_x: '0', size_class: '' });
    const publicRow = rows.find((row) => row.split(',')[2] === '')!.split(',');
    expect(publicRow[columns.indexOf('q2_x')]).toBe(''); // not answered: empty, not 0
  });

  it('number answers of 1e308: two huge answers stored before numbers were bounded still give a report (mean, median, cross-tab)', async () => {
    const sql = (text: string, values: unknown[] = []) => t.db.pool.query(text, values).then((result) => result.rows);
    const [{ id: hugeSurveyId }] = await sql("insert into surveys (district_id, title, status) values ($1, 'Numeri enormi', 'open') returning id", [districtId]);
    const [{ id: sectionId }] = await sql("insert into survey_sections (survey_id, position, title) values ($1, 1, 'Unica') returning id", [hugeSurveyId]);
    const [{ id: numberId }] = await sql("insert into survey_questions (survey_id, section_id, position, code, type, label, config) values ($1, $2, 1, 'n', 'number', 'Quanti?', '{}') returning id", [hugeSurveyId, sectionId]);
    for (const value of [1e308, 1e308, -1e308, 1e308]) {
      const [{ id }] = await sql("insert into survey_responses (survey_id, status, submitted_at) values ($1, 'submitted', now()) returning id", [hugeSurveyId]);
      await sql("insert into survey_answers (response_id, question_id, item_code, number_value) values ($1, $2, '', $3)", [id, numberId, value]);
    }
    const response = await t.app.inject({ url: `/api/surveys/${hugeSurveyId}/report`, query: { crossQuestion: 'n', crossBy: 'kind' }, headers: { cookie: coordinator.cookie } });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as TSurveyReport;
    // (1 + 1 - 1 + 1) / 4 × 1e308 = 0.5e308; the median of -1, 1, 1, 1 (× 1e308) is 1e308
    expect(question(body, 'n').stats).toMatchObject({ mean: 0.5e308, median: 1e308, min: -1e308, max: 1e308 });
    expect(body.crossTab!.rows[0]!.cells[0]).toMatchObject({ column: 'unknown', count: 4, mean: 0.5e308 });
    expect(await computeReportQuestionsInTypeScript(t.system, hugeSurveyId, { variant: 'full' })).toEqual(body.questions);
  });

  it('hides the report from anonymous visitors, other districts and non-members; members get only the shared one', async () => {
    expect((await report(null)).status).toBe(401);
    expect((await report(otherCoordinator)).status).toBe(404);
    expect((await report(otherCoordinator, { variant: 'shared' })).status).toBe(404);
    expect((await report(outsider, { variant: 'shared' })).status).toBe(404);
    expect((await report(member)).status).toBe(403);
    const csv = await t.app.inject({ url: `/api/surveys/${surveyId}/responses.csv`, headers: { cookie: member.cookie } });
    expect(csv.statusCode).toBe(403);
    const texts = await t.app.inject({ url: `/api/surveys/${surveyId}/report/texts`, headers: { cookie: member.cookie } });
    expect(texts.statusCode).toBe(403);
  });

  it('a coordinator can exclude a response from reports: listed, excluded with a reason (audited), left out of every figure, included again', async () => {
    const list = await t.app.inject({ url: `/api/surveys/${surveyId}/responses`, headers: { cookie: coordinator.cookie } });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: string; organizationName: string | null; status: string; isExcluded: boolean; version: number }[];
    expect(items).toHaveLength(6); // A B C VC P submitted, D in progress
    const vc = items.find((item) => item.organizationName === 'Cooperativa sociale Val Chisone (demo)')!;
    expect(vc).toMatchObject({ status: 'submitted', isExcluded: false });
    const url = `/api/surveys/${surveyId}/responses/${vc.id}/exclusion`;
    expect((await t.app.inject({ method: 'PUT', url, headers: member.writeHeaders, payload: { isExcluded: true, reason: 'Risposta di prova', version: vc.version } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PUT', url, headers: otherCoordinator.writeHeaders, payload: { isExcluded: true, reason: 'Risposta di prova', version: vc.version } })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/surveys/${surveyId}/responses`, headers: { cookie: member.cookie } })).statusCode).toBe(403);
    const noReason = await t.app.inject({ method: 'PUT', url, headers: coordinator.writeHeaders, payload: { isExcluded: true, version: vc.version } });
    expect(noReason.statusCode).toBe(422);

    const excluded = await t.app.inject({ method: 'PUT', url, headers: coordinator.writeHeaders, payload: { isExcluded: true, reason: 'Risposta di prova', version: vc.version } });
    expect(excluded.statusCode, excluded.body).toBe(200);
    expect(excluded.json()).toMatchObject({ isExcluded: true, exclusionReason: 'Risposta di prova', version: vc.version + 1 });
    const audit = await t.db.pool.query("select before, after from audit_log where action = 'surveys.exclude-response' and entity_id = $1", [vc.id]);
    expect(audit.rows[0]).toMatchObject({ before: { isExcluded: false }, after: { isExcluded: true, exclusionReason: 'Risposta di prova' } });
    const stale = await t.app.inject({ method: 'PUT', url, headers: coordinator.writeHeaders, payload: { isExcluded: false, version: vc.version } });
    expect(stale.statusCode).toBe(409);

    // without VC: q1 has 4 respondents (a a b a), the cooperatives' row is gone from the rates, 3 texts left
    const { body } = await report(coordinator);
    expect(question(body, 'q1')).toMatchObject({ respondents: 4 });
    expect(body.responseRate).toMatchObject({ invited: 6, submittedInvited: 3, submittedPublic: 1 });
    const texts = (await t.app.inject({ url: `/api/surveys/${surveyId}/report/texts`, headers: { cookie: coordinator.cookie } })).json() as TReportTexts;
    expect(texts.total).toBe(2);
    const csv = await t.app.inject({ url: `/api/surveys/${surveyId}/responses.csv`, headers: { cookie: coordinator.cookie } });
    expect(csv.body).not.toContain('Val Chisone');

    const included = await t.app.inject({ method: 'PUT', url, headers: coordinator.writeHeaders, payload: { isExcluded: false, version: vc.version + 1 } });
    expect(included.json()).toMatchObject({ isExcluded: false, exclusionReason: null });
    expect(question((await report(coordinator)).body, 'q1')).toMatchObject({ respondents: 5 });
  });
});
