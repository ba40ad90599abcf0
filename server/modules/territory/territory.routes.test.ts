import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZMunicipalityFeatureCollection } from '../../../common/contracts/territory';
import { ANONYMOUS } from '../../platform/access/actor';
import { handleError } from '../../platform/http/error-handler';
import { createTestDatabase, type TestDatabase } from '../../platform/testing/test-database';
import { loadTerritoryFixture } from './fixtures/territory.fixture';
import { territoryRoutes } from './territory.routes';

// The routes alone on a bare Fastify with the platform's compilers and error handler: what the adapter adds
// (validation, status codes, headers) without the whole app.
describe('territory routes', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await createTestDatabase();
    await loadTerritoryFixture(db);
    app = Fastify({ logger: false });
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    app.setErrorHandler(handleError);
    await app.register(territoryRoutes({ contextOf: (request) => ({ actor: ANONYMOUS, db, requestId: String(request.id) }) }));
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await db.destroy();
  });

  it('GET /api/territory/regions and /provinces answer the contracts, publicly', async () => {
    const regions = await app.inject({ method: 'GET', url: '/api/territory/regions' });
    expect(regions.statusCode).toBe(200);
    expect(regions.json().items).toEqual([expect.objectContaining({ code: '01', name: 'Piemonte', municipalityCount: 1180 })]);
    const provinces = await app.inject({ method: 'GET', url: '/api/territory/provinces?region=01' });
    expect(provinces.json().items).toHaveLength(8);
  });

  it('rejects malformed or unknown query parameters, naming them', async () => {
    const badRegion = await app.inject({ method: 'GET', url: '/api/territory/provinces?region=1' });
    expect(badRegion.statusCode).toBe(400);
    expect(badRegion.json()).toMatchObject({ code: 'COMMON.BAD_REQUEST', details: { fields: [{ path: 'querystring.region' }] } });
    const unknown = await app.inject({ method: 'GET', url: '/api/territory/municipalities?name=x' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toMatch(/name/);
    const tooMany = await app.inject({ method: 'GET', url: '/api/territory/municipalities?limit=1000' });
    expect(tooMany.statusCode).toBe(400);
  });

  it('GET /api/territory/municipalities searches with keyset pages', async () => {
    const first = await app.inject({ method: 'GET', url: '/api/territory/municipalities?q=aglie&limit=1' });
    expect(first.statusCode).toBe(200);
    expect(first.json().items[0]).toMatchObject({ istatCode: '001001', name: 'Agliè' });
    const page = await app.inject({ method: 'GET', url: '/api/territory/municipalities?q=pinerolo&limit=2' });
    const { items, nextCursor } = page.json();
    expect(items.map((item: { name: string }) => item.name)).toEqual(['Pinerolo', 'Salza di Pinerolo']);
    const next = await app.inject({
      method: 'GET',
      url: `/api/territory/municipalities?q=pinerolo&limit=2&cursor=${encodeURIComponent(nextCursor)}`,
    });
    expect(next.json().items[0]).toMatchObject({ name: 'San Secondo di Pinerolo' });
    const badCursor = await app.inject({ method: 'GET', url: '/api/territory/municipalities?q=x&cursor=zzz' });
    expect(badCursor.statusCode).toBe(422);
  });

  it('GET /api/territory/municipalities/:istatCode answers 200, 404 or 400', async () => {
    const found = await app.inject({ method: 'GET', url: '/api/territory/municipalities/001191' });
    expect(found.statusCode).toBe(200);
    expect(found.json()).toMatchObject({ name: 'Pinerolo', hasBoundary: true, districts: [] });
    const missing = await app.inject({ method: 'GET', url: '/api/territory/municipalities/999999' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'COMMON.NOT_FOUND' });
    expect((await app.inject({ method: 'GET', url: '/api/territory/municipalities/pinerolo' })).statusCode).toBe(400);
  });

  it('GET …/municipalities.geojson sends cacheable GeoJSON and 304 on a matching If-None-Match', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/territory/provinces/001/municipalities.geojson' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=3600');
    const etag = String(response.headers.etag);
    expect(ZMunicipalityFeatureCollection.parse(response.json()).features).toHaveLength(312);

    const revalidated = await app.inject({
      method: 'GET',
      url: '/api/territory/provinces/001/municipalities.geojson',
      headers: { 'if-none-match': etag },
    });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe('');

    const region = await app.inject({ method: 'GET', url: '/api/territory/regions/01/municipalities.geojson' });
    expect(region.json().features).toHaveLength(1178);
    expect((await app.inject({ method: 'GET', url: '/api/territory/regions/20/municipalities.geojson' })).statusCode).toBe(404);
  });

  it('GET /api/territory/reconciliation returns the latest import report', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/territory/reconciliation' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ municipalities: 1180, withBoundary: 1178 });
    expect(response.json().reconciliation).toHaveLength(2);
  });
});
