import { describe, expect, it } from 'vitest';
import { districtShown, matchingPaths, referralsDistrict } from './matching-paths';

describe('matching pages opened on a district (issue 14: links from the district page and the home keep it)', () => {
  const districts = [{ id: 'd-demo', isDemo: true }, { id: 'd-cuneo', isDemo: false }, { id: 'd-torino', isDemo: false }];

  it('puts the district in the address of the gap map and of the referrals', () => {
    expect(matchingPaths.gapsOfDistrict('3f2a')).toBe('/abbinamento?distretto=3f2a');
    expect(matchingPaths.referralsOfDistrict('3f2a')).toBe('/abbinamento/segnalazioni?distretto=3f2a');
    expect(matchingPaths.gapsOfDistrict('a b&c')).toBe('/abbinamento?distretto=a%20b%26c');
  });

  it('shows the named district first, even over the districts the reader coordinates', () => {
    expect(districtShown('d-torino', ['d-cuneo'], districts)).toBe('d-torino');
    // While the list loads, the address is trusted (no flash of another district).
    expect(districtShown('d-torino', ['d-cuneo'], undefined)).toBe('d-torino');
  });

  it('falls back to the coordinated, then the demo, then the first district when none (or an unknown one) is named', () => {
    expect(districtShown(null, ['d-cuneo'], districts)).toBe('d-cuneo');
    expect(districtShown('not-a-district', ['d-cuneo'], districts)).toBe('d-cuneo');
    expect(districtShown(null, [], districts)).toBe('d-demo');
    expect(districtShown(null, [], [{ id: 'd-x', isDemo: false }])).toBe('d-x');
    expect(districtShown(null, [], [])).toBeNull();
  });

  it('filters the referrals on the named district, or shows them all', () => {
    expect(referralsDistrict('d-cuneo', districts)).toBe('d-cuneo');
    expect(referralsDistrict(null, districts)).toBeNull();
    expect(referralsDistrict('not-a-district', districts)).toBeNull();
  });
});
