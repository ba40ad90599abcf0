import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { actorInWords } from '../../app/actor-words';
import { keepPreviousData, useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { Alert, Button, Col, Row } from 'design-react-kit';
import { AUDIT_KINDS, ZAuditPage, ZAuditVerification, type TAuditEntry, type TAuditKind } from '../../../common/contracts/audit';
import type { AuditAction } from '../../../common/contracts/audit-action-catalog';
import { PageHeader } from '../../ui/page-header';
import { SelectField, TextField } from '../../ui/form-field';
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
import { actionGroups, actionLabel, entityLabel, KNOWN_ENTITY_TYPES } from './audit-labels';

const PAGE_SIZE = 50;

/**
 * Who changed what, who read private data and who was refused, when and from where (platform admins only): filters,
 * newest first, details on demand, and a check of the log's hash chain.
 */
export function AuditLogPage() {
  return (
    <RequireAccess allow={isPlatformAdmin} roles={['platform_admin']}>
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
    { key: 'kind', header: t('audit.table.kind'), cell: (entry) => <span className={`audit-kind audit-kind-${entry.kind}`}>{t(`audit.kinds.${entry.kind}`)}</span> },
    { key: 'actor', header: t('audit.table.actor'), cell: (entry) => actorInWords(t, entry.actorLabel) },
    { key: 'action', header: t('audit.table.action'), cell: (entry) => actionLabel(t, i18n.language, entry) },
    { key: 'entity', header: t('audit.table.entity'), cell: (entry) => entityLabel(t, entry.entityType) },
    { key: 'source', header: t('audit.table.source'), cell: (entry) => entry.sourceIp ?? <span className="text-muted">{t('audit.sourceUnknown')}</span> },
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
          <span className="visually-hidden"> — {actionLabel(t, i18n.language, entry)}, {formatDateTime(entry.occurredAt, i18n.language)}</span>
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
            <SelectField id="audit-kind" label={t('audit.filters.kind')} value={draft.kind} onChange={(event) => setDraft({ ...draft, kind: event.target.value as TAuditKind | '' })}>
              <option value="">{t('audit.filters.kindAll')}</option>
              {AUDIT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`audit.kinds.${kind}`)}
                </option>
              ))}
            </SelectField>
          </Col>
          <Col md={6} lg={3}>
            <TextField
              id="audit-actor"
              label={t('audit.filters.actor')}
              help={t('audit.filters.actorHelp')}
              value={draft.actor}
              onChange={(event) => setDraft({ ...draft, actor: event.target.value })}
            />
          </Col>
          <Col md={6} lg={3}>
            <SelectField id="audit-entity" label={t('audit.filters.entityType')} value={draft.entityType} onChange={(event) => setDraft({ ...draft, entityType: event.target.value })}>
              <option value="">{t('audit.filters.entityAll')}</option>
              {KNOWN_ENTITY_TYPES.map((type) => ({ type, label: entityLabel(t, type) }))
                .sort((a, b) => a.label.localeCompare(b.label, i18n.language))
                .map(({ type, label }) => (
                  <option key={type} value={type}>
                    {label}
                  </option>
                ))}
            </SelectField>
          </Col>
        </Row>
        <Row>
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
          <Col md={12} lg={6}>
            <SelectField id="audit-action" label={t('audit.filters.action')} value={draft.action} onChange={(event) => setDraft({ ...draft, action: event.target.value as AuditAction | '' })}>
              <option value="">{t('audit.filters.actionAll')}</option>
              {actionGroups(t, i18n.language).map(({ area, actions }) => (
                <optgroup key={area} label={area}>
                  {actions.map(({ name, label }) => (
                    <option key={name} value={name}>
                      {label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </SelectField>
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

      <ChainCheck />

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
                    <ul className="small mb-0 list-unstyled">
                      <li>{t('audit.entityId', { id: entry.entityId })}</li>
                      {entry.userAgent && <li>{t('audit.userAgent', { userAgent: entry.userAgent })}</li>}
                      {entry.requestId && <li>{t('audit.requestId', { requestId: entry.requestId })}</li>}
                      <li>{t('audit.seq', { seq: entry.seq })}</li>
                      <li>{t('audit.code', { code: entry.action })}</li>
                    </ul>
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

const BREAK_REASONS = {
  missing: 'audit.verify.reasons.missing',
  altered: 'audit.verify.reasons.altered',
  relinked: 'audit.verify.reasons.relinked',
  'tail-missing': 'audit.verify.reasons.tail_missing',
} as const;

/** Checks the hash chain on demand (POST /api/audit/verify) and says whether the log is intact. */
function ChainCheck() {
  const { t } = useTranslation();
  const check = useMutation({ mutationFn: () => api.post('/api/audit/verify', ZAuditVerification) });
  const result = check.data;
  return (
    <section className="mb-4" aria-labelledby="audit-verify-heading">
      <h2 id="audit-verify-heading" className="h5">
        {t('audit.verify.title')}
      </h2>
      <p>{t('audit.verify.text')}</p>
      <Button type="button" color="primary" outline disabled={check.isPending} onClick={() => check.mutate()}>
        {check.isPending ? t('audit.verify.running') : t('audit.verify.button')}
      </Button>
      <div role="status" aria-live="polite" className="mt-3">
        {result && !result.brokenAt && (
          <Alert fade={false} color="success">
            {t('audit.verify.ok', { count: result.checkedEntries, hash: result.headHash })}
          </Alert>
        )}
        {result?.brokenAt && (
          <Alert fade={false} color="danger">
            {t('audit.verify.broken', { seq: result.brokenAt.seq, reason: t(BREAK_REASONS[result.brokenAt.reason]) })}
          </Alert>
        )}
      </div>
      {check.isError && <ApiErrorAlert error={check.error} onRetry={() => check.mutate()} />}
    </section>
  );
}
