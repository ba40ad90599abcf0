import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSurvey } from '../../../common/contracts/surveys';
import { todayInItaly } from '../../../common/domain/calendar';
import { createTestApp, createTestUser, signIn, type SignedIn, type TestApp } from '../../platform/testing/test-app';
import { districtsModule } from '../districts';
import { createOrganization, organizationsModule } from '../organizations';
import { loadTerritoryFixture, territoryModule } from '../territory';
import { surveysModule } from './surveys.module';
import { DEMO_COORDINATOR, seedDemoPinerolese } from '../../demo/demo-pinerolese.seed';

const addDays = (days: number) => new Date(Date.parse(`${todayInItaly()}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * POST /api/surveys/:id/member-answer (issue 14): a signed-in member of an invited organization opens the answer page
 * from the home with a link of their own, the mailed link keeps working on the same response; a member of an
 * organization that is not invited gets nothing and changes nothing; a closed survey says so with 409.
 */
describe('surveys: the answer page of a signed-in member of an invited organization', () => {
  let t: TestApp;
  let coordinator: SignedIn;
  let invitedMember: SignedIn;
  let outsiderMember: SignedIn;
  let invitedOrganizationId: string;
  let outsiderOrganizationId: string;
  let survey: TSurvey;
  let mailedToken: string;

  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, who: SignedIn | null, payload?: unknown) => {
    const response = await t.app.inject({ method, url, headers: who ? (method === 'GET' ? { cookie: who.cookie } : who.writeHeaders) : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: response.statusCode, body: response.body ? response.json() : null, headers: response.headers };
  };
  const memberAnswer = (who: SignedIn | null, surveyId: string, organizationId: string) => call('POST', `/api/surveys/${surveyId}/member-answer`, who, { organizationId });
  const invitationRows = async (surveyId: string) =>
    (await t.db.pool.query<{ organization_id: string; member_token_hash: string | null; token_hash: string }>(
      'select organization_id, member_token_hash, token_hash from survey_invitations where survey_id = $1 order by id', [surveyId])).rows;
  const memberAnswerAudits = async () => (await t.db.pool.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'surveys.open-member-answer'`)).rows[0]!.n;

  const openSurveyWithInvitations = async (title: string) => {
    const districtId = (await t.db.pool.query('select id from districts where is_demo')).rows[0].id as string;
    const created = await call('POST', '/api/surveys', coordinator, { districtId, title, opensOn: addDays(-1), closesOn: addDays(30) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    let current = created.body as TSurvey;
    current = (await call('POST', `/api/surveys/${current.id}/sections`, coordinator, { version: current.version, title: 'Unica' })).body;
    const question = await call('POST', `/api/surveys/${current.id}/questions`, coordinator, {
      version: current.version, sectionId: current.sections[0]!.id, code: 'dipendenti', type: 'number', label: 'Quanti dipendenti?',
    });
    expect(question.status, JSON.stringify(question.body)).toBe(200);
    current = question.body;
    const opened = await call('POST', `/api/surveys/${current.id}/status`, coordinator, { version: current.version, status: 'open' });
    expect(opened.status).toBe(200);
    const invited = await call('POST', `/api/surveys/${current.id}/invitations`, coordinator, { onlyDistrictMembers: true });
    expect(invited.status).toBe(201);
    return { survey: opened.body as TSurvey, invitations: invited.body.items as { organizationId: string; link: string }[] };
  };

  beforeAll(async () => {
    t = await createTestApp([territoryModule, organizationsModule, districtsModule, surveysModule]);
    await loadTerritoryFixture(t.db);
    await seedDemoPinerolese(t.system, () => undefined);
    coordinator = await signIn(t.app, DEMO_COORDINATOR.email, DEMO_COORDINATOR.password);
    // Not a member of the demo district: never invited to its surveys.
    outsiderOrganizationId = (await createOrganization(t.system, { legalName: 'Impresa fuori distretto', kind: 'firm', municipalityCode: '001191' })).id;
    outsiderMember = await signIn(t.app, (await createTestUser(t.system, [{ role: 'organization_member', organizationId: outsiderOrganizationId }])).email);
    const opened = await openSurveyWithInvitations('Questionario per i soci');
    survey = opened.survey;
    const invitation = opened.invitations[0]!;
    invitedOrganizationId = invitation.organizationId;
    mailedToken = invitation.link.split('/rispondi/')[1]!;
    invitedMember = await signIn(t.app, (await createTestUser(t.system, [{ role: 'organization_member', organizationId: invitedOrganizationId }])).email);
  });
  afterAll(() => t.close());

  it("gives the invited organization's member a link of their own to the same response, and the mailed link keeps working", async () => {
    const opened = await memberAnswer(invitedMember, survey.id, invitedOrganizationId);
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect(opened.headers['cache-control']).toBe('no-store');
    expect(opened.body.path).toMatch(/^\/rispondi\/[\w-]{20,}$/);
    const memberToken = (opened.body.path as string).split('/rispondi/')[1]!;
    expect(memberToken).not.toBe(mailedToken);

    const form = await call('GET', `/api/surveys/answer/${memberToken}`, null);
    expect(form.status).toBe(200);
    expect(form.body.survey.id).toBe(survey.id);
    expect(form.body.organizationName).not.toBeNull();
    const questionId = survey.sections[0]!.questions[0]!.id;
    expect((await call('PUT', `/api/surveys/answer/${memberToken}`, null, { answers: { [questionId]: 12 }, submit: false })).status).toBe(200);

    // The mailed link opens the same response, with the member's answer.
    const byMail = await call('GET', `/api/surveys/answer/${mailedToken}`, null);
    expect(byMail.status).toBe(200);
    expect(byMail.body.organizationName).toBe(form.body.organizationName);
    expect(byMail.body.response.answers).toEqual({ [questionId]: 12 });

    // A second opening replaces the member's own link; the mailed one still works.
    const again = await memberAnswer(invitedMember, survey.id, invitedOrganizationId);
    expect(again.status).toBe(200);
    expect((await call('GET', `/api/surveys/answer/${(again.body.path as string).split('/rispondi/')[1]}`, null)).status).toBe(200);
    expect((await call('GET', `/api/surveys/answer/${memberToken}`, null)).status).toBe(404);
    expect((await call('GET', `/api/surveys/answer/${mailedToken}`, null)).body.response.answers).toEqual({ [questionId]: 12 });
  });

  it('refuses a member of an organization that is not invited, and changes nothing', async () => {
    const before = await invitationRows(survey.id);
    const auditsBefore = await memberAnswerAudits();
    // For their own organization (not invited): not found, the survey is not theirs to see.
    const own = await memberAnswer(outsiderMember, survey.id, outsiderOrganizationId);
    expect(own.status).toBe(404);
    // For the invited organization they do not belong to: forbidden.
    const other = await memberAnswer(outsiderMember, survey.id, invitedOrganizationId);
    expect(other.status).toBe(403);
    expect((await memberAnswer(null, survey.id, invitedOrganizationId)).status).toBe(401);
    expect(await invitationRows(survey.id)).toEqual(before);
    expect(await memberAnswerAudits()).toBe(auditsBefore);
    expect((await invitationRows(survey.id)).some((row) => row.organization_id === outsiderOrganizationId)).toBe(false);
  });

  it('answers 409 for a closed survey, and issues no link', async () => {
    const opened = await openSurveyWithInvitations('Questionario chiuso');
    const organizationId = invitedOrganizationId;
    expect(opened.invitations.some((invitation) => invitation.organizationId === organizationId)).toBe(true);
    const closed = await call('POST', `/api/surveys/${opened.survey.id}/status`, coordinator, { version: opened.survey.version, status: 'closed' });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const before = await invitationRows(opened.survey.id);
    const refused = await memberAnswer(invitedMember, opened.survey.id, organizationId);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('SURVEYS.CLOSED');
    expect(await invitationRows(opened.survey.id)).toEqual(before);
  });
});
