import type { QueryValue } from '../../app/api-client';

/** What the filter form holds: plain strings, dates as `YYYY-MM-DD` in the visitor's time zone. */
export interface AuditFilters {
  entityType: string;
  action: string;
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTERS: AuditFilters = { entityType: '', action: '', from: '', to: '' };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function localDayBoundary(day: string, endOfDay: boolean): string | undefined {
  if (!DATE.test(day)) return undefined;
  const date = new Date(`${day}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * Query parameters for GET /api/audit: `from` is the start of the first day and `to` the end of the last one,
 * both in local time, sent as ISO instants; empty filters are left out.
 */
export function auditQueryParams(filters: AuditFilters): Record<string, QueryValue> {
  return {
    entityType: filters.entityType.trim() || undefined,
    action: filters.action.trim() || undefined,
    from: localDayBoundary(filters.from, false),
    to: localDayBoundary(filters.to, true),
  };
}

/** Filters read back from the page URL, so a filtered view can be bookmarked and shared. */
export function filtersFromSearchParams(params: URLSearchParams): AuditFilters {
  return {
    entityType: params.get('entita') ?? '',
    action: params.get('azione') ?? '',
    from: params.get('dal') ?? '',
    to: params.get('al') ?? '',
  };
}

export function filtersToSearchParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.entityType.trim()) params.set('entita', filters.entityType.trim());
  if (filters.action.trim()) params.set('azione', filters.action.trim());
  if (filters.from) params.set('dal', filters.from);
  if (filters.to) params.set('al', filters.to);
  return params;
}

/** True when `from` is after `to` (both set). */
export function isRangeInverted(filters: AuditFilters): boolean {
  return Boolean(filters.from && filters.to && filters.from > filters.to);
}
