import { AUDIT_KINDS, type TAuditKind } from '../../../common/contracts/audit';
import { currentAuditAction, type AuditAction } from '../../../common/contracts/audit-action-catalog';
import type { QueryValue } from '../../app/api-client';

/** What the filter form holds: plain strings, dates as `YYYY-MM-DD` in the visitor's time zone. */
export interface AuditFilters {
  kind: TAuditKind | '';
  actor: string;
  entityType: string;
  /** A declared action (its current name: the server also finds the rows written under its former names). */
  action: AuditAction | '';
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTERS: AuditFilters = { kind: '', actor: '', entityType: '', action: '', from: '', to: '' };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function localDayBoundary(day: string, endOfDay: boolean): string | undefined {
  if (!DATE.test(day)) return undefined;
  const date = new Date(`${day}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function kindOf(value: string | null): TAuditKind | '' {
  return (AUDIT_KINDS as readonly string[]).includes(value ?? '') ? (value as TAuditKind) : '';
}

/**
 * Query parameters for GET /api/audit: `from` is the start of the first day and `to` the end of the last one,
 * both in local time, sent as ISO instants; empty filters are left out.
 */
export function auditQueryParams(filters: AuditFilters): Record<string, QueryValue> {
  return {
    kind: filters.kind || undefined,
    actor: filters.actor.trim() || undefined,
    entityType: filters.entityType.trim() || undefined,
    action: filters.action || undefined,
    from: localDayBoundary(filters.from, false),
    to: localDayBoundary(filters.to, true),
  };
}

/** The kinds as they read in the URL (Italian, like the other parameters). */
const KIND_IN_URL: Record<TAuditKind, string> = { write: 'scrittura', read: 'lettura', refused: 'rifiutato' };

/** Filters read back from the page URL, so a filtered view can be bookmarked and shared. */
export function filtersFromSearchParams(params: URLSearchParams): AuditFilters {
  const kindInUrl = params.get('tipo');
  const kind = (Object.entries(KIND_IN_URL).find(([, value]) => value === kindInUrl)?.[0] ?? '') as string;
  return {
    kind: kindOf(kind),
    actor: params.get('autore') ?? '',
    entityType: params.get('entita') ?? '',
    // A bookmarked former name still works: it stands for the action it was renamed to.
    action: currentAuditAction(params.get('azione') ?? '') ?? '',
    from: params.get('dal') ?? '',
    to: params.get('al') ?? '',
  };
}

export function filtersToSearchParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.kind) params.set('tipo', KIND_IN_URL[filters.kind]);
  if (filters.actor.trim()) params.set('autore', filters.actor.trim());
  if (filters.entityType.trim()) params.set('entita', filters.entityType.trim());
  if (filters.action) params.set('azione', filters.action);
  if (filters.from) params.set('dal', filters.from);
  if (filters.to) params.set('al', filters.to);
  return params;
}

/** True when `from` is after `to` (both set). */
export function isRangeInverted(filters: AuditFilters): boolean {
  return Boolean(filters.from && filters.to && filters.from > filters.to);
}
