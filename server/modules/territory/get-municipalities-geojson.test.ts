import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZMunicipalityFeatureCollection } from '../../../common/contracts/territory';
import { ANONYMOUS } from '../../platform/access/actor';
import { createTestDatabase, type TestDatabase } from '../../platform/testing/test-database';
import type { UseCaseContext } from '../../platform/use-case';
import { loadTerritoryFixture } from './fixtures/territory.fixture';
import { getMunicipalitiesGeojson } from './get-municipalities-geojson';

describe('getMunicipalitiesGeojson (Piemonte)', () => {
  let db: TestDatabase;
  let context: UseCaseContext;
  beforeAll(async () => {
    db = await createTestDatabase();
    await loadTerritoryFixture(db);
    context = { actor: ANONYMOUS, db, requestId: null };
  });
  afterAll(() => db.destroy());

  it('builds the FeatureCollection of the province of Torino: one feature per municipality, id = ISTAT code', async () => {
    const { body, etag } = await getMunicipalitiesGeojson(context, { provinceCode: '001' });
    const collection = ZMunicipalityFeatureCollection.parse(JSON.parse(body));
    expect(collection.features).toHaveLength(312);
    const pinerolo = collection.features.find((feature) => feature.id === '001191')!;
    expect(pinerolo.properties).toEqual({ istatCode: '001191', name: 'Pinerolo', population: 34854 });
    expect(pinerolo.geometry).toMatchObject({ type: 'Polygon' });
    expect(etag).toMatch(/^"[\w-]+"$/);
    // Same data, same validator: caches can revalidate.
    expect((await getMunicipalitiesGeojson(context, { provinceCode: '001' })).etag).toBe(etag);
  });

  it('covers a whole region, leaving out municipalities without a boundary', async () => {
    const { body, etag } = await getMunicipalitiesGeojson(context, { regionCode: '01' });
    const collection = ZMunicipalityFeatureCollection.parse(JSON.parse(body));
    expect(collection.features).toHaveLength(1178);
    const codes = collection.features.map((feature) => feature.id);
    expect(codes).not.toContain('005122'); // Moransengo-Tonengo: no shape in the 2023 boundaries
    expect(codes).not.toContain('096034'); // Miagliano: empty geometry
    expect(etag).not.toBe((await getMunicipalitiesGeojson(context, { provinceCode: '001' })).etag);
  });

  it('answers 404 for a region or province that is not loaded', async () => {
    await expect(getMunicipalitiesGeojson(context, { regionCode: '08' })).rejects.toMatchObject({ status: 404 });
    await expect(getMunicipalitiesGeojson(context, { provinceCode: '999' })).rejects.toMatchObject({
      code: 'COMMON.NOT_FOUND',
    });
  });
});
