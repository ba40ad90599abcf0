import { describe, expect, it } from 'vitest';
import { auditQueryParams, filtersFromSearchParams, filtersToSearchParams, isRangeInverted } from './audit-filters';

describe('auditQueryParams', () => {
  it('leaves out empty filters', () => {
    expect(auditQueryParams({ entityType: ' ', action: '', from: '', to: '' })).toEqual({
      entityType: undefined,
      action: undefined,
      from: undefined,
      to: undefined,
    });
  });

  it('turns days into the first and last instant of those days in local time', () => {
    const params = auditQueryParams({ entityType: 'district', action: 'district.update', from: '2024-03-01', to: '2024-03-02' });
    expect(params.entityType).toBe('district');
    expect(params.from).toBe(new Date(2024, 2, 1, 0, 0, 0, 0).toISOString());
    expect(params.to).toBe(new Date(2024, 2, 2, 23, 59, 59, 999).toISOString());
  });

  it('ignores malformed dates', () => {
    expect(auditQueryParams({ entityType: '', action: '', from: '01/03/2024', to: 'x' }).from).toBeUndefined();
  });
});

describe('URL round trip', () => {
  it('keeps the filters in Italian-named parameters', () => {
    const filters = { entityType: 'settings', action: '', from: '2024-01-01', to: '' };
    const params = filtersToSearchParams(filters);
    expect(params.toString()).toBe('entita=settings&dal=2024-01-01');
    expect(filtersFromSearchParams(params)).toEqual(filters);
  });
});

describe('isRangeInverted', () => {
  it('spots a start after the end', () => {
    expect(isRangeInverted({ entityType: '', action: '', from: '2024-02-01', to: '2024-01-01' })).toBe(true);
    expect(isRangeInverted({ entityType: '', action: '', from: '2024-01-01', to: '' })).toBe(false);
  });
});
