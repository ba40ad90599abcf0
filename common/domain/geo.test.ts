import { describe, expect, it } from 'vitest';
import { haversineKm, toCentimetres } from './geo';

describe('toCentimetres', () => {
  it('keeps 7 decimals of a degree and rounds the eighth', () => {
    expect(toCentimetres(44.12345674)).toBe(44.1234567);
    expect(toCentimetres(44.12345675)).toBe(44.1234568);
    expect(toCentimetres(-7.00000004)).toBe(-7);
  });

  it('turns a subnormal coordinate (5e-324, found by the API fuzz) into a plain 0, never -0', () => {
    expect(toCentimetres(5e-324)).toBe(0);
    expect(Object.is(toCentimetres(-5e-324), 0)).toBe(true);
  });
});

describe('haversineKm', () => {
  it('measures Pinerolo to Torino as about 35 km', () => {
    expect(haversineKm(44.8849, 7.3306, 45.0703, 7.6869)).toBeCloseTo(34.9, 0);
  });
});
