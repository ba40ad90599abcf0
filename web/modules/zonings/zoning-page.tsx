import { useCallback, useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Badge, Col, Row } from 'design-react-kit';
import type { TZone, TZoning, TZoningMunicipality } from '../../../common/contracts/zonings';
import { PageHeader } from '../../ui/page-header';
import { Loading } from '../../ui/loading';
import { DataTable, type Column } from '../../ui/data-table';
import { ChoroplethMap } from '../../ui/map/lazy-choropleth-map';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { isNotFound } from '../../app/error-messages';
import { useBasemap } from '../../app/use-basemap';
import { formatDay, formatNumber } from '../../app/format';
import { paths } from '../../app/paths';
import { SymbolLegend } from '../../ui/map/map-legend';
import { ZoneOperatorForm } from './zone-operator-form';
import { useSession } from '../../app/session';
import { isPlatformAdmin } from '../../app/access';
import { withColorIndex, zoneClassification, zoneColor } from './zone-colors';
import { zoningBoundariesQuery, zoningMunicipalitiesQuery, zoningQuery } from './zonings.queries';

/** One zoning: map coloured by zone with its legend, the zones with population, and every municipality's zone. */
export function ZoningPage() {
  const { t } = useTranslation('zonings');
  const { t: tc } = useTranslation();
  const { id = '' } = useParams();
  const zoning = useQuery(zoningQuery(id));
  if (zoning.isPending) return <Loading />;
  if (zoning.isError) {
    return (
      <>
        <PageHeader title={t('zoning.errorTitle')} breadcrumbs={[{ label: tc('nav.home'), to: paths.home }, { label: t('title'), to: paths.zonings }, { label: t('zoning.errorTitle') }]} />
        {isNotFound(zoning.error) ? <p>{t('zoning.notFound')} <Link to={paths.zonings}>{t('backToList')}</Link></p> : <ApiErrorAlert error={zoning.error} onRetry={() => void zoning.refetch()} />}
      </>
    );
  }
  return <ZoningDetails zoning={zoning.data} />;
}

