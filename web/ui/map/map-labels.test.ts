import { describe, expect, it } from 'vitest';
import { labelAnchor, labelCandidates, placeLabels, type ProjectedLabel } from './map-labels';

const square = (west: number, south: number, size: number) => [
  [west, south],
  [west + size, south],
  [west + size, south + size],
  [west, south + size],
  [west, south],
];

describe('labelAnchor', () => {
  it('puts the name at the centre of a polygon, whatever the winding', () => {
    expect(labelAnchor({ type: 'Polygon', coordinates: [square(7, 44, 2)] })).toEqual({ lng: 8, lat: 45 });
    expect(labelAnchor({ type: 'Polygon', coordinates: [[...square(7, 44, 2)].reverse()] })).toEqual({ lng: 8, lat: 45 });
  });

  it('uses the largest polygon of a multipolygon, so a small island does not pull the name away', () => {
    const anchor = labelAnchor({ type: 'MultiPolygon', coordinates: [[square(10, 40, 0.1)], [square(7, 44, 2)]] });
    expect(anchor).toEqual({ lng: 8, lat: 45 });
  });

  it('ignores holes: the outer ring decides', () => {
    expect(labelAnchor({ type: 'Polygon', coordinates: [square(7, 44, 2), square(7.1, 44.1, 0.5)] })).toEqual({ lng: 8, lat: 45 });
  });

  it('takes a point as is and gives up on what has no area to label', () => {
    expect(labelAnchor({ type: 'Point', coordinates: [7.5, 45.1] })).toEqual({ lng: 7.5, lat: 45.1 });
    expect(labelAnchor(null)).toBeNull();
    expect(labelAnchor({ type: 'LineString', coordinates: [[7, 44], [8, 45]] })).toBeNull();
    expect(labelAnchor({ type: 'Polygon', coordinates: [] })).toBeNull();
  });
});

describe('labelCandidates', () => {
  it('keeps the features with a name and a shape, their population as priority', () => {
    const candidates = labelCandidates(
      [
        { id: '001191', properties: { name: 'Pinerolo', population: 36000 }, geometry: { type: 'Polygon', coordinates: [square(7, 44, 2)] } },
        { id: '001999', properties: { name: '', population: 10 }, geometry: { type: 'Polygon', coordinates: [square(7, 44, 2)] } },
        { id: '001998', properties: { name: 'Senza forma' }, geometry: null },
        { id: '001997', properties: { name: 'Senza abitanti', population: null }, geometry: { type: 'Point', coordinates: [7, 45] } },
      ],
      'name',
    );
    expect(candidates).toEqual([
      { id: '001191', text: 'Pinerolo', lng: 8, lat: 45, priority: 36000 },
      { id: '001997', text: 'Senza abitanti', lng: 7, lat: 45, priority: 0 },
    ]);
  });
});

describe('placeLabels', () => {
  const label = (id: string, x: number, y: number, priority: number, text = id): ProjectedLabel => ({ id, text, x, y, priority });
  const view = { width: 400, height: 300, charWidth: 10, lineHeight: 10, gap: 0 };

  it('keeps the more important of two names that would overlap', () => {
    expect(placeLabels([label('Frossasco', 100, 100, 2800), label('Pinerolo', 110, 102, 36000)], view)).toEqual(['Pinerolo']);
  });

  it('keeps both names when they do not touch', () => {
    expect(placeLabels([label('Bricherasio', 100, 50, 4000), label('Pinerolo', 300, 250, 36000)], view)).toEqual(['Pinerolo', 'Bricherasio']);
  });

  it('leaves out names whose place is off screen', () => {
    expect(placeLabels([label('Torino', -5, 100, 900000), label('Pinerolo', 200, 150, 36000), label('Cuneo', 200, 301, 55000)], view)).toEqual(['Pinerolo']);
  });

  it('leaves out names that the edge of the map would cut, even with their anchor on screen', () => {
    // "Villarbasse" is 110 px wide: centred 20 px from the left edge, half of it would be cut.
    expect(placeLabels([label('Villarbasse', 20, 100, 3500), label('Rivalta', 200, 3, 20000), label('Piossasco', 200, 150, 18000)], view)).toEqual(['Piossasco']);
  });

  it('stops at the maximum, keeping the most important', () => {
    const labels = Array.from({ length: 10 }, (_, i) => label(`c${i}`, 20 + i * 38, 150, i, 'ab'));
    expect(placeLabels(labels, { ...view, max: 3 })).toEqual(['c9', 'c8', 'c7']);
  });

  it('breaks ties by name, so the same view always shows the same names', () => {
    expect(placeLabels([label('b', 100, 100, 0, 'Bibiana'), label('a', 104, 100, 0, 'Airasca')], view)).toEqual(['a']);
  });
});
