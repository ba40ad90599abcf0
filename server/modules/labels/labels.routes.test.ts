import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TLabelApplication, TLabelScheme, TLabelVerification } from '../../../common/contracts/labels';
import { addDays } from '../../../common/domain/calendar';
import { createTestUser, signIn, type SignedIn } from '../../platform/testing/test-app';
import { buildMatchingWorld, type MatchingWorld } from '../matching';
import { labelsModule } from './labels.module';
import { remindExpiringLabels } from './remind-expiring-labels';
import { todayInItaly } from '../../../common/domain/calendar';

type Body = TLabelScheme & TLabelApplication & TLabelVerification & { code: string; details: { fields: { path: string }[]; tie?: { kind: string } } };

/**
 * Social quality labels over HTTP, on PGlite and PostgreSQL: schemes, applications with evidence, assessment with the
 * conflict-of-interest rule, the award rule, public verification and badge, revocation, expiry, renewal and the daily
 * expiry reminder with a controlled clock. A refused request changes nothing; every write is audited.
 */
describe('labels', () => {
  let w: MatchingWorld;
  let providerAdmin: SignedIn;
  let outsiderAdmin: SignedIn;
  let assessor: SignedIn;
  let memberAssessor: SignedIn;
  let relatedAssessor: SignedIn;
  let scheme: TLabelScheme;
  let applicationId: string;
  let publicCode: string;
  let awardId: string;

  const request = async (who: SignedIn | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const response = await w.t.app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }), headers: who ? (method === 'GET' ? { cookie: who.cookie } : who.writeHeaders) : {} });
    return { status: response.statusCode, body: response.body, headers: response.headers, json: () => response.json() as Body };
  };
  const fieldsOf = (response: { json: () => Body }) => response.json().details.fields.map((field) => field.path);
  const count = async (query: ReturnType<typeof sql>) => (await w.t.db.orm.execute<{ n: number }>(query)).rows[0]!.n;
  const writes = () => count(sql`select count(*)::int as n from audit_log where kind = 'write'`);
  /** Everything a refused request could have changed. */
  const snapshot = async () =>
    (
      await w.t.db.orm.execute<{ state: string }>(sql`
        select json_build_object(
          'applications', (select json_agg(a order by a.id) from label_applications a),
          'evidence', (select json_agg(e order by e.application_id, e.criterion_id) from label_evidence e),
          'decisions', (select json_agg(d order by d.application_id, d.criterion_id) from label_decisions d),
          'awards', (select json_agg(x order by x.id) from label_awards x),
          'audit', (select count(*) from audit_log where kind = 'write'))::text as state`)
    ).rows[0]!.state;
  const criterion = (index: number) => scheme.criteria[index]!.id;
  const current = async () => (await request(providerAdmin, 'GET', `/api/labels/applications/${applicationId}`)).json();

  beforeAll(async () => {
    w = await buildMatchingWorld([labelsModule]);
    const user = async (grants: Parameters<typeof createTestUser>[1]) => {
      const created = await createTestUser(w.t.system, grants);
      return { id: created.id, session: await signIn(w.t.app, created.email) };
    };
    providerAdmin = (await user([{ role: 'organization_admin', organizationId: w.org.provider1 }])).session;
    outsiderAdmin = (await user([{ role: 'organization_admin', organizationId: w.org.outsider }])).session;
    const free = await user([]);
    const member = await user([{ role: 'organization_member', organizationId: w.org.provider1 }]);
    const related = await user([{ role: 'organization_member', organizationId: w.org.requester3 }]);
    assessor = free.session;
    memberAssessor = member.session;
    relatedAssessor = related.session;
    // requester3 belongs to provider1's consortium, confirmed by provider1: its people are tied to provider1.
    const admin = w.as.admin;
    const added = await request(admin, 'POST', `/api/organizations/${w.org.requester3}/relationships`, { toOrganizationId: w.org.provider1, kind: 'consortium_member' });
    expect(added.status).toBe(201);
    // Recorded by a platform admin, who speaks for both sides: confirmed at once (ADR 0020).
    expect((await w.t.db.orm.execute<{ status: string }>(sql`select status from organization_relationships where from_organization_id = ${w.org.requester3}`)).rows[0]!.status).toBe('confirmed');
    (globalThis as { labelAssessorIds?: string[] }).labelAssessorIds = [free.id, member.id, related.id];
  }, 120_000);
  afterAll(() => w.t.close());

  const schemeBody = () => ({
    districtId: w.districtId,
    name: 'Qualità <sociale> & cura',
    description: 'Il marchio del Pinerolese per i servizi accreditati.',
    criteria: [
      { description: 'Carta dei servizi pubblicata', evidenceRequired: 'Link o file della carta', kind: 'mandatory' },
      { description: 'Formazione del personale', evidenceRequired: 'Ore di formazione per operatore', kind: 'scored', maxScore: 10 },
      { description: 'Coinvolgimento delle famiglie', evidenceRequired: 'Incontri e questionari', kind: 'scored', maxScore: 10 },
    ],
    thresholdScore: 12,
    validityMonths: 24,
    assessorUserIds: (globalThis as { labelAssessorIds?: string[] }).labelAssessorIds!,
  });

  it('lets the district coordinators define a scheme and the platform admins a regional one, refusing what cannot work', async () => {
    const body = schemeBody();
    expect((await request(null, 'POST', '/api/labels/schemes', body)).status).toBe(401);
    expect((await request(w.as.otherCoordinator, 'POST', '/api/labels/schemes', body)).status).toBe(403);
    expect((await request(providerAdmin, 'POST', '/api/labels/schemes', body)).status).toBe(403);
    expect((await request(w.as.coordinator, 'POST', '/api/labels/schemes', { ...body, districtId: null })).status).toBe(403);
    const unreachable = await request(w.as.coordinator, 'POST', '/api/labels/schemes', { ...body, thresholdScore: 21 });
    expect([unreachable.status, unreachable.json().code, fieldsOf(unreachable)]).toEqual([400, 'LABELS.THRESHOLD_UNREACHABLE', ['thresholdScore']]);
    const noMax = await request(w.as.coordinator, 'POST', '/api/labels/schemes', { ...body, criteria: [{ description: 'x', kind: 'scored' }] });
    expect(noMax.status).toBe(422);
    expect(fieldsOf(noMax)).toEqual(['body.criteria.0.maxScore']);
    const nobody = await request(w.as.coordinator, 'POST', '/api/labels/schemes', { ...body, assessorUserIds: ['00000000-0000-4000-8000-000000000000'] });
    expect([nobody.status, nobody.json().code, fieldsOf(nobody)]).toEqual([400, 'LABELS.UNKNOWN_ASSESSOR', ['assessorUserIds.0']]);
    expect(await count(sql`select count(*)::int as n from label_schemes`)).toBe(0);

    const created = await request(w.as.coordinator, 'POST', '/api/labels/schemes', body);
    expect(created.status).toBe(201);
    scheme = created.json();
    expect(scheme).toMatchObject({ districtName: 'Distretto di prova', thresholdScore: 12, maxTotalScore: 20, validityMonths: 24, canManage: true });
    expect(scheme.criteria.map((c) => [c.position, c.kind, c.maxScore])).toEqual([[1, 'mandatory', null], [2, 'scored', 10], [3, 'scored', 10]]);
    expect(scheme.assessors).toHaveLength(3);
    const regional = await request(w.as.admin, 'POST', '/api/labels/schemes', { ...body, districtId: null, name: 'Marchio regionale' });
    expect(regional.status).toBe(201);
    expect(regional.json().districtName).toBeNull();
    const listed = await request(w.as.provider2, 'GET', '/api/labels/schemes');
    expect((listed.json() as unknown as { items: TLabelScheme[] }).items.map((s) => [s.name, s.canManage])).toEqual([['Marchio regionale', false], ['Qualità <sociale> & cura', false]]);
    expect((await request(null, 'GET', '/api/labels/schemes')).status).toBe(401);
    expect(await count(sql`select count(*)::int as n from audit_log where action = 'labels.create-scheme'`)).toBe(2);
  });

  it('lists the assessor candidates to who may define the scheme: the caller and the people of the member organizations', async () => {
    const url = `/api/labels/assessor-candidates?districtId=${w.districtId}`;
    expect((await request(null, 'GET', url)).status).toBe(401);
    expect((await request(w.as.otherCoordinator, 'GET', url)).status).toBe(403);
    expect((await request(providerAdmin, 'GET', url)).status).toBe(403);
    expect((await request(w.as.coordinator, 'GET', '/api/labels/assessor-candidates')).status).toBe(403);
    expect((await request(w.as.coordinator, 'GET', '/api/labels/assessor-candidates?districtId=nope')).status).toBe(400);
    const listed = await request(w.as.coordinator, 'GET', url);
    expect(listed.status).toBe(200);
    const ids = (listed.json() as unknown as { items: { userId: string; name: string }[] }).items.map((person) => person.userId);
    const userIdOf = async (who: SignedIn) => ((await request(who, 'GET', '/api/auth/session')).json() as unknown as { user: { id: string } }).user.id;
    const coordinatorId = await userIdOf(w.as.coordinator);
    const [, memberId, relatedId] = (globalThis as { labelAssessorIds?: string[] }).labelAssessorIds!;
    // The coordinator, provider1's member and requester3's member are there; the outsider's admin (another district) is not.
    expect(ids).toEqual(expect.arrayContaining([coordinatorId, memberId, relatedId]));
    const outsiderId = await userIdOf(outsiderAdmin);
    expect(ids).not.toContain(outsiderId);
    const regional = await request(w.as.admin, 'GET', '/api/labels/assessor-candidates');
    expect(regional.json()).toMatchObject({ items: [{ name: expect.any(String) }] });
  });

  it('takes an application from an administrator of a member organization, once, with evidence before submitting', async () => {
    const body = { schemeId: scheme.id, organizationId: w.org.provider1 };
    expect((await request(w.as.provider1, 'POST', '/api/labels/applications', body)).status).toBe(403);
    const outsider = await request(outsiderAdmin, 'POST', '/api/labels/applications', { schemeId: scheme.id, organizationId: w.org.outsider });
    expect([outsider.status, outsider.json().code, fieldsOf(outsider)]).toEqual([409, 'LABELS.NOT_ELIGIBLE', ['organizationId']]);
    const created = await request(providerAdmin, 'POST', '/api/labels/applications', body);
    expect(created.status).toBe(201);
    applicationId = created.json().id;
    expect(created.json()).toMatchObject({ status: 'draft', organizationName: 'Cooperativa Cura Uno', access: { canEditEvidence: true, canAssess: false, conflictOfInterest: null, actions: ['submit', 'withdraw'] } });
    const twice = await request(providerAdmin, 'POST', '/api/labels/applications', body);
    expect([twice.status, twice.json().code]).toEqual([409, 'LABELS.APPLICATION_OPEN']);

    const saved = await request(providerAdmin, 'PUT', `/api/labels/applications/${applicationId}/evidence/${criterion(0)}`, { text: 'https://cura-uno.example.it/carta.pdf' });
    expect(saved.status).toBe(200);
    const before = await snapshot();
    const early = await request(providerAdmin, 'POST', `/api/labels/applications/${applicationId}/transitions`, { action: 'submit', version: saved.json().version });
    expect([early.status, early.json().code, fieldsOf(early)]).toEqual([400, 'LABELS.EVIDENCE_MISSING', [`evidence.${criterion(1)}`, `evidence.${criterion(2)}`]]);
    const foreign = await request(providerAdmin, 'PUT', `/api/labels/applications/${applicationId}/evidence/00000000-0000-4000-8000-000000000000`, { text: 'x' });
    expect([foreign.status, foreign.json().code]).toEqual([404, 'LABELS.UNKNOWN_CRITERION']);
    expect((await request(w.as.provider1, 'PUT', `/api/labels/applications/${applicationId}/evidence/${criterion(1)}`, { text: 'x' })).status).toBe(403);
    expect(await snapshot()).toBe(before);

    await request(providerAdmin, 'PUT', `/api/labels/applications/${applicationId}/evidence/${criterion(1)}`, { text: '40 ore per operatore nel 2026' });
    const last = await request(providerAdmin, 'PUT', `/api/labels/applications/${applicationId}/evidence/${criterion(2)}`, { text: 'Tre incontri con le famiglie' });
    const stale = await request(providerAdmin, 'POST', `/api/labels/applications/${applicationId}/transitions`, { action: 'submit', version: 1 });
    expect([stale.status, stale.json().code]).toEqual([409, 'COMMON.STALE_VERSION']);
    const submitted = await request(providerAdmin, 'POST', `/api/labels/applications/${applicationId}/transitions`, { action: 'submit', version: last.json().version });
    expect(submitted.status).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', access: { canEditEvidence: false, actions: ['withdraw'] } });
    const late = await request(providerAdmin, 'PUT', `/api/labels/applications/${applicationId}/evidence/${criterion(1)}`, { text: 'cambiata' });
    expect([late.status, late.json().code]).toEqual([409, 'LABELS.NOT_EDITABLE']);
    expect(await count(sql`select count(*)::int as n from audit_log where action = 'labels.save-evidence'`)).toBe(3);
  });

  it('shows the application to its people, managers and assessors only', async () => {
    expect((await request(w.as.provider1, 'GET', `/api/labels/applications/${applicationId}`)).status).toBe(200);
    expect((await request(w.as.coordinator, 'GET', `/api/labels/applications/${applicationId}`)).json().access.actions).toEqual(['reject', 'award']);
    expect((await request(assessor, 'GET', `/api/labels/applications/${applicationId}`)).json().access).toEqual({ canEditEvidence: false, canAssess: true, conflictOfInterest: null, actions: [] });
    // The tied assessors read why they cannot assess before they try.
    expect((await request(memberAssessor, 'GET', `/api/labels/applications/${applicationId}`)).json().access).toMatchObject({ canAssess: false, conflictOfInterest: 'membership' });
    expect((await request(relatedAssessor, 'GET', `/api/labels/applications/${applicationId}`)).json().access).toMatchObject({ canAssess: false, conflictOfInterest: 'relationship' });
    expect((await request(w.as.otherCoordinator, 'GET', `/api/labels/applications/${applicationId}`)).status).toBe(404);
    expect((await request(w.as.provider2, 'GET', `/api/labels/applications/${applicationId}`)).status).toBe(404);
    expect((await request(w.as.provider2, 'GET', '/api/labels/applications')).json()).toEqual({ items: [] });
    expect(((await request(assessor, 'GET', '/api/labels/applications')).json() as unknown as { items: { id: string }[] }).items.map((item) => item.id)).toEqual([applicationId]);
  });

  it('refuses an assessor tied to the applicant by membership or relationship, and a decision of the wrong kind', async () => {
    const before = await snapshot();
    const member = await request(memberAssessor, 'PUT', `/api/labels/applications/${applicationId}/decisions/${criterion(0)}`, { met: true, note: 'ok' });
    expect([member.status, member.json().code, member.json().details.tie?.kind]).toEqual([409, 'LABELS.CONFLICT_OF_INTEREST', 'membership']);
    const related = await request(relatedAssessor, 'PUT', `/api/labels/applications/${applicationId}/decisions/${criterion(0)}`, { met: true, note: 'ok' });
    expect([related.status, related.json().code, related.json().details.tie?.kind]).toEqual([409, 'LABELS.CONFLICT_OF_INTEREST', 'relationship']);
    expect((await request(w.as.coordinator, 'PUT', `/api/labels/applications/${applicationId}/decisions/${criterion(0)}`, { met: true })).status).toBe(403);
    const scoredMandatory = await request(assessor, 'PUT', `/api/labels/applications/${applicationId}/decisions/${criterion(0)}`, { score: 3 });
    expect([scoredMandatory.status, scoredMandatory.json().code, fieldsOf(scoredMandatory)]).toEqual([400, 'LABELS.INVALID_DECISION', ['met']]);
    const overMax = await request(assessor, 'PUT', `/api/labels/applications/${applicationId}/decisions/${criterion(1)}`, { score: 11 });
    expect([overMax.status, fieldsOf(overMax)]).toEqual([400, ['score']]);
    expect(await snapshot()).toBe(before);
  });

  it('awards only when every mandatory criterion is met and the score reaches the threshold, naming what fails', async () => {
    const decide = (index: number, decision: object) => request(assessor, 'PUT', `/api/labels/applications/${applicationId}/decisions/${criterion(index)}`, { note: 'Verificato in visita', ...decision });
    expect((await decide(0, { met: false })).status).toBe(200);
    await decide(1, { score: 7 });
    const decided = await decide(2, { score: 4 });
    expect(decided.json().check).toEqual({
      passed: false,
      totalScore: 11,
      maxTotalScore: 20,
      problems: [{ code: 'mandatory_not_met', criterionId: criterion(0) }, { code: 'below_threshold', totalScore: 11, thresholdScore: 12 }],
    });
    const before = await snapshot();
    const refused = await request(w.as.coordinator, 'POST', `/api/labels/applications/${applicationId}/transitions`, { action: 'award', version: decided.json().version });
    expect([refused.status, refused.json().code, fieldsOf(refused)]).toEqual([409, 'LABELS.AWARD_RULE_NOT_MET', [`criteria.${criterion(0)}`, 'thresholdScore']]);
    expect((await request(providerAdmin, 'POST', `/api/labels/applications/${applicationId}/transitions`, { action: 'award', version: decided.json().version })).status).toBe(403);
    const noReason = await request(w.as.coordinator, 'POST', `/api/labels/applications/${applicationId}/transitions`, { action: 'reject', version: decided.json().version });
    expect([noReason.status, fieldsOf(noReason)]).toEqual([400, ['reason']]);
    expect(await snapshot()).toBe(before);

    await decide(0, { met: true });
    const passing = await decide(2, { score: 5 });
    expect(passing.json().check.passed).toBe(true);
    const awarded = await request(w.as.coordinator, 'POST', `/api/labels/applications/${applicationId}/transitions`, { action: 'award', version: passing.json().version });
    expect(awarded.status).toBe(200);
    const application = awarded.json();
    const today = todayInItaly();
    expect(application.status).toBe('awarded');
    expect(application.award).toMatchObject({ validFrom: today, state: 'valid', revokedOn: null });
    expect(application.award!.validUntil).toBe(addDays(addDays(today, 0).replace(/^(\d{4})/, (year) => String(Number(year) + 2)), -1));
    expect(application.award!.publicCode).toMatch(/^[A-Za-z0-9_-]{20}$/);
    publicCode = application.award!.publicCode;
    awardId = application.award!.id;
    const again = await request(w.as.coordinator, 'POST', `/api/labels/applications/${applicationId}/transitions`, { action: 'award', version: application.version });
    expect([again.status, again.json().code]).toEqual([409, 'LABELS.FORBIDDEN_TRANSITION']);
    expect(await count(sql`select count(*)::int as n from audit_log where action = 'labels.award-label'`)).toBe(1);
    expect((await request(providerAdmin, 'GET', `/api/labels/schemes/${scheme.id}`)).json().validLabelCount).toBe(1);
  });

  it('verifies a label publicly, without sign-in, and serves its badge; an unknown code is not found', async () => {
    const verified = await request(null, 'GET', `/api/labels/verify/${publicCode}`);
    expect(verified.status).toBe(200);
    const label = verified.json();
    expect(label).toMatchObject({ state: 'valid', organizationName: 'Cooperativa Cura Uno', schemeName: 'Qualità <sociale> & cura', districtName: 'Distretto di prova', revokedOn: null });
    expect(label.criteria.map((c) => c.description)).toEqual(['Carta dei servizi pubblicata', 'Formazione del personale', 'Coinvolgimento delle famiglie']);
    // Nothing private: no notes, no evidence.
    expect(verified.body).not.toMatch(/Verificato in visita|40 ore/);
    expect((await request(null, 'GET', '/api/labels/verify/nessuno')).status).toBe(404);
    // One character changed (a code ending in "x" gets "y": the same code would be found).
    const tampered = `${publicCode.slice(0, -1)}${publicCode.endsWith('x') ? 'y' : 'x'}`;
    expect((await request(null, 'GET', `/api/labels/verify/${tampered}`)).status).toBe(404);

    const badge = await request(null, 'GET', `/api/labels/badge/${publicCode}.svg`);
    expect(badge.status).toBe(200);
    expect(badge.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(badge.body).toContain('Qualità &lt;sociale&gt; &amp; cura');
    expect(badge.body).not.toContain('<sociale>');
    expect(badge.body).toMatch(/valido fino al \d{1,2} [a-z]+ \d{4}/);
    expect(badge.body).not.toMatch(/<a[\s>]|<script/);
    expect((await request(null, 'GET', `/api/labels/badge/${publicCode}.svg?lang=en`)).body).toMatch(/valid until \d{1,2} [A-Z][a-z]+ \d{4}/);
    expect((await request(null, 'GET', '/api/labels/badge/nessuno.svg')).status).toBe(404);
  });

  it('renews a valid label from the day after its last day, keeping its code', async () => {
    const before = (await request(null, 'GET', `/api/labels/verify/${publicCode}`)).json();
    const mismatch = await request(providerAdmin, 'POST', '/api/labels/applications', { schemeId: scheme.id, organizationId: w.org.provider1, renewsAwardId: '00000000-0000-4000-8000-000000000000' });
    expect([mismatch.status, mismatch.json().code, fieldsOf(mismatch)]).toEqual([409, 'LABELS.RENEWAL_MISMATCH', ['renewsAwardId']]);
    const renewal = (await request(providerAdmin, 'POST', '/api/labels/applications', { schemeId: scheme.id, organizationId: w.org.provider1, renewsAwardId: awardId })).json();
    for (const [index, text] of ['Carta 2028', '50 ore', 'Quattro incontri'].entries()) await request(providerAdmin, 'PUT', `/api/labels/applications/${renewal.id}/evidence/${criterion(index)}`, { text });
    const submitted = await request(providerAdmin, 'POST', `/api/labels/applications/${renewal.id}/transitions`, { action: 'submit', version: (await request(providerAdmin, 'GET', `/api/labels/applications/${renewal.id}`)).json().version });
    expect(submitted.status).toBe(200);
    for (const [index, decision] of [{ met: true }, { score: 9 }, { score: 9 }].entries()) await request(assessor, 'PUT', `/api/labels/applications/${renewal.id}/decisions/${criterion(index)}`, decision);
    const version = (await request(w.as.coordinator, 'GET', `/api/labels/applications/${renewal.id}`)).json().version;
    const awarded = await request(w.as.coordinator, 'POST', `/api/labels/applications/${renewal.id}/transitions`, { action: 'award', version });
    expect(awarded.status).toBe(200);
    expect(awarded.json().award).toMatchObject({ id: awardId, publicCode, validFrom: before.validFrom });
    const after = (await request(null, 'GET', `/api/labels/verify/${publicCode}`)).json();
    expect(after.validUntil > before.validUntil).toBe(true);
    expect(after.validUntil).toBe(addDays(before.validUntil.replace(/^(\d{4})/, (year) => String(Number(year) + 2)), 0));
  });

  it('reminds the organization once before its label expires (controlled clock), and shows an expired label as expired', async () => {
    const validUntil = (await request(null, 'GET', `/api/labels/verify/${publicCode}`)).json().validUntil;
    const morningOf = (day: string) => new Date(`${day}T06:30:00Z`);
    const mails = () => count(sql`select count(*)::int as n from mail_outbox where topic_type = 'label_award' and topic_id = ${awardId}`);
    expect(await remindExpiringLabels(w.t.system, { now: morningOf(addDays(validUntil, -61)) })).toEqual({ reminded: 0 });
    expect(await remindExpiringLabels(w.t.system, { now: morningOf(addDays(validUntil, -60)), linkBase: 'https://welfare.example.it' })).toEqual({ reminded: 1 });
    // The organization's people: its admin and its two members (one of them the assessor it cannot have).
    expect(await mails()).toBe(3);
    const mail = (await w.t.db.orm.execute<{ subject: string; body_text: string }>(sql`select subject, body_text from mail_outbox where topic_id = ${awardId} limit 1`)).rows[0]!;
    expect(mail.subject).toMatch(/^Il marchio "Qualità <sociale> & cura" scade il \d{1,2} [a-z]+ \d{4}$/);
    expect(mail.body_text).toContain(`https://welfare.example.it/marchio/${publicCode}`);
    expect(await remindExpiringLabels(w.t.system, { now: morningOf(addDays(validUntil, -59)) })).toEqual({ reminded: 0 });
    expect(await remindExpiringLabels(w.t.system, { now: morningOf(addDays(validUntil, 1)) })).toEqual({ reminded: 0 });
    expect(await mails()).toBe(3);
    await expect(remindExpiringLabels({ ...w.t.system, actor: { kind: 'anonymous' } })).rejects.toThrow();

    // Its last day passed: expired on the page and the badge.
    await w.t.db.orm.execute(sql`update label_awards set valid_until = ${addDays(todayInItaly(), -1)}, valid_from = ${addDays(todayInItaly(), -800)} where id = ${awardId}`);
    expect((await request(null, 'GET', `/api/labels/verify/${publicCode}`)).json().state).toBe('expired');
    expect((await request(null, 'GET', `/api/labels/badge/${publicCode}.svg`)).body).toMatch(/scaduto il/);
  });

  it('lets the managers revoke a label with a reason, once; the page says revoked without the reason', async () => {
    expect((await request(providerAdmin, 'POST', `/api/labels/awards/${awardId}/revoke`, { reason: 'x' })).status).toBe(403);
    expect((await request(w.as.otherCoordinator, 'POST', `/api/labels/awards/${awardId}/revoke`, { reason: 'x' })).status).toBe(403);
    expect((await request(w.as.coordinator, 'POST', `/api/labels/awards/${awardId}/revoke`, { reason: '' })).status).toBe(422);
    const revoked = await request(w.as.coordinator, 'POST', `/api/labels/awards/${awardId}/revoke`, { reason: 'Carta dei servizi ritirata' });
    expect(revoked.status).toBe(200);
    expect(revoked.json()).toMatchObject({ state: 'revoked', revokedOn: todayInItaly() });
    const page = await request(null, 'GET', `/api/labels/verify/${publicCode}`);
    expect(page.json().state).toBe('revoked');
    expect(page.body).not.toContain('Carta dei servizi ritirata');
    expect((await request(null, 'GET', `/api/labels/badge/${publicCode}.svg`)).body).toMatch(/revocato il/);
    const before = await writes();
    const twice = await request(w.as.coordinator, 'POST', `/api/labels/awards/${awardId}/revoke`, { reason: 'ancora' });
    expect([twice.status, twice.json().code]).toEqual([409, 'LABELS.ALREADY_REVOKED']);
    const renewRevoked = await request(providerAdmin, 'POST', '/api/labels/applications', { schemeId: scheme.id, organizationId: w.org.provider1, renewsAwardId: awardId });
    expect(renewRevoked.json().code).toBe('LABELS.RENEWAL_MISMATCH');
    expect(await writes()).toBe(before);
    expect(await count(sql`select count(*)::int as n from audit_log where action = 'labels.revoke-label'`)).toBe(1);
    expect((await request(providerAdmin, 'GET', `/api/labels/schemes/${scheme.id}`)).json().validLabelCount).toBe(0);
  });
});
