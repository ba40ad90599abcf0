import { describe, expect, it } from 'vitest';
import { auditQueryParams, EMPTY_AUDIT_FILTERS, filtersFromSearchParams, filtersToSearchParams, isRangeInverted } from './audit-filters';

describe('auditQueryParams', () => {
  it('leaves out empty filters', () => {
    expect(auditQueryParams({ ...EMPTY_AUDIT_FILTERS, entityType: ' ', actor: ' ' })).toEqual({
      kind: undefined,
      actor: undefined,
      entityType: undefined,
      action: undefined,
      from: undefined,
      to: undefined,
    });
  });

  it('turns days into the first and last instant of those days in local time', () => {
    const params = auditQueryParams({ ...EMPTY_AUDIT_FILTERS, kind: 'read', actor: 'coordinatore', entityType: 'district', from: '2024-03-01', to: '2024-03-02' });
    expect(params).toMatchObject({ kind: 'read', actor: 'coordinatore', entityType: 'district' });
    expect(params.from).toBe(new Date(2024, 2, 1, 0, 0, 0, 0).toISOString());
    expect(params.to).toBe(new Date(2024, 2, 2, 23, 59, 59, 999).toISOString());
  });

  it('ignores malformed dates', () => {
    expect(auditQueryParams({ ...EMPTY_AUDIT_FILTERS, from: '01/03/2024', to: 'x' }).from).toBeUndefined();
  });
});

describe('URL round trip', () => {
  it('keeps the filters in Italian-named parameters, the kind in Italian too', () => {
    const filters = { ...EMPTY_AUDIT_FILTERS, kind: 'refused' as const, actor: 'mario', entityType: 'settings', from: '2024-01-01' };
    const params = filtersToSearchParams(filters);
    expect(params.toString()).toBe('tipo=rifiutato&autore=mario&entita=settings&dal=2024-01-01');
    expect(filtersFromSearchParams(params)).toEqual(filters);
  });

  it('ignores a kind it does not know', () => {
    expect(filtersFromSearchParams(new URLSearchParams('tipo=altro')).kind).toBe('');
  });

  it('keeps a declared action, reads a former name as the action it became, and ignores any other', () => {
    const filters = { ...EMPTY_AUDIT_FILTERS, action: 'needs.create-need' as const };
    expect(filtersToSearchParams(filters).toString()).toBe('azione=needs.create-need');
    expect(filtersFromSearchParams(filtersToSearchParams(filters))).toEqual(filters);
    expect(auditQueryParams(filters).action).toBe('needs.create-need');
    expect(filtersFromSearchParams(new URLSearchParams('azione=needs.create')).action).toBe('needs.create-need');
    expect(filtersFromSearchParams(new URLSearchParams('azione=drop-table')).action).toBe('');
  });
});

describe('isRangeInverted', () => {
  it('spots a start after the end', () => {
    expect(isRangeInverted({ ...EMPTY_AUDIT_FILTERS, from: '2024-02-01', to: '2024-01-01' })).toBe(true);
    expect(isRangeInverted({ ...EMPTY_AUDIT_FILTERS, from: '2024-01-01' })).toBe(false);
  });
});
