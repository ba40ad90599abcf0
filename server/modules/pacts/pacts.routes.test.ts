import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody, PDF_MINIMAL } from '../../platform/files/files-test-fixtures';
import type { TPactCommitment, TPactDashboard, TPactDetail, TPactDiff, TPactList, TPactTimeline } from '../../../common/contracts/pacts';
import { addDays, todayInItaly } from '../../../common/domain/calendar';
import { createTestUser, signIn, TEST_PASSWORD, type SignedIn } from '../../platform/testing/test-app';
import type { UseCaseContext } from '../../platform/use-case';
import { buildMatchingWorld, type MatchingWorld } from '../matching';
import { addPersonRole } from '../organizations';
import { noticeLateCommitments } from './notice-late-commitments';
import { pactsModule } from './pacts.module';

const TEXT_V1 = `Patto di prova.

## Art. 1 - Oggetto
Le parti collaborano alla rete.

## Art. 2 - Durata
Tre anni.
`;
const TEXT_V2 = `Patto di prova.

## Art. 1 - Oggetto
Le parti collaborano alla rete territoriale.

## Art. 2 - Durata
Tre anni.

## Art. 3 - Cabina di regia
Il distretto convoca la cabina di regia.
`;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
/** 07:30 in Rome on that day, when the schedule fires (06:30 UTC in winter, 05:30 in summer: both the same Rome day). */
const morningOf = (day: string) => new Date(`${day}T06:30:00Z`);

type Json = TPactDetail & TPactList & TPactDiff & TPactCommitment & TPactDashboard & { code: string; details: { fields: { path: string }[] } };

/**
 * Territorial pacts over HTTP, on PGlite and PostgreSQL: the version lifecycle, signing only by a current legal
 * representative with the password re-entered, the hash of the signed text (a changed text is reported), one
 * signature per organization and version, adhesion approval, acknowledgement of an amendment, the article diff,
 * commitments only for signatories, the dashboard late first and the daily lateness job with a controlled clock.
 * A refused request changes nothing; every write is audited.
 */
