import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import type { TPactDetail, TPactTimeline } from '../../../common/contracts/pacts';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { DataTable } from '../../ui/data-table';
import { Loading } from '../../ui/loading';
import { PrintableSection } from '../../ui/printable-section';
import { LoadedPactSubpage } from './loaded-pact';
import { italianDayOf, signatoryGrowth } from './pact-commitment-rules';
import { pactTimelineQuery } from './pact-commitments.queries';
import { useCommitmentLabels } from './use-commitment-labels';
import '../../ui/printable.css';
import './pacts.css';

const PactChart = lazy(() => import('./pact-chart'));

/** The pact's story: the number of signatories over time (a chart, a sentence and a table), then every event in words, oldest first. */
export function PactTimelinePage() {
  const { t } = useTranslation('pacts');
  return <LoadedPactSubpage page={t('timeline.title')}>{(pact) => <PactStory pact={pact} />}</LoadedPactSubpage>;
}

function PactStory({ pact }: { pact: TPactDetail }) {
  const { t } = useTranslation('pacts');
  const labels = useCommitmentLabels();
  const timeline = useQuery(pactTimelineQuery(pact.id));
  if (timeline.isPending) return <Loading />;
  if (timeline.isError) return <ApiErrorAlert error={timeline.error} onRetry={() => void timeline.refetch()} />;
  const events = timeline.data.events;
  const growth = signatoryGrowth(events, italianDayOf);
  const first = growth[0];
  const last = growth.at(-1);
  return (
    <>
      <PrintableSection id="pact-growth" title={t('timeline.chartTitle')}>
        {first && last ? (
          <>
            <p>{t('timeline.growth', { from: labels.number(first.count), to: labels.number(last.count), first: labels.day(first.day), last: labels.day(last.day) })}</p>
            <Suspense fallback={<Loading />}>
              <PactChart kind="line" ariaLabel={t('timeline.chartLabel')} points={growth.map((point) => ({ label: labels.day(point.day), value: point.count }))} />
            </Suspense>
            <DataTable
              caption={t('timeline.tableCaption')}
              columns={[
                { key: 'day', header: t('timeline.day'), isRowHeader: true, cell: (row: (typeof growth)[number]) => labels.day(row.day) },
                { key: 'count', header: t('timeline.count'), isNumeric: true, cell: (row) => labels.number(row.count) },
              ]}
              rows={growth}
              rowKey={(row) => row.day}
            />
          </>
        ) : (
          <p>{t('timeline.noGrowth')}</p>
        )}
      </PrintableSection>
      <PrintableSection id="pact-events" title={t('timeline.eventsTitle')}>
        {events.length === 0 ? (
          <p>{t('timeline.noEvents')}</p>
        ) : (
          <ol className="app-timeline">
            {events.map((event, index) => (
              <li key={index} className={`app-timeline__item${event.kind === 'commitment_done' ? ' app-timeline__item--done' : ''}`}>
                <strong>{labels.instantDay(event.at)}</strong>: <EventWords event={event} />
              </li>
            ))}
          </ol>
        )}
      </PrintableSection>
    </>
  );
}

function EventWords({ event }: { event: TPactTimeline['events'][number] }) {
  const { t } = useTranslation('pacts');
  const organization = event.organizationName ?? '';
  const number = event.versionNumber ?? 0;
  switch (event.kind) {
    case 'signature':
      return <>{t('timeline.signature', { organization, number })}</>;
    case 'acknowledgement':
      return <>{t('timeline.acknowledgement', { organization, number })}</>;
    case 'version':
      return <>{t('timeline.version', { number, status: event.versionStatus ? t(`timeline.versionStatuses.${event.versionStatus}`) : '' })}</>;
    case 'commitment_done':
      return <>{t('timeline.commitmentDone', { organization, text: event.text ?? '' })}</>;
  }
}
