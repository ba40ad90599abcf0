import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Button, Col, Row } from 'design-react-kit';
import { ZAuditPage, type TAuditEntry } from '../../../common/contracts/audit';
import { PageHeader } from '../../ui/page-header';
import { TextField } from '../../ui/form-field';
import { Loading } from '../../ui/loading';
import { DataTable, type Column } from '../../ui/data-table';
import { api } from '../../app/api-client';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { RequireAccess } from '../../app/require-access';
import { isPlatformAdmin } from '../../app/access';
import { formatDateTime } from '../../app/format';
import { paths } from '../../app/paths';
import {
  auditQueryParams,
  EMPTY_AUDIT_FILTERS,
  filtersFromSearchParams,
  filtersToSearchParams,
  isRangeInverted,
  type AuditFilters,
} from './audit-filters';

const PAGE_SIZE = 50;

/** Suggestions for the filters (what the server records today); any other value can still be typed. */
const KNOWN_ENTITY_TYPES = ['district', 'organization', 'settings', 'territory_import', 'user'];
const KNOWN_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.logout_everywhere',
  'districts.create',
  'districts.update',
  'organizations.create',
  'settings.update',
  'territory.import',
  'users.create',
];

/** Who changed what and when (platform admins only): filters, newest first, before/after on demand. */
export function AuditLogPage() {
  return (
    <RequireAccess allow={isPlatformAdmin}>
      <AuditLog />
    </RequireAccess>
  );
}

function toJson(value: unknown): string {
  return value === null || value === undefined ? '—' : JSON.stringify(value, null, 2);
}

function AuditLog() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const applied = filtersFromSearchParams(params);
  const [draft, setDraft] = useState<AuditFilters>(applied);
  const [rangeError, setRangeError] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());

  const log = useInfiniteQuery({
    queryKey: ['audit', applied],
    queryFn: ({ signal, pageParam }) =>
      api.get('/api/audit', ZAuditPage, {
        signal,
        query: { ...auditQueryParams(applied), limit: PAGE_SIZE, cursor: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (isRangeInverted(draft)) {
      setRangeError(t('audit.filters.rangeInverted'));
      document.getElementById('audit-to')?.focus();
      return;
    }
    setRangeError(null);
    setExpanded(new Set());
    setParams(filtersToSearchParams(draft));
  };

  const reset = () => {
    setDraft(EMPTY_AUDIT_FILTERS);
    setRangeError(null);
    setExpanded(new Set());
    setParams(new URLSearchParams());
  };

  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const columns: Column<TAuditEntry>[] = [
    {
      key: 'time',
      header: t('audit.table.time'),
      isRowHeader: true,
      cell: (entry) => <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt, i18n.language)}</time>,
    },
    { key: 'actor', header: t('audit.table.actor'), cell: (entry) => entry.actorLabel },
    { key: 'action', header: t('audit.table.action'), cell: (entry) => <code>{entry.action}</code> },
    { key: 'entity', header: t('audit.table.entity'), cell: (entry) => entry.entityType },
    { key: 'id', header: t('audit.table.id'), cell: (entry) => <code className="text-break">{entry.entityId}</code> },
    {
      key: 'details',
      header: t('audit.table.details'),
      cell: (entry) => (
        <button
          type="button"
          className="btn btn-link btn-sm p-0"
          aria-expanded={expanded.has(entry.id)}
          aria-controls={`audit-details-${entry.id}`}
          onClick={() => toggle(entry.id)}
        >
          {expanded.has(entry.id) ? t('audit.hideDetails') : t('audit.showDetails')}
          <span className="visually-hidden"> — {entry.action}, {formatDateTime(entry.occurredAt, i18n.language)}</span>
        </button>
      ),
    },
  ];

  const status = log.isPending
    ? t('ui.loading')
    : entries.length === 0
      ? t('audit.empty')
      : log.hasNextPage
        ? t('audit.shownMore', { count: entries.length })
        : t('audit.shown', { count: entries.length });

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        breadcrumbs={[{ label: t('nav.home'), to: paths.home }, { label: t('audit.title') }]}
        lead={t('audit.lead')}
      />
      <form onSubmit={apply} className="filters-panel mb-4" aria-labelledby="audit-filters-heading" noValidate>
        <h2 id="audit-filters-heading" className="h5">
          {t('audit.filters.title')}
        </h2>
        <Row>
          <Col md={6} lg={3}>
            <TextField
              id="audit-entity"
              label={t('audit.filters.entityType')}
              help={t('audit.filters.entityTypeHelp')}
              value={draft.entityType}
              list="audit-entity-types"
              onChange={(event) => setDraft({ ...draft, entityType: event.target.value })}
            />
            <datalist id="audit-entity-types">
              {KNOWN_ENTITY_TYPES.map((value) => (
                <option key={value} value={value} />
              ))}
            </datalist>
          </Col>
          <Col md={6} lg={3}>
            <TextField
              id="audit-action"
              label={t('audit.filters.action')}
              help={t('audit.filters.actionHelp')}
              value={draft.action}
              list="audit-actions"
              onChange={(event) => setDraft({ ...draft, action: event.target.value })}
            />
            <datalist id="audit-actions">
              {KNOWN_ACTIONS.map((value) => (
                <option key={value} value={value} />
              ))}
            </datalist>
          </Col>
          <Col md={6} lg={3}>
            <TextField
              id="audit-from"
              type="date"
              label={t('audit.filters.from')}
              value={draft.from}
              onChange={(event) => setDraft({ ...draft, from: event.target.value })}
            />
          </Col>
          <Col md={6} lg={3}>
            <TextField
              id="audit-to"
              type="date"
              label={t('audit.filters.to')}
              value={draft.to}
              error={rangeError}
              onChange={(event) => setDraft({ ...draft, to: event.target.value })}
            />
          </Col>
        </Row>
        <div className="d-flex gap-2">
          <Button type="submit" color="primary">
            {t('audit.filters.apply')}
          </Button>
          <Button type="button" color="primary" outline onClick={reset}>
            {t('audit.filters.reset')}
          </Button>
        </div>
      </form>

      <p role="status" aria-live="polite" className="search-status">
        {status}
      </p>
      {log.isError && <ApiErrorAlert error={log.error} onRetry={() => void log.refetch()} />}
      {log.isPending ? (
        <Loading />
      ) : (
        entries.length > 0 && (
          <DataTable
            caption={t('audit.caption')}
            columns={columns}
            rows={entries}
            rowKey={(entry) => entry.id}
            renderAfterRow={(entry) =>
              expanded.has(entry.id) ? (
                <tr id={`audit-details-${entry.id}`} className="audit-details">
                  <td colSpan={columns.length}>
                    <Row>
                      <Col md={6}>
                        <h3 className="h6">{t('audit.before')}</h3>
                        <pre className="json-block" tabIndex={0}>{toJson(entry.before)}</pre>
                      </Col>
                      <Col md={6}>
                        <h3 className="h6">{t('audit.after')}</h3>
                        <pre className="json-block" tabIndex={0}>{toJson(entry.after)}</pre>
                      </Col>
                    </Row>
                    {entry.requestId && <p className="small mb-0">{t('audit.requestId', { requestId: entry.requestId })}</p>}
                  </td>
                </tr>
              ) : null
            }
          />
        )
      )}
      {log.hasNextPage && (
        <Button color="primary" outline disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
          {log.isFetchingNextPage ? t('ui.loading') : t('ui.loadMore')}
        </Button>
      )}
    </>
  );
}
