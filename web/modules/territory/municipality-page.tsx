import { useCallback, useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Col, Row } from 'design-react-kit';
import type { TMunicipality } from '../../../common/contracts/territory';
import { PageHeader } from '../../ui/page-header';
import { Loading } from '../../ui/loading';
import { Notice } from '../../ui/notice';
import { ChoroplethMap } from '../../ui/map/lazy-choropleth-map';
import { SymbolLegend } from '../../ui/map/map-legend';
import { HIGHLIGHT_COLOR, NEUTRAL_FILL } from '../../ui/map/palette';
import { DEFAULT_POINT_COLOR } from '../../ui/map/map-style';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { isNotFound } from '../../app/error-messages';
import { useBasemap } from '../../app/use-basemap';
import { paths } from '../../app/paths';
import { areaBoundariesQuery, municipalityQuery, reconciliationQuery } from './territory.queries';
import { describeReconciliation } from './reconciliation-note';
import { usePopulationFormatters } from './territory-format';

/** One municipality: codes, population, boundary with its representative point, districts it belongs to. */
export function MunicipalityPage() {
  const { t } = useTranslation();
  const { istatCode = '' } = useParams();
  const municipality = useQuery(municipalityQuery(istatCode));

  if (municipality.isPending) return <Loading />;
  if (municipality.isError) {
    if (isNotFound(municipality.error)) {
      return (
        <>
          <PageHeader
            title={t('municipality.notFoundTitle')}
            breadcrumbs={[
              { label: t('nav.home'), to: paths.home },
              { label: t('territory.title'), to: paths.territory },
              { label: t('municipality.notFoundTitle') },
            ]}
          />
          <p>{t('municipality.notFoundText', { code: istatCode })}</p>
          <Link to={paths.territory}>{t('municipality.backToExplorer')}</Link>
        </>
      );
    }
    return (
      <>
        <PageHeader title={t('municipality.errorTitle')} />
        <ApiErrorAlert error={municipality.error} onRetry={() => void municipality.refetch()} />
      </>
    );
  }
  return <MunicipalityDetails municipality={municipality.data} />;
}