function ZoningDetails({ zoning }: { zoning: TZoning }) {
  const { t, i18n } = useTranslation('zonings');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const { session } = useSession();
  const basemap = useBasemap();
  const boundaries = useQuery(zoningBoundariesQuery(zoning.id));
  const municipalities = useQuery(zoningMunicipalitiesQuery(zoning.id));
  const number = (value: number) => formatNumber(value, i18n.language);
  const collection = useMemo(() => (boundaries.data ? { ...boundaries.data, features: withColorIndex(boundaries.data.features) } : null), [boundaries.data]);
  const classification = useMemo(() => zoneClassification(zoning.zones.length), [zoning.zones.length]);
  const highlightIds = useMemo(() => [], []);
  const onFeatureClick = useCallback((code: string) => navigate(paths.municipality(code)), [navigate]);
  const tooltip = useCallback(
    (properties: Record<string, unknown>) => `${String(properties.name ?? '')} — ${t('zoning.zoneLabel', { code: String(properties.zoneCode ?? ''), name: String(properties.zoneName ?? '') })}`,
    [t],
  );

  const zoneColumns: Column<TZone & { index: number }>[] = [
    {
      key: 'code',
      header: t('zoning.zoneCode'),
      cell: (zone) => (
        <>
          <span className="map-legend__swatch me-2" style={{ backgroundColor: zoneColor(zone.index), display: 'inline-block' }} aria-hidden="true" />
          {zone.code}
        </>
      ),
    },
    {
      key: 'name',
      header: t('zoning.zoneName'),
      isRowHeader: true,
      cell: (zone) => (
        <>
          {zone.name}
          {zone.nameIsDerived && <span className="d-block small text-muted">{t('zoning.derivedName')}</span>}
        </>
      ),
    },
    { key: 'municipalities', header: t('list.municipalities'), isNumeric: true, cell: (zone) => number(zone.municipalityCount) },
    { key: 'population', header: t('list.population'), isNumeric: true, cell: (zone) => number(zone.population) },
    { key: 'operator', header: t('zoning.operator'), cell: (zone) => zone.operatingOrganization?.name ?? '—' },
  ];
  const municipalityColumns: Column<TZoningMunicipality>[] = [
    { key: 'name', header: t('zoning.municipality'), isRowHeader: true, cell: (m) => <Link to={paths.municipality(m.istatCode)}>{m.name}</Link> },
    { key: 'code', header: t('zoning.istatCode'), cell: (m) => m.istatCode },
    { key: 'province', header: t('zoning.province'), cell: (m) => m.provinceAbbreviation },
    {
      key: 'zone',
      header: t('zoning.zone'),
      cell: (m) => (
        <>
          {`${m.zoneCode} — ${m.zoneName}`}
          {m.partCount > 1 && (
            <span className="d-block small">
              {m.share === null
                ? t('zoning.partUnknownShare', { part: m.partNote || t('zoning.onePart'), count: m.partCount })
                : t('zoning.partShare', { part: m.partNote || t('zoning.onePart'), share: new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(m.share) })}
            </span>
          )}
        </>
      ),
    },
    { key: 'population', header: t('list.population'), isNumeric: true, cell: (m) => (m.population === null ? '—' : number(m.population)) },
  ];
  const zonesWithIndex = zoning.zones.map((zone, index) => ({ ...zone, index }));

  return (
    <>
      <PageHeader
        title={zoning.name}
        breadcrumbs={[{ label: tc('nav.home'), to: paths.home }, { label: t('title'), to: paths.zonings }, { label: zoning.name }]}
        aside={zoning.isDemo ? <Badge color="warning" className="demo-badge">{t('exampleBadge')}</Badge> : null}
        lead={zoning.description}
      />
      <Row className="g-4">
        <Col lg={8}>
          <section aria-labelledby="zoning-map-heading">
            <h2 id="zoning-map-heading" className="h4">{t('zoning.mapTitle')}</h2>
            <p id="zoning-map-alternative" className="small">{t('zoning.mapAlternative')}</p>
            {boundaries.isError ? (
              <ApiErrorAlert error={boundaries.error} onRetry={() => void boundaries.refetch()} />
            ) : (
              <ChoroplethMap
                collection={collection}
                idProperty="istatCode"
                classification={classification}
                highlightIds={highlightIds}
                basemap={basemap}
                dataAttribution={tc('territory.dataAttribution')}
                ariaLabel={t('zoning.mapAriaLabel', { name: zoning.name })}
                describedBy="zoning-map-alternative"
                height="30rem"
                tooltip={tooltip}
                onFeatureClick={onFeatureClick}
              />
            )}
          </section>
        </Col>
        <Col lg={4}>
          <SymbolLegend title={t('zoning.legendTitle')} items={zonesWithIndex.map((zone) => ({ key: zone.id, color: zoneColor(zone.index), label: `${zone.code} — ${zone.name}` }))} />
          <dl className="facts mt-3">
            <dt>{t('list.domain')}</dt>
            <dd>{t(`domains.${zoning.domain}`)}</dd>
            <dt>{t('list.coverage')}</dt>
            <dd>{t(`coverage.${zoning.coverage}`)}</dd>
            <dt>{t('zoning.regions')}</dt>
            <dd>{zoning.regionCodes.join(', ') || '—'}</dd>
            <dt>{t('zoning.source')}</dt>
            <dd>{zoning.source || '—'}</dd>
            {zoning.licence && (
              <>
                <dt>{t('zoning.licence')}</dt>
                <dd>{zoning.licence}</dd>
              </>
            )}
            <dt>{t('zoning.referenceDate')}</dt>
            <dd>{zoning.referenceDate ? formatDay(zoning.referenceDate, i18n.language) : '—'}</dd>
            <dt>{t('list.population')}</dt>
            <dd>{number(zoning.population)}</dd>
          </dl>
          <p className="d-flex flex-column gap-2">
            <a href={`/api/zonings/${zoning.id}/zoning.csv`} download>{t('zoning.downloadCsv')}</a>
            <a href={`/api/zonings/${zoning.id}/municipalities.geojson`} download={`${zoning.name}.geojson`}>{t('zoning.downloadGeojson')}</a>
            <Link to={paths.zoningCompare(zoning.id)}>{t('zoning.compareWith')}</Link>
          </p>
        </Col>
      </Row>
      <section aria-labelledby="zoning-zones-heading" className="mt-5">
        <h2 id="zoning-zones-heading" className="h4">{t('zoning.zonesTitle', { count: zoning.zones.length })}</h2>
        <DataTable caption={t('zoning.zonesCaption', { name: zoning.name })} isCaptionHidden columns={zoneColumns} rows={zonesWithIndex} rowKey={(zone) => zone.id} />
      </section>
      <section aria-labelledby="zoning-municipalities-heading" className="mt-5">
        <h2 id="zoning-municipalities-heading" className="h4">{t('zoning.municipalitiesTitle', { count: zoning.municipalityCount })}</h2>
        {municipalities.isPending && <Loading />}
        {municipalities.isError && <ApiErrorAlert error={municipalities.error} onRetry={() => void municipalities.refetch()} />}
        {municipalities.data && (
          <DataTable caption={t('zoning.municipalitiesCaption', { name: zoning.name })} isCaptionHidden columns={municipalityColumns} rows={municipalities.data} rowKey={(m) => `${m.istatCode}-${m.zoneCode}`} />
        )}
      </section>
      {isPlatformAdmin(session) && <ZoneOperatorForm zoning={zoning} />}
    </>
  );
}
