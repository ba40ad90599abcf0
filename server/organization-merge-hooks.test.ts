import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES, seedDemo } from './app';
import { createTestApp, type TestApp } from './platform/testing/test-app';
import { createOrganization, mergeOrganizations } from './modules/organizations';
import { loadTerritoryFixture } from './modules/territory';

/**
 * Organization merge through the modules' manifests (issue 12): each module moves its own rows, audited, versions
 * bumped, collisions folded. The demo district gives every module rows; a test tops up what the demo lacks
 * (a zone operator, an invitation, a proposal, a referral, an earlier tombstone).
 */
describe('organization merge moves every module\'s rows through its manifest hook', () => {
  let t: TestApp;
  let mergedId: string;
  let keptId: string;
  let earlierTombstoneId: string;
  let result: Awaited<ReturnType<typeof mergeOrganizations>>;
  const count = async (table: string, column: string, id: string) =>
    (await t.db.pool.query(`select count(*)::int as n from ${table} where ${column} = $1`, [id])).rows[0].n as number;

  beforeAll(async () => {
    t = await createTestApp(MODULES);
    await loadTerritoryFixture(t.db);
    await seedDemo(t.system, () => undefined);
    const id = async (name: string) => (await t.db.pool.query('select id from organizations where legal_name = $1', [name])).rows[0].id as string;
    // The coordinator organization (a coordinator grant, services, needs, a membership and seats) merges into a member
    // of the same district, invited to the same survey: two open memberships and two invitations collide.
    mergedId = await id('Consorzio dei servizi sociali del Pinerolese (demo)');
    keptId = await id('Meccanica Chisone S.r.l. (demo)');
    const districtId = (await t.db.pool.query('select id from districts where is_demo limit 1')).rows[0].id as string;

    earlierTombstoneId = (await createOrganization(t.system, { legalName: 'Consorzio servizi sociali Pinerolo', kind: 'social_services_body', municipalityCode: '001191' })).id;
    await mergeOrganizations(t.system, { sourceOrganizationId: earlierTombstoneId, targetOrganizationId: mergedId });

    await t.db.pool.query('update zones set operating_organization_id = $1 where id = (select id from zones order by code limit 1)', [mergedId]);
    await t.db.pool.query(`insert into invitations (organization_id, district_id, email, role, token_hash, expires_at)
      values ($1, $2, 'persona@example.org', 'organization_member', 'hash-merge-test', now() + interval '1 day')`, [mergedId, districtId]);
    const proposalId = (await t.db.pool.query(`insert into matching_proposals (district_id, title, category_code, zone_kind, zone_key, zone_label, people_covered, join_threshold, created_by_label)
      values ($1::uuid, 'Trasporto condiviso', 'x', 'district', $1::text, 'Distretto', 10, 1, 'test') returning id`, [districtId])).rows[0].id;
    await t.db.pool.query(`insert into matching_proposal_parties (proposal_id, organization_id, role, people_count, cost_share_cents) values
      ($1, $2, 'requester', 4, 10050), ($1, $3, 'requester', 6, 5025), ($1, $2, 'provider', null, null)`, [proposalId, mergedId, keptId]);
    const service = (await t.db.pool.query('select id, organization_id from services where organization_id = $1 limit 1', [mergedId])).rows[0];
    await t.db.pool.query(`insert into referrals (district_id, referring_organization_id, service_id, provider_organization_id, subject_kind, category_code, municipality_code)
      values ($1, $2, $3, $4, 'person', 'x', '001191'), ($1, $4, $3, $4, 'person', 'x', '001191')`, [districtId, keptId, service.id, mergedId]);
    // Both organizations signed the demo pact's version 1: after the merge the kept one counts once.
    await t.db.pool.query(`insert into pact_signatures (pact_id, pact_version_id, organization_id, kind, status, signer_name, text_sha256)
      select pact_id, pact_version_id, $2, 'signature', 'valid', 'Legale della prova', text_sha256 from pact_signatures where organization_id = $1 limit 1`, [mergedId, keptId]);

    result = await mergeOrganizations(t.system, { sourceOrganizationId: mergedId, targetOrganizationId: keptId });
  }, 600_000);
  afterAll(() => t?.close());

  it('leaves nothing with the merged organization but its tombstone pointer, and reports every column it moved', async () => {
    const references = await t.db.pool.query(`
      select c.conrelid::regclass::text as t, a.attname as c from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
      where c.contype = 'f' and c.confrelid = 'organizations'::regclass`);
    for (const { t: table, c: column } of references.rows) {
      const left = await t.db.pool.query(`select count(*)::int as n from ${table} where ${column} = $1 and not (${table === 'organizations' ? `id = '${mergedId}'` : 'false'})`, [mergedId]);
      expect(left.rows[0].n, `${table}.${column}`).toBe(0);
    }
    expect(result.movedReferences).toMatchObject({
      // The demo coordinator's grant and the demo pact's legal representative's account.
      'role_grants.organization_id': 2, 'districts.coordinator_organization_id': 1, 'district_memberships.organization_id': 1,
      'district_body_members.organization_id': 2, 'services.organization_id': 4, 'service_locations.organization_id': 2,
      'survey_invitations.organization_id': 1, 'needs.organization_id': 5, 'zones.operating_organization_id': 1,
      'invitations.organization_id': 1, 'matching_proposal_parties.organization_id': 2,
      // The demo projects: the Consorzio leads three (two with the firm as partner too), with two budget lines.
      'project_partners.organization_id': 3, 'project_budget_lines.organization_id': 2,
      // The demo's own referral (the Consorzio to the firm's nursery) moves with the test's one.
      'referrals.referring_organization_id': 2, 'referrals.provider_organization_id': 2, 'organizations.merged_into_id': 1,
      // The Consorzio is linked to two demo practices (the volunteers' shopping and the after-school in libraries).
      'practice_organizations.organization_id': 2,
      // The demo working group: the coordinator represents the Consorzio as chair and owns one (done) action.
      'working_group_members.organization_id': 1, 'group_actions.owner_organization_id': 1,
      // The demo pact: the Consorzio signed it and keeps two commitments.
      'pact_signatures.organization_id': 1, 'pact_commitments.organization_id': 2,
    });
  });

  it('pacts: signatures and commitments move; where both signed the same version, the kept signature stands', async () => {
    const signatures = await t.db.pool.query("select status, signer_name from pact_signatures where organization_id = $1 order by status, signer_name", [keptId]);
    expect(signatures.rows).toEqual([
      { status: 'rejected', signer_name: 'Presidente del Consorzio (demo)' },
      { status: 'valid', signer_name: 'Legale della prova' },
    ]);
    expect(await count('pact_commitments', 'organization_id', keptId)).toBe(2);
  });

  it('districts: one membership per district stays, the coordinator organization moves with a new version, seats move', async () => {
    const memberships = await t.db.pool.query("select status from district_memberships where organization_id = $1", [keptId]);
    expect(memberships.rows).toEqual([{ status: 'accepted' }]);
    const district = (await t.db.pool.query('select coordinator_organization_id, version from districts where is_demo')).rows[0];
    expect(district.coordinator_organization_id).toBe(keptId);
    expect(district.version).toBeGreaterThan(1);
    expect(await count('district_body_members', 'organization_id', keptId)).toBe(3);
  });

  it('services, needs, surveys, matching, zonings: rows move with their versions bumped; collisions are folded', async () => {
    expect(await count('services', 'organization_id', keptId)).toBe(6);
    expect((await t.db.pool.query('select min(version)::int as v from services where organization_id = $1', [keptId])).rows[0].v).toBeGreaterThanOrEqual(1);
    expect((await t.db.pool.query('select count(*)::int as n from needs where organization_id = $1', [keptId])).rows[0].n).toBe(19);
    // The two invitations to the main demo survey became one (unique per survey and organization); the firm's own
    // invitation to the transport survey stays: two. Both responses stay.
    expect(await count('survey_invitations', 'organization_id', keptId)).toBe(2);
    expect(await count('survey_responses', 'organization_id', keptId)).toBe(1);
    // The test's proposal (the demo has its own, naming the firm in both roles, which does not collide).
    const parties = await t.db.pool.query(`select role, people_count, cost_share_cents from matching_proposal_parties
      where organization_id = $1 and proposal_id = (select id from matching_proposals where title = 'Trasporto condiviso') order by role`, [keptId]);
    expect(parties.rows).toEqual([{ role: 'provider', people_count: null, cost_share_cents: null }, { role: 'requester', people_count: 10, cost_share_cents: 15075 }]);
    const referrals = await t.db.pool.query('select version from referrals where provider_organization_id = $1', [keptId]);
    // The test's two referrals and the demo's own (its referring organization moved): each bumped once.
    expect(referrals.rows.map((row) => row.version)).toEqual([2, 2, 2]);
    expect((await t.db.pool.query('select version from zones where operating_organization_id = $1', [keptId])).rows[0].version).toBeGreaterThan(1);
    const tombstone = (await t.db.pool.query('select merged_into_id from organizations where id = $1', [earlierTombstoneId])).rows[0];
    expect(tombstone.merged_into_id).toBe(keptId);
  });

  it('each module records its own audit entry with the counts before and after', async () => {
    const entries = await t.db.pool.query(`
      select action, entity_id, before, after from audit_log where action like '%.move-merged-organization' and entity_id = $1 order by action`, [keptId]);
    expect(entries.rows.map((row) => row.action)).toEqual([
      'districts.move-merged-organization', 'groups.move-merged-organization', 'invitations.move-merged-organization', 'matching.move-merged-organization', 'needs.move-merged-organization',
      'pacts.move-merged-organization', 'practices.move-merged-organization', 'projects.move-merged-organization', 'services.move-merged-organization', 'surveys.move-merged-organization', 'zonings.move-merged-organization',
    ]);
    const services = entries.rows.find((row) => row.action === 'services.move-merged-organization')!;
    expect(services.before.merged['services.organization_id']).toBe(4);
    expect(services.after.merged['services.organization_id']).toBe(0);
    expect(services.after.kept['services.organization_id']).toBe(services.before.kept['services.organization_id'] + 4);
  });

  it('every column with a foreign key to organizations is moved by a module (a new table without a hook fails here)', async () => {
    const references = await t.db.pool.query(`
      select c.conrelid::regclass::text || '.' || a.attname as reference from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
      where c.contype = 'f' and c.confrelid = 'organizations'::regclass order by 1`);
    const covered = new Set(Object.keys(result.movedReferences));
    expect(references.rows.map((row) => row.reference).filter((reference) => !covered.has(reference))).toEqual([]);
  });
});
