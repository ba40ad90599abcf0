import { beforeAll, describe, expect, it } from 'vitest';
import {
  bboxOf,
  buildTerritory,
  quantizeGeometry,
  readTerritorySources,
  representativePoint,
  unionBbox,
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

  it('reads the 2026 list, ANPR’s history, the 2020 list and the 2023 boundaries from the product’s own data folder', () => {
    expect(sources.current).toHaveLength(7894);
    expect(sources.list).toHaveLength(7904);
    expect(sources.boundaries).toHaveLength(7899);
    expect(sources.boundaries.filter((b) => b.regionCode === '01')).toHaveLength(1179);
    expect(sources.history).toHaveLength(19352);
  });

  it('holds exactly the municipalities of the 2026 list, in its 110 provinces (Sardinia’s new ones) and 20 regions', () => {
    expect(territory.municipalities).toHaveLength(7894);
    expect(territory.regions).toHaveLength(20);
    expect(territory.provinces).toHaveLength(110);
    expect(territory.provinces.filter((p) => p.regionCode === '20').map((p) => `${p.code} ${p.abbreviation}`)).toEqual([
      '112 SS', '113 OT', '114 NU', '115 OR', '116 OG', '117 VS', '118 CA', '119 SU',
    ]);
    expect(territory.municipalities.filter((m) => m.boundary !== null)).toHaveLength(7889);
    expect(territory.municipalities.filter((m) => m.fiscalCode === null).map((m) => m.istatCode)).toEqual(['024129']);
  });

  it('reports what is only in the list, only in the boundaries, merged or recoded, with its treatment', () => {
    const byPresence = (presentIn: string) =>
      territory.reconciliation.filter((item) => item.presentIn === presentIn).map((item) => `${item.istatCode} ${item.name}`);
    expect(byPresence('list_only')).toEqual([
      '005122 Moransengo-Tonengo',
      '012144 Bardello con Malgesso e Bregano',
      '024128 Sovizzo',
      '024129 Castegnero Nanto',
    ]);
    expect(byPresence('merged')).toEqual(['013256 Uggiate con Ronago', '025075 Setteville', "028108 Santa Caterina d'Este"]);
    expect(byPresence('recoded')).toHaveLength(377);
    expect(byPresence('boundaries_only')).toEqual([
      '013199 Ronago',
      '013228 Uggiate-Trevano',
      '018002 Albaredo Arnaboldi',
      '018082 Lirio',
      '024027 Castegnero',
      '024044 Gambugliano',
      '024071 Nanto',
      '024103 Sovizzo',
      '025002 Alano di Piave',
      '025070 Quero Vas',
      '028022 Carceri',
      "028098 Vighizzolo d'Este",
    ]);
    expect(byPresence('both_without_geometry')).toEqual(['096034 Miagliano']);

    const treatment = (code: string) => territory.reconciliation.find((item) => item.istatCode === code)!.treatment;
    // Openpolis 2023.1 has no shape for Moransengo and Tonengo (nor for their successor): nothing to unite.
    expect(treatment('005122')).toMatch(/^Kept without boundary or point.*sum of its predecessors' 2011 census \(005079 \+ 005110\)/);
    expect(treatment('025075')).toMatch(/union of its predecessors' \(025002 Alano di Piave, 025070 Quero Vas/);
    expect(treatment('112050')).toMatch(/^The same municipality under a new code: recoded from 090064 on 2026-01-01/);
    expect(treatment('025002')).toMatch(/^Merged into 025075 Setteville.*part of 025075's/);
    expect(treatment('018082')).toMatch(/^Ceased.*cannot be derived.*not used/);

    // The same facts, structured, so the web says them in each person's language.
    const facts = (code: string) => territory.reconciliation.find((item) => item.istatCode === code)!.facts;
    expect(facts('005122')).toEqual({ populationFrom: ['005079', '005110'] });
    expect(facts('025075')!.predecessors!.slice(0, 2)).toEqual([{ code: '025002', name: 'Alano di Piave' }, { code: '025070', name: 'Quero Vas' }]);
    expect(facts('112050')).toMatchObject({ formerCode: '090064', on: '2026-01-01' });
    expect(facts('025002')).toMatchObject({ successor: { code: '025075', name: 'Setteville' } });
    expect(facts('018082')).toMatchObject({ successor: null });
    expect(facts('096034')).toEqual({});
  });

  it('applies the treatment to the municipalities themselves', () => {
    const byCode = new Map(territory.municipalities.map((m) => [m.istatCode, m]));
    expect(byCode.get('005122')).toMatchObject({ name: 'Moransengo-Tonengo', provinceCode: '005', population: 409, boundary: null, point: null, fiscalCode: '01726610056' });
    expect(byCode.has('005079')).toBe(false);
    // Recoded: Montecopiolo's 2011 census follows it to its new code; Sassari keeps its shape under the 2026 code.
    expect(byCode.get('099030')).toMatchObject({ name: 'Montecopiolo', provinceCode: '099', regionCode: '08', population: 1175, cadastralCode: 'F478' });
    expect(byCode.get('112050')).toMatchObject({ name: 'Sassari', provinceCode: '112', regionCode: '20', cadastralCode: 'I452' });
    expect(byCode.get('112050')!.boundary).not.toBeNull();
    expect(byCode.get('081025')).toMatchObject({ name: 'Misiliscemi', provinceCode: '081', population: null });
    expect(byCode.get('021008')!.name).toBe('Bolzano');
    expect(byCode.get('001191')).toMatchObject({ reconciliationNote: null, fiscalCode: '01750860015' });
  });

  it('gives a municipality born of a merger the union of its predecessors’ boundaries, its point inside', () => {
    const byCode = new Map(territory.municipalities.map((m) => [m.istatCode, m]));
    const parts = ['025002', '025070'].map((code) => sources.boundaries.find((b) => b.istatCode === code)!);
    const setteville = byCode.get('025075')!;
    expect(setteville.population).toBe(
      ['025002', '025070'].reduce((total, code) => total + sources.list.find((row) => row.istatCode === code)!.population, 0),
    );
    expect(isInside(setteville.point!, setteville.boundary!)).toBe(true);
    // The union covers both predecessors: each one's point lies inside it, and the bbox is the union of theirs.
    for (const part of parts) expect(isInside(representativePoint(part.geometry!), setteville.boundary!)).toBe(true);
    expect(setteville.bbox).toEqual(unionBbox(parts.map((part) => bboxOf(part.geometry!))));
    // A topology merge dissolves the shared border: one polygon, not the two side by side.
    const polygons = setteville.boundary!.type === 'Polygon' ? [setteville.boundary!.coordinates] : setteville.boundary!.coordinates;
    expect(polygons).toHaveLength(1);
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
    expect(piemonte.municipalities).toHaveLength(1180);
    expect(piemonte.reconciliation.map((item) => item.istatCode)).toEqual(['005122', '096034']);
    const veneto = buildTerritory(sources, { regions: ['05'] });
    expect(veneto.reconciliation.find((item) => item.istatCode === '025002')!.treatment).toMatch(/025075 Setteville/);
    // The history of codes is the whole country's whatever the regions.
    expect(piemonte.codeVariations).toHaveLength(territory.codeVariations.length);
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
