import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TReferral } from '../../../common/contracts/matching';
import { systemActor } from '../../platform/access/actor';
import type { SignedIn } from '../../platform/testing/test-app';
import { buildMatchingWorld, daysAgo, PINEROLO, type MatchingWorld } from './fixtures/matching-world';
import { createService } from '../services';
import { remindReferralProviders } from './remind-referral-providers';
import { REFERRAL_STATUSES } from '../../../common/domain/matching';
import { expectNoRawCodes } from '../../platform/testing/raw-codes';

describe('matching: referrals (closed loop)', () => {
  let w: MatchingWorld;
  beforeAll(async () => {
    w = await buildMatchingWorld();
  }, 120_000);
  afterAll(() => w.t.close());

  const post = (as: SignedIn | null, url: string, payload: object) => w.t.app.inject({ method: 'POST', url, payload, headers: as ? as.writeHeaders : {} });
  const get = (as: SignedIn | null, url: string, query: Record<string, string> = {}) => w.t.app.inject({ url, query, headers: as ? { cookie: as.cookie } : {} });
  const refer = async (details = 'Signora sola, preferisce il mattino') => {
    const response = await post(w.as.requester1, '/api/matching/referrals', {
      districtId: w.districtId, referringOrganizationId: w.org.requester1, serviceId: w.service.homeCareAreaPinerolo,
      subjectKind: 'person', municipalityCode: PINEROLO, details,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as TReferral;
  };
  const move = (as: SignedIn, referral: TReferral, action: string, reason = '') =>
    post(as, `/api/matching/referrals/${referral.id}/transitions`, { action, reason, version: referral.version });

  it('sends a referral to the provider: details kept apart, the provider told by mail without them, audited', async () => {
    const referral = await refer();
    expect(referral).toMatchObject({ status: 'sent', providerOrganizationId: w.org.provider1, categoryCode: 'anziani.assistenza-domiciliare', details: 'Signora sola, preferisce il mattino', allowedActions: [] });
    const mail = await w.t.db.pool.query("select to_address, body_text, district_id from mail_outbox where topic_type = 'referral' and topic_id = $1", [referral.id]);
    expect(mail.rows).toHaveLength(1);
    expect(mail.rows[0].body_text).not.toContain('Signora');
    const stored = await w.t.db.pool.query('select details from referral_details where referral_id = $1', [referral.id]);
    expect(stored.rows[0].details).toBe('Signora sola, preferisce il mattino');
    const audit = await w.t.db.pool.query("select action, after::text as after from audit_log where kind = 'write' and entity_id = $1", [referral.id]);
    expect(audit.rows.map((row) => row.action)).toEqual(['matching.create-referral']);
    expect(audit.rows[0].after).not.toContain('Signora');
    // Only a member of the referring organization may send it; a suspended service takes none.
    const asOther = await post(w.as.requester2, '/api/matching/referrals', { districtId: w.districtId, referringOrganizationId: w.org.requester1, serviceId: w.service.homeCareAreaPinerolo, subjectKind: 'group', peopleCount: 3, municipalityCode: PINEROLO });
    expect(asOther.statusCode).toBe(403);
    const suspended = await post(w.as.requester1, '/api/matching/referrals', { districtId: w.districtId, referringOrganizationId: w.org.requester1, serviceId: w.service.suspended, subjectKind: 'person', municipalityCode: PINEROLO });
    expect([suspended.statusCode, suspended.json().code]).toEqual([409, 'MATCHING.SERVICE_NOT_ACTIVE']);
  });

  it('walks every allowed transition, timestamped, and refuses the forbidden ones with a clear code', async () => {
    // sent → info_requested (question required) → sent (referrer answers) → accepted → served.
    let referral = await refer();
    const noQuestion = await move(w.as.provider1, referral, 'request_info');
    expect(noQuestion.statusCode).toBe(422);
    expect(noQuestion.json().details.fields[0].path).toBe('reason');
    // The referrer cannot accept its own referral (that is the provider's move).
    expect((await move(w.as.requester1, referral, 'accept')).statusCode).toBe(403);
    let response = await move(w.as.provider1, referral, 'request_info', 'Serve anche al sabato?');
    expect(response.statusCode, response.body).toBe(200);
    referral = response.json();
    expect(referral).toMatchObject({ status: 'info_requested', statusReason: 'Serve anche al sabato?' });
    expect(referral.firstAnsweredAt).not.toBeNull();
    // While information is requested the provider cannot accept: 409 with the code and the allowed moves.
    const early = await move(w.as.provider1, referral, 'accept');
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'MATCHING.FORBIDDEN_TRANSITION', details: { status: 'info_requested', allowed: [] } });
    response = await move(w.as.requester1, referral, 'answer_info', 'No, solo nei giorni feriali');
    referral = response.json();
    expect(referral.status).toBe('sent');
    referral = (await move(w.as.provider1, referral, 'accept')).json();
    expect(referral.status).toBe('accepted');
    // The provider may now record the outcome; the referrer has nothing to do but follow the status.
    expect(referral.allowedActions).toEqual(['mark_served', 'mark_not_served']);
    const asReferrer = (await get(w.as.requester1, `/api/matching/referrals/${referral.id}`)).json() as TReferral;
    expect(asReferrer).toMatchObject({ status: 'accepted', allowedActions: [] });
    // A stale version is refused.
    const stale = await move(w.as.provider1, { ...referral, version: referral.version - 1 }, 'mark_served');
    expect(stale.json().code).toBe('COMMON.STALE_VERSION');
    referral = (await move(w.as.provider1, referral, 'mark_served')).json();
    expect(referral).toMatchObject({ status: 'served' });
    expect(referral.closedAt).not.toBeNull();
    expect(referral.events.map((e) => `${e.fromStatus ?? '∅'}→${e.toStatus}`)).toEqual(['∅→sent', 'sent→info_requested', 'info_requested→sent', 'sent→accepted', 'accepted→served']);
    // Closed: nothing more moves it.
    for (const action of ['accept', 'decline', 'mark_not_served', 'request_info']) {
      const refused = await move(w.as.provider1, referral, action, 'motivo');
      expect([refused.statusCode, refused.json().code]).toEqual([409, 'MATCHING.FORBIDDEN_TRANSITION']);
    }
    const audit = await w.t.db.pool.query("select action from audit_log where kind = 'write' and entity_id = $1 order by id", [referral.id]);
    expect(audit.rows.map((row) => row.action)).toEqual(['matching.create-referral', 'matching.request-referral-info', 'matching.answer-referral-info', 'matching.accept-referral', 'matching.mark-referral-served']);

    // sent → declined (reason required); accepted → not_served (reason required).
    const declined = await refer();
    expect((await move(w.as.provider1, declined, 'decline')).statusCode).toBe(422);
    expect((await move(w.as.provider1, declined, 'decline', 'Nessun posto fino a marzo')).json()).toMatchObject({ status: 'declined', statusReason: 'Nessun posto fino a marzo' });
    let notServed = (await move(w.as.provider1, await refer(), 'accept')).json() as TReferral;
    expect((await move(w.as.provider1, notServed, 'mark_not_served')).statusCode).toBe(422);
    notServed = (await move(w.as.provider1, notServed, 'mark_not_served', 'La persona ha rinunciato')).json();
    expect(notServed.status).toBe('not_served');
    // Forbidden from sent: outcomes before acceptance, and the referrer's answer when nothing was asked.
    const fresh = await refer();
    expect((await move(w.as.provider1, fresh, 'mark_served')).json().code).toBe('MATCHING.FORBIDDEN_TRANSITION');
    expect((await move(w.as.requester1, fresh, 'answer_info', 'x')).json().code).toBe('MATCHING.FORBIDDEN_TRANSITION');
  });

  it('reports by status, time to answer, outcomes, by provider and category', async () => {
    const response = await get(w.as.coordinator, '/api/matching/referrals/report', { districtId: w.districtId });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    // Referrals so far: the first test's (sent), then served, declined, not served and a fresh one (sent).
    expect(report.byStatus).toEqual({ sent: 2, served: 1, declined: 1, not_served: 1 });
    expect(report.total).toBe(5);
    // Closed with an outcome: served, declined, not served = 3 of 5.
    expect(report.shareClosedWithOutcome).toBe(0.6);
    expect(report.medianHoursToAnswer).toBeGreaterThanOrEqual(0);
    expect(report.byProvider).toEqual([expect.objectContaining({ label: 'Cooperativa Cura Uno', total: 5, answered: 3, closedWithOutcome: 3 })]);
    expect(report.byCategory).toEqual([expect.objectContaining({ key: 'anziani.assistenza-domiciliare', label: 'Assistenza domiciliare', total: 5 })]);
    // A reader of English gets the taxonomy's English label.
    const english = await w.t.app.inject({ url: '/api/matching/referrals/report', query: { districtId: w.districtId }, headers: { cookie: w.as.coordinator.cookie, 'accept-language': 'en' } });
    expect(english.json().byCategory).toEqual([expect.objectContaining({ key: 'anziani.assistenza-domiciliare', label: 'Home care' })]);
  });

  it('shows a referral only to the referrer, the provider and the district coordinators, through every endpoint', async () => {
    const referral = await refer('Dettaglio riservato');
    const readers = { referrer: w.as.requester1, provider: w.as.provider1, coordinator: w.as.coordinator };
    for (const [who, as] of Object.entries(readers)) {
      const one = await get(as, `/api/matching/referrals/${referral.id}`);
      expect(one.statusCode, who).toBe(200);
      // Details: the two organizations only, not the coordinator.
      expect(one.json().details, who).toBe(who === 'coordinator' ? null : 'Dettaglio riservato');
      expect((await get(as, '/api/matching/referrals')).json().items.map((r: { id: string }) => r.id), who).toContain(referral.id);
    }
    const strangers = { otherRequester: w.as.requester2, otherProvider: w.as.provider2, outsider: w.as.outsider, otherCoordinator: w.as.otherCoordinator, admin: w.as.admin };
    for (const [who, as] of Object.entries(strangers)) {
      expect((await get(as, `/api/matching/referrals/${referral.id}`)).statusCode, who).toBe(404);
      const list = (await get(as, '/api/matching/referrals', { q: 'Assistenza' })).json();
      expect([list.items.length, list.total], who).toEqual([0, 0]);
      const filtered = (await get(as, '/api/matching/referrals', { districtId: w.districtId, status: 'sent' })).json();
      expect(filtered.total, who).toBe(0);
      const csv = (await get(as, '/api/matching/referrals.csv')).body;
      expect(csv.trim().split('\r\n'), who).toHaveLength(1);
      const report = (await get(as, '/api/matching/referrals/report', { districtId: w.districtId })).json();
      expect([report.total, report.byProvider.length], who).toEqual([0, 0]);
      expect((await move(as, referral, 'accept')).statusCode, who).toBe(404);
    }
    for (const url of ['/api/matching/referrals', `/api/matching/referrals/${referral.id}`, '/api/matching/referrals.csv', '/api/matching/referrals/report']) {
      expect((await get(null, url)).statusCode, url).toBe(401);
    }
    // The provider's CSV has it, without the details.
    const csv = (await get(w.as.provider1, '/api/matching/referrals.csv')).body;
    expect(csv).toContain(referral.id);
    expect(csv).not.toContain('Dettaglio riservato');
  });

  it('reminds providers that have not answered in N days, at most once a day', async () => {
    const mailsBefore = (await w.t.db.pool.query("select count(*)::int as n from mail_outbox where subject like 'Promemoria%'")).rows[0].n;
    const system = { ...w.t.system, actor: systemActor('test') };
    // Nothing is 5 days old yet.
    expect(await remindReferralProviders(system, { days: 5 })).toEqual({ reminded: 0 });
    // Seen from 6 days ahead, the 3 referrals still waiting (sent: the first test's, the fresh one, the access test's)
    // are due; the answered ones are not.
    const later = daysAgo(-6);
    expect(await remindReferralProviders(system, { days: 5, today: later })).toEqual({ reminded: 3 });
    expect(await remindReferralProviders(system, { days: 5, today: later })).toEqual({ reminded: 0 });
    const mailsAfter = (await w.t.db.pool.query("select count(*)::int as n from mail_outbox where subject like 'Promemoria%'")).rows[0].n;
    expect(mailsAfter - mailsBefore).toBe(3);
    const reminders = await w.t.db.pool.query<{ subject: string; body_text: string }>("select subject, body_text from mail_outbox where subject like 'Promemoria%'");
    for (const mail of reminders.rows) {
      expect(mail.body_text).toMatch(/inviata il \d{1,2} \p{L}+ \d{4} attende ancora una risposta/u);
      expectNoRawCodes(`${mail.subject}\n${mail.body_text}`, REFERRAL_STATUSES);
    }
    // Not from HTTP users: an operator's job.
    await expect(remindReferralProviders({ ...w.t.system, actor: { kind: 'user', userId: 'x', email: 'x@example.test', grants: [{ role: 'platform_admin', districtId: null, organizationId: null }] } })).rejects.toThrow();
  });

  it('closes the loop: a served referral made for a need answers that need with the service, audited', async () => {
    // requester1's open home-care need in Pinerolo (3 people), referred to the Pinerolo home-care service.
    const need = await w.t.db.pool.query(
      "select id from needs where organization_id = $1 and municipality_code = $2 and category_code = 'anziani.assistenza-domiciliare' and status = 'open' and people_count = 3",
      [w.org.requester1, PINEROLO],
    );
    const needId = need.rows[0].id as string;
    const created = await post(w.as.requester1, '/api/matching/referrals', {
      districtId: w.districtId, referringOrganizationId: w.org.requester1, serviceId: w.service.homeCareAreaPinerolo, needId,
      subjectKind: 'group', peopleCount: 3, municipalityCode: PINEROLO,
    });
    expect(created.statusCode, created.body).toBe(201);
    let referral = created.json() as TReferral;
    expect(referral.needId).toBe(needId);
    // Another organization's need cannot be referred.
    const foreign = await post(w.as.requester2, '/api/matching/referrals', {
      districtId: w.districtId, referringOrganizationId: w.org.requester2, serviceId: w.service.homeCareAreaPinerolo, needId,
      subjectKind: 'person', municipalityCode: PINEROLO,
    });
    expect(foreign.statusCode).toBe(422);
    referral = (await move(w.as.provider1, referral, 'accept')).json();
    const stillOpen = await w.t.db.pool.query('select status from needs where id = $1', [needId]);
    expect(stillOpen.rows[0].status).toBe('open');
    referral = (await move(w.as.provider1, referral, 'mark_served')).json();
    expect(referral.status).toBe('served');
    const answered = await w.t.db.pool.query('select status, answered_by_service_id from needs where id = $1', [needId]);
    expect(answered.rows[0]).toEqual({ status: 'answered_by_service', answered_by_service_id: w.service.homeCareAreaPinerolo });
    const audit = await w.t.db.pool.query("select after->>'referralId' as referral_id from audit_log where action = 'needs.answer-need-by-referral' and entity_id = $1", [needId]);
    expect(audit.rows).toEqual([{ referral_id: referral.id }]);
  });

  // Last: its referral to another provider would change the counts the tests above check.
  it("finding 5: a referral may not go to a service of another district (neither reaching its area nor of a member): 422 naming serviceId", async () => {
    // A service of the far district's member, placed and serving only there (Cuneo).
    const farService = await createService(w.t.system, {
      organizationId: w.org.outsider, name: 'Assistenza domiciliare Cuneo', categoryCodes: ['anziani.assistenza-domiciliare'],
      locations: [{ name: 'Sede Cuneo', municipalityCode: '004078' }], serviceAreaMunicipalityCodes: ['004078'],
    });
    const refused = await post(w.as.requester1, '/api/matching/referrals', {
      districtId: w.districtId, referringOrganizationId: w.org.requester1, serviceId: farService.id, subjectKind: 'person', municipalityCode: PINEROLO,
    });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().details.fields).toEqual([{ path: 'serviceId', message: expect.stringContaining('district') }]);
    const written = await w.t.db.pool.query('select count(*)::int as n from referrals where service_id = $1', [farService.id]);
    expect(written.rows[0].n).toBe(0);
    // The same provider's service once it reaches the district's area (a municipality of it) is accepted.
    const reaching = await createService(w.t.system, {
      organizationId: w.org.outsider, name: 'Assistenza domiciliare anche a Pinerolo', categoryCodes: ['anziani.assistenza-domiciliare'],
      serviceAreaMunicipalityCodes: ['004078', PINEROLO],
    });
    const accepted = await post(w.as.requester1, '/api/matching/referrals', {
      districtId: w.districtId, referringOrganizationId: w.org.requester1, serviceId: reaching.id, subjectKind: 'person', municipalityCode: PINEROLO,
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
  });

  it('writes each referral mail in its reader\'s language: statuses as labels, the category\'s label, the day for people', async () => {
    const setLocale = (as: SignedIn, locale: 'it' | 'en') => w.t.app.inject({ method: 'PUT', url: '/api/auth/locale', payload: { locale }, headers: as.writeHeaders });
    const mailsOf = async (referralId: string) =>
      (await w.t.db.pool.query<{ subject: string; body_text: string; locale: string }>(
        "select m.subject, m.body_text, u.locale from mail_outbox m join users u on lower(u.email) = lower(m.to_address) where m.topic_type = 'referral' and m.topic_id = $1 order by m.created_at",
        [referralId],
      )).rows;
    expect((await setLocale(w.as.provider1, 'en')).statusCode).toBe(200);
    try {
      const referral = await refer();
      const [toProvider] = await mailsOf(referral.id);
      expect(toProvider).toMatchObject({ locale: 'en', subject: 'New referral for "Assistenza domiciliare Pinerolo"' });
      expect(toProvider!.body_text).toContain('(one person, Pinerolo, Home care)');
      // The provider accepts: the referrer, who reads Italian, is told with the status's Italian label.
      const accepted = await move(w.as.provider1, referral, 'accept');
      expect(accepted.statusCode, accepted.body).toBe(200);
      const toReferrer = (await mailsOf(referral.id))[1]!;
      expect(toReferrer).toMatchObject({ locale: 'it', subject: 'Segnalazione a "Assistenza domiciliare Pinerolo": Accettata' });
      expect(toReferrer.body_text).toMatch(/inviata il \d{1,2} \p{L}+ \d{4} è passata da "Inviata" a "Accettata"/u);
      for (const mail of [toProvider!, toReferrer]) expectNoRawCodes(`${mail.subject}\n${mail.body_text}`, REFERRAL_STATUSES);
    } finally {
      expect((await setLocale(w.as.provider1, 'it')).statusCode).toBe(200);
    }
  });
});
