import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from 'design-react-kit';
import { ZJob, ZJobsPage, type TJob } from '../../../common/contracts/jobs';
import { api, isApiError } from '../../app/api-client';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { isPlatformAdmin } from '../../app/access';
import { describeError } from '../../app/error-messages';
import { formatDateTime } from '../../app/format';
import { paths } from '../../app/paths';
import { RequireAccess } from '../../app/require-access';
import { DataTable, type Column } from '../../ui/data-table';
import { SelectField } from '../../ui/form-field';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { FILTER_STATES, jobErrorLabel, jobTypeLabel, stateFromParam } from './job-labels';

const PAGE_SIZE = 50;

/**
 * The background job queue (ADR 0025), for platform administrators: the jobs that failed after every attempt by
 * default, the waiting or running ones on demand, and a way to queue a failed job again once its cause is fixed.
 */
export function JobsPage() {
  return (
    <RequireAccess allow={isPlatformAdmin} roles={['platform_admin']}>
      <Jobs />
    </RequireAccess>
  );
}

type Outcome = { color: 'success' | 'danger'; text: string };

function Jobs() {
  const { t, i18n } = useTranslation('jobs');
  const { t: tRoot } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = stateFromParam(params.get('stato'));
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const queryClient = useQueryClient();

  const jobs = useInfiniteQuery({
    queryKey: ['jobs', state],
    queryFn: ({ signal, pageParam }) => api.get('/api/jobs', ZJobsPage, { signal, query: { state, limit: PAGE_SIZE, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    staleTime: 0,
  });
  const rows = jobs.data?.pages.flatMap((page) => page.items) ?? [];

  const retry = useMutation({
    mutationFn: (job: TJob) => api.post(`/api/jobs/${encodeURIComponent(job.id)}/retry`, ZJob),
    onMutate: () => setOutcome(null),
    onSuccess: (_retried, job) => setOutcome({ color: 'success', text: t('retried', { label: jobTypeLabel(t, job.type) }) }),
    onError: (error, job) => {
      const label = jobTypeLabel(t, job.type);
      setOutcome({
        color: 'danger',
        text: isApiError(error) && error.status === 409 ? t('retryConflict', { label }) : t('retryFailed', { label, reason: describeError(error, tRoot) }),
      });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['jobs'] }),
  });

  const setState = (value: string) => {
    setOutcome(null);
    const next = new URLSearchParams(params);
    if (value && value !== 'dead') next.set('stato', value);
    else next.delete('stato');
    setParams(next, { replace: true });
  };

  const date = (iso: string) => <time dateTime={iso}>{formatDateTime(iso, i18n.language)}</time>;
  const nextRun = (job: TJob) => {
    if (job.state === 'dead') return <span className="text-muted">{t('nextRun.none')}</span>;
    if (job.state === 'running') return t('nextRun.running');
    return date(job.runAt);
  };

  const columns: Column<TJob>[] = [
    { key: 'type', header: t('table.type'), isRowHeader: true, cell: (job) => jobTypeLabel(t, job.type) },
    { key: 'attempts', header: t('table.attempts'), cell: (job) => t('attempts', { attempts: job.attempts, maxAttempts: job.maxAttempts }) },
    {
      key: 'lastError',
      header: t('table.lastError'),
      // In words; the raw message stays in a closed disclosure for whoever debugs (it is the server's, often English).
      cell: (job) =>
        job.lastError ? (
          <>
            <span>{jobErrorLabel(t, job.lastErrorReason)}</span>
            <details className="small mt-1">
              <summary>{t('technicalDetails')}</summary>
              <span className="text-break" lang="en">{job.lastError}</span>
            </details>
          </>
        ) : (
          <span className="text-muted">{t('noError')}</span>
        ),
    },
    { key: 'createdAt', header: t('table.createdAt'), cell: (job) => date(job.createdAt) },
    { key: 'runAt', header: t('table.runAt'), cell: nextRun },
  ];
  if (state === 'dead') {
    columns.push({
      key: 'actions',
      header: t('table.actions'),
      cell: (job) => {
        const label = jobTypeLabel(t, job.type);
        return (
          <Button
            type="button"
            color="primary"
            outline
            size="sm"
            disabled={retry.isPending}
            aria-label={t('retryLabel', { label, createdAt: formatDateTime(job.createdAt, i18n.language) })}
            onClick={() => retry.mutate(job)}
          >
            {t('retry')}
          </Button>
        );
      },
    });
  }

  return (
    <>
      <PageHeader title={t('title')} breadcrumbs={[{ label: tRoot('nav.home'), to: paths.home }, { label: t('title') }]} lead={t('lead')} />
      <form className="row" aria-label={t('filters.label')} onSubmit={(event) => event.preventDefault()}>
        <SelectField className="col-md-4" id="jobs-state" label={t('filters.state')} value={state} onChange={(event) => setState(event.target.value)}>
          {FILTER_STATES.map((candidate) => (
            <option key={candidate} value={candidate}>
              {t(`states.${candidate}`)}
            </option>
          ))}
        </SelectField>
      </form>
      <div role="status" aria-live="polite">
        {outcome && (
          <Alert fade={false} color={outcome.color}>
            {outcome.text}
          </Alert>
        )}
      </div>
      {jobs.isError && <ApiErrorAlert error={jobs.error} onRetry={() => void jobs.refetch()} />}
      {jobs.isPending ? (
        <Loading />
      ) : (
        jobs.data && (
          <>
            <DataTable caption={t(`caption.${state}`)} columns={columns} rows={rows} rowKey={(job) => job.id} emptyText={t(`empty.${state}`)} />
            {rows.length > 0 && <p className="small text-muted">{t('shown', { count: rows.length })}</p>}
          </>
        )
      )}
      {jobs.hasNextPage && (
        <Button color="primary" outline disabled={jobs.isFetchingNextPage} onClick={() => void jobs.fetchNextPage()}>
          {jobs.isFetchingNextPage ? tRoot('ui.loading') : t('more')}
        </Button>
      )}
    </>
  );
}
