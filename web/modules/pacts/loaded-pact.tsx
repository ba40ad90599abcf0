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
import { pactQuery } from './pacts.queries';

export type Crumbs = { label: string; to?: string }[];

/** The pact named by the route's `:id`, loaded for a page: a spinner, a titled error with a retry, or `children`. */
export function LoadedPact({ children }: { children: (pact: TPactDetail, crumbs: Crumbs) => ReactNode }) {
  const { t } = useTranslation('pacts');
  const { t: tCommon } = useTranslation();
  const { id = '' } = useParams();
  const pact = useQuery(pactQuery(id));
  const crumbs: Crumbs = [{ label: tCommon('nav.home'), to: paths.home }, { label: t('list.title'), to: pactPaths.list }];
  if (pact.isPending) return <Loading />;
  if (pact.isError) {
    return (
      <>
        <PageHeader title={t('page.errorTitle')} breadcrumbs={[...crumbs, { label: t('page.errorTitle') }]} />
        <ApiErrorAlert error={pact.error} onRetry={() => void pact.refetch()} />
      </>
    );
  }
  return <>{children(pact.data, crumbs)}</>;
}

/**
 * One of the pact's own pages (commitments, story, printable) under the pact: the pact loaded as above, then the page's
 * header (crumbs up to the pact, a link back to it) and `children`.
 */
export function LoadedPactSubpage({ page, children }: { page: string; children: (pact: TPactDetail) => ReactNode }) {
  const { t } = useTranslation('pacts');
  return (
    <LoadedPact>
      {(pact, crumbs) => (
        <>
          <PageHeader title={`${page}: ${pact.title}`} breadcrumbs={[...crumbs, { label: pact.title, to: pactPaths.pact(pact.id) }, { label: page }]} lead={pact.districtName} />
          <p className="app-no-print">
            <Link to={pactPaths.pact(pact.id)}>{t('commitments.backToPact')}</Link>
          </p>
          {children(pact)}
        </>
      )}
    </LoadedPact>
  );
}
