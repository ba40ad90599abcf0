import { describe, expect, it } from 'vitest';
import { computeAlignment, partitionScores, type Assignment, type MunicipalityFacts } from './alignment-scores';

const zone = (code: string) => ({ zoneKey: code, zoneCode: code, zoneName: `Zona ${code}` });
const assign = (zones: Record<string, string[]>): Assignment[] =>
  Object.entries(zones).flatMap(([code, members]) => members.map((municipalityCode) => ({ municipalityCode, ...zone(code) })));
const facts = (population: Record<string, number>) => new Map<string, MunicipalityFacts>(Object.entries(population).map(([code, p]) => [code, { name: `Comune ${code}`, population: p }]));

describe('alignment scores on hand-made partitions', () => {
  it('scores two partitions of six equal municipalities as derived by hand', () => {
    // A = {1,2,3} {4,5,6}; B = {1,2} {3,4,5,6}. Contingency n_ij: A1 → B1 2, B2 1; A2 → B2 3. n = 6.
    // Coincidence: main of A1 is B1 (2), of A2 is B2 (3) → (2 + 3) / 6 = 5/6; municipality 3 breaks.
    // ARI: index = C(2,2)+C(1,2)+C(3,2) = 1+0+3 = 4; Σa = C(3,2)+C(3,2) = 6; Σb = C(2,2)+C(4,2) = 1+6 = 7;
    //      expected = 6·7 / C(6,2) = 42/15 = 2.8; max = (6+7)/2 = 6.5; ARI = (4−2.8)/(6.5−2.8) = 1.2/3.7.
    // VI: H(A,B) = ⅓ln3 + ⅙ln6 + ½ln2; H(A) = ln2; H(B) = ⅓ln3 + ⅔ln(3/2);
    //     VI = 2H(A,B) − H(A) − H(B) = ln2 exactly; NVI = ln2 / H(A,B).
    const a = assign({ A1: ['1', '2', '3'], A2: ['4', '5', '6'] });
    const b = assign({ B1: ['1', '2'], B2: ['3', '4', '5', '6'] });
    const result = computeAlignment(a, b, facts({ 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1 }));
    const hJoint = Math.log(3) / 3 + Math.log(6) / 6 + Math.log(2) / 2;
    expect(result.scores.coincidenceShare).toBeCloseTo(5 / 6, 11);
    expect(result.scores.adjustedRandIndex).toBeCloseTo(1.2 / 3.7, 11);
    expect(result.scores.normalizedVariationOfInformation).toBeCloseTo(Math.log(2) / hJoint, 11);
    // Equal weights: the municipality scores are the same numbers.
    expect(result.scores.adjustedRandIndexMunicipalities).toBeCloseTo(1.2 / 3.7, 11);
    expect(result.breaking.map((m) => m.istatCode)).toEqual(['3']);
    expect(result.breaking[0]).toMatchObject({ aZoneCode: 'A1', bZoneCode: 'B2', mainBZoneCode: 'B1' });
    expect(result.crosswalk.map((row) => [row.aZoneCode, row.mainShare, row.cells.map((c) => `${c.bZoneCode}:${c.municipalityCount}`)])).toEqual([
      ['A1', 2 / 3, ['B1:2', 'B2:1']],
      ['A2', 1, ['B2:3']],
    ]);
  });

  it('weights by people when populations differ', () => {
    // A = {x,y} {z}; B = {x} {y,z}; population x 100, y 100, z 200 → n_ij: A1B1 100, A1B2 100, A2B2 200; n = 400.
    // Main of A1: B1 and B2 tie at 100 people and 1 municipality → the smaller key, B1. Coincidence = (100+200)/400.
    // ARI by people: index = C(100,2)+C(100,2)+C(200,2) = 4950+4950+19900 = 29800; Σa = 2·C(200,2) = 39800;
    //   Σb = C(100,2)+C(300,2) = 4950+44850 = 49800; expected = 39800·49800/C(400,2) = 39800·49800/79800;
    //   max = (39800+49800)/2 = 44800.
    // By municipality: n_ij 1,1,1 → index 0, Σa = 1, Σb = 1, expected = 1/3, max = 1 → ARI = (0−⅓)/(1−⅓) = −½.
    const a = assign({ A1: ['x', 'y'], A2: ['z'] });
    const b = assign({ B1: ['x'], B2: ['y', 'z'] });
    const result = computeAlignment(a, b, facts({ x: 100, y: 100, z: 200 }));
    const expected = (39800 * 49800) / 79800;
    expect(result.scores.coincidenceShare).toBeCloseTo(0.75, 11);
    expect(result.scores.coincidenceShareMunicipalities).toBeCloseTo(2 / 3, 11);
    expect(result.scores.adjustedRandIndex).toBeCloseTo((29800 - expected) / (44800 - expected), 11);
    expect(result.scores.adjustedRandIndexMunicipalities).toBeCloseTo(-0.5, 11);
    expect(result.breaking).toEqual([expect.objectContaining({ istatCode: 'y', population: 100, mainBZoneCode: 'B1' })]);
    expect(result.breakingPopulation).toBe(100);
  });

  it('gives perfect scores to identical partitions, whatever the zone codes', () => {
    const a = assign({ N: ['1', '2'], S: ['3', '4', '5'] });
    const b = assign({ north: ['1', '2'], south: ['3', '4', '5'] });
    const result = computeAlignment(a, b, facts({ 1: 10, 2: 20, 3: 30, 4: 40, 5: 50 }));
    expect(result.scores).toEqual({
      coincidenceShare: 1,
      coincidenceShareMunicipalities: 1,
      adjustedRandIndex: 1,
      adjustedRandIndexMunicipalities: 1,
      normalizedVariationOfInformation: 0,
      normalizedVariationOfInformationMunicipalities: 0,
    });
    expect(result.breaking).toEqual([]);
  });

  it('scores only the municipalities both maps contain and counts the others', () => {
    const a = assign({ A: ['1', '2', '9'] });
    const b = assign({ B: ['1', '2', '7', '8'] });
    const result = computeAlignment(a, b, facts({ 1: 1, 2: 1, 7: 1, 8: 1, 9: 1 }));
    expect([result.sharedMunicipalityCount, result.onlyInACount, result.onlyInBCount]).toEqual([2, 1, 2]);
    // One zone on each side: both partitions trivial and equal → perfect by convention.
    expect(result.scores.adjustedRandIndex).toBe(1);
    expect(result.scores.normalizedVariationOfInformation).toBe(0);
  });

  it('gives NVI 1 when the partitions share nothing (every A zone spread evenly over every B zone)', () => {
    // n_ij = 1 for each of the 2×2 cells: I(A;B) = 0 → NVI = 1 − 0/H(A,B) = 1; ARI = (0 − 2·2/6)/(2 − 2/3) = −½.
    const { ari, nvi } = partitionScores([1, 1, 1, 1], [2, 2], [2, 2]);
    expect(nvi).toBeCloseTo(1, 11);
    expect(ari).toBeCloseTo(-0.5, 11);
  });
});
