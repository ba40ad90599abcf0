import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Badge } from 'design-react-kit';
import type { TZoningSummary } from '../../../common/contracts/zonings';
import { PageHeader } from '../../ui/page-header';
import { Loading } from '../../ui/loading';
import { DataTable, type Column } from '../../ui/data-table';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { useSession } from '../../app/session';
import { isPlatformAdmin, isRegionalOfficer } from '../../app/access';
import { formatNumber } from '../../app/format';
import { paths } from '../../app/paths';
import { zoningsQuery } from './zonings.queries';
import { RegionalComparison } from './regional-comparison';

/** Every zoning: domain, coverage, zones and population; links to each map, the comparison and (admins) the upload. */
export function ZoningsPage() {
  const { t, i18n } = useTranslation('zonings');
  const { t: tc } = useTranslation();
  const { session } = useSession();
  const zonings = useQuery(zoningsQuery);
  const number = (value: number) => formatNumber(value, i18n.language);

  const columns: Column<TZoningSummary>[] = [
    {
      key: 'name',
      header: t('list.name'),
      isRowHeader: true,
      cell: (zoning) => (
        <>
          <Link to={paths.zoning(zoning.id)}>{zoning.name}</Link>
          {zoning.isDemo && (
            <Badge color="warning" className="ms-2 demo-badge">
              {t('exampleBadge')}
            </Badge>
          )}
        </>
      ),
    },
    {
      key: 'source',
      header: t('zoning.source'),
      cell: (zoning) => (
        <>
          {zoning.source || '—'}
          {zoning.licence && <span className="d-block small">{t('list.licence', { licence: zoning.licence })}</span>}
        </>
      ),
    },
    { key: 'domain', header: t('list.domain'), cell: (zoning) => t(`domains.${zoning.domain}`) },
    { key: 'coverage', header: t('list.coverage'), cell: (zoning) => t(`coverage.${zoning.coverage}`) },
    { key: 'zones', header: t('list.zones'), isNumeric: true, cell: (zoning) => number(zoning.zoneCount) },
    { key: 'municipalities', header: t('list.municipalities'), isNumeric: true, cell: (zoning) => number(zoning.municipalityCount) },
    { key: 'population', header: t('list.population'), isNumeric: true, cell: (zoning) => number(zoning.population) },
  ];

  return (
    <>
      <PageHeader title={t('title')} breadcrumbs={[{ label: tc('nav.home'), to: paths.home }, { label: t('title') }]} lead={t('lead')} />
      {isRegionalOfficer(session) && zonings.data && <RegionalComparison zonings={zonings.data} />}
      <p className="d-flex flex-wrap gap-3">
        <Link className="btn btn-primary" to={paths.zoningCompare()}>
          {t('list.compare')}
        </Link>
        {isPlatformAdmin(session) && (
          <Link className="btn btn-outline-primary" to={paths.zoningUpload}>
            {t('list.upload')}
          </Link>
        )}
      </p>
      {zonings.isPending && <Loading />}
      {zonings.isError && <ApiErrorAlert error={zonings.error} onRetry={() => void zonings.refetch()} />}
      {zonings.data && (
        <DataTable caption={t('list.caption')} columns={columns} rows={zonings.data} rowKey={(zoning) => zoning.id} emptyText={t('list.empty')} />
      )}
    </>
  );
}
