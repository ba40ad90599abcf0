import { describe, expect, it } from 'vitest';
import { featuresBbox } from './geo-bbox';

describe('featuresBbox', () => {
  it('covers polygons and multipolygons', () => {
    const features = [
      { geometry: { type: 'Polygon', coordinates: [[[7, 44], [8, 44], [8, 45], [7, 44]]] } },
      { geometry: { type: 'MultiPolygon', coordinates: [[[[6.5, 45.5], [7.5, 46], [7, 45.5], [6.5, 45.5]]]] } },
    ];
    expect(featuresBbox(features)).toEqual([6.5, 44, 8, 46]);
  });

  it('handles points and geometry collections', () => {
    const features = [
      { geometry: { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [10, 40] }] } },
      { geometry: { type: 'Point', coordinates: [12, 41] } },
    ];
    expect(featuresBbox(features)).toEqual([10, 40, 12, 41]);
  });

  it('returns null without coordinates', () => {
    expect(featuresBbox([])).toBeNull();
    expect(featuresBbox([{ geometry: null }])).toBeNull();
  });
});
