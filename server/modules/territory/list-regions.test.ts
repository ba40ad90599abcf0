import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../platform/access/actor';
import { createTestDatabase, type TestDatabase } from '../../platform/testing/test-database';
import type { UseCaseContext } from '../../platform/use-case';
import { loadTerritoryFixture } from './fixtures/territory.fixture';
import { listProvinces } from './list-provinces';
import { listRegions } from './list-regions';

describe('listRegions and listProvinces (Piemonte and Valle d’Aosta)', () => {
  let db: TestDatabase;
  let context: UseCaseContext;
  beforeAll(async () => {
    db = await createTestDatabase();
    await loadTerritoryFixture(db, ['01', '02']);
    context = { actor: ANONYMOUS, db, requestId: null };
  });
  afterAll(() => db.destroy());

  it('lists regions with the sum of their 2011 population and their number of municipalities', async () => {
    const regions = await listRegions(context);
    expect(regions.map((region) => [region.code, region.name, region.municipalityCount])).toEqual([
      ['01', 'Piemonte', 1180],
      ['02', "Valle d'Aosta/Vallée d'Aoste", 74],
    ]);
    // 2011 census: Piemonte 4,363,916 residents.
    expect(regions[0]!.population).toBe(4363916);
    expect(regions[0]!.bbox![0]).toBeCloseTo(6.63, 2);
  });

  it('lists provinces, all or of one region', async () => {
    const all = await listProvinces(context);
    expect(all).toHaveLength(9);
    const piemonte = await listProvinces(context, { region: '01' });
    expect(piemonte.map((province) => province.abbreviation)).toEqual(['TO', 'VC', 'NO', 'CN', 'AT', 'AL', 'BI', 'VB']);
    expect(piemonte[0]).toMatchObject({ code: '001', name: 'Torino', regionCode: '01', municipalityCount: 312 });
    expect(piemonte.reduce((sum, province) => sum + province.population, 0)).toBe(4363916);
    expect(await listProvinces(context, { region: '20' })).toEqual([]);
  });
});
