import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestUser, signIn, type SignedIn, type TestApp } from '../../platform/testing/test-app';
import { createDistrict, districtsModule } from '../districts';
import { loadTerritoryFixture, territoryModule } from '../territory';
import { createOrganization, organizationsModule } from '../organizations';

const PINEROLO = '001191';
const TORRE_PELLICE = '001275';
const CUNEO = '004078';

/**
 * Issue 11, "Cross-tenant holes" 1, 3 and 5: two districts, each with its coordinator; an organization of district 1
 * with private fields that district 2 must never read or change.
 */
describe('organizations across two districts', () => {
  let t: TestApp;
  let district1: string;
  let district2: string;
  let orgA: { id: string; fiscalCode: string };
  let orgB: string;
  let consortium: string;
  let as: Record<'admin' | 'coordinator1' | 'coordinator2' | 'adminA' | 'adminB' | 'adminConsortium' | 'memberB', SignedIn>;

  const PRIVATE_PHONE = '+39 0121 444 5566';
  const PRIVATE_NOTES = 'Nota riservata: pangolino-cross-tenant';

  beforeAll(async () => {
    t = await createTestApp([territoryModule, organizationsModule, districtsModule]);
    await loadTerritoryFixture(t.db);
    const a = await createOrganization(t.system, {
      legalName: 'Cooperativa sociale Aurora', kind: 'social_cooperative_a', municipalityCode: PINEROLO, fiscalCode: '94512300016',
      email: 'info@aurora.example', phone: PRIVATE_PHONE, notes: PRIVATE_NOTES,
    });
    orgA = { id: a.id, fiscalCode: '94512300016' };
    orgB = (await createOrganization(t.system, { legalName: 'Associazione Borgo Vivo', kind: 'aps', municipalityCode: TORRE_PELLICE, phone: '0121 777888' })).id;
    consortium = (await createOrganization(t.system, { legalName: 'Consorzio Valli Solidali', kind: 'social_cooperative_a', municipalityCode: PINEROLO })).id;
    district1 = (await createDistrict(t.system, { name: 'Distretto uno', municipalityCodes: [PINEROLO, TORRE_PELLICE], memberOrganizationIds: [orgA.id] })).id;
    district2 = (await createDistrict(t.system, { name: 'Distretto due', municipalityCodes: [CUNEO] })).id;
    const user = async (grants: Parameters<typeof createTestUser>[1]) => signIn(t.app, (await createTestUser(t.system, grants)).email);
    as = {
      admin: await user([{ role: 'platform_admin' }]),
      coordinator1: await user([{ role: 'district_coordinator', districtId: district1 }]),
      coordinator2: await user([{ role: 'district_coordinator', districtId: district2 }]),
      adminA: await user([{ role: 'organization_admin', organizationId: orgA.id }]),
      adminB: await user([{ role: 'organization_admin', organizationId: orgB }]),
      memberB: await user([{ role: 'organization_member', organizationId: orgB }]),
      adminConsortium: await user([{ role: 'organization_admin', organizationId: consortium }]),
    };
  });
  afterAll(() => t.close());

  const get = (url: string, who: SignedIn | null) => t.app.inject({ url, headers: who ? { cookie: who.cookie } : {} });
  const post = (url: string, who: SignedIn, payload?: object) =>
    t.app.inject({ method: 'POST', url, headers: who.writeHeaders, ...(payload ? { payload } : {}) });
  const storedA = async () =>
    (await t.db.pool.query('select legal_name, email, phone, notes, status, version from organizations where id = $1', [orgA.id])).rows[0];

  const csv = (rows: string[]) => ({
    fileName: 'attacco.csv',
    contentBase64: Buffer.from(['ragione_sociale;tipo;codice_fiscale;email;telefono;note;stato', ...rows].join('\n'), 'utf8').toString('base64'),
  });
  const hostileRow = `Aurora (presa);cooperativa_sociale_a;${'94512300016'};attaccante@example.test;333 0000000;sovrascritte;cessata`;

  async function runImport(who: SignedIn, upload: ReturnType<typeof csv>) {
    const started = await post('/api/organizations/imports', who, upload);
    expect(started.statusCode, started.body).toBe(202);
    let report = started.json();
    for (let attempt = 0; attempt < 300 && report.status === 'running'; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      report = (await get(`/api/organizations/imports/${started.json().importId}`, who)).json();
    }
    return report;
  }

  describe('finding 1: an import checks the single edit right row by row', () => {
    it('finding 1: a coordinator of district 2 importing a row with a district-1 organization\'s fiscal code gets the row refused, the organization unchanged (dry run and import)', async () => {
      const before = await storedA();
      // The same user may not edit it one by one…
      const patch = await t.app.inject({ method: 'PATCH', url: `/api/organizations/${orgA.id}`, headers: as.coordinator2.writeHeaders, payload: { email: 'attaccante@example.test', version: before.version } });
      expect(patch.statusCode).toBe(403);
      // …nor through a file: the row is refused with its line and reason, in the dry run and in the import.
      const upload = csv(['Nuova Impresa Cuneese;impresa;;;;;attiva', hostileRow]);
      const dry = await post('/api/organizations/imports/dry-run', as.coordinator2, upload);
      expect(dry.statusCode, dry.body).toBe(200);
      expect(dry.json()).toMatchObject({ isDryRun: true, created: 1, updated: 0, rejected: [{ line: 3, reason: expect.stringContaining('codice_fiscale: 94512300016 may not update') }] });
      const report = await runImport(as.coordinator2, upload);
      expect(report).toMatchObject({ status: 'completed', created: 1, updated: 0, rejected: [{ line: 3, reason: expect.stringContaining('may not update') }] });
      expect(await storedA()).toEqual(before);
      const versions = await t.db.pool.query("select count(*)::int as n from organization_versions where organization_id = $1 and change like 'updated by import%'", [orgA.id]);
      expect(versions.rows[0].n).toBe(0);
    });

    it('finding 1: the coordinator of the organization\'s own district still updates it by import', async () => {
      const report = await runImport(as.coordinator1, csv([`Cooperativa sociale Aurora;cooperativa_sociale_a;94512300016;segreteria@aurora.example;;;attiva`]));
      expect(report).toMatchObject({ status: 'completed', updated: 1, rejected: [] });
      expect((await storedA()).email).toBe('segreteria@aurora.example');
    });
  });

  describe('finding 3: district membership needs the organization\'s consent', () => {
    it('finding 3: a coordinator\'s invitation admits nothing: no private fields, no edits, until the organization\'s admin accepts', async () => {
      const invited = await post(`/api/organizations/${orgA.id}/districts`, as.coordinator2, { districtId: district2, role: 'member' });
      expect(invited.statusCode, invited.body).toBe(201);
      expect(invited.json().private).toBeNull();
      expect(invited.body).not.toContain(PRIVATE_PHONE);
      const membership = invited.json().districts.find((d: { id: string }) => d.id === district2);
      expect(membership).toMatchObject({ status: 'invited', canAnswer: false, canWithdraw: true });
      // Every read after it: still public fields only; no edit.
      const profile = await get(`/api/organizations/${orgA.id}`, as.coordinator2);
      expect(profile.json()).toMatchObject({ private: null, canEdit: false });
      expect(profile.body).not.toContain(PRIVATE_NOTES);
      const version = profile.json().version;
      expect((await t.app.inject({ method: 'PATCH', url: `/api/organizations/${orgA.id}`, headers: as.coordinator2.writeHeaders, payload: { notes: 'presa', version } })).statusCode).toBe(403);
      // The district lists its pending invitation with public fields only.
      const pending = await get(`/api/districts/${district2}/pending-memberships`, as.coordinator2);
      expect(pending.statusCode).toBe(200);
      expect(pending.json().items).toEqual([expect.objectContaining({ membershipId: membership.membershipId, status: 'invited', organization: expect.objectContaining({ id: orgA.id }), canAnswer: false, canWithdraw: true })]);
      expect(pending.body).not.toContain(PRIVATE_PHONE);
      expect((await get(`/api/districts/${district2}/pending-memberships`, as.coordinator1)).statusCode).toBe(403);
      // The organization's admin sees it on their home and declines: still nothing.
      const own = (await get('/api/organizations/pending-memberships', as.adminA)).json();
      expect(own.items).toEqual([expect.objectContaining({ membershipId: membership.membershipId, district: { id: district2, name: 'Distretto due' }, canAnswer: true, canWithdraw: false })]);
      const declined = await post(`/api/organizations/${orgA.id}/districts/${membership.membershipId}/decline`, as.adminA);
      expect(declined.statusCode, declined.body).toBe(200);
      expect((await get(`/api/organizations/${orgA.id}`, as.coordinator2)).json().private).toBeNull();
      expect((await post(`/api/organizations/${orgA.id}/districts/${membership.membershipId}/accept`, as.adminA)).statusCode).toBe(409);
      // A new invitation, accepted: now the district's coordinator reads the private fields.
      const again = await post(`/api/organizations/${orgA.id}/districts`, as.coordinator2, { districtId: district2, role: 'observer' });
      const second = again.json().districts.find((d: { id: string; status: string }) => d.id === district2 && d.status === 'invited');
      expect((await post(`/api/organizations/${orgA.id}/districts/${second.membershipId}/accept`, as.coordinator2)).statusCode).toBe(403);
      const accepted = await post(`/api/organizations/${orgA.id}/districts/${second.membershipId}/accept`, as.adminA);
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect((await get(`/api/organizations/${orgA.id}`, as.coordinator2)).json().private.phone).toBe(PRIVATE_PHONE);
      const audit = await t.db.pool.query("select action from audit_log where entity_id = $1 and action like '%district-membership' order by id", [orgA.id]);
      expect(audit.rows.map((row) => row.action)).toEqual([
        'organizations.add-district-membership', 'organizations.decline-district-membership', 'organizations.add-district-membership', 'organizations.accept-district-membership',
      ]);
    });

    it('finding 3: an organization asks to join; the coordinator accepts; a pending request can be withdrawn; strangers get 404', async () => {
      const requested = await post(`/api/organizations/${orgB}/districts`, as.adminB, { districtId: district1, role: 'member' });
      expect(requested.statusCode, requested.body).toBe(201);
      const membership = requested.json().districts[0];
      expect(membership).toMatchObject({ status: 'requested', canAnswer: false, canWithdraw: true });
      expect((await get(`/api/organizations/${orgB}`, as.coordinator1)).json().private).toBeNull();
      // Someone who is neither party learns nothing about it.
      expect((await post(`/api/organizations/${orgB}/districts/${membership.membershipId}/accept`, as.coordinator2)).statusCode).toBe(404);
      // A member (not admin) of the organization cannot answer for it.
      expect((await post(`/api/organizations/${orgB}/districts/${membership.membershipId}/withdraw`, as.memberB)).statusCode).toBe(403);
      const pending = (await get(`/api/districts/${district1}/pending-memberships`, as.coordinator1)).json();
      expect(pending.items).toEqual([expect.objectContaining({ membershipId: membership.membershipId, status: 'requested', canAnswer: true })]);
      expect((await post(`/api/organizations/${orgB}/districts/${membership.membershipId}/accept`, as.coordinator1)).statusCode).toBe(200);
      expect((await get(`/api/organizations/${orgB}`, as.coordinator1)).json().private.phone).toBe('0121 777888');
      // A request to the other district, withdrawn before anyone answers.
      const toOther = await post(`/api/organizations/${orgB}/districts`, as.adminB, { districtId: district2, role: 'observer' });
      const other = toOther.json().districts.find((d: { id: string }) => d.id === district2);
      const withdrawn = await post(`/api/organizations/${orgB}/districts/${other.membershipId}/withdraw`, as.adminB);
      expect(withdrawn.json().districts.find((d: { id: string }) => d.id === district2)).toMatchObject({ status: 'withdrawn', canAnswer: false });
      expect((await get(`/api/districts/${district2}/pending-memberships`, as.coordinator2)).json().items).toEqual([]);
      expect((await get(`/api/organizations/${orgB}`, as.coordinator2)).json().private).toBeNull();
    });
  });

  describe('finding 5: import reports and declared relationships', () => {
    it('finding 5: an import report is read by the user who ran it and platform admins, not by another coordinator', async () => {
      const report = await runImport(as.coordinator1, csv(['Circolo del Borgo;aps;;;;;attiva', 'Senza Tipo;;;;;;attiva']));
      expect(report.rejected).toHaveLength(1);
      const url = `/api/organizations/imports/${report.importId}`;
      expect((await get(url, as.coordinator1)).statusCode).toBe(200);
      expect((await get(url, as.admin)).statusCode).toBe(200);
      const other = await get(url, as.coordinator2);
      expect(other.statusCode).toBe(404);
      expect(other.body).not.toContain('Senza Tipo');
    });

    it("finding 5: a declared relationship shows on the named organization's public profile only after its admins confirm it", async () => {
      const declared = await post(`/api/organizations/${orgB}/relationships`, as.adminB, { toOrganizationId: consortium, kind: 'consortium_member' });
      expect(declared.statusCode, declared.body).toBe(201);
      const relationship = declared.json().relationships[0];
      expect(relationship).toMatchObject({ status: 'pending', canAnswer: false, organization: { id: consortium } });
      // Not public yet, on either profile.
      expect((await get(`/api/organizations/${consortium}`, null)).json().relationships).toEqual([]);
      expect((await get(`/api/organizations/${orgB}`, null)).json().relationships).toEqual([]);
      // The declaring organization cannot confirm it for the consortium; the consortium's admin sees it and can.
      expect((await post(`/api/organizations/${consortium}/relationships/${relationship.id}/confirm`, as.adminB)).statusCode).toBe(403);
      expect((await post(`/api/organizations/${consortium}/relationships/${relationship.id}/confirm`, as.coordinator2)).statusCode).toBe(404);
      expect((await get(`/api/organizations/${consortium}`, as.adminConsortium)).json().relationships).toEqual([
        expect.objectContaining({ id: relationship.id, direction: 'incoming', status: 'pending', canAnswer: true }),
      ]);
      const confirmed = await post(`/api/organizations/${consortium}/relationships/${relationship.id}/confirm`, as.adminConsortium);
      expect(confirmed.statusCode, confirmed.body).toBe(200);
      expect((await get(`/api/organizations/${consortium}`, null)).json().relationships).toEqual([
        expect.objectContaining({ id: relationship.id, direction: 'incoming', status: 'confirmed', organization: { id: orgB, name: 'Associazione Borgo Vivo' } }),
      ]);
      // A declined one never shows publicly.
      const second = (await post(`/api/organizations/${orgB}/relationships`, as.adminB, { toOrganizationId: consortium, kind: 'supplier' })).json().relationships.find((r: { kind: string }) => r.kind === 'supplier');
      expect((await post(`/api/organizations/${consortium}/relationships/${second.id}/decline`, as.adminConsortium)).statusCode).toBe(200);
      expect((await get(`/api/organizations/${consortium}`, null)).json().relationships.map((r: { id: string }) => r.id)).toEqual([relationship.id]);
      const audit = await t.db.pool.query("select action from audit_log where entity_id = $1 and action like '%relationship' order by id", [consortium]);
      expect(audit.rows.map((row) => row.action)).toEqual(['organizations.confirm-relationship', 'organizations.decline-relationship']);
    });
  });
});
