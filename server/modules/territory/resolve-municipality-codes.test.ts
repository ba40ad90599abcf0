import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TMunicipalitiesChanged } from '../../../common/contracts/territory';
import { on, subscribe } from '../../platform/events';
import { createTestDatabase, type TestDatabase } from '../../platform/testing/test-database';
import { loadTerritoryFixture } from './fixtures/territory.fixture';
import { resolveMunicipalityCodes } from './resolve-municipality-codes';
import { TERRITORY_MUNICIPALITIES_CHANGED } from './territory-events';

describe('resolveMunicipalityCodes and the territory event (Piemonte loaded)', () => {
  let db: TestDatabase;
  const published: { payload: TMunicipalitiesChanged; municipalitiesSeenInTransaction: number }[] = [];
  beforeAll(async () => {
    // The subscriber counts the municipalities through the publisher's transaction: it runs before the commit.
    subscribe('territory-test',
      on(TERRITORY_MUNICIPALITIES_CHANGED, async (tx, payload) => {
        const result = await tx.execute<{ n: number }>(sql`select count(*)::int as n from municipalities`);
        published.push({ payload, municipalitiesSeenInTransaction: result.rows[0]!.n });
      }),
    );
    db = await createTestDatabase();
    await loadTerritoryFixture(db);
  });
  afterAll(() => db.destroy());

  it('publishes territory.municipalities-changed once per load, inside the import, with the counts', () => {
    expect(published).toHaveLength(1);
    expect(published[0]!.payload.currentMunicipalities).toBe(published[0]!.municipalitiesSeenInTransaction);
    expect(published[0]!.payload.currentMunicipalities).toBeGreaterThan(1000);
    // The whole country's history of codes, whatever regions are loaded.
    expect(published[0]!.payload.codeVariations).toBeGreaterThan(6000);
  });

  it('resolves current, merged, recoded, ceased and unknown codes in one call', async () => {
    const resolutions = await resolveMunicipalityCodes(db.orm, ['001191', '005079', '041033', '022027', '999999', 'abc', '005079']);
    expect(resolutions.get('001191')).toEqual({ kind: 'current', code: '001191', name: 'Pinerolo' });
    expect(resolutions.get('005079')).toEqual({
      kind: 'succeeded',
      code: '005079',
      name: 'Moransengo',
      successorCode: '005122',
      successorName: 'Moransengo-Tonengo',
      on: '2023-01-01',
      reason: 'merged',
    });
    expect(resolutions.get('041033')).toEqual({
      kind: 'succeeded',
      code: '041033',
      name: 'Montecopiolo',
      successorCode: '099030',
      successorName: 'Montecopiolo',
      on: '2021-06-17',
      reason: 'recoded',
    });
    expect(resolutions.get('022027')).toEqual({ kind: 'ceased', code: '022027', name: 'Brez', ceasedOn: '2020-01-01' });
    expect(resolutions.get('999999')).toEqual({ kind: 'unknown', code: '999999' });
    expect(resolutions.get('abc')).toEqual({ kind: 'unknown', code: 'abc' });
    expect([...resolutions.keys()]).toHaveLength(6);
  });

  it('keeps the municipality’s fiscal code from ISTAT’s current list', async () => {
    const result = await db.pool.query("select fiscal_code from municipalities where istat_code = '001001'");
    expect(result.rows[0].fiscal_code).toBe('83501790014');
  });

  it('a second load writes the same history: nothing changes, nothing is lost', async () => {
    const before = await db.pool.query('select md5(string_agg(v::text, \'|\' order by suppressed_code)) as state, count(*)::int as n from municipality_code_variations v');
    await loadTerritoryFixture(db);
    const after = await db.pool.query('select md5(string_agg(v::text, \'|\' order by suppressed_code)) as state, count(*)::int as n from municipality_code_variations v');
    expect(after.rows[0]).toEqual(before.rows[0]);
    expect(published).toHaveLength(2);
  });
});
