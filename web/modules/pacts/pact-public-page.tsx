import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import type { TPublicPact } from '../../../common/contracts/pacts';
import { COMMITMENT_STATUS_ORDER } from '../../../common/domain/pacts';
import { isApiError } from '../../app/api-client';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { DataTable } from '../../ui/data-table';
import { Loading } from '../../ui/loading';
import { MarkdownView } from '../../ui/markdown-view';
import { PageHeader } from '../../ui/page-header';
import { pactPaths } from './pact-paths';
import { publicPactQuery } from './pact-commitments.queries';
import { StatusWords } from './pact-commitments-page';
import { PrintableSection } from '../../ui/printable-section';
import { useCommitmentLabels } from './use-commitment-labels';
import '../../ui/printable.css';
import './pacts.css';

/**
 * The public page of a pact the district made public (no sign-in): its text in force, the signatories and when they
 * joined, and how the commitments are going. A private or unknown pact shows the same "not found" page.
 */
export function PactPublicPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('pacts');
  const pact = useQuery(publicPactQuery(id));
  if (pact.isPending) return <Loading />;
  if (pact.isError) {
    if (isApiError(pact.error) && (pact.error.status === 404 || pact.error.status === 400)) {
      return (
        <>
          <PageHeader title={t('publicPage.notFoundTitle')} />
          <p>{t('publicPage.notFound')}</p>
        </>
      );
    }
    return <ApiErrorAlert error={pact.error} onRetry={() => void pact.refetch()} />;
  }
  return <PublicPact pact={pact.data} />;
}

function PublicPact({ pact: p }: { pact: TPublicPact }) {
  const { t } = useTranslation('pacts');
  const labels = useCommitmentLabels();
  return (
    <>
      <PageHeader title={p.title} lead={t('publicPage.lead', { district: p.districtName })} />
      {p.purpose && <p className="lead">{p.purpose}</p>}
      <p>
        <Link to={pactPaths.pact(p.id)}>{t('publicPage.signIn')}</Link>
      </p>
      {p.version ? (
        <PrintableSection
          id="public-pact-text"
          title={
            p.version.status === 'in_force'
              ? t('publicPage.version', { number: p.version.number, from: labels.day(p.version.startsOn) })
              : t('publicPage.versionOpen', { number: p.version.number, from: labels.instantDay(p.version.statusChangedAt) })
          }
        >
          <MarkdownView markdown={p.version.body} headingOffset={2} />
        </PrintableSection>
      ) : (
        <p>{t('publicPage.noVersion')}</p>
      )}
      <PrintableSection id="public-pact-signatories" title={t('publicPage.signatoriesTitle')}>
        <DataTable
          caption={t('publicPage.signatoriesTitle')}
          isCaptionHidden
          columns={[
            { key: 'organization', header: t('publicPage.organization'), isRowHeader: true, cell: (row: TPublicPact['signatories'][number]) => row.organizationName },
            { key: 'day', header: t('publicPage.signedOn'), cell: (row) => labels.instantDay(row.signedAt) },
          ]}
          rows={p.signatories}
          rowKey={(row) => row.organizationId}
          emptyText={t('publicPage.noSignatories')}
        />
      </PrintableSection>
      <PrintableSection id="public-pact-commitments" title={t('publicPage.commitmentsTitle')}>
        <p>{t('publicPage.commitmentsLead', { count: p.commitmentTotal, formatted: labels.number(p.commitmentTotal) })}</p>
        <ul>
          {COMMITMENT_STATUS_ORDER.map((status) => (
            <li key={status}>{t('publicPage.statusCount', { status: labels.status(status), count: labels.number(p.totals[status]) })}</li>
          ))}
        </ul>
        {p.commitmentTotal > p.commitments.length && <p>{t('commitments.firstOf', { shown: labels.number(p.commitments.length), total: labels.number(p.commitmentTotal) })}</p>}
        <DataTable
          caption={t('commitments.caption')}
          isCaptionHidden
          columns={[
            { key: 'text', header: t('commitments.text'), isRowHeader: true, cell: (row: TPublicPact['commitments'][number]) => row.text },
            { key: 'organization', header: t('commitments.organization'), cell: (row) => row.organizationName },
            { key: 'due', header: t('commitments.due'), cell: (row) => labels.due(row.dueOn, row.recurrence) },
            { key: 'status', header: t('commitments.status'), cell: (row) => <StatusWords status={row.status} /> },
          ]}
          rows={p.commitments}
          rowKey={(row) => row.id}
          emptyText={t('commitments.empty')}
        />
      </PrintableSection>
    </>
  );
}
