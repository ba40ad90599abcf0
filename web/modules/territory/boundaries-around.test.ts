import { describe, expect, it } from 'vitest';
import { provincesAround } from './boundaries-around';

describe('provincesAround', () => {
  it('reads the province from the first three digits of each municipality code, the busiest first', () => {
    expect(provincesAround(['004003', '001191', '001272', '001191', '004078', '001001'])).toEqual(['001', '004']);
  });

  it('breaks ties by code and stops at the maximum', () => {
    expect(provincesAround(['006001', '002001', '005001', '003001', '001001'], 3)).toEqual(['001', '002', '003']);
  });

  it('ignores what is not a municipality code', () => {
    expect(provincesAround(['', 'abc', '12345', '0011910'])).toEqual([]);
  });
});
