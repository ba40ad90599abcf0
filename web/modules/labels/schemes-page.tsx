import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Badge } from 'design-react-kit';
import type { TLabelApplicationList, TLabelScheme } from '../../../common/contracts/labels';
import { PageHeader } from '../../ui/page-header';
import { Loading } from '../../ui/loading';
import { DataTable } from '../../ui/data-table';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { formatNumber } from '../../app/format';
import { paths } from '../../app/paths';
import { isAnyDistrictCoordinator, isPlatformAdmin } from '../../app/access';
import { useSession } from '../../app/session';
import { APPLICATION_STATUS_COLORS } from './label-rules';
import { labelPaths } from './label-paths';
import { applicationsQuery, schemesQuery } from './labels.queries';
import { useLabelWords } from './use-label-words';

type ApplicationRow = TLabelApplicationList['items'][number];

/** The label schemes (the district's and the region's) with their criteria, validity and labels valid today; the applications the person may read. */
export function SchemesPage() {
  const { t } = useTranslation('labels');
  const { t: tCommon } = useTranslation();
  const { session } = useSession();
  const words = useLabelWords();
  const schemes = useQuery(schemesQuery);
  const applications = useQuery(applicationsQuery);
  const canCreate = isPlatformAdmin(session) || isAnyDistrictCoordinator(session);
  return (
    <>
      <PageHeader
        title={t('list.title')}
        breadcrumbs={[{ label: tCommon('nav.home'), to: paths.home }, { label: t('list.title') }]}
        lead={t('list.lead')}
        aside={canCreate ? <Link className="btn btn-primary" to={labelPaths.newScheme}>{t('list.new')}</Link> : undefined}
      />
      {schemes.isPending && <Loading />}
      {schemes.isError && <ApiErrorAlert error={schemes.error} onRetry={() => void schemes.refetch()} />}
      {schemes.data && (
        <DataTable
          caption={t('list.caption')}
          columns={[
            { key: 'name', header: t('list.scheme'), isRowHeader: true, cell: (row: TLabelScheme) => <Link to={labelPaths.scheme(row.id)}>{row.name}</Link> },
            { key: 'definedBy', header: t('list.definedBy'), cell: (row) => row.districtName ?? t('list.region') },
            { key: 'criteria', header: t('list.criteria'), isNumeric: true, cell: (row) => formatNumber(row.criteria.length, words.language) },
            { key: 'validity', header: t('list.validity'), cell: (row) => words.validity(row.validityMonths) },
            { key: 'valid', header: t('list.validLabels'), isNumeric: true, cell: (row) => formatNumber(row.validLabelCount, words.language) },
          ]}
          rows={schemes.data}
          rowKey={(row) => row.id}
          emptyText={t('list.empty')}
        />
      )}
      <h2 className="h4 mt-4">{t('list.applicationsTitle')}</h2>
      {applications.isPending && <Loading />}
      {applications.isError && <ApiErrorAlert error={applications.error} onRetry={() => void applications.refetch()} />}
      {applications.data && (
        <DataTable
          caption={t('list.applicationsCaption')}
          isCaptionHidden
          columns={[
            { key: 'organization', header: t('list.organization'), isRowHeader: true, cell: (row: ApplicationRow) => <Link to={labelPaths.application(row.id)}>{row.organizationName}</Link> },
            { key: 'scheme', header: t('list.scheme'), cell: (row) => row.schemeName },
            { key: 'status', header: t('list.status'), cell: (row) => <Badge color={APPLICATION_STATUS_COLORS[row.status]}>{words.status(row.status)}</Badge> },
            { key: 'submitted', header: t('list.submittedOn'), cell: (row) => (row.submittedAt ? words.instantDay(row.submittedAt) : t('list.notSubmitted')) },
          ]}
          rows={applications.data}
          rowKey={(row) => row.id}
          emptyText={t('list.noApplications')}
        />
      )}
    </>
  );
}
