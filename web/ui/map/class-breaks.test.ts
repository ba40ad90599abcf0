import { describe, expect, it } from 'vitest';
import { classIndex, integerClassRanges, quantileBreaks, roundToSignificant } from './class-breaks';

describe('roundToSignificant', () => {
  it('keeps two significant figures', () => {
    expect(roundToSignificant(1187)).toBe(1200);
    expect(roundToSignificant(35_432)).toBe(35_000);
    expect(roundToSignificant(87)).toBe(87);
    expect(roundToSignificant(0)).toBe(0);
  });
});

describe('quantileBreaks', () => {
  it('splits 1…600 into six classes of about 100 values', () => {
    const values = Array.from({ length: 600 }, (_, i) => i + 1);
    const breaks = quantileBreaks(values, 6, 3);
    expect(breaks).toEqual([101, 201, 301, 401, 501]);
    const ranges = integerClassRanges(values, breaks);
    expect(ranges.map((range) => range.count)).toEqual([100, 100, 100, 100, 100, 100]);
  });

  it('returns strictly increasing thresholds even when values repeat', () => {
    const values = [5, 5, 5, 5, 5, 5, 5, 5, 100, 1000];
    const breaks = quantileBreaks(values, 6);
    for (let i = 1; i < breaks.length; i += 1) expect(breaks[i]!).toBeGreaterThan(breaks[i - 1]!);
    expect(breaks.every((value) => value > 5)).toBe(true);
  });

  it('gives no breaks when there is nothing to classify', () => {
    expect(quantileBreaks([], 6)).toEqual([]);
    expect(quantileBreaks([42], 6)).toEqual([]);
    expect(quantileBreaks([7, 7, 7], 6)).toEqual([]);
  });

  it('ignores non-finite values', () => {
    expect(quantileBreaks([Number.NaN, 1, 2, 3, 4], 2)).toEqual([3]);
  });

  it('rounds skewed populations to readable thresholds', () => {
    const populations = [120, 340, 560, 780, 990, 1187, 2430, 4800, 9100, 35_432, 870_000, 15_000];
    const breaks = quantileBreaks(populations, 6);
    expect(breaks).toEqual([560, 990, 2400, 9100, 35_000]);
  });
});

describe('classIndex', () => {
  it('puts the threshold value in the upper class', () => {
    expect(classIndex(9, [10, 20])).toBe(0);
    expect(classIndex(10, [10, 20])).toBe(1);
    expect(classIndex(19, [10, 20])).toBe(1);
    expect(classIndex(20, [10, 20])).toBe(2);
  });
});

describe('integerClassRanges', () => {
  it('describes each class from its first to its last whole number', () => {
    expect(integerClassRanges([3, 12, 25, 40], [10, 20])).toEqual([
      { from: 3, to: 9, count: 1 },
      { from: 10, to: 19, count: 1 },
      { from: 20, to: 40, count: 2 },
    ]);
  });
});
