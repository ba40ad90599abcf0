import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TProposal } from '../../../common/contracts/matching';
import type { SignedIn } from '../../platform/testing/test-app';
import { buildMatchingWorld, daysAgo, PINEROLO, type MatchingWorld } from './fixtures/matching-world';
import { needs } from '../needs';
import { REFERRAL_STATUSES, PROPOSAL_STATUSES } from '../../../common/domain/matching';
import { expectNoRawCodes } from '../../platform/testing/raw-codes';

describe('matching: shared-service proposals', () => {
  let w: MatchingWorld;
  let proposal: TProposal;
  beforeAll(async () => {
    w = await buildMatchingWorld();
  }, 120_000);
  afterAll(() => w.t.close());

  const post = (as: SignedIn | null, url: string, payload: object) => w.t.app.inject({ method: 'POST', url, payload, headers: as ? as.writeHeaders : {} });
  const get = (as: SignedIn | null, url: string) => w.t.app.inject({ url, headers: as ? { cookie: as.cookie } : {} });
  const create = (as: SignedIn | null, extra: object = {}) =>
    post(as, '/api/matching/proposals', {
      districtId: w.districtId, zoneKey: PINEROLO, categoryCode: 'anziani.assistenza-domiciliare', targetGroup: 'older_people',
      radiusKm: Math.ceil(w.pineroloPerosaKm + 1), title: 'Assistenza domiciliare condivisa a Pinerolo', joinThreshold: 2, ...extra,
    });

  /** The proposal's mails, each with the language its reader chose (all go to members' sign-in addresses here). */
  const proposalMails = async (proposalId: string) =>
    (await w.t.db.pool.query<{ subject: string; body_text: string; locale: string }>(
      'select m.subject, m.body_text, u.locale from mail_outbox m join users u on lower(u.email) = lower(m.to_address) where m.topic_type = $1 and m.topic_id = $2 order by m.created_at',
      ['matching_proposal', proposalId],
    )).rows;

  const italianRequestersOf = (mails: { body_text: string }[]) => mails.filter((m) => m.body_text.includes('come richiedente')).map((m) => m.body_text);

  it('lets a coordinator create a proposal from a gap: requesters, ranked providers with the score explained, cost shares, mail', async () => {
    // The top provider's member reads English (chosen in "my account"); everyone else Italian.
    expect((await w.t.app.inject({ method: 'PUT', url: '/api/auth/locale', payload: { locale: 'en' }, headers: w.as.provider1.writeHeaders })).statusCode).toBe(200);
    const response = await create(w.as.coordinator);
    expect(response.statusCode, response.body).toBe(201);
    proposal = response.json();
    // People covered: the group's 3 + 2 + 1 = 6 (the anonymous person counts, but is nobody to ask).
    expect(proposal).toMatchObject({ zoneLabel: 'Pinerolo', peopleCovered: 6, joinThreshold: 2, joinedCount: 0, status: 'open', canAgree: false });
    const requesters = proposal.parties.filter((p) => p.role === 'requester');
    // Cost share in cents from the top provider's price (20 € per person, a fee): 3 people → 60 €, 2 → 40 €, adding
    // up to the price times the requesters' people.
    expect(requesters.map((p) => [p.organizationName, p.peopleCount, p.costShareCents]).sort()).toEqual([['Impresa Due S.r.l.', 2, 4000], ['Impresa Uno S.r.l.', 3, 6000]]);
    expect(requesters.reduce((sum, p) => sum + p.costShareCents!, 0)).toBe(2000 * 5);
    const stored = await w.t.db.pool.query('select cost_share_cents from matching_proposal_parties where proposal_id = $1 and role = $2 order by cost_share_cents', [proposal.id, 'requester']);
    expect(stored.rows).toEqual([{ cost_share_cents: 4000 }, { cost_share_cents: 6000 }]);
    const providers = proposal.parties.filter((p) => p.role === 'provider');
    // Pinerolo's own service: category 35 + target group 15 + proximity 20 (area: distance 0) + capacity 20 × 4/6 +
    // open to the community 10 = 93.3. The valley one: 35 + 15 + 20 × (1 − d/r) + 20 (10 ≥ 6) + 0 (members only).
    expect(providers[0]).toMatchObject({ rank: 1, organizationName: 'Cooperativa Cura Uno', serviceName: 'Assistenza domiciliare Pinerolo', score: 93.3 });
    expect(providers[0]!.scoreDetails).toMatchObject({ categoryFit: 1, targetGroupFit: 1, proximity: 1, openToCommunity: 1 });
    expect(providers[1]).toMatchObject({ rank: 2, organizationName: 'Cooperativa Valle Due' });
    expect(providers[1]!.score!).toBeLessThan(93.3);
    const mail = await w.t.db.pool.query('select to_address, district_id from mail_outbox where topic_type = $1 and topic_id = $2', ['matching_proposal', proposal.id]);
    // Two requesters and two providers, each through its member's address; the district set for the outbox.
    expect(mail.rows).toHaveLength(4);
    expect(new Set(mail.rows.map((row) => row.district_id))).toEqual(new Set([w.districtId]));
    // Each in its reader's language, with the category's label, the cost share as money, and no raw code.
    const mails = await proposalMails(proposal.id);
    expect(mails.map((m) => m.locale).sort()).toEqual(['en', 'it', 'it', 'it']);
    for (const m of mails) {
      expectNoRawCodes(`${m.subject}\n${m.body_text}`, [...PROPOSAL_STATUSES, ...REFERRAL_STATUSES, 'requester', 'provider', 'older_people']);
      expect(m.subject).toBe(m.locale === 'en' ? 'Shared service proposal: Assistenza domiciliare condivisa a Pinerolo' : 'Proposta di servizio condiviso: Assistenza domiciliare condivisa a Pinerolo');
    }
    const english = mails.find((m) => m.locale === 'en')!;
    expect(english.body_text).toContain('as a possible provider');
    expect(english.body_text).toContain('Category: Home care.');
    expect(italianRequestersOf(mails)[0]).toContain('Ambito: Assistenza domiciliare.');
    expect(english.body_text).not.toContain('Accedete');
    const italianRequesters = italianRequestersOf(mails);
    expect(italianRequesters).toHaveLength(2);
    expect(italianRequesters.some((text) => /60,00\s€/.test(text))).toBe(true);
    expect(italianRequesters.some((text) => /40,00\s€/.test(text))).toBe(true);
    const audit = await w.t.db.pool.query("select action from audit_log where kind = 'write' and entity_id = $1", [proposal.id]);
    expect(audit.rows.map((row) => row.action)).toEqual(['matching.create-proposal']);
  });

  it('refuses proposals from members, other coordinators and anonymous visitors, and for a group without organizations', async () => {
    expect((await create(w.as.requester1)).statusCode).toBe(403);
    expect((await create(w.as.otherCoordinator)).statusCode).toBe(403);
    expect((await create(null)).statusCode).toBe(401);
    const empty = await create(w.as.coordinator, { categoryCode: 'infanzia.nidi', targetGroup: undefined });
    expect(empty.statusCode).toBe(409);
    expect(empty.json().code).toBe('MATCHING.EMPTY_GROUP');
  });

  it('lets each party answer for its own organization only, shows who joined, and hides the proposal from others', async () => {
    const respond = (as: SignedIn, organizationId: string, response: string, comment = '') =>
      post(as, `/api/matching/proposals/${proposal.id}/responses`, { organizationId, role: organizationId === w.org.provider1 ? 'provider' : 'requester', response, comment });
    // Answering for an organization one does not belong to: 403; for one that is not a party (so cannot see it): 404.
    expect((await respond(w.as.requester1, w.org.requester2, 'interested')).statusCode).toBe(403);
    const notParty = await respond(w.as.requester3, w.org.requester3, 'interested');
    expect(notParty.statusCode).toBe(404);
    const first = await respond(w.as.requester1, w.org.requester1, 'interested', 'Tre dipendenti con genitori anziani');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ joinedCount: 1, canAgree: false });
    // Not enough joined yet: the agreement is refused with its code.
    const early = await post(w.as.coordinator, `/api/matching/proposals/${proposal.id}/agreement`, { version: proposal.version });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('MATCHING.NOT_ENOUGH_JOINED');
    // Changing one's mind is an answer too; then interested again.
    expect((await respond(w.as.requester2, w.org.requester2, 'not_interested', 'Non ora')).json().joinedCount).toBe(1);
    await respond(w.as.provider1, w.org.provider1, 'interested', 'Possiamo assumere un operatore');
    const second = await respond(w.as.requester2, w.org.requester2, 'interested');
    expect(second.json()).toMatchObject({ joinedCount: 2 });
    const asCoordinator = (await get(w.as.coordinator, `/api/matching/proposals/${proposal.id}`)).json() as TProposal;
    expect(asCoordinator.canAgree).toBe(true);
    expect(asCoordinator.parties.find((p) => p.organizationId === w.org.requester1)).toMatchObject({ response: 'interested', comment: 'Tre dipendenti con genitori anziani' });
    // Parties see it; a requester of another group, outsiders and other coordinators do not (404, not 403).
    expect((await get(w.as.provider2, `/api/matching/proposals/${proposal.id}`)).statusCode).toBe(200);
    for (const outsider of [w.as.requester3, w.as.outsider, w.as.otherCoordinator]) {
      expect((await get(outsider, `/api/matching/proposals/${proposal.id}`)).statusCode).toBe(404);
      expect((await get(outsider, '/api/matching/proposals')).json().items).toEqual([]);
    }
    expect((await get(w.as.requester1, '/api/matching/proposals')).json().items.map((p: { id: string }) => p.id)).toEqual([proposal.id]);
    const audit = await w.t.db.pool.query("select count(*)::int as n from audit_log where entity_id = $1 and action = 'matching.respond-to-proposal'", [proposal.id]);
    expect(audit.rows[0].n).toBe(4);
  });

  it('turns the proposal into an agreement once enough joined; afterwards it takes no more answers', async () => {
    const stale = await post(w.as.coordinator, `/api/matching/proposals/${proposal.id}/agreement`, { version: proposal.version + 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('COMMON.STALE_VERSION');
    expect((await post(w.as.requester1, `/api/matching/proposals/${proposal.id}/agreement`, { version: proposal.version })).statusCode).toBe(403);
    const agreed = await post(w.as.coordinator, `/api/matching/proposals/${proposal.id}/agreement`, { version: proposal.version, notes: 'Avvio a gennaio' });
    expect(agreed.statusCode, agreed.body).toBe(200);
    const result = agreed.json() as TProposal;
    expect(result.status).toBe('agreed');
    expect(new Set(result.agreement!.organizationIds)).toEqual(new Set([w.org.requester1, w.org.requester2, w.org.provider1]));
    const agreementMails = (await proposalMails(proposal.id)).filter((m) => m.subject.startsWith('Accordo') || m.subject.startsWith('Agreement'));
    expect(agreementMails.map((m) => [m.locale, m.subject]).sort()).toEqual([
      ['en', 'Agreement reached: Assistenza domiciliare condivisa a Pinerolo'],
      ['it', 'Accordo raggiunto: Assistenza domiciliare condivisa a Pinerolo'],
      ['it', 'Accordo raggiunto: Assistenza domiciliare condivisa a Pinerolo'],
    ]);
    for (const m of agreementMails) expectNoRawCodes(`${m.subject}\n${m.body_text}`, [...PROPOSAL_STATUSES]);
    const late = await post(w.as.requester1, `/api/matching/proposals/${proposal.id}/responses`, { organizationId: w.org.requester1, role: 'requester', response: 'not_interested' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('MATCHING.PROPOSAL_NOT_OPEN');
  });

  it('gives an organization both requester and provider one answer per role: an answer changes only its own row', async () => {
    // The top provider of Pinerolo's home care has a need of its own in the same group: a requester too.
    await w.t.db.orm.insert(needs).values({
      districtId: w.districtId, source: 'manual', status: 'open', organizationId: w.org.provider1, categoryCode: 'anziani.assistenza-domiciliare',
      targetGroup: 'older_people', municipalityCode: PINEROLO, peopleCount: 2, relevance: 3, expressedOn: daysAgo(3),
    });
    const created = await create(w.as.coordinator, { title: 'Assistenza domiciliare condivisa, secondo giro' });
    expect(created.statusCode, created.body).toBe(201);
    const both = created.json() as TProposal;
    const rowsOf = (p: TProposal) => p.parties.filter((party) => party.organizationId === w.org.provider1).map((party) => [party.role, party.response, party.comment, party.canRespond]).sort();
    expect(rowsOf((await get(w.as.provider1, `/api/matching/proposals/${both.id}`)).json())).toEqual([
      ['provider', 'pending', '', true],
      ['requester', 'pending', '', true],
    ]);
    const respond = (as: SignedIn, body: object) => post(as, `/api/matching/proposals/${both.id}/responses`, body);
    const asProvider = await respond(w.as.provider1, { organizationId: w.org.provider1, role: 'provider', response: 'interested', comment: 'Possiamo offrirlo' });
    expect(asProvider.statusCode, asProvider.body).toBe(200);
    // The requester row is untouched: still pending, no comment, no answer time; nobody joined as a requester.
    expect(rowsOf(asProvider.json())).toEqual([
      ['provider', 'interested', 'Possiamo offrirlo', true],
      ['requester', 'pending', '', true],
    ]);
    expect(asProvider.json().joinedCount).toBe(0);
    const stored = await w.t.db.pool.query('select role, response, comment, responded_at is not null as answered from matching_proposal_parties where proposal_id = $1 and organization_id = $2 order by role', [both.id, w.org.provider1]);
    expect(stored.rows).toEqual([
      { role: 'provider', response: 'interested', comment: 'Possiamo offrirlo', answered: true },
      { role: 'requester', response: 'pending', comment: '', answered: false },
    ]);
    // Then as a requester: only that row changes, and it counts as joined.
    const asRequester = await respond(w.as.provider1, { organizationId: w.org.provider1, role: 'requester', response: 'not_interested', comment: 'Per ora no' });
    expect(rowsOf(asRequester.json())).toEqual([
      ['provider', 'interested', 'Possiamo offrirlo', true],
      ['requester', 'not_interested', 'Per ora no', true],
    ]);
    // A role the organization does not have in the proposal: 422 naming the field; the rows unchanged.
    const notProvider = await respond(w.as.requester1, { organizationId: w.org.requester1, role: 'provider', response: 'interested' });
    expect(notProvider.statusCode).toBe(422);
    expect(JSON.stringify(notProvider.json().details)).toContain('role');
    // Without a role the answer is refused: it would be ambiguous.
    expect((await respond(w.as.provider1, { organizationId: w.org.provider1, response: 'interested' })).statusCode).toBe(422);
    // Another organization cannot answer for it, in either role (403), nor can its district's coordinator.
    for (const role of ['provider', 'requester']) {
      expect((await respond(w.as.requester1, { organizationId: w.org.provider1, role, response: 'not_interested' })).statusCode).toBe(403);
      expect((await respond(w.as.coordinator, { organizationId: w.org.provider1, role, response: 'not_interested' })).statusCode).toBe(403);
    }
    const after = await w.t.db.pool.query('select role, response, comment from matching_proposal_parties where proposal_id = $1 and organization_id = $2 order by role', [both.id, w.org.provider1]);
    expect(after.rows).toEqual([
      { role: 'provider', response: 'interested', comment: 'Possiamo offrirlo' },
      { role: 'requester', response: 'not_interested', comment: 'Per ora no' },
    ]);
    // Each answer is audited with its role.
    const audit = await w.t.db.pool.query(`select "after" as after_data from audit_log where entity_id = $1 and action = 'matching.respond-to-proposal' order by seq`, [both.id]);
    expect(audit.rows.map((row) => row.after_data.role)).toEqual(['provider', 'requester']);
  });
});
