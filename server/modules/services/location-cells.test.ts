import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../platform/testing/test-database';
import { cellsAround, cellsOfPoint, FINE_CELLS_MAX_RADIUS_KM } from './location-cells';

function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
}

/** mulberry32: the same points on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('grid cells of places', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.destroy());

  it('numbers a point the same in TypeScript and in SQL (service_point_cells)', async () => {
    const random = seededRandom(7);
    const points: [number, number][] = [[45.0, 7.0], [44.8846, 7.3316], [-33.9, 151.2], [0, 0], [-0.05, -0.05], [89.99, 179.99], [-89.99, -179.99], [45.1, 9.9]];
    for (let index = 0; index < 200; index++) points.push([35 + random() * 12, 6 + random() * 13]);
    const result = await db.orm.execute<{ cells: number[] }>(sql`
      select service_point_cells(lat, lng) as cells
      from unnest(${sql.param(points.map(([lat]) => lat))}::float8[], ${sql.param(points.map(([, lng]) => lng))}::float8[]) with ordinality as u(lat, lng, n)
      order by n`);
    expect(result.rows.map((row) => row.cells)).toEqual(points.map(([lat, lng]) => cellsOfPoint(lat, lng)));
  });

  it('covers every point within the radius with the cells around the centre, and few cells beyond', () => {
    const random = seededRandom(11);
    for (const radiusKm of [1, 5, 20, 50, 51, 120, 200]) {
      for (let round = 0; round < 20; round++) {
        const centre = { lat: 36.5 + random() * 10.5, lng: 6.6 + random() * 12 };
        const cells = new Set(cellsAround(centre.lat, centre.lng, radiusKm));
        const level = radiusKm <= FINE_CELLS_MAX_RADIUS_KM ? 0 : 1;
        for (let sample = 0; sample < 300; sample++) {
          // Points on and inside the circle, where a missing cell would lose a result.
          const bearing = random() * 2 * Math.PI;
          const distance = sample % 3 === 0 ? radiusKm : radiusKm * Math.sqrt(random());
          const lat = centre.lat + ((distance / 6371.0088) * Math.cos(bearing) * 180) / Math.PI;
          const lng = centre.lng + ((distance / 6371.0088) * Math.sin(bearing) * 180) / Math.PI / Math.cos((lat * Math.PI) / 180);
          if (haversineKm(centre.lat, centre.lng, lat, lng) > radiusKm) continue;
          expect(cells.has(cellsOfPoint(lat, lng)[level]), `${lat},${lng} within ${radiusKm} km of ${centre.lat},${centre.lng}`).toBe(true);
        }
      }
    }
    expect(cellsAround(45.07, 7.69, 20).length).toBeLessThanOrEqual(40);
    expect(cellsAround(45.07, 7.69, 50).length).toBeLessThanOrEqual(160);
    expect(cellsAround(45.07, 7.69, 200).length).toBeLessThanOrEqual(60);
  });
});
