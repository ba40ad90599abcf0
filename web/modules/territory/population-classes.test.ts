import { describe, expect, it } from 'vitest';
import { populationClasses, type MunicipalityFeatureCollection } from './population-classes';

function collection(populations: Array<number | null>): MunicipalityFeatureCollection {
  return {
    type: 'FeatureCollection',
    features: populations.map((population, i) => ({
      type: 'Feature',
      id: String(i).padStart(6, '0'),
      properties: { istatCode: String(i).padStart(6, '0'), name: `Comune ${i}`, population },
      geometry: null,
    })),
  };
}

describe('populationClasses', () => {
  it('builds up to six classes with one colour each and counts municipalities without population', () => {
    const result = populationClasses(collection([...Array.from({ length: 60 }, (_, i) => (i + 1) * 100), null, null]));
    expect(result.noDataCount).toBe(2);
    expect(result.ranges).toHaveLength(6);
    expect(result.colors).toHaveLength(6);
    expect(result.classification?.breaks).toHaveLength(5);
    expect(result.ranges.reduce((sum, range) => sum + range.count, 0)).toBe(60);
  });

  it('has no classification when no municipality has a population', () => {
    const result = populationClasses(collection([null]));
    expect(result.classification).toBeNull();
    expect(result.noDataCount).toBe(1);
  });
});
