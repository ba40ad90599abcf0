import { describe, expect, it } from 'vitest';
import { districtAreaFeatures, districtsToDraw, type AreaFeature } from './projects-map-data';

const feature = (istatCode: string, name: string): AreaFeature => ({ type: 'Feature', id: istatCode, properties: { istatCode, name, population: 1000 }, geometry: { type: 'Polygon', coordinates: [] } });

describe('the map of districts by projects', () => {
  const rows = [
    { districtId: 'd1', districtName: 'Pinerolese', projectCount: 2, budgetCents: 150_000_00 },
    { districtId: 'd2', districtName: 'Val Pellice', projectCount: 1, budgetCents: 20_000_00 },
  ];

  it("gives each district's municipalities the district's figures, a municipality shared by two districts once for each", () => {
    const areas = new Map([
      ['d1', [feature('001191', 'Pinerolo'), feature('001300', 'Villar Perosa')]],
      ['d2', [feature('001300', 'Villar Perosa')]],
    ]);
    const features = districtAreaFeatures(rows, areas);
    expect(features.map((f) => [f.properties.key, f.properties.districtName, f.properties.projects])).toEqual([
      ['d1:001191', 'Pinerolese', 2],
      ['d1:001300', 'Pinerolese', 2],
      ['d2:001300', 'Val Pellice', 1],
    ]);
    expect(new Set(features.map((f) => f.id)).size).toBe(3);
  });

  it('draws nothing of a district whose area has not loaded yet', () => {
    expect(districtAreaFeatures(rows, new Map())).toEqual([]);
  });

  it('draws the districts with projects, most first, up to the limit', () => {
    const more = [...rows, { districtId: 'd3', districtName: 'Canavese', projectCount: 0, budgetCents: 0 }, { districtId: 'd4', districtName: 'Alba', projectCount: 2, budgetCents: 150_000_00 }];
    expect(districtsToDraw(more, 10).map((row) => row.districtId)).toEqual(['d4', 'd1', 'd2']);
    expect(districtsToDraw(more, 1).map((row) => row.districtId)).toEqual(['d4']);
  });
});
