import { describe, expect, it } from 'vitest';
import { discoverMigrations, migrate } from '../../platform/db/migrations';
import { createTestDatabase } from '../../platform/testing/test-database';

// The first of the migrations that move service costs and proposal cost shares from numeric euros to integer cents.
const CENTS_MIGRATIONS = '202612061500';

describe('money in cents: the migrations', () => {
  it('carry every stored price and cost share over as exact cents, then drop the euro columns', async () => {
    const db = await createTestDatabase({ migrate: false });
    try {
      const files = discoverMigrations();
      await migrate(db.pool, { files: files.filter((file) => file.id < CENTS_MIGRATIONS) });
      const organization = (await db.pool.query<{ id: string }>(
        "insert into organizations (legal_name, kind, sector) values ('Cooperativa Prezzi', 'social_cooperative', 'third_sector') returning id",
      )).rows[0]!.id;
      const district = (await db.pool.query<{ id: string }>("insert into districts (name) values ('Distretto Prezzi') returning id")).rows[0]!.id;
      for (const [name, amount] of [['Con prezzo', '12.50'], ['Centesimi', '19.99'], ['Senza prezzo', null], ['Gratis', '0']] as const) {
        await db.pool.query("insert into services (organization_id, name, name_folded, cost_kind, cost_amount) values ($1, $2, lower($2), 'fee', $3)", [organization, name, amount]);
      }
      const proposal = (await db.pool.query<{ id: string }>(
        `insert into matching_proposals (district_id, title, category_code, zone_kind, zone_key, zone_label, people_covered, join_threshold, created_by_label)
         values ($1, 'Proposta', 'anziani', 'municipality', '001191', 'Pinerolo', 3, 1, 'test') returning id`,
        [district],
      )).rows[0]!.id;
      await db.pool.query("insert into matching_proposal_parties (proposal_id, organization_id, role, cost_share) values ($1, $2, 'requester', 33.34), ($1, $2, 'provider', null)", [proposal, organization]);

      await migrate(db.pool, { files });

      const services = await db.pool.query('select name, cost_cents from services order by name');
      expect(services.rows).toEqual([
        { name: 'Centesimi', cost_cents: 1999 },
        { name: 'Con prezzo', cost_cents: 1250 },
        { name: 'Gratis', cost_cents: 0 },
        { name: 'Senza prezzo', cost_cents: null },
      ]);
      const parties = await db.pool.query('select role, cost_share_cents from matching_proposal_parties order by role');
      expect(parties.rows).toEqual([{ role: 'provider', cost_share_cents: null }, { role: 'requester', cost_share_cents: 3334 }]);
      const euroColumns = await db.pool.query(
        "select table_name, column_name from information_schema.columns where (table_name, column_name) in (('services', 'cost_amount'), ('matching_proposal_parties', 'cost_share'))",
      );
      expect(euroColumns.rows).toEqual([]);
      await expect(db.pool.query("update services set cost_cents = -1 where name = 'Gratis'")).rejects.toThrow(/check constraint/);
    } finally {
      await db.destroy();
    }
  }, 300_000); // every migration twice over, on a fresh database
});