function MunicipalityDetails({ municipality: m }: { municipality: TMunicipality }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { describePopulation } = usePopulationFormatters();
  const basemap = useBasemap();
  const boundaries = useQuery({
    ...areaBoundariesQuery({ region: m.regionCode, province: m.provinceCode }),
    enabled: m.hasBoundary,
  });
  const highlightIds = useMemo(() => [m.istatCode], [m.istatCode]);
  const points = useMemo(() => (m.point ? [m.point] : []), [m.point]);
  const onFeatureClick = useCallback((code: string) => navigate(paths.municipality(code)), [navigate]);
  const tooltipFor = useCallback(
    (properties: Record<string, unknown>) => (typeof properties.name === 'string' ? properties.name : null),
    [],
  );

  return (
    <>
      <PageHeader
        title={m.name}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('territory.title'), to: paths.territory },
          { label: m.regionName, to: `${paths.territory}?regione=${m.regionCode}` },
          { label: m.name },
        ]}
        lead={t('municipality.lead', { province: m.provinceName, abbreviation: m.provinceAbbreviation, region: m.regionName })}
      />
      <Row className="g-4">
        <Col lg={6}>
          <section aria-labelledby="facts-heading">
            <h2 id="facts-heading" className="h4">
              {t('municipality.factsTitle')}
            </h2>
            <dl className="facts">
              <dt>{t('municipality.province')}</dt>
              <dd>
                {m.provinceName} ({m.provinceAbbreviation})
              </dd>
              <dt>{t('municipality.region')}</dt>
              <dd>{m.regionName}</dd>
              <dt>{t('municipality.istatCode')}</dt>
              <dd>
                <code>{m.istatCode}</code>
              </dd>
              <dt>{t('municipality.cadastralCode')}</dt>
              <dd>{m.cadastralCode ? <code>{m.cadastralCode}</code> : t('municipality.notAvailable')}</dd>
              <dt>{t('municipality.population')}</dt>
              <dd>{describePopulation(m.population)}</dd>
            </dl>
          </section>

          {m.reconciliationNote && <ReconciliationNotice istatCode={m.istatCode} />}

          <section aria-labelledby="districts-heading" className="mt-4">
            <h2 id="districts-heading" className="h4">
              {t('municipality.districtsTitle')}
            </h2>
            {m.districts.length === 0 ? (
              <p>{t('municipality.noDistricts')}</p>
            ) : (
              <ul>
                {m.districts.map((district) => (
                  <li key={district.id}>
                    <Link to={paths.district(district.id)}>{district.name}</Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </Col>
        <Col lg={6}>
          <section aria-labelledby="boundary-heading">
            <h2 id="boundary-heading" className="h4">
              {t('municipality.mapTitle')}
            </h2>
            {!m.hasBoundary ? (
              <p>{t('municipality.noBoundary')}</p>
            ) : boundaries.isError ? (
              <ApiErrorAlert error={boundaries.error} onRetry={() => void boundaries.refetch()} />
            ) : boundaries.isPending ? (
              <div className="map-frame map-frame--loading">
                <Loading label={t('territory.map.loading')} />
              </div>
            ) : (
              <>
                <p id="boundary-description" className="small">
                  {t('municipality.mapDescription', { name: m.name, province: m.provinceName })}
                </p>
                <ChoroplethMap
                  collection={boundaries.data}
                  idProperty="istatCode"
                  highlightIds={highlightIds}
                  points={points}
                  fitTo={m.bbox}
                  basemap={basemap}
                  dataAttribution={t('territory.dataAttribution')}
                  ariaLabel={t('municipality.mapAriaLabel', { name: m.name })}
                  describedBy="boundary-description"
                  height="22rem"
                  tooltip={tooltipFor}
                  onFeatureClick={onFeatureClick}
                  testId="municipality-map"
                />
                <SymbolLegend
                  title={t('municipality.mapLegendTitle')}
                  items={[
                    { key: 'self', symbol: 'outline', color: HIGHLIGHT_COLOR, label: t('municipality.mapLegendSelf', { name: m.name }) },
                    ...(m.point ? [{ key: 'point', symbol: 'point' as const, color: DEFAULT_POINT_COLOR, label: t('municipality.mapLegendPoint') }] : []),
                    { key: 'others', symbol: 'area', color: NEUTRAL_FILL, label: t('municipality.mapLegendOthers', { province: m.provinceName }) },
                  ]}
                />
              </>
            )}
          </section>
        </Col>
      </Row>
    </>
  );
}

/**
 * Why the two sources differ on this municipality, in the reader's language: the stored note is English prose, so the
 * sentence is said from the facts of the import's report (one request, kept for the session, shared with the about page).
 */
function ReconciliationNotice({ istatCode }: { istatCode: string }) {
  const { t, i18n } = useTranslation();
  const report = useQuery(reconciliationQuery);
  if (report.isPending) return <Loading />;
  if (report.isError) return <ApiErrorAlert error={report.error} onRetry={() => void report.refetch()} />;
  // A current municipality's own note; a retired code's boundary note (boundaries_only) is about another municipality.
  const item = report.data.reconciliation.find((candidate) => candidate.istatCode === istatCode && candidate.presentIn !== 'boundaries_only');
  return (
    <Notice color="info" role="note" className="mt-3">
      <h2 className="h5 alert-heading">{t('municipality.reconciliationTitle')}</h2>
      <p className="mb-1">{item ? describeReconciliation(item, t, i18n.language) : t('territory.reconciliationNote.noDetails')}</p>
      <Link to={paths.about}>{t('municipality.reconciliationLink')}</Link>
    </Notice>
  );
}
