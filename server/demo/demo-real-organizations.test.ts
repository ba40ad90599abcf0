import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES, seedDemo } from '../app';
import { createTestApp, type TestApp } from '../platform/testing/test-app';
import { loadTerritoryFixture } from '../modules/territory';
import { CINQUE_PER_MILLE_2022_SOURCE } from '../modules/organizations/fixtures/demo-real-organizations.seed';

/**
 * The demo loads the real organizations of its district's municipalities from the 5x1000 list; every invented demo
 * activity stays with the invented demo organizations (issue 13).
 */
describe('the demo district with the real organizations of its municipalities', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(MODULES);
    await loadTerritoryFixture(t.db);
    await seedDemo(t.system, () => undefined);
  });
  afterAll(() => t?.close());

  it("loads the real organizations located in the demo district's municipalities, with their source, not flagged demo", async () => {
    const real = await t.db.pool.query<{ n: number; outside: number; demo: number; other_source: number; municipalities: number }>(`
      select count(*)::int as n,
        count(*) filter (where o.municipality_code not in (
          select dm.municipality_code from district_area_municipalities dm join districts d on d.id = dm.district_id where d.is_demo))::int as outside,
        count(*) filter (where o.is_demo)::int as demo,
        count(*) filter (where o.source <> $1)::int as other_source,
        count(*) filter (where o.kind = 'municipality')::int as municipalities
      from organizations o where o.source is not null`, [CINQUE_PER_MILLE_2022_SOURCE]);
    const row = real.rows[0]!;
    expect(row.n).toBeGreaterThan(100);
    expect(row).toMatchObject({ outside: 0, demo: 0, other_source: 0 });
    expect(row.municipalities).toBeGreaterThan(10);
    const pinerolo = await t.db.pool.query("select legal_name, kind from organizations where fiscal_code = '01750860015'");
    expect(pinerolo.rows).toEqual([{ legal_name: 'PINEROLO', kind: 'municipality' }]);
  });

  it('attaches no invented demo activity to a real organization', async () => {
    const references = [
      ['needs', 'organization_id'], ['services', 'organization_id'], ['service_locations', 'organization_id'],
      ['survey_invitations', 'organization_id'], ['survey_responses', 'organization_id'], ['matching_proposal_parties', 'organization_id'],
      ['referrals', 'referring_organization_id'], ['referrals', 'provider_organization_id'], ['districts', 'coordinator_organization_id'],
      ['district_memberships', 'organization_id'], ['district_body_members', 'organization_id'],
    ] as const;
    for (const [table, column] of references) {
      const total = await t.db.pool.query(`select count(*)::int as n from ${table}`);
      const attached = await t.db.pool.query(`select count(*)::int as n from ${table} x join organizations o on o.id = x.${column} where o.source is not null`);
      expect({ table, column, attached: attached.rows[0].n }).toEqual({ table, column, attached: 0 });
      if (['needs', 'services', 'survey_invitations', 'district_memberships'].includes(table)) expect(total.rows[0].n).toBeGreaterThan(0);
    }
  });
});
