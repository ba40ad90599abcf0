import { beforeAll, describe, expect, it } from 'vitest';
import {
  bboxOf,
  buildTerritory,
  quantizeGeometry,
  readTerritorySources,
  representativePoint,
  type BoundaryGeometry,
  type TerritoryData,
  type TerritorySources,
} from './territory-source';

/** Ray casting: is the point inside the polygon's outer ring and outside its holes? */
function isInsidePolygon(point: [number, number], rings: GeoJSON.Position[][]): boolean {
  const inRing = (ring: GeoJSON.Position[]) => {
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > point[1] !== yj > point[1] && point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
  return inRing(rings[0]!) && !rings.slice(1).some(inRing);
}

function isInside(point: { lat: number; lng: number }, geometry: BoundaryGeometry): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some((rings) => isInsidePolygon([point.lng, point.lat], rings));
}

describe('territory sources (the whole country, no database)', () => {
  let sources: TerritorySources;
  let territory: TerritoryData;
  beforeAll(() => {
    sources = readTerritorySources();
    territory = buildTerritory(sources);
  });

  it('reads the 2020 list and the 2023 boundaries from the product’s own data folder', () => {
    expect(sources.list).toHaveLength(7904);
    expect(sources.boundaries).toHaveLength(7899);
    expect(sources.boundaries.filter((b) => b.regionCode === '01')).toHaveLength(1179);
  });

  it('keeps every municipality of both sources: 7,904 listed + 3 only in the boundaries', () => {
    expect(territory.municipalities).toHaveLength(7907);
    expect(territory.regions).toHaveLength(20);
    expect(territory.provinces).toHaveLength(107);
    expect(territory.municipalities.filter((m) => m.boundary !== null)).toHaveLength(7898);
  });

  it('reports the 8 list-only and 3 boundaries-only codes, and the one empty geometry, with their treatment', () => {
    const byPresence = (presentIn: string) =>
      territory.reconciliation.filter((item) => item.presentIn === presentIn).map((item) => `${item.istatCode} ${item.name}`);
    expect(byPresence('list_only')).toEqual([
      '005079 Moransengo',
      '005110 Tonengo',
      '012009 Bardello',
      '012018 Bregano',
      '012095 Malgesso',
      '041032 Monteciccardo',
      '041033 Montecopiolo',
      '041060 Sassofeltrio',
    ]);
    expect(byPresence('boundaries_only')).toEqual(['081025 Misiliscemi', '099030 Montecopiolo', '099031 Sassofeltrio']);
    expect(byPresence('both_without_geometry')).toEqual(['096034 Miagliano']);

    const treatment = (code: string) => territory.reconciliation.find((item) => item.istatCode === code)!.treatment;
    expect(treatment('005079')).toMatch(/^Kept from the 2020 list without boundary.*merged into another municipality/);
    expect(treatment('005079')).toMatch(/not identified/);
    // Same name and cadastral code under a new code in another province: identified as a move, both ways.
    expect(treatment('041033')).toMatch(/same municipality \(same name and cadastral code F478\) has code 099030 in the province of Rimini/);
    expect(treatment('099030')).toMatch(/^Created from the 2023 boundaries.*population unknown.*as 041033 in the 2020 list/);
    expect(treatment('099031')).toMatch(/as 041060 in the 2020 list/);
    expect(treatment('081025')).toMatch(/^Created from the 2023 boundaries.*no cadastral code.*Not in the 2020 list: created after it/);
  });

  it('applies the treatment to the municipalities themselves', () => {
    const byCode = new Map(territory.municipalities.map((m) => [m.istatCode, m]));
    const moransengo = byCode.get('005079')!;
    expect(moransengo).toMatchObject({ name: 'Moransengo', provinceCode: '005', population: 212, boundary: null, point: null });
    expect(moransengo.reconciliationNote).toMatch(/absent from the 2023 boundaries/);
    expect(byCode.get('099030')).toMatchObject({ name: 'Montecopiolo', provinceCode: '099', regionCode: '08', population: null, cadastralCode: 'F478' });
    expect(byCode.get('081025')).toMatchObject({ name: 'Misiliscemi', provinceCode: '081', population: null, cadastralCode: null });
    expect(byCode.get('099030')!.boundary).not.toBeNull();
    expect(byCode.get('001191')!.reconciliationNote).toBeNull();
  });

  it('puts every representative point inside its municipality (and so inside its bbox)', () => {
    const outside = territory.municipalities.filter(
      (m) =>
        m.boundary &&
        (!isInside(m.point!, m.boundary) ||
          m.point!.lng < m.bbox![0] || m.point!.lat < m.bbox![1] || m.point!.lng > m.bbox![2] || m.point!.lat > m.bbox![3]),
    );
    expect(outside.map((m) => m.istatCode)).toEqual([]);
    const pinerolo = territory.municipalities.find((m) => m.istatCode === '001191')!;
    expect(pinerolo.point!.lat).toBeCloseTo(44.88, 1);
    expect(pinerolo.point!.lng).toBeCloseTo(7.35, 1);
  });

  it('rounds coordinates to 5 decimals and gives provinces and regions the bbox of their municipalities', () => {
    const coordinates = JSON.stringify(territory.municipalities.find((m) => m.istatCode === '001272')!.boundary);
    expect(coordinates).not.toMatch(/\d\.\d{6}/);
    const torino = territory.provinces.find((p) => p.code === '001')!;
    const piemonte = territory.regions.find((r) => r.code === '01')!;
    expect(torino.bbox![0]).toBeGreaterThanOrEqual(piemonte.bbox![0]);
    expect(piemonte.bbox).toEqual([
      expect.closeTo(6.627, 2),
      expect.closeTo(44.06, 2),
      expect.closeTo(9.214, 2),
      expect.closeTo(46.464, 2),
    ]);
  });

  it('limits the result to some regions, keeping the country-wide notes', () => {
    const piemonte = buildTerritory(sources, { regions: ['01'] });
    expect(piemonte.regions.map((r) => r.code)).toEqual(['01']);
    expect(piemonte.provinces).toHaveLength(8);
    expect(piemonte.municipalities).toHaveLength(1181);
    expect(piemonte.reconciliation.map((item) => item.istatCode)).toEqual(['005079', '005110', '096034']);
    const emilia = buildTerritory(sources, { regions: ['08'] });
    expect(emilia.reconciliation.find((item) => item.istatCode === '099030')!.treatment).toMatch(/041033/);
  });
});

