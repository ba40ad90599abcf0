import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestUser, signIn, type SignedIn, type TestApp } from '../../platform/testing/test-app';
import { createDistrict, districtsModule } from '../districts';
import { loadTerritoryFixture, territoryModule } from '../territory';
import { createOrganization, organizationsModule } from '../organizations';

const PINEROLO = '001191';
const TORRE_PELLICE = '001275';
const CUNEO = '004078';
const EXAMPLE = readFileSync(new URL('../../../data/examples/organizzazioni-pinerolese.csv', import.meta.url));

describe('organizations over HTTP', () => {
  let t: TestApp;
  let districtId: string;
  let memberOrgId: string;
  let admin: SignedIn;
  let coordinator: SignedIn;
  let member: SignedIn;
  let outsiders: Record<string, SignedIn | null>;

  // Private values, each unique so a leak anywhere in a response body is found by a plain substring search.
  const PRIVATE = {
    phone: '+39 0121 555 7788',
    notes: 'Nota riservata: trattativa convenzione zebra-quokka',
    personName: 'Ottavia Riservatissima',
    personEmail: 'ottavia.riservata@example.test',
    personPhone: '333 9988776',
  };

  beforeAll(async () => {
    t = await createTestApp([territoryModule, organizationsModule, districtsModule]);
    await loadTerritoryFixture(t.db);
    const memberOrg = await createOrganization(t.system, {
      legalName: 'Cooperativa sociale Aurora', kind: 'social_cooperative_a', municipalityCode: PINEROLO, fiscalCode: '94512300016',
      description: 'Servizi educativi per la prima infanzia', tags: ['infanzia'],
    });
    memberOrgId = memberOrg.id;
    const district = await createDistrict(t.system, { name: 'Distretto di prova', municipalityCodes: [PINEROLO, TORRE_PELLICE], memberOrganizationIds: [memberOrgId] });
    districtId = district.id;
    const otherDistrict = await createDistrict(t.system, { name: 'Distretto di Cuneo', municipalityCodes: [CUNEO] });
    const otherOrg = await createOrganization(t.system, { legalName: 'Impresa estranea', kind: 'firm', municipalityCode: CUNEO });
    admin = await signIn(t.app, (await createTestUser(t.system, [{ role: 'platform_admin' }])).email);
    coordinator = await signIn(t.app, (await createTestUser(t.system, [{ role: 'district_coordinator', districtId }])).email);
    member = await signIn(t.app, (await createTestUser(t.system, [{ role: 'organization_admin', organizationId: memberOrgId }])).email);
    outsiders = {
      anonymous: null,
      'member of another organization': await signIn(t.app, (await createTestUser(t.system, [{ role: 'organization_member', organizationId: otherOrg.id }])).email),
      'coordinator of another district': await signIn(t.app, (await createTestUser(t.system, [{ role: 'district_coordinator', districtId: otherDistrict.id }])).email),
    };
    const profile = (await t.app.inject({ url: `/api/organizations/${memberOrgId}`, headers: { cookie: member.cookie } })).json();
    const patched = await t.app.inject({
      method: 'PATCH', url: `/api/organizations/${memberOrgId}`, headers: member.writeHeaders,
      payload: { phone: PRIVATE.phone, notes: PRIVATE.notes, version: profile.version },
    });
    expect(patched.statusCode).toBe(200);
    const person = await t.app.inject({
      method: 'POST', url: `/api/organizations/${memberOrgId}/people`, headers: member.writeHeaders,
      payload: { fullName: PRIVATE.personName, email: PRIVATE.personEmail, phone: PRIVATE.personPhone, role: 'legal_representative', startedOn: '2024-01-01' },
    });
    expect(person.statusCode).toBe(201);
  });
  afterAll(() => t.close());

  const get = (url: string, who: SignedIn | null) => t.app.inject({ url, headers: who ? { cookie: who.cookie } : {} });

  describe('fiscal codes', () => {
    it('refuses a mistyped fiscal code with 422 naming the field and the expected check digit', async () => {
      const response = await t.app.inject({
        method: 'POST', url: '/api/organizations', headers: admin.writeHeaders,
        payload: { legalName: 'Comune di Torino', kind: 'municipality', fiscalCode: '00514490020' },
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().details.fields).toEqual([{ path: 'body.fiscalCode', message: expect.stringContaining('should be 8, not 0') }]);
    });

    it('answers 409 with a link to the first organization when the fiscal code is taken', async () => {
      const response = await t.app.inject({
        method: 'POST', url: '/api/organizations', headers: admin.writeHeaders,
        payload: { legalName: 'Aurora cooperativa (doppione)', kind: 'social_cooperative_a', fiscalCode: '945 123 000 16' },
      });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({
        code: 'ORGANIZATIONS.DUPLICATE_FISCAL_CODE',
        details: { fields: [{ path: 'fiscalCode' }], existingOrganization: { id: memberOrgId, url: `/organizzazioni/${memberOrgId}` } },
      });
    });

    it('lets a district coordinator register an organization with a valid code, and refuses anonymous visitors', async () => {
      const payload = { legalName: 'Comune di Torino', kind: 'municipality', fiscalCode: '00514490010', municipalityCode: '001272' };
      expect((await t.app.inject({ method: 'POST', url: '/api/organizations', payload })).statusCode).toBe(401);
      const response = await t.app.inject({ method: 'POST', url: '/api/organizations', headers: coordinator.writeHeaders, payload });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ fiscalCode: '00514490010', sector: 'public', municipalityName: 'Torino', version: 1 });
    });
  });

  describe('people linked to accounts', () => {
    it("links a person only to an account of the organization, and lists those accounts to its editors only", async () => {
      const ownAccount = await createTestUser(t.system, [{ role: 'organization_member', organizationId: memberOrgId }]);
      const foreignAccount = await createTestUser(t.system, [{ role: 'organization_member', organizationId: (await createOrganization(t.system, { legalName: 'Altra associazione', kind: 'aps' })).id }]);
      const add = (userId: string) =>
        t.app.inject({ method: 'POST', url: `/api/organizations/${memberOrgId}/people`, headers: member.writeHeaders, payload: { fullName: 'Presidente Aurora', role: 'legal_representative', userId } });
      const peopleCount = async () => (await t.db.pool.query('select count(*)::int as n from person_roles where organization_id = $1', [memberOrgId])).rows[0].n;
      const before = await peopleCount();
      const refused = await add(foreignAccount.id);
      expect(refused.statusCode).toBe(422);
      expect(refused.json().details.fields).toEqual([expect.objectContaining({ path: 'userId' })]);
      expect(await peopleCount()).toBe(before);
      const linked = await add(ownAccount.id);
      expect(linked.statusCode).toBe(201);
      const people = linked.json().private.people as { fullName: string; hasAccount: boolean }[];
      expect(people.find((p) => p.fullName === 'Presidente Aurora')).toMatchObject({ hasAccount: true });
      expect(people.find((p) => p.fullName === PRIVATE.personName)).toMatchObject({ hasAccount: false });
      // The editor sees the organization's accounts to link, no other; a reader who may not edit gets none.
      expect(linked.json().private.accounts).toEqual(expect.arrayContaining([{ userId: ownAccount.id, name: expect.any(String) }]));
      expect(linked.json().private.accounts).not.toContainEqual(expect.objectContaining({ userId: foreignAccount.id }));
      const reader = await signIn(t.app, ownAccount.email);
      const asMember = (await get(`/api/organizations/${memberOrgId}`, reader)).json();
      expect(asMember).toMatchObject({ canEdit: false, private: { accounts: [] } });
    });
  });

  describe('private fields', () => {
    const privateEntries = Object.entries(PRIVATE);

    it('shows phone, notes and people to the organization and the coordinators of its district', async () => {
      for (const who of [member, coordinator, admin]) {
        const body = (await get(`/api/organizations/${memberOrgId}`, who)).body;
        for (const [, value] of privateEntries) expect(body).toContain(value);
      }
    });

    for (const [field, value] of Object.entries(PRIVATE)) {
      it(`hides ${field} from outsiders on every endpoint (profile, list, search, map, export)`, async () => {
        const urls = [
          `/api/organizations/${memberOrgId}`,
          '/api/organizations',
          `/api/organizations?q=${encodeURIComponent(value)}`,
          `/api/organizations?q=${encodeURIComponent(value.split(' ').at(-1)!)}`,
          `/api/organizations?districtId=${districtId}&includeInactive=true`,
          '/api/organizations/points',
          '/api/organizations/export.csv',
          `/api/organizations/export.csv?q=${encodeURIComponent(value)}`,
        ];
        for (const [label, who] of Object.entries(outsiders)) {
          for (const url of urls) {
            const response = await get(url, who);
            expect(response.statusCode, `${label} ${url}`).toBe(200);
            expect(response.body, `${label} reads ${field} through ${url}`).not.toContain(value);
          }
          // Searching for the private value finds nothing: it is not indexed.
          const search = (await get(`/api/organizations?q=${encodeURIComponent(value)}`, who)).json();
          expect(search.total, `${label} finds by ${field}`).toBe(0);
          const profile = (await get(`/api/organizations/${memberOrgId}`, who)).json();
          expect(profile.private).toBeNull();
          expect(profile.legalName).toBe('Cooperativa sociale Aurora');
        }
      });
    }

    it('does not name private fields in the history shown to outsiders', async () => {
      const outsiderHistory = (await get(`/api/organizations/${memberOrgId}`, null)).json().history;
      const memberHistory = (await get(`/api/organizations/${memberOrgId}`, member)).json().history;
      expect(memberHistory[0].changedFields).toEqual(expect.arrayContaining(['phone', 'notes']));
      expect(outsiderHistory[0].changedFields).not.toContain('phone');
      expect(outsiderHistory[0].changedBy).toBeNull();
    });
  });

  describe('editing', () => {
    it('versions every edit, refuses a stale version with 409 and shows the history', async () => {
      const current = (await get(`/api/organizations/${memberOrgId}`, member)).json();
      const ok = await t.app.inject({
        method: 'PATCH', url: `/api/organizations/${memberOrgId}`, headers: coordinator.writeHeaders,
        payload: { website: 'https://aurora.example', version: current.version },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().version).toBe(current.version + 1);
      const stale = await t.app.inject({
        method: 'PATCH', url: `/api/organizations/${memberOrgId}`, headers: member.writeHeaders,
        payload: { website: 'https://vecchio.example', version: current.version },
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('COMMON.STALE_VERSION');
      const profile = (await get(`/api/organizations/${memberOrgId}`, null)).json();
      expect(profile.website).toBe('https://aurora.example');
      expect(profile.history.map((h: { version: number }) => h.version)).toEqual([current.version + 1, ...current.history.map((h: { version: number }) => h.version)]);
      expect(profile.history[0]).toMatchObject({ change: 'updated', changedFields: ['website'] });
      const audit = await t.db.pool.query("select before->>'website' as before, after->>'website' as after from audit_log where kind = 'write' and action = 'organizations.update-organization' order by id desc limit 1");
      expect(audit.rows[0]).toEqual({ before: null, after: 'https://aurora.example' });
    });

    it('refuses edits by a member of another organization', async () => {
      const current = (await get(`/api/organizations/${memberOrgId}`, null)).json();
      const response = await t.app.inject({
        method: 'PATCH', url: `/api/organizations/${memberOrgId}`, headers: outsiders['member of another organization']!.writeHeaders,
        payload: { website: 'https://intruso.example', version: current.version },
      });
      expect(response.statusCode).toBe(403);
    });
  });

  describe('district memberships', () => {
    it('lets the coordinator invite an organization, which its admin accepts; then either side may end it; others are refused', async () => {
      const firm = await createOrganization(t.system, { legalName: 'Panetteria del Borgo', kind: 'firm', municipalityCode: TORRE_PELLICE, phone: '0121 123456' });
      const firmAdmin = await signIn(t.app, (await createTestUser(t.system, [{ role: 'organization_admin', organizationId: firm.id }])).email);
      expect((await get(`/api/organizations/${firm.id}`, coordinator)).json().private).toBeNull();
      const refused = await t.app.inject({
        method: 'POST', url: `/api/organizations/${firm.id}/districts`, headers: outsiders['coordinator of another district']!.writeHeaders,
        payload: { districtId, role: 'observer' },
      });
      expect(refused.statusCode).toBe(403);
      const invited = await t.app.inject({
        method: 'POST', url: `/api/organizations/${firm.id}/districts`, headers: coordinator.writeHeaders,
        payload: { districtId, role: 'observer', startedOn: '2025-03-01' },
      });
      expect(invited.statusCode).toBe(201);
      const membership = invited.json().districts[0];
      expect(membership).toMatchObject({ id: districtId, role: 'observer', startedOn: '2025-03-01', endedOn: null, status: 'invited', canAnswer: false, canWithdraw: true });
      // An invitation gives the district nothing: no private fields, not listed as a member.
      expect(invited.json().private).toBeNull();
      expect((await get(`/api/organizations?districtId=${districtId}`, null)).json().items.map((o: { id: string }) => o.id)).not.toContain(firm.id);
      // Nobody outside the two parties sees the invitation.
      expect((await get(`/api/organizations/${firm.id}`, null)).json().districts).toEqual([]);
      const again = await t.app.inject({ method: 'POST', url: `/api/organizations/${firm.id}/districts`, headers: coordinator.writeHeaders, payload: { districtId, role: 'member' } });
      expect(again.statusCode).toBe(409);
      // The coordinator cannot accept its own invitation; the organization's admin does.
      const selfAccept = await t.app.inject({ method: 'POST', url: `/api/organizations/${firm.id}/districts/${membership.membershipId}/accept`, headers: coordinator.writeHeaders });
      expect(selfAccept.statusCode).toBe(403);
      const seenByFirm = (await get(`/api/organizations/${firm.id}`, firmAdmin)).json().districts[0];
      expect(seenByFirm).toMatchObject({ status: 'invited', canAnswer: true, canWithdraw: false });
      const accepted = await t.app.inject({ method: 'POST', url: `/api/organizations/${firm.id}/districts/${membership.membershipId}/accept`, headers: firmAdmin.writeHeaders });
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect(accepted.json().districts[0]).toMatchObject({ status: 'accepted', canEnd: true });
      // Now a member of the coordinator's district: its private fields become visible to that coordinator.
      expect((await get(`/api/organizations/${firm.id}`, coordinator)).json().private.phone).toBe('0121 123456');
      expect((await get(`/api/organizations?districtId=${districtId}`, null)).json().items.map((o: { id: string }) => o.id)).toContain(firm.id);
      const badEnd = await t.app.inject({
        method: 'POST', url: `/api/organizations/${firm.id}/districts/${membership.membershipId}/end`, headers: coordinator.writeHeaders, payload: { endedOn: '2024-01-01' },
      });
      expect(badEnd.statusCode).toBe(422);
      const ended = await t.app.inject({
        method: 'POST', url: `/api/organizations/${firm.id}/districts/${membership.membershipId}/end`, headers: firmAdmin.writeHeaders, payload: { endedOn: '2025-12-31' },
      });
      expect(ended.statusCode).toBe(200);
      expect(ended.json().districts[0]).toMatchObject({ role: 'observer', endedOn: '2025-12-31' });
      expect((await get(`/api/organizations?districtId=${districtId}`, null)).json().items.map((o: { id: string }) => o.id)).not.toContain(firm.id);
      const audit = await t.db.pool.query("select action from audit_log where entity_id = $1 and action like '%membership' order by id", [firm.id]);
      expect(audit.rows.map((r) => r.action)).toEqual(['organizations.add-district-membership', 'organizations.accept-district-membership', 'organizations.end-district-membership']);
      // The rows are districts': its named writes record the district's side too, each with the row before and after.
      const districtAudit = await t.db.pool.query(
        "select action, before->>'status' as before_status, after->>'status' as after_status, after->>'ended_on' as ended_on from audit_log where entity_type = 'district' and entity_id = $1 and after->>'organization_id' = $2 order by id",
        [districtId, firm.id]);
      expect(districtAudit.rows).toEqual([
        { action: 'districts.record-membership', before_status: null, after_status: 'invited', ended_on: null },
        { action: 'districts.answer-membership', before_status: 'invited', after_status: 'accepted', ended_on: null },
        { action: 'districts.end-membership', before_status: 'accepted', after_status: 'accepted', ended_on: '2025-12-31' },
      ]);
    });
  });

  describe('directory', () => {
    it('searches in Italian (stems, accents) and filters by kind, district and tag', async () => {
      const stem = (await get('/api/organizations?q=educativo', null)).json();
      expect(stem.items.map((o: { id: string }) => o.id)).toContain(memberOrgId);
      // The last word is also a prefix, so results appear while typing; accents do not matter.
      expect((await get('/api/organizations?q=aurora%20coop', null)).json().items.map((o: { id: string }) => o.id)).toEqual([memberOrgId]);
      expect((await get('/api/organizations?q=EDUCATIVÒ', null)).json().total).toBeGreaterThan(0);
      expect((await get('/api/organizations?q=%27%3A*%20%26%20!', null)).statusCode).toBe(200);
      const byDistrict = (await get(`/api/organizations?districtId=${districtId}`, null)).json();
      expect(byDistrict.items.map((o: { id: string }) => o.id)).toEqual([memberOrgId]);
      const byTag = (await get('/api/organizations?tag=infanzia&kind=social_cooperative_a,aps', null)).json();
      expect(byTag.total).toBe(1);
      expect((await get('/api/organizations?kind=firm&tag=infanzia', null)).json().total).toBe(0);
      expect((await get('/api/organizations?kind=spaceship', null)).statusCode).toBe(400);
    });

    it('exports the filtered list as CSV with public columns', async () => {
      const response = await get(`/api/organizations/export.csv?districtId=${districtId}`, null);
      expect(response.headers['content-type']).toContain('text/csv');
      const lines = response.body.replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(lines[0]).toContain('ragione_sociale;nome_breve;tipo');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain('"Cooperativa sociale Aurora"');
      expect(lines[1]).toContain('"94512300016"');
    });

    it('serves map points at the municipality when the organization has none of its own', async () => {
      const points = (await get(`/api/organizations/points?districtId=${districtId}`, null)).json();
      expect(points.items).toHaveLength(1);
      expect(points.items[0].lat).toBeCloseTo(44.88, 1);
      // What the map's card and its boundaries need: the kind (named in words by the web) and the municipality (its province).
      expect(points.items[0]).toMatchObject({ id: memberOrgId, kind: 'social_cooperative_a', municipalityCode: PINEROLO });
    });
  });

  describe('duplicates and merge', () => {
    it('flags a probable duplicate and merges it, moving every reference and keeping history', async () => {
      const first = await createOrganization(t.system, { legalName: 'Associazione Amici della Val Pellice', kind: 'aps', municipalityCode: TORRE_PELLICE });
      const second = await createOrganization(t.system, { legalName: 'Associazione Amici Val Pellice', kind: 'aps', municipalityCode: TORRE_PELLICE, fiscalCode: '92003450019' });
      const third = await createOrganization(t.system, { legalName: 'Ass. Amici della Val Pellice', kind: 'aps', municipalityCode: TORRE_PELLICE });
      expect(third.probableDuplicateIds).toEqual(expect.arrayContaining([first.id]));

      const flags = (await get('/api/organizations/duplicates', coordinator)).json().items;
      expect(flags.map((f: { organization: { id: string } }) => f.organization.id)).toContain(third.id);
      expect((await get('/api/organizations/duplicates', outsiders['coordinator of another district']!)).json().items).toEqual([]);

      // References to the duplicate from every kind of table: membership, grants, people, relationships, district coordinator.
      await createDistrict(t.system, { name: 'Distretto Val Pellice', municipalityCodes: [TORRE_PELLICE], coordinatorOrganizationId: third.id, memberOrganizationIds: [third.id] });
      await createTestUser(t.system, [{ role: 'organization_admin', organizationId: third.id }]);
      await t.app.inject({ method: 'POST', url: `/api/organizations/${third.id}/people`, headers: admin.writeHeaders, payload: { fullName: 'Presidente Amici', role: 'legal_representative' } });
      await t.app.inject({ method: 'POST', url: `/api/organizations/${third.id}/relationships`, headers: admin.writeHeaders, payload: { toOrganizationId: memberOrgId, kind: 'supplier' } });
      await t.app.inject({ method: 'POST', url: `/api/organizations/${memberOrgId}/relationships`, headers: admin.writeHeaders, payload: { toOrganizationId: third.id, kind: 'tutoring' } });

      const outsiderMerge = await t.app.inject({
        method: 'POST', url: '/api/organizations/merge', headers: outsiders['coordinator of another district']!.writeHeaders,
        payload: { sourceOrganizationId: third.id, targetOrganizationId: second.id },
      });
      expect(outsiderMerge.statusCode).toBe(403);
      const merge = await t.app.inject({
        method: 'POST', url: '/api/organizations/merge', headers: coordinator.writeHeaders,
        payload: { sourceOrganizationId: third.id, targetOrganizationId: second.id },
      });
      expect(merge.statusCode).toBe(200);
      const result = merge.json();
      expect(result.movedReferences['district_memberships.organization_id']).toBe(1);
      expect(result.movedReferences['role_grants.organization_id']).toBe(1);
      expect(result.movedReferences['person_roles.organization_id']).toBe(1);
      expect(result.movedReferences['districts.coordinator_organization_id']).toBe(1);
      expect(result.movedReferences['organization_relationships.from_organization_id']).toBe(1);
      expect(result.movedReferences['organization_relationships.to_organization_id']).toBe(1);

      // Nothing in any table still points at the merged organization, except its own tombstone pointer.
      const references = await t.db.pool.query(`
        select c.conrelid::regclass::text as t, a.attname as c from pg_constraint c
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
        where c.contype = 'f' and c.confrelid = 'organizations'::regclass`);
      for (const { t: table, c: column } of references.rows) {
        const left = await t.db.pool.query(`select count(*)::int as n from ${table} where ${column} = $1`, [third.id]);
        expect(left.rows[0].n, `${table}.${column}`).toBe(0);
      }
      const target = (await get(`/api/organizations/${second.id}`, admin)).json();
      expect(target.districts.map((d: { name: string }) => d.name)).toContain('Distretto Val Pellice');
      expect(target.private.people.map((p: { fullName: string }) => p.fullName)).toContain('Presidente Amici');
      expect(target.relationships).toHaveLength(2);
      expect(target.history[0].change).toContain('absorbed Ass. Amici della Val Pellice');
      const tombstone = (await get(`/api/organizations/${third.id}`, null)).json();
      expect(tombstone).toMatchObject({ status: 'merged', mergedIntoId: second.id, canEdit: false });
      expect(tombstone.history.map((h: { change: string }) => h.change)).toEqual([`merged into ${second.id}`, 'created']);
      expect((await get('/api/organizations/duplicates', coordinator)).json().items.map((f: { organization: { id: string } }) => f.organization.id)).not.toContain(third.id);
      const audit = await t.db.pool.query("select entity_id, after->'movedReferences' as moved from audit_log where action = 'organizations.merge-organizations'");
      expect(audit.rows).toHaveLength(1);
      expect(audit.rows[0].entity_id).toBe(second.id);
    });
  });

  describe('import through the API', () => {
    it('previews, dry-runs and imports the example, reporting progress', async () => {
      const upload = { fileName: 'organizzazioni-pinerolese.csv', contentBase64: EXAMPLE.toString('base64') };
      expect((await t.app.inject({ method: 'POST', url: '/api/organizations/imports/preview', headers: member.writeHeaders, payload: upload })).statusCode).toBe(403);
      const preview = await t.app.inject({ method: 'POST', url: '/api/organizations/imports/preview', headers: coordinator.writeHeaders, payload: upload });
      expect(preview.statusCode).toBe(200);
      const mapping = preview.json().mapping;
      const dry = (await t.app.inject({ method: 'POST', url: '/api/organizations/imports/dry-run', headers: coordinator.writeHeaders, payload: { ...upload, mapping } })).json();
      expect(dry).toMatchObject({ isDryRun: true, totalRows: 15 });
      // Lines 3 and 10 carry the fiscal codes of organizations this coordinator may not edit (not members of the
      // district): refused like PATCH would be (issue 11, finding 1).
      expect(dry.rejected.map((r: { line: number }) => r.line)).toEqual([3, 10, 13, 14, 15, 16]);
      expect(dry.rejected[0].reason).toContain('may not update the organization registered with this fiscal code');
      const started = await t.app.inject({ method: 'POST', url: '/api/organizations/imports', headers: coordinator.writeHeaders, payload: { ...upload, mapping } });
      expect(started.statusCode).toBe(202);
      let report = started.json();
      for (let attempt = 0; attempt < 100 && report.status === 'running'; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        report = (await get(`/api/organizations/imports/${started.json().importId}`, coordinator)).json();
      }
      expect(report).toMatchObject({ status: 'completed', processedRows: 15, created: dry.created, updated: dry.updated, flagged: dry.flagged });
      expect((await get('/api/organizations?q=Panificio', null)).json().items[0]).toMatchObject({ legalName: 'Panificio Bianco (esempio)', municipalityName: 'Bricherasio', sizeClass: 'micro' });
    });
  });
});
