import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSurvey } from '../../../common/contracts/surveys';
import { todayInItaly } from '../../../common/domain/calendar';
import { createTestApp, createTestUser, signIn, type SignedIn, type TestApp } from '../../platform/testing/test-app';
import { createDistrict, districtsModule } from '../districts';
import { createOrganization, organizationsModule } from '../organizations';
import { loadTerritoryFixture, territoryModule } from '../territory';
import { surveysModule } from './surveys.module';
import { expectNoRawCodes } from '../../platform/testing/raw-codes';
import { DEMO_COORDINATOR, seedDemoPinerolese } from '../../demo/demo-pinerolese.seed';

const addDays = (days: number) => new Date(Date.parse(`${todayInItaly()}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('surveys: builder, invitations, answering without an account', () => {
  let t: TestApp;
  let demoDistrictId: string;
  let coordinator: SignedIn;
  let otherCoordinator: SignedIn;
  let firmMember: SignedIn;

  beforeAll(async () => {
    t = await createTestApp([territoryModule, organizationsModule, districtsModule, surveysModule]);
    await loadTerritoryFixture(t.db);
    await seedDemoPinerolese(t.system, () => undefined);
    demoDistrictId = (await t.db.pool.query('select id from districts where is_demo')).rows[0].id;
    coordinator = await signIn(t.app, DEMO_COORDINATOR.email, DEMO_COORDINATOR.password);
    const other = await createDistrict(t.system, { name: 'Distretto di prova Cuneo', municipalityCodes: ['004078'] });
    otherCoordinator = await signIn(t.app, (await createTestUser(t.system, [{ role: 'district_coordinator', districtId: other.id }])).email);
    const firm = await createOrganization(t.system, { legalName: 'Impresa di prova', kind: 'firm', municipalityCode: '001191' });
    firmMember = await signIn(t.app, (await createTestUser(t.system, [{ role: 'organization_member', organizationId: firm.id }])).email);
  });
  afterAll(() => t.close());

  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, who: SignedIn | null, payload?: unknown) => {
    const response = await t.app.inject({ method, url, headers: who ? (method === 'GET' ? { cookie: who.cookie } : who.writeHeaders) : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: response.statusCode, body: response.body ? response.json() : null };
  };
  const questionId = (survey: TSurvey, code: string) => survey.sections.flatMap((s) => s.questions).find((q) => q.code === code)!.id;
  const tokenOf = (link: string) => link.split('/rispondi/')[1]!;

  const createTemplateSurvey = async (title: string): Promise<TSurvey> => {
    const created = await call('POST', '/api/surveys', coordinator, { districtId: demoDistrictId, title, template: 'company_welfare', opensOn: addDays(-1), closesOn: addDays(30) });
    expect(created.status).toBe(201);
    return created.body;
  };
  const openSurvey = async (survey: TSurvey): Promise<TSurvey> => {
    const opened = await call('POST', `/api/surveys/${survey.id}/status`, coordinator, { version: survey.version, status: 'open' });
    expect(opened.status).toBe(200);
    return opened.body;
  };
  const inviteAll = async (survey: TSurvey) => {
    const invited = await call('POST', `/api/surveys/${survey.id}/invitations`, coordinator, { onlyDistrictMembers: true });
    expect(invited.status).toBe(201);
    return invited.body.items as { organizationName: string; link: string; invitationId: string; email: string | null }[];
  };

  /** A complete, valid answer set of the template survey. */
  const fullAnswers = (survey: TSurvey, overrides: Record<string, unknown> = {}) => {
    const byCode: Record<string, unknown> = {
      tipo_organizzazione: { choice: 'impresa' }, dipendenti: 80, comune_sede: '001184', welfare_presente: 'no',
      rilevanza_bisogni: { nidi: 5, centri_estivi: 1, genitori_anziani: 4, disabilita: 1, salute: 3, supporto_psicologico: 1, trasporto: 2, formazione: 1, casa: 1, conciliazione: 1 },
      dipendenti_interessati: 30, condivisione: 'no', servizi_condivisi: { choices: ['sportello_welfare'] },
      ...overrides,
    };
    return Object.fromEntries(Object.entries(byCode).map(([code, value]) => [questionId(survey, code), value]));
  };

  describe('builder', () => {
    it('creates the company-welfare template with its conditions and needs settings', async () => {
      const survey = await createTemplateSurvey('Indagine welfare 2026');
      const questions = survey.sections.flatMap((section) => section.questions);
      expect(survey.status).toBe('draft');
      expect(questions.length).toBeGreaterThanOrEqual(12);
      expect(new Set(questions.map((question) => question.type))).toEqual(new Set(['single_choice', 'number', 'municipality', 'yes_no', 'multiple_choice', 'scale', 'matrix', 'long_text']));
      expect(survey.needsPeopleQuestionId).toBe(questionId(survey, 'dipendenti_interessati'));
      expect(survey.needsMunicipalityQuestionId).toBe(questionId(survey, 'comune_sede'));
      expect(questions.find((q) => q.code === 'misure_attive')!.condition).toEqual({ questionId: questionId(survey, 'welfare_presente'), equals: 'yes' });
      expect(questions.find((q) => q.code === 'rilevanza_bisogni')!.producesNeeds).toBe(true);
    });

    it('adds a question of each remaining type, validating config, condition and need mapping', async () => {
      let survey = (await call('POST', '/api/surveys', coordinator, { districtId: demoDistrictId, title: 'Vuoto' })).body as TSurvey;
      survey = (await call('POST', `/api/surveys/${survey.id}/sections`, coordinator, { version: survey.version, title: 'Sezione 1' })).body;
      const sectionId = survey.sections[0]!.id;
      const add = (body: Record<string, unknown>) => call('POST', `/api/surveys/${survey.id}/questions`, coordinator, { version: survey.version, sectionId, ...body });

      const badCategory = await add({ code: 'bisogni', type: 'matrix', label: 'Bisogni', config: { rows: [{ code: 'x', label: 'X', needCategory: 'non-esiste', needTargetGroup: 'adults' }] } });
      expect(badCategory.status).toBe(422);
      expect(badCategory.body.details.fields[0].path).toBe('config.rows.0.needCategory');
      const badGroup = await add({ code: 'bisogni', type: 'matrix', label: 'Bisogni', config: { rows: [{ code: 'x', label: 'X', needCategory: 'infanzia', needTargetGroup: 'aliens' }] } });
      expect(badGroup.status).toBe(422);
      const noOptions = await add({ code: 'scelta', type: 'single_choice', label: 'Scelta', config: {} });
      expect(noOptions.status).toBe(422);

      const yesNo = await add({ code: 'ha_sede', type: 'yes_no', label: 'Avete una sede?' });
      expect(yesNo.status).toBe(200);
      survey = yesNo.body;
      const badCondition = await add({ code: 'dove', type: 'short_text', label: 'Dove?', condition: { questionId: questionId(survey, 'ha_sede'), equals: 'forse' } });
      expect(badCondition.status).toBe(422);
      expect(badCondition.body.details.fields[0].path).toBe('condition.equals');
      const stale = await add({ code: 'dove', type: 'short_text', label: 'Dove?' });
      expect(stale.status).toBe(200);
      survey = stale.body;
      const staleAgain = await call('POST', `/api/surveys/${survey.id}/questions`, coordinator, { version: survey.version - 1, sectionId, code: 'x1', type: 'short_text', label: 'X' });
      expect(staleAgain.status).toBe(409);
      expect(staleAgain.body.code).toBe('COMMON.STALE_VERSION');

      // A condition must point to an EARLIER question: moving the follow-up before its question is refused.
      survey = (await call('PATCH', `/api/surveys/${survey.id}/questions/${questionId(survey, 'dove')}`, coordinator, { version: survey.version, condition: { questionId: questionId(survey, 'ha_sede'), equals: 'yes' } })).body;
      const reorder = await call('PUT', `/api/surveys/${survey.id}/order`, coordinator, { version: survey.version, sections: [{ id: sectionId, questionIds: [questionId(survey, 'dove'), questionId(survey, 'ha_sede')] }] });
      expect(reorder.status).toBe(422);
      expect(reorder.body.message).toContain('"dove"');
      const duplicate = await add({ version: survey.version, code: 'dove', type: 'short_text', label: 'Ancora' });
      expect(duplicate.body.code).toBe('SURVEYS.DUPLICATE_QUESTION_CODE');

      const number = await call('POST', `/api/surveys/${survey.id}/questions`, coordinator, { version: survey.version, sectionId, code: 'ore', type: 'number', label: 'Ore', config: { min: 10, max: 5 } });
      expect(number.status).toBe(422);
      const audit = await t.db.pool.query("select count(*)::int as n from audit_log where kind = 'write' and entity_id = $1 and action like 'surveys.%'", [survey.id]);
      expect(audit.rows[0].n).toBeGreaterThanOrEqual(5);
    });

    it('hides a survey from coordinators of other districts, organization members and anonymous visitors', async () => {
      const survey = await createTemplateSurvey('Riservato');
      expect((await call('GET', `/api/surveys/${survey.id}`, otherCoordinator)).status).toBe(404);
      expect((await call('PATCH', `/api/surveys/${survey.id}`, otherCoordinator, { version: survey.version, title: 'Preso' })).status).toBe(404);
      expect((await call('GET', `/api/surveys/${survey.id}/invitations`, otherCoordinator)).status).toBe(404);
      expect((await call('GET', `/api/surveys/${survey.id}`, firmMember)).status).toBe(404);
      expect((await call('GET', `/api/surveys/${survey.id}`, null)).status).toBe(401);
      expect((await call('GET', '/api/surveys', otherCoordinator)).body.items).toEqual([]);
      expect((await call('POST', '/api/surveys', otherCoordinator, { districtId: demoDistrictId, title: 'Non mio' })).status).toBe(403);
      const regional = await call('POST', '/api/surveys', coordinator, { districtId: null, regionCode: '01', title: 'Regionale' });
      expect(regional.status).toBe(403);
    });

    it('duplicates a survey into a new draft with conditions re-linked', async () => {
      const source = await createTemplateSurvey('Edizione 2026');
      const copy = await call('POST', `/api/surveys/${source.id}/duplicate`, coordinator, { title: 'Edizione 2027' });
      expect(copy.status).toBe(201);
      expect(copy.body.title).toBe('Edizione 2027');
      const misure = copy.body.sections.flatMap((s: TSurvey['sections'][number]) => s.questions).find((q: { code: string }) => q.code === 'misure_attive');
      expect(misure.condition.questionId).toBe(questionId(copy.body, 'welfare_presente'));
      expect(copy.body.needsMunicipalityQuestionId).toBe(questionId(copy.body, 'comune_sede'));
    });
  });

  describe('lifecycle rules once answers exist', () => {
    it('allows adding, refuses removing or retyping an answered question and removing an answered option, naming it', async () => {
      let survey = await openSurvey(await createTemplateSurvey('Regole'));
      const [first] = await inviteAll(survey);
      expect((await call('PUT', `/api/surveys/answer/${tokenOf(first!.link)}`, null, { answers: fullAnswers(survey), submit: true })).status).toBe(200);
      survey = (await call('GET', `/api/surveys/${survey.id}`, coordinator)).body;
      const tipo = questionId(survey, 'tipo_organizzazione');

      const remove = await call('DELETE', `/api/surveys/${survey.id}/questions/${tipo}?version=${survey.version}`, coordinator);
      expect(remove.status).toBe(409);
      expect(remove.body.code).toBe('SURVEYS.QUESTION_HAS_ANSWERS');
      expect(remove.body.message).toContain('tipo_organizzazione');
      const retype = await call('PATCH', `/api/surveys/${survey.id}/questions/${tipo}`, coordinator, { version: survey.version, type: 'short_text' });
      expect(retype.status).toBe(409);
      expect(retype.body.details.change).toBe('retype');
      const options = survey.sections.flatMap((s) => s.questions).find((q) => q.id === tipo)!.config.options!;
      const dropChosen = await call('PATCH', `/api/surveys/${survey.id}/questions/${tipo}`, coordinator, { version: survey.version, config: { allowOther: true, options: options.filter((o) => o.code !== 'impresa') } });
      expect(dropChosen.status).toBe(409);
      expect(dropChosen.body.details.item).toBe('impresa');

      const addOption = await call('PATCH', `/api/surveys/${survey.id}/questions/${tipo}`, coordinator, { version: survey.version, config: { allowOther: true, options: [...options, { code: 'sindacato', label: 'Sindacato' }] } });
      expect(addOption.status).toBe(200);
      survey = addOption.body;
      const dropUnused = await call('PATCH', `/api/surveys/${survey.id}/questions/${tipo}`, coordinator, { version: survey.version, config: { allowOther: true, options: options.filter((o) => o.code !== 'ente_pubblico') } });
      expect(dropUnused.status).toBe(200);
      survey = dropUnused.body;
      const added = await call('POST', `/api/surveys/${survey.id}/questions`, coordinator, { version: survey.version, sectionId: survey.sections[0]!.id, code: 'nuova', type: 'short_text', label: 'Domanda aggiunta' });
      expect(added.status).toBe(200);
      survey = added.body;
      const removeUnanswered = await call('DELETE', `/api/surveys/${survey.id}/questions/${questionId(survey, 'nuova')}?version=${survey.version}`, coordinator);
      expect(removeUnanswered.status).toBe(200);
      survey = removeUnanswered.body;

      const backToDraft = await call('POST', `/api/surveys/${survey.id}/status`, coordinator, { version: survey.version, status: 'draft' });
      expect(backToDraft.status).toBe(409);
      expect(backToDraft.body.code).toBe('SURVEYS.INVALID_TRANSITION');
      const closed = await call('POST', `/api/surveys/${survey.id}/status`, coordinator, { version: survey.version, status: 'closed' });
      expect(closed.body.status).toBe('closed');
    });
  });

  describe('invitations and the outbox', () => {
    it('invites each member organization once, queues one e-mail each with its link, visible to its coordinators only', async () => {
      const survey = await openSurvey(await createTemplateSurvey('Inviti'));
      const preview = await call('POST', `/api/surveys/${survey.id}/invitations/preview`, coordinator, { kinds: ['firm'] });
      expect(preview.body.items.map((item: { kind: string }) => item.kind)).toEqual(['firm']);
      // The demo organizations have no e-mail in the registry: their links are shown, no mail is queued.
      const withoutMail = await call('POST', `/api/surveys/${survey.id}/invitations`, coordinator, { kinds: ['firm'] });
      expect(withoutMail.body.items).toHaveLength(1);
      expect(withoutMail.body.items[0].mailQueued).toBe(false);
      await t.db.pool.query("update organizations set email = 'segreteria@esempio.invalid' where legal_name like 'Cooperativa sociale Val Chisone%'");
      const created = await inviteAll(survey);
      expect(created).toHaveLength(5);
      const mailed = created.find((item) => item.email === 'segreteria@esempio.invalid')!;
      expect(mailed.link).toMatch(/^http:\/\/localhost(:\d+)?\/rispondi\/[A-Za-z0-9_-]{43}$/);
      expect((await inviteAll(survey))).toHaveLength(0);

      const stored = await t.db.pool.query('select token_hash from survey_invitations where id = $1', [mailed.invitationId]);
      expect(stored.rows[0].token_hash).not.toContain(tokenOf(mailed.link));

      const outbox = await call('GET', `/api/mail/outbox?topicType=survey_invitation&topicId=${mailed.invitationId}`, coordinator);
      expect(outbox.status).toBe(200);
      expect(outbox.body.items).toHaveLength(1);
      expect(outbox.body.items[0]).toMatchObject({ to: 'segreteria@esempio.invalid', status: 'queued' });
      expect(outbox.body.items[0].body).toContain(mailed.link);
      expect(outbox.body.deliveryConfigured).toBe(false);
      expect((await call('GET', `/api/mail/outbox?topicId=${mailed.invitationId}`, otherCoordinator)).body.items).toEqual([]);
      expect((await call('GET', '/api/mail/outbox', firmMember)).status).toBe(403);

      const list = await call('GET', `/api/surveys/${survey.id}/invitations`, coordinator);
      expect(list.body.items).toHaveLength(6);
      expect(list.body.items.find((item: { id: string }) => item.id === mailed.invitationId).mailStatus).toBe('queued');

      const renewed = await call('POST', `/api/surveys/${survey.id}/invitations/${mailed.invitationId}/link`, coordinator, { resend: false });
      expect(renewed.status).toBe(200);
      expect((await call('GET', `/api/surveys/answer/${tokenOf(mailed.link)}`, null)).status).toBe(404);
      expect((await call('GET', `/api/surveys/answer/${tokenOf(renewed.body.link)}`, null)).status).toBe(200);

      // Mailed again to an address whose account reads English: the new mail is in English.
      const reader = await createTestUser(t.system);
      expect((await call('PUT', '/api/auth/locale', await signIn(t.app, reader.email), { locale: 'en' })).status).toBe(200);
      await t.db.pool.query('update survey_invitations set email = $1 where id = $2', [reader.email, mailed.invitationId]);
      const resent = await call('POST', `/api/surveys/${survey.id}/invitations/${mailed.invitationId}/link`, coordinator, { resend: true });
      expect(resent.body.mailQueued).toBe(true);
      const english = (await t.db.pool.query("select subject, body_text from mail_outbox where to_address = $1 and topic_type = 'survey_invitation'", [reader.email])).rows;
      expect(english).toHaveLength(1);
      expect(english[0].subject).toMatch(/^Survey: /);
      expect(english[0].body_text).toContain(resent.body.link);
      expectNoRawCodes(`${english[0].subject}\n${english[0].body_text}`);
    });

    it('refuses to invite for a draft survey', async () => {
      const survey = await createTemplateSurvey('Bozza');
      const invited = await call('POST', `/api/surveys/${survey.id}/invitations`, coordinator, {});
      expect(invited.status).toBe(409);
    });
  });

  describe('answering through a personal link', () => {
    let survey: TSurvey;
    let links: { organizationName: string; link: string }[];
    beforeAll(async () => {
      survey = await openSurvey(await createTemplateSurvey('Risposte'));
      links = await inviteAll(survey);
    });
    const put = (link: string, body: unknown) => call('PUT', `/api/surveys/answer/${tokenOf(link)}`, null, body);
    const get = (link: string) => call('GET', `/api/surveys/answer/${tokenOf(link)}`, null);

    it('shows the questionnaire without the need mappings, and no response yet', async () => {
      const form = await get(links[0]!.link);
      expect(form.status).toBe(200);
      expect(form.body.organizationName).toBe(links[0]!.organizationName);
      expect(form.body.state).toBe('open');
      expect(form.body.response).toBeNull();
      const matrix = form.body.sections.flatMap((s: { questions: unknown[] }) => s.questions).find((q: { code: string }) => q.code === 'rilevanza_bisogni');
      expect(matrix.config.rows.every((row: { needCategory: string | null }) => row.needCategory === null)).toBe(true);
      expect((await get('x'.repeat(43))).status).toBe(404);
    });

    it('refuses a bad answer with 422 naming the question, and saves nothing of that request', async () => {
      const link = links[1]!.link;
      const dipendenti = questionId(survey, 'dipendenti');
      const comune = questionId(survey, 'comune_sede');
      const bad = await put(link, { answers: { [dipendenti]: 12, [comune]: '999999' } });
      expect(bad.status).toBe(422);
      expect(bad.body.details.fields).toEqual([{ path: `answers.${comune}`, message: 'unknown_municipality', detail: null }]);
      expect((await get(link)).body.response).toBeNull();
      const rows = await t.db.pool.query('select count(*)::int as n from survey_responses where survey_id = $1', [survey.id]);
      expect(rows.rows[0].n).toBe(0);
    });

    it('saves section by section, resumes, and on submission requires the visible required questions', async () => {
      const link = links[1]!.link;
      const first = await put(link, { answers: { [questionId(survey, 'dipendenti')]: 12, [questionId(survey, 'tipo_organizzazione')]: { choice: 'other', other: 'Consorzio' } } });
      expect(first.status).toBe(200);
      expect(first.body.status).toBe('in_progress');
      const resumed = await get(link);
      expect(resumed.body.response.answers[questionId(survey, 'dipendenti')]).toBe(12);
      expect(resumed.body.response.answers[questionId(survey, 'tipo_organizzazione')]).toEqual({ choice: 'other', other: 'Consorzio' });

      const incomplete = await put(link, { answers: { [questionId(survey, 'welfare_presente')]: 'yes' }, submit: true });
      expect(incomplete.status).toBe(422);
      const missing = incomplete.body.details.fields.map((field: { path: string }) => field.path);
      expect(missing).toContain(`answers.${questionId(survey, 'misure_attive')}`); // shown by welfare_presente = yes
      expect(missing).toContain(`answers.${questionId(survey, 'comune_sede')}`);
      expect(missing).not.toContain(`answers.${questionId(survey, 'dipendenti')}`);
      expect((await get(link)).body.response.status).toBe('in_progress');
    });

    it('turns a submission into needs, and replaces them on a second submission (an edit, never a second response)', async () => {
      const link = links[2]!.link;
      const organizationId = (await t.db.pool.query('select organization_id from survey_invitations where survey_id = $1 and token_hash = encode(sha256($2::bytea), \'hex\')', [survey.id, tokenOf(link)])).rows[0].organization_id;
      const submitted = await put(link, { answers: fullAnswers(survey, { misure_attive: { choices: ['sanita'] } }), submit: true });
      expect(submitted.status).toBe(200);
      expect(submitted.body.status).toBe('submitted');
      // The hidden follow-up (welfare_presente = no) was dropped.
      expect(submitted.body.answers[questionId(survey, 'misure_attive')]).toBeUndefined();
      const needs = async () =>
        (await t.db.pool.query(`select n.category_code, n.target_group, n.municipality_code, n.people_count, n.relevance, n.organization_id, n.district_id, n.source
           from needs n join survey_responses r on r.id = n.survey_response_id where r.invitation_id is not null and r.organization_id = $1
           order by n.category_code`, [organizationId])).rows;
      expect(await needs()).toEqual([
        // Matrix rows rated at least 4 (the template's minimum relevance) …
        { category_code: 'anziani.assistenza-domiciliare', target_group: 'older_people', municipality_code: '001184', people_count: 30, relevance: 4, organization_id: organizationId, district_id: demoDistrictId, source: 'survey' },
        { category_code: 'infanzia.nidi', target_group: 'families', municipality_code: '001184', people_count: 30, relevance: 5, organization_id: organizationId, district_id: demoDistrictId, source: 'survey' },
        // … and each chosen mapped option, without a relevance.
        { category_code: 'welfare-aziendale.sportello', target_group: 'adults', municipality_code: '001184', people_count: 30, relevance: null, organization_id: organizationId, district_id: demoDistrictId, source: 'survey' },
      ]);

      const edited = await put(link, { answers: { [questionId(survey, 'rilevanza_bisogni')]: { ...(fullAnswers(survey)[questionId(survey, 'rilevanza_bisogni')] as object), nidi: 2, casa: 5 }, [questionId(survey, 'comune_sede')]: '001191' }, submit: true });
      expect(edited.status).toBe(200);
      expect((await needs()).map((need) => [need.category_code, need.municipality_code, need.relevance])).toEqual([
        ['anziani.assistenza-domiciliare', '001191', 4],
        ['casa.sostegno-affitto', '001191', 5],
        ['welfare-aziendale.sportello', '001191', null],
      ]);
      const responses = await t.db.pool.query('select count(*)::int as n from survey_responses r join survey_invitations i on i.id = r.invitation_id where r.organization_id = $1', [organizationId]);
      expect(responses.rows[0].n).toBe(1);
      // An edit of a submitted response must stay complete.
      const clearing = await put(link, { answers: { [questionId(survey, 'comune_sede')]: null } });
      expect(clearing.status).toBe(422);
    });

    it('never shows one organization the answers of another', async () => {
      const answered = await get(links[2]!.link);
      expect(answered.body.response.status).toBe('submitted');
      const other = await get(links[3]!.link);
      expect(other.body.response).toBeNull();
      expect(other.body.organizationName).toBe(links[3]!.organizationName);
    });

    it('stops accepting answers after the closing date, still showing them', async () => {
      const current = (await call('GET', `/api/surveys/${survey.id}`, coordinator)).body as TSurvey;
      const patched = await call('PATCH', `/api/surveys/${survey.id}`, coordinator, { version: current.version, opensOn: addDays(-10), closesOn: addDays(-1) });
      expect(patched.status).toBe(200);
      const answersBefore = (await get(links[2]!.link)).body.response.answers;
      const late = await put(links[2]!.link, { answers: {}, submit: true });
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('SURVEYS.CLOSED');
      // An edit of one section of the submitted response after the close: refused, saying why, and nothing changes.
      const lateEdit = await put(links[2]!.link, { answers: { [questionId(survey, 'comune_sede')]: '001184' } });
      expect(lateEdit.status).toBe(409);
      expect(lateEdit.body.code).toBe('SURVEYS.CLOSED');
      expect(lateEdit.body.message).toContain('answers can no longer be changed');
      const form = await get(links[2]!.link);
      expect(form.body.state).toBe('closed');
      expect(form.body.response.status).toBe('submitted');
      expect(form.body.response.answers).toEqual(answersBefore);
      expect(form.body.response.answers[questionId(survey, 'comune_sede')]).toBe('001191');
    });
  });

  describe('the public link', () => {
    it('creates an anonymous response with its own resume link; the public link starts a new one each time', async () => {
      const survey = await openSurvey(await createTemplateSurvey('Pubblico'));
      const enabled = await call('PUT', `/api/surveys/${survey.id}/public-link`, coordinator, { enabled: true });
      expect(enabled.status).toBe(200);
      const publicLink = enabled.body.link as string;
      const form = await call('GET', `/api/surveys/answer/${tokenOf(publicLink)}`, null);
      expect(form.body.organizationName).toBeNull();
      const saved = await call('PUT', `/api/surveys/answer/${tokenOf(publicLink)}`, null, { answers: { [questionId(survey, 'dipendenti')]: 3 } });
      expect(saved.status).toBe(200);
      expect(saved.body.resumeToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const resumed = await call('GET', `/api/surveys/answer/${saved.body.resumeToken}`, null);
      expect(resumed.body.response.answers[questionId(survey, 'dipendenti')]).toBe(3);
      const submitted = await call('PUT', `/api/surveys/answer/${saved.body.resumeToken}`, null, { answers: fullAnswers(survey), submit: true });
      expect(submitted.body.resumeToken).toBeNull();
      expect(submitted.body.needCount).toBe(3);
      const anonymousNeeds = await t.db.pool.query('select count(*)::int as n from needs where organization_id is null and survey_response_id is not null');
      expect(anonymousNeeds.rows[0].n).toBe(3);
      await call('PUT', `/api/surveys/answer/${tokenOf(publicLink)}`, null, { answers: { [questionId(survey, 'dipendenti')]: 4 } });
      const count = await t.db.pool.query('select count(*)::int as n from survey_responses where survey_id = $1 and organization_id is null', [survey.id]);
      expect(count.rows[0].n).toBe(2);
      const disabled = await call('PUT', `/api/surveys/${survey.id}/public-link`, coordinator, { enabled: false });
      expect(disabled.body.link).toBeNull();
      expect((await call('GET', `/api/surveys/answer/${tokenOf(publicLink)}`, null)).status).toBe(404);
      expect((await call('GET', `/api/surveys/answer/${saved.body.resumeToken}`, null)).status).toBe(200);
    });
  });
});
