import { describe, expect, it } from 'vitest';
import { fillColorExpression } from '../../ui/map/map-style';
import { BREAKING_CLASSIFICATION, ZONE_COLORS, withColorIndex, zoneClassification } from './zone-colors';

describe('zone colours', () => {
  it('gives each of three zones its own colour through the step expression', () => {
    expect(fillColorExpression(zoneClassification(3))).toEqual([
      'case',
      ['==', ['typeof', ['get', 'colorIndex']], 'number'],
      ['step', ['get', 'colorIndex'], ZONE_COLORS[0], 1, ZONE_COLORS[1], 2, ZONE_COLORS[2]],
      expect.any(String),
    ]);
  });

  it('cycles the palette beyond twelve zones', () => {
    const features = withColorIndex<{ properties: Record<string, unknown> }>([{ properties: { zoneIndex: 13 } }, { properties: { zoneIndex: 2 } }]);
    expect(features.map((f) => f.properties.colorIndex)).toEqual([1, 2]);
    expect(zoneClassification(30).colors).toHaveLength(12);
  });

  it('colours breaking municipalities apart from coinciding ones', () => {
    expect(BREAKING_CLASSIFICATION.colors[0]).not.toBe(BREAKING_CLASSIFICATION.colors[1]);
    expect(BREAKING_CLASSIFICATION.breaks).toEqual([1]);
  });
});