describe('geometry helpers', () => {
  it('finds the point inside a U-shaped polygon, where the centroid would be outside', () => {
    const u: BoundaryGeometry = {
      type: 'Polygon',
      coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]],
    };
    const point = representativePoint(u);
    expect(isInside(point, u)).toBe(true);
    expect(bboxOf(u)).toEqual([0, 0, 3, 3]);
  });

  it('uses the largest polygon of a multipolygon', () => {
    const islands: BoundaryGeometry = {
      type: 'MultiPolygon',
      coordinates: [
        [[[0, 0], [0.1, 0], [0.1, 0.1], [0, 0.1], [0, 0]]],
        [[[5, 5], [7, 5], [7, 7], [5, 7], [5, 5]]],
      ],
    };
    const point = representativePoint(islands);
    expect(point.lng).toBeGreaterThan(5);
    expect(point.lat).toBeGreaterThan(5);
  });

  it('drops vertices that become duplicates and rings that collapse when rounding', () => {
    const geometry = quantizeGeometry({
      type: 'Polygon',
      coordinates: [
        [[0, 0], [1, 0], [1.000001, 0.000001], [1, 1], [0, 1], [0, 0]],
        [[0.5, 0.5], [0.500001, 0.5], [0.5, 0.500001], [0.5, 0.5]],
      ],
    });
    expect(geometry).toEqual({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] });
  });
});
