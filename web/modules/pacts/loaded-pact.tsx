import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import type { TPactDetail } from '../../../common/contracts/pacts';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { paths } from '../../app/paths';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { pactPaths } from './pact-paths';
import { pactDetailQuery } from './pact-commitments.queries';

export type Crumbs = { label: string; to?: string }[];

/**
 * The pact named by the route's `:id`, loaded for one of its pages (commitments, story, printable): a spinner while it
 * loads, a titled error with a retry if it cannot, otherwise the page's header (crumbs up to the pact, a link back to
 * it) and `children`.
 */
export function LoadedPact({ page, children }: { page: string; children: (pact: TPactDetail) => ReactNode }) {
  const { t } = useTranslation('pacts');
  const { t: tCommon } = useTranslation();
  const { id = '' } = useParams();
  const pact = useQuery(pactDetailQuery(id));
  const crumbs: Crumbs = [{ label: tCommon('nav.home'), to: paths.home }, { label: t('navLabel'), to: pactPaths.list }];
  if (pact.isPending) return <Loading />;
  if (pact.isError) {
    return (
      <>
        <PageHeader title={t('commitments.errorTitle')} breadcrumbs={[...crumbs, { label: t('commitments.errorTitle') }]} />
        <ApiErrorAlert error={pact.error} onRetry={() => void pact.refetch()} />
      </>
    );
  }
  const p = pact.data;
  return (
    <>
      <PageHeader title={`${page}: ${p.title}`} breadcrumbs={[...crumbs, { label: p.title, to: pactPaths.pact(p.id) }, { label: page }]} lead={p.districtName} />
      <p className="pact-no-print">
        <Link to={pactPaths.pact(p.id)}>{t('commitments.backToPact')}</Link>
      </p>
      {children(p)}
    </>
  );
}
