import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Button } from 'design-react-kit';
import type { TPactDashboard, TPactDetail } from '../../../common/contracts/pacts';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { DataTable } from '../../ui/data-table';
import { Loading } from '../../ui/loading';
import { MarkdownView } from '../../ui/markdown-view';
import { LoadedPactSubpage } from './loaded-pact';
import { signatoriesOf, versionToShow } from './pact-commitment-rules';
import { pactDashboardQuery } from './pact-commitments.queries';
import { StatusWords } from './pact-commitments-page';
import { useCommitmentLabels } from './use-commitment-labels';
import '../../ui/printable.css';
import './pacts.css';

/** The printable pact: the text of the version in force (or the latest), its signatories with dates and signers, their commitments; the print layout drops the rest. */
export function PactPrintPage() {
  const { t } = useTranslation('pacts');
  return (
    <div className="app-sheet">
      <LoadedPactSubpage page={t('print.title')}>{(pact) => <PactSheet pact={pact} />}</LoadedPactSubpage>
    </div>
  );
}

function PactSheet({ pact }: { pact: TPactDetail }) {
  const { t } = useTranslation('pacts');
  const labels = useCommitmentLabels();
  const version = versionToShow(pact);
  const signatories = signatoriesOf(pact);
  const dashboard = useQuery(pactDashboardQuery(pact.id, 1, null));
  return (
    <>
      <p className="app-no-print">
        <Button color="primary" onClick={() => window.print()}>
          {t('print.print')}
        </Button>
      </p>
      {pact.purpose && <p className="lead">{pact.purpose}</p>}
      {version ? (
        <section aria-labelledby="pact-print-text">
          <h2 id="pact-print-text" className="h4 mt-4">
            {version.endsOn
              ? t('print.versionUntil', { number: version.number, status: t(`timeline.versionStatuses.${version.status}`), from: labels.day(version.startsOn), until: labels.day(version.endsOn) })
              : t('print.version', { number: version.number, status: t(`timeline.versionStatuses.${version.status}`), from: labels.day(version.startsOn) })}
          </h2>
          <MarkdownView markdown={version.body} headingOffset={2} />
        </section>
      ) : (
        <p>{t('print.noVersion')}</p>
      )}
      <DataTable
        caption={t('print.signatoriesTitle')}
        columns={[
          { key: 'organization', header: t('print.organization'), isRowHeader: true, cell: (row: (typeof signatories)[number]) => row.organizationName },
          { key: 'signer', header: t('print.signer'), cell: (row) => row.signerName },
          { key: 'day', header: t('print.signedOn'), cell: (row) => labels.instantDay(row.signedAt) },
          { key: 'version', header: t('print.signedVersion'), isNumeric: true, cell: (row) => labels.number(row.versionNumber) },
        ]}
        rows={signatories}
        rowKey={(row) => row.organizationId}
        emptyText={t('print.noSignatories')}
      />
      <h2 className="h4 mt-4">{t('print.commitmentsTitle')}</h2>
      {dashboard.isPending ? <Loading /> : dashboard.isError ? <ApiErrorAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} /> : <PrintedCommitments dashboard={dashboard.data} />}
    </>
  );
}

function PrintedCommitments({ dashboard }: { dashboard: TPactDashboard }) {
  const { t } = useTranslation('pacts');
  const labels = useCommitmentLabels();
  return (
    <>
      {dashboard.commitmentTotal > dashboard.commitments.length && <p>{t('print.firstOf', { shown: labels.number(dashboard.commitments.length), total: labels.number(dashboard.commitmentTotal) })}</p>}
      <DataTable
        caption={t('commitments.caption')}
        isCaptionHidden
        columns={[
          { key: 'organization', header: t('commitments.organization'), isRowHeader: true, cell: (row: TPactDashboard['commitments'][number]) => row.organizationName },
          { key: 'text', header: t('commitments.text'), cell: (row) => row.text },
          { key: 'due', header: t('commitments.due'), cell: (row) => labels.due(row.dueOn, row.recurrence) },
          { key: 'status', header: t('commitments.status'), cell: (row) => <StatusWords status={row.status} /> },
        ]}
        rows={dashboard.commitments}
        rowKey={(row) => row.id}
        emptyText={t('commitments.empty')}
      />
    </>
  );
}
