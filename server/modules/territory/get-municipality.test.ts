import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../platform/access/actor';
import { createTestDatabase, type TestDatabase } from '../../platform/testing/test-database';
import type { UseCaseContext } from '../../platform/use-case';
import { loadTerritoryFixture } from './fixtures/territory.fixture';
import { getMunicipality } from './get-municipality';

describe('getMunicipality (Piemonte)', () => {
  let db: TestDatabase;
  let context: UseCaseContext;
  beforeAll(async () => {
    db = await createTestDatabase();
    await loadTerritoryFixture(db);
    context = { actor: ANONYMOUS, db, requestId: null };
  });
  afterAll(() => db.destroy());

  it('returns Pinerolo with its province, region, point inside its bbox, and no reconciliation note', async () => {
    const pinerolo = await getMunicipality(context, '001191');
    expect(pinerolo).toMatchObject({
      istatCode: '001191',
      name: 'Pinerolo',
      cadastralCode: 'G674',
      provinceCode: '001',
      provinceName: 'Torino',
      provinceAbbreviation: 'TO',
      regionCode: '01',
      regionName: 'Piemonte',
      population: 34854,
      hasBoundary: true,
      reconciliationNote: null,
    });
    const [west, south, east, north] = pinerolo.bbox!;
    expect(pinerolo.point!.lng).toBeGreaterThan(west);
    expect(pinerolo.point!.lng).toBeLessThan(east);
    expect(pinerolo.point!.lat).toBeGreaterThan(south);
    expect(pinerolo.point!.lat).toBeLessThan(north);
  });

  it('keeps every representative point inside its municipality’s bbox', async () => {
    const outside = await db.pool.query(`
      select istat_code from municipalities
      where boundary is not null
        and not (point_lng between bbox[1] and bbox[3] and point_lat between bbox[2] and bbox[4])`);
    expect(outside.rows).toEqual([]);
  });

  it('shows a municipality missing from the 2023 boundaries without point, with its note', async () => {
    const moransengo = await getMunicipality(context, '005122');
    expect(moransengo).toMatchObject({ name: 'Moransengo-Tonengo', hasBoundary: false, point: null, bbox: null, population: 409 });
    expect(moransengo.reconciliationNote).toMatch(/not in the 2023 boundaries/);
  });

  it('answers 404 for an unknown code', async () => {
    await expect(getMunicipality(context, '999999')).rejects.toMatchObject({ code: 'COMMON.NOT_FOUND', status: 404 });
  });

  it('lists the districts the municipality belongs to', async () => {
    expect((await getMunicipality(context, '001191')).districts).toEqual([]);
    // Only the columns without defaults of the districts module's tables.
    await db.pool.query(`
      insert into districts (id, name) values ('6f1c1ab0-0000-4000-8000-000000000001', 'Pinerolese');
      insert into district_municipalities (district_id, municipality_code)
        values ('6f1c1ab0-0000-4000-8000-000000000001', '001191');`);
    expect((await getMunicipality(context, '001191')).districts).toEqual([
      { id: '6f1c1ab0-0000-4000-8000-000000000001', name: 'Pinerolese' },
    ]);
    expect((await getMunicipality(context, '001001')).districts).toEqual([]);
  });
});