describe('pacts', () => {
  let w: MatchingWorld;
  /** Legal representatives: of requester1, provider1, provider2, and of requester3 (who never signs v1). */
  let rep: Record<'requester1' | 'provider1' | 'provider2' | 'requester3', SignedIn>;
  let repUserId: Record<'requester1' | 'provider1' | 'provider2' | 'requester3', string>;
  /** An administrator of requester2 who is not its legal representative. */
  let notRep: SignedIn;
  let pactId: string;
  let v1: string;
  let v2: string;

  const request = async (who: SignedIn | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const response = await w.t.app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }), headers: who ? (method === 'GET' ? { cookie: who.cookie } : who.writeHeaders) : {} });
    return { status: response.statusCode, body: response.body, json: () => response.json() as Json };
  };
  const fieldsOf = (response: { json: () => Json }) => response.json().details.fields.map((field) => field.path);
  const pact = async () => (await request(w.as.coordinator, 'GET', `/api/pacts/${pactId}`)).json();
  const versionOf = async (id: string) => (await pact()).versions.find((version) => version.id === id)!;
  /** Everything a refused request could have changed: the pact's rows and the audit log's writes. */
  const snapshot = async () => {
    const result = await w.t.db.orm.execute<{ state: string }>(sql`
      select json_build_object(
        'pact', (select row_to_json(p) from pacts p where p.id = ${pactId}),
        'versions', (select json_agg(v order by v.number) from pact_versions v where v.pact_id = ${pactId}),
        'signatures', (select json_agg(s order by s.signed_at, s.id) from pact_signatures s where s.pact_id = ${pactId}),
        'commitments', (select json_agg(c order by c.id) from pact_commitments c where c.pact_id = ${pactId}),
        'audit', (select count(*) from audit_log where kind = 'write'))::text as state`);
    return result.rows[0]!.state;
  };
  const auditCount = async (action: string) => (await w.t.db.orm.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where action = ${action}`)).rows[0]!.n;
  const expireReauthentication = async (userId: string) => w.t.db.pool.query("update sessions set authenticated_at = now() - interval '11 minutes' where user_id = $1", [userId]);

  beforeAll(async () => {
    w = await buildMatchingWorld([pactsModule]);
    const legalRepresentative = async (organizationId: string, fullName: string) => {
      const user = await createTestUser(w.t.system, [{ role: 'organization_admin', organizationId }]);
      await addPersonRole(w.t.system, organizationId, { fullName, userId: user.id, role: 'legal_representative', startedOn: '2020-01-01' });
      return { session: await signIn(w.t.app, user.email), userId: user.id };
    };
    const made = {
      requester1: await legalRepresentative(w.org.requester1, 'Anna Legale'),
      provider1: await legalRepresentative(w.org.provider1, 'Bruno Legale'),
      provider2: await legalRepresentative(w.org.provider2, 'Carla Legale'),
      requester3: await legalRepresentative(w.org.requester3, 'Dario Legale'),
    };
    rep = { requester1: made.requester1.session, provider1: made.provider1.session, provider2: made.provider2.session, requester3: made.requester3.session };
    repUserId = { requester1: made.requester1.userId, provider1: made.provider1.userId, provider2: made.provider2.userId, requester3: made.requester3.userId };
    // A former legal representative: the role ended, so no longer signs.
    const former = await createTestUser(w.t.system, [{ role: 'organization_admin', organizationId: w.org.requester2 }]);
    await addPersonRole(w.t.system, w.org.requester2, { fullName: 'Ex Legale', userId: former.id, role: 'legal_representative', startedOn: '2020-01-01', endedOn: '2021-01-01' });
    notRep = await signIn(w.t.app, former.email);
  }, 120_000);
  afterAll(() => w?.t.close());

  it('lets a coordinator of the district create a pact with a draft version, and nobody else', async () => {
    const body = { districtId: w.districtId, title: 'Patto per il welfare di prova', purpose: 'Rete', body: TEXT_V1, startsOn: '2026-01-01', endsOn: '2028-12-31' };
    expect((await request(w.as.otherCoordinator, 'POST', '/api/pacts', body)).status).toBe(403);
    expect((await request(w.as.provider1, 'POST', '/api/pacts', body)).status).toBe(403);
    expect((await request(null, 'POST', '/api/pacts', body)).status).toBe(401);
    const outOfOrder = await request(w.as.coordinator, 'POST', '/api/pacts', { ...body, endsOn: '2025-01-01' });
    expect(outOfOrder.status).toBe(400);
    expect(outOfOrder.json().code).toBe('PACTS.DATES_OUT_OF_ORDER');
    expect(fieldsOf(outOfOrder)).toEqual(['endsOn']);
    const unknownField = await request(w.as.coordinator, 'POST', '/api/pacts', { ...body, colour: 'red' });
    expect(unknownField.status).toBe(422);
    expect((await w.t.db.orm.execute<{ n: number }>(sql`select count(*)::int as n from pacts`)).rows[0]!.n).toBe(0);

    const created = await request(w.as.coordinator, 'POST', '/api/pacts', body);
    expect(created.status).toBe(201);
    const detail = created.json();
    pactId = detail.id;
    expect(detail.versions).toHaveLength(1);
    expect(detail.versions[0]).toMatchObject({ number: 1, status: 'draft', textSha256: sha256(TEXT_V1), nextStatuses: ['open_for_signature'] });
    expect(detail.adhesionNeedsApproval).toBe(true);
    v1 = detail.versions[0]!.id;
    expect(await auditCount('pacts.create-pact')).toBe(1);
  });

  it('keeps a draft to the managers: the district reads the pact without it, an outsider not at all', async () => {
    const seen = await request(w.as.provider1, 'GET', `/api/pacts/${pactId}`);
    expect(seen.status).toBe(200);
    expect(seen.json().versions).toEqual([]);
    expect(seen.json().canManage).toBe(false);
    expect((await request(w.as.provider1, 'GET', `/api/pacts?districtId=${w.districtId}`)).json().items).toEqual([]);
    expect((await request(w.as.coordinator, 'GET', `/api/pacts?districtId=${w.districtId}`)).json().items.map((item) => item.latestStatus)).toEqual(['draft']);
    expect((await request(w.as.outsider, 'GET', `/api/pacts/${pactId}`)).status).toBe(404);
    expect((await request(null, 'GET', `/api/pacts/${pactId}`)).status).toBe(404);
    expect((await request(w.as.otherCoordinator, 'GET', `/api/pacts/${pactId}`)).status).toBe(404);
  });

  it('refuses a signature of a draft, changes the draft, then opens it for signature', async () => {
    const before = await snapshot();
    const draft = await request(rep.requester1, 'POST', `/api/pact-versions/${v1}/sign`, { organizationId: w.org.requester1 });
    expect(draft.status).toBe(409);
    expect(draft.json().code).toBe('PACTS.VERSION_NOT_SIGNABLE');
    expect(await snapshot()).toBe(before);
    const { version } = await versionOf(v1);
    const edited = await request(w.as.coordinator, 'PATCH', `/api/pact-versions/${v1}`, { version, body: TEXT_V1, startsOn: '2026-02-01' });
    expect(edited.status).toBe(200);
    const opened = await request(w.as.coordinator, 'POST', `/api/pact-versions/${v1}/status`, { version: version + 1, to: 'open_for_signature' });
    expect(opened.status).toBe(200);
    expect(opened.json().versions[0]!.status).toBe('open_for_signature');
    // An opened text never changes: an amendment does.
    const locked = await request(w.as.coordinator, 'PATCH', `/api/pact-versions/${v1}`, { version: version + 2, body: 'Altro testo' });
    expect(locked.json().code).toBe('PACTS.VERSION_NOT_DRAFT');
    // Not into force before anyone signed.
    const early = await request(w.as.coordinator, 'POST', `/api/pact-versions/${v1}/status`, { version: version + 2, to: 'in_force' });
    expect(early.status).toBe(409);
    expect(early.json().code).toBe('PACTS.SIGNATURE_REQUIRED');
    const superseded = await request(w.as.coordinator, 'POST', `/api/pact-versions/${v1}/status`, { version: version + 2, to: 'superseded' });
    expect(superseded.json().code).toBe('PACTS.FORBIDDEN_TRANSITION');
  });

  it('tells each caller whom they may sign for: their current legal representative roles only', async () => {
    const asRepresentative = (await request(rep.requester1, 'GET', `/api/pacts/${pactId}`)).json();
    expect(asRepresentative.representedOrganizations.map((organization) => organization.organizationId)).toEqual([w.org.requester1]);
    expect(asRepresentative.representedOrganizations[0]!.organizationName).toEqual(expect.any(String));
    // A former legal representative (the role ended) and a coordinator sign for no one.
    expect((await request(notRep, 'GET', `/api/pacts/${pactId}`)).json().representedOrganizations).toEqual([]);
    expect((await pact()).representedOrganizations).toEqual([]);
    expect((await request(w.as.coordinator, 'GET', `/api/pacts?districtId=${w.districtId}`)).json().items[0]!.startsOn).toBe('2026-02-01');
  });

  it('lets only a current legal representative sign, with the password re-entered, once per organization', async () => {
    const before = await snapshot();
    const notLegal = await request(notRep, 'POST', `/api/pact-versions/${v1}/sign`, { organizationId: w.org.requester2 });
    expect(notLegal.status).toBe(403);
    expect(notLegal.json().code).toBe('PACTS.NOT_LEGAL_REPRESENTATIVE');
    // A legal representative of another organization does not sign for this one.
    const forOther = await request(rep.requester1, 'POST', `/api/pact-versions/${v1}/sign`, { organizationId: w.org.requester2 });
    expect(forOther.json().code).toBe('PACTS.NOT_LEGAL_REPRESENTATIVE');
    expect((await request(w.as.coordinator, 'POST', `/api/pact-versions/${v1}/sign`, { organizationId: w.org.requester1 })).json().code).toBe('PACTS.NOT_LEGAL_REPRESENTATIVE');
    expect((await request(null, 'POST', `/api/pact-versions/${v1}/sign`, { organizationId: w.org.requester1 })).status).toBe(401);
    await expireReauthentication(repUserId.requester1);
    const stale = await request(rep.requester1, 'POST', `/api/pact-versions/${v1}/sign`, { organizationId: w.org.requester1 });
    expect(stale.status).toBe(401);
    expect(stale.json().code).toBe('AUTH.REAUTHENTICATION_REQUIRED');
    expect(await snapshot()).toBe(before);

    const proven = await w.t.app.inject({ method: 'POST', url: '/api/auth/reauthenticate', headers: rep.requester1.writeHeaders, payload: { password: TEST_PASSWORD } });
    expect(proven.statusCode).toBe(200);
    const signed = await request(rep.requester1, 'POST', `/api/pact-versions/${v1}/sign`, { organizationId: w.org.requester1 });
    expect(signed.status).toBe(201);
    const signature = signed.json().versions[0]!.signatures[0]!;
    expect(signature).toMatchObject({ organizationId: w.org.requester1, kind: 'signature', status: 'valid', signerName: 'Anna Legale', textSha256: sha256(TEXT_V1), textUnchanged: true, versionNumber: 1 });
    expect(signed.json().hasChangedSignedText).toBe(false);

    const afterSigning = await snapshot();
    const again = await request(rep.requester1, 'POST', `/api/pact-versions/${v1}/sign`, { organizationId: w.org.requester1 });
    expect(again.status).toBe(409);
    expect(again.json().code).toBe('PACTS.ALREADY_SIGNED');
    expect(fieldsOf(again)).toEqual(['organizationId']);
    expect(await snapshot()).toBe(afterSigning);
    expect(await auditCount('pacts.sign-pact')).toBe(1);

    expect((await request(rep.provider1, 'POST', `/api/pact-versions/${v1}/sign`, { organizationId: w.org.provider1 })).status).toBe(201);
  });

  it('brings the version into force; a later signature is an adhesion pending until the district approves it', async () => {
    const { version } = await versionOf(v1);
    const inForce = await request(w.as.coordinator, 'POST', `/api/pact-versions/${v1}/status`, { version, to: 'in_force' });
    expect(inForce.status).toBe(200);
    expect(inForce.json().inForceNumber).toBe(1);
    const joined = await request(rep.provider2, 'POST', `/api/pact-versions/${v1}/sign`, { organizationId: w.org.provider2 });
    expect(joined.status).toBe(201);
    const pending = joined.json().versions[0]!.signatures.find((signature) => signature.organizationId === w.org.provider2)!;
    expect(pending.status).toBe('pending');
    // A pending adhesion is no signatory yet: no commitment for it.
    const early = await request(w.as.coordinator, 'POST', `/api/pacts/${pactId}/commitments`, { organizationId: w.org.provider2, text: 'Impegno prematuro' });
    expect(early.json().code).toBe('PACTS.NOT_A_SIGNATORY');

    expect((await request(rep.provider2, 'POST', `/api/pact-signatures/${pending.id}/decision`, { version: pending.version, decision: 'approve' })).status).toBe(403);
    expect((await request(w.as.otherCoordinator, 'POST', `/api/pact-signatures/${pending.id}/decision`, { version: pending.version, decision: 'approve' })).status).toBe(404);
    const approved = await request(w.as.coordinator, 'POST', `/api/pact-signatures/${pending.id}/decision`, { version: pending.version, decision: 'approve', note: 'Cabina di regia del 3 marzo' });
    expect(approved.status).toBe(200);
    expect(approved.json().versions[0]!.signatures.find((signature) => signature.id === pending.id)).toMatchObject({ status: 'valid', decisionNote: 'Cabina di regia del 3 marzo' });
    const twice = await request(w.as.coordinator, 'POST', `/api/pact-signatures/${pending.id}/decision`, { version: pending.version + 1, decision: 'reject' });
    expect(twice.json().code).toBe('PACTS.NOT_PENDING');
    expect(await auditCount('pacts.decide-adhesion')).toBe(1);
  });

  it('reports a text changed after it was signed', async () => {
    await w.t.db.pool.query('update pact_versions set body = $2 where id = $1', [v1, `${TEXT_V1}\nAggiunta non firmata.`]);
    const tampered = await pact();
    expect(tampered.hasChangedSignedText).toBe(true);
    expect(tampered.versions[0]!.signatures.every((signature) => !signature.textUnchanged)).toBe(true);
    await w.t.db.pool.query('update pact_versions set body = $2 where id = $1', [v1, TEXT_V1]);
    expect((await pact()).hasChangedSignedText).toBe(false);
  });

  it('amends the pact: a new draft, its diff article by article, acknowledgements, and the old version superseded', async () => {
    const amended = await request(w.as.coordinator, 'POST', `/api/pacts/${pactId}/amendments`);
    expect(amended.status).toBe(201);
    const draft = amended.json().versions[0]!;
    expect(draft).toMatchObject({ number: 2, status: 'draft', body: TEXT_V1 });
    v2 = draft.id;
    const second = await request(w.as.coordinator, 'POST', `/api/pacts/${pactId}/amendments`);
    expect(second.status).toBe(409);
    expect(second.json().code).toBe('PACTS.AMENDMENT_IN_PROGRESS');
    expect((await request(w.as.provider1, 'POST', `/api/pacts/${pactId}/amendments`)).status).toBe(403);
    await request(w.as.coordinator, 'PATCH', `/api/pact-versions/${v2}`, { version: draft.version, body: TEXT_V2 });
    // A member does not see the draft, nor diff it.
    expect((await request(w.as.provider1, 'GET', `/api/pacts/${pactId}/diff?from=${v1}&to=${v2}`)).status).toBe(404);
    await request(w.as.coordinator, 'POST', `/api/pact-versions/${v2}/status`, { version: draft.version + 1, to: 'open_for_signature' });

    const diff = await request(w.as.provider1, 'GET', `/api/pacts/${pactId}/diff?from=${v1}&to=${v2}`);
    expect(diff.status).toBe(200);
    expect(diff.json().articles.map((article) => [article.number, article.change])).toEqual([
      [null, 'unchanged'],
      ['1', 'changed'],
      ['2', 'unchanged'],
      ['3', 'added'],
    ]);

    const open = await versionOf(v2);
    expect(open.acknowledgements.map((entry) => [entry.organizationId, entry.hasAcknowledged]).sort()).toEqual(
      [[w.org.requester1, false], [w.org.provider1, false], [w.org.provider2, false]].sort(),
    );
    const acknowledged = await request(rep.requester1, 'POST', `/api/pact-versions/${v2}/acknowledge`, { organizationId: w.org.requester1 });
    expect(acknowledged.status).toBe(201);
    const v2Now = acknowledged.json().versions.find((version) => version.id === v2)!;
    expect(v2Now.signatures[0]).toMatchObject({ kind: 'acknowledgement', status: 'valid', textSha256: sha256(TEXT_V2) });
    expect(v2Now.acknowledgements.find((entry) => entry.organizationId === w.org.requester1)!.hasAcknowledged).toBe(true);
    expect(v2Now.acknowledgements.filter((entry) => !entry.hasAcknowledged)).toHaveLength(2);
    // Only a signatory of version 1 acknowledges; another organization signs.
    const stranger = await request(rep.requester3, 'POST', `/api/pact-versions/${v2}/acknowledge`, { organizationId: w.org.requester3 });
    expect(stranger.status).toBe(409);
    expect(stranger.json().code).toBe('PACTS.NOT_PREVIOUS_SIGNATORY');
    expect(await auditCount('pacts.acknowledge-amendment')).toBe(1);

    const { version } = await versionOf(v2);
    const inForce = await request(w.as.coordinator, 'POST', `/api/pact-versions/${v2}/status`, { version, to: 'in_force' });
    expect(inForce.json().versions.map((entry) => [entry.number, entry.status])).toEqual([[2, 'in_force'], [1, 'superseded']]);
    const late = await request(rep.provider1, 'POST', `/api/pact-versions/${v1}/sign`, { organizationId: w.org.provider1 });
    expect(late.json().code).toBe('PACTS.VERSION_NOT_SIGNABLE');
  });

  it('takes commitments only for signatories, by a manager or the signatory itself, and lists late ones first', async () => {
    const before = await snapshot();
    const stranger = await request(w.as.coordinator, 'POST', `/api/pacts/${pactId}/commitments`, { organizationId: w.org.requester3, text: 'Non firmatario' });
    expect(stranger.status).toBe(409);
    expect(stranger.json().code).toBe('PACTS.NOT_A_SIGNATORY');
    expect(fieldsOf(stranger)).toEqual(['organizationId']);
    // A legal representative commits its own organization, not another.
    expect((await request(rep.requester1, 'POST', `/api/pacts/${pactId}/commitments`, { organizationId: w.org.provider1, text: 'Per altri' })).status).toBe(403);
    expect((await request(w.as.provider1, 'POST', `/api/pacts/${pactId}/commitments`, { organizationId: w.org.provider1, text: 'Da un socio' })).status).toBe(403);
    expect(await snapshot()).toBe(before);

    const own = await request(rep.requester1, 'POST', `/api/pacts/${pactId}/commitments`, { organizationId: w.org.requester1, text: 'Mappare i servizi', dueOn: addDays(todayInItaly(), 30) });
    expect(own.status).toBe(201);
    const recurring = (await request(w.as.coordinator, 'POST', `/api/pacts/${pactId}/commitments`, { organizationId: w.org.provider1, text: 'Relazione trimestrale', dueOn: '2030-01-31', recurrence: 'quarterly' })).json();
    const done = await request(rep.provider1, 'PATCH', `/api/pact-commitments/${recurring.id}`, { version: recurring.version, status: 'done', note: 'Consegnata' });
    expect(done.status).toBe(200);
    expect(done.json()).toMatchObject({ status: 'on_track', dueOn: '2030-04-30' });
    expect(done.json().updates).toEqual([expect.objectContaining({ status: 'done', note: 'Consegnata' })]);
    const history = await request(w.as.provider1, 'GET', `/api/pact-commitments/${recurring.id}`);
    expect(history.status).toBe(200);
    expect(history.json()).toMatchObject({ id: recurring.id, status: 'on_track', updates: [{ status: 'done', note: 'Consegnata' }] });
    expect((await request(w.as.outsider, 'GET', `/api/pact-commitments/${recurring.id}`)).status).toBe(404);
    // Evidence: the signatory's legal representative attaches a file; the pact's readers list it; a member who is not its legal representative may not attach.
    const upload = (who: SignedIn) => {
      const { payload, headers } = multipartBody('relazione.pdf', PDF_MINIMAL);
      return w.t.app.inject({ method: 'POST', url: `/api/files/pacts.commitment/${recurring.id}`, payload, headers: { ...who.writeHeaders, ...headers } });
    };
    expect((await upload(rep.provider1)).statusCode).toBe(201);
    expect((await upload(w.as.provider1)).statusCode).toBe(403);
    expect((await upload(rep.requester1)).statusCode).toBe(403);
    const files = await request(w.as.provider1, 'GET', `/api/files/pacts.commitment/${recurring.id}`);
    expect(files.status).toBe(200);
    expect((files.json() as unknown as { items: { name: string }[] }).items.map((file) => file.name)).toEqual(['relazione.pdf']);
    expect((await request(w.as.outsider, 'GET', `/api/files/pacts.commitment/${recurring.id}`)).status).toBe(404);
    const late = (await request(w.as.coordinator, 'POST', `/api/pacts/${pactId}/commitments`, { organizationId: w.org.provider2, text: 'Aprire lo sportello' })).json();
    await request(w.as.coordinator, 'PATCH', `/api/pact-commitments/${late.id}`, { version: late.version, status: 'late', note: 'Sede non trovata' });

    const dashboard = await request(w.as.provider1, 'GET', `/api/pacts/${pactId}/dashboard`);
    expect(dashboard.status).toBe(200);
    expect(dashboard.json().commitments[0]!.id).toBe(late.id);
    expect(dashboard.json().commitmentTotal).toBe(3);
    expect(dashboard.json().signatories[0]).toMatchObject({ organizationId: w.org.provider2, counts: { late: 1, planned: 0, on_track: 0, done: 0, dropped: 0 } });
    expect(dashboard.json().signatories.map((row) => row.organizationId).sort()).toEqual([w.org.requester1, w.org.provider1, w.org.provider2].sort());
    expect(dashboard.json()).toMatchObject({ totals: { planned: 1, on_track: 1, late: 1, done: 0, dropped: 0 }, page: 1, pageSize: 50, signatoryTotal: 3 });
    // A page past the end still tells how many signatories there are; one signatory's commitments only.
    expect((await request(w.as.provider1, 'GET', `/api/pacts/${pactId}/dashboard?page=2`)).json()).toMatchObject({ signatories: [], signatoryTotal: 3, page: 2, commitmentTotal: 3 });
    const ofProvider1 = (await request(w.as.provider1, 'GET', `/api/pacts/${pactId}/dashboard?organizationId=${w.org.provider1}`)).json();
    expect(ofProvider1.commitments.map((entry) => entry.id)).toEqual([recurring.id]);
    expect(ofProvider1).toMatchObject({ commitmentTotal: 1, signatoryTotal: 3, totals: { late: 1 } });
    for (const query of ['page=0', 'page=due', 'organizationId=x', 'size=10']) {
      const refused = await request(w.as.provider1, 'GET', `/api/pacts/${pactId}/dashboard?${query}`);
      expect(refused.status, query).toBe(400);
    }
    expect(fieldsOf(await request(w.as.provider1, 'GET', `/api/pacts/${pactId}/dashboard?page=0`))).toEqual(['querystring.page']);
    expect((await request(w.as.outsider, 'GET', `/api/pacts/${pactId}/dashboard`)).status).toBe(404);
    expect(await auditCount('pacts.create-commitment')).toBe(3);
    expect(await auditCount('pacts.update-commitment')).toBe(2);
  });

  it('marks overdue commitments late every morning and mails the signatory once (controlled clock)', async () => {
    const dueOn = '2026-05-10';
    const commitment = (await request(w.as.coordinator, 'POST', `/api/pacts/${pactId}/commitments`, { organizationId: w.org.requester1, text: 'Convocare il tavolo', dueOn })).json();
    const mails = async () => (await w.t.db.pool.query("select to_address, subject, body_text from mail_outbox where topic_type = 'pact_commitment' and topic_id = $1", [commitment.id])).rows;
    // On the due day it is not late yet.
    expect(await noticeLateCommitments(w.t.system, { now: morningOf(dueOn) })).toMatchObject({ markedLate: 0 });
    const run = await noticeLateCommitments(w.t.system, { now: morningOf(addDays(dueOn, 1)), linkBase: 'https://distretto.example.it' });
    expect(run).toEqual({ markedLate: 1, noticed: 1 });
    const sent = await mails();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe('Impegno in ritardo nel patto "Patto per il welfare di prova"');
    expect(sent[0]!.body_text).toContain('entro il 10 maggio 2026');
    // The link leads to the pact's commitments page, where the signatory writes what was done.
    expect(sent[0]!.body_text).toContain('Comunica al coordinamento del distretto');
    expect(sent[0]!.body_text).toContain(`https://distretto.example.it/patti/${pactId}/impegni`);
    const after = (await request(w.as.coordinator, 'GET', `/api/pacts/${pactId}/dashboard`)).json();
    expect(after.commitments.find((entry) => entry.id === commitment.id)!.status).toBe('late');
    // The next morning, and two processes at once: nothing more.
    const again = await Promise.all([
      noticeLateCommitments({ ...w.t.system, requestId: 'worker-1' }, { now: morningOf(addDays(dueOn, 2)) }),
      noticeLateCommitments({ ...w.t.system, requestId: 'worker-2' }, { now: morningOf(addDays(dueOn, 2)) }),
    ]);
    expect(again.every((result) => result.markedLate === 0)).toBe(true);
    expect(await mails()).toHaveLength(1);
    expect((await w.t.db.orm.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'pacts.mark-commitment-late' and entity_id = ${commitment.id}`)).rows[0]!.n).toBe(1);
    const someone: UseCaseContext = { ...w.t.system, actor: { kind: 'user', userId: repUserId.requester1, email: 'x@example.test', grants: [] } };
    await expect(noticeLateCommitments(someone)).rejects.toMatchObject({ code: 'ACCESS.FORBIDDEN' });
  });

  it('tells how the network grew: signatures over time, versions, commitments done', async () => {
    const response = await request(w.as.provider1, 'GET', `/api/pacts/${pactId}/timeline`);
    expect(response.status).toBe(200);
    const events = (response.json() as unknown as TPactTimeline).events;
    const signatures = events.filter((event) => event.kind === 'signature');
    expect(signatures.map((event) => event.organizationId)).toEqual([w.org.requester1, w.org.provider1, w.org.provider2]);
    expect(signatures.map((event) => event.signatoryCount)).toEqual([1, 2, 3]);
    expect(events.filter((event) => event.kind === 'acknowledgement').map((event) => [event.organizationId, event.versionNumber])).toEqual([[w.org.requester1, 2]]);
    expect(events.filter((event) => event.kind === 'version').map((event) => [event.versionNumber, event.versionStatus]).sort()).toEqual([[1, 'superseded'], [2, 'in_force']]);
    expect(events.filter((event) => event.kind === 'commitment_done').map((event) => event.text)).toEqual(['Relazione trimestrale']);
    expect(events.map((event) => event.at)).toEqual([...events.map((event) => event.at)].sort());
    expect((await request(w.as.outsider, 'GET', `/api/pacts/${pactId}/timeline`)).status).toBe(404);
  });

  it('shows a public pact to anyone, drafts excluded', async () => {
    const { version } = await pact();
    expect((await request(w.as.coordinator, 'PATCH', `/api/pacts/${pactId}`, { version, isPublic: true })).status).toBe(200);
    const anonymous = await request(null, 'GET', `/api/pacts/${pactId}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.json().versions.map((entry) => entry.number)).toEqual([2, 1]);
    expect((await request(w.as.outsider, 'GET', `/api/pacts?districtId=${w.districtId}`)).json().items.map((item) => item.id)).toEqual([pactId]);
    const stale = await request(w.as.coordinator, 'PATCH', `/api/pacts/${pactId}`, { version, isPublic: false });
    expect(stale.json().code).toBe('COMMON.STALE_VERSION');
  });

  it('gives the public page a public pact without sign-in, and nothing private; a private or unknown pact is not found alike', async () => {
    const seen = await request(null, 'GET', `/api/public/pacts/${pactId}`);
    expect(seen.status).toBe(200);
    const page = seen.json();
    expect(page).toMatchObject({ id: pactId, title: 'Patto per il welfare di prova', version: { number: 2, status: 'in_force' } });
    expect(page.signatories.map((row) => row.organizationId)).toEqual([w.org.requester1, w.org.provider1, w.org.provider2]);
    expect(page.commitmentTotal).toBe(page.commitments.length);
    expect(page.commitments.length).toBeGreaterThan(0);
    // No signer, no e-mail, no adhesion decision, no commitment note.
    for (const secret of ['Anna Legale', 'Bruno Legale', 'Carla Legale', '@', 'Cabina di regia del 3 marzo', 'Consegnata', 'Sede non trovata', 'pending', 'signerName', 'decisionNote']) expect(seen.body, secret).not.toContain(secret);
    const { version } = await pact();
    expect((await request(w.as.coordinator, 'PATCH', `/api/pacts/${pactId}`, { version, isPublic: false })).status).toBe(200);
    const hidden = await request(null, 'GET', `/api/public/pacts/${pactId}`);
    const unknown = await request(null, 'GET', `/api/public/pacts/${randomUUID()}`);
    expect([hidden.status, unknown.status]).toEqual([404, 404]);
    const withoutIds = (body: string) => ({ ...JSON.parse(body.replaceAll(pactId, 'ID').replace(/[0-9a-f-]{36}/g, 'ID')), requestId: null });
    expect(withoutIds(hidden.body)).toEqual(withoutIds(unknown.body));
    // Signed in makes no difference: the public read is for public pacts only.
    expect((await request(w.as.coordinator, 'GET', `/api/public/pacts/${pactId}`)).status).toBe(404);
    expect((await request(null, 'GET', `/api/public/pacts/not-a-uuid`)).status).toBe(400);
  });

  it("lets an organization from outside the district follow its own adhesion to a public pact, which other readers do not see", async () => {
    expect((await request(w.as.coordinator, 'PATCH', `/api/pacts/${pactId}`, { version: (await pact()).version, isPublic: true })).status).toBe(200);
    const user = await createTestUser(w.t.system, [{ role: 'organization_admin', organizationId: w.org.outsider }]);
    await addPersonRole(w.t.system, w.org.outsider, { fullName: 'Elena Esterna', userId: user.id, role: 'legal_representative', startedOn: '2020-01-01' });
    const outsiderRep = await signIn(w.t.app, user.email);
    const inForce = (await pact()).versions.find((version) => version.status === 'in_force')!;
    const joined = await request(outsiderRep, 'POST', `/api/pact-versions/${inForce.id}/sign`, { organizationId: w.org.outsider });
    expect(joined.status).toBe(201);
    const ownRow = (read: Json) => read.versions.find((version) => version.id === inForce.id)!.signatures.find((signature) => signature.organizationId === w.org.outsider);
    expect(ownRow(joined.json())).toMatchObject({ status: 'pending', signerName: 'Elena Esterna' });
    const pending = ownRow(await pact())!;
    const rejected = await request(w.as.coordinator, 'POST', `/api/pact-signatures/${pending.id}/decision`, { version: pending.version, decision: 'reject', note: 'Fuori dal territorio del patto' });
    expect(rejected.status).toBe(200);
    // Its own people read the refusal and why; an anonymous reader of the public pact sees nothing of it.
    expect(ownRow((await request(outsiderRep, 'GET', `/api/pacts/${pactId}`)).json())).toMatchObject({ status: 'rejected', decisionNote: 'Fuori dal territorio del patto' });
    const anonymous = await request(null, 'GET', `/api/pacts/${pactId}`);
    expect(ownRow(anonymous.json())).toBeUndefined();
    expect(anonymous.body).not.toContain('Fuori dal territorio del patto');
  });
});
