import { useCallback, useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Col, Row } from 'design-react-kit';
import type { TAlignment, TBreakingMunicipality, TCrosswalkRow } from '../../../common/contracts/zonings';
import { PageHeader } from '../../ui/page-header';
import { Notice } from '../../ui/notice';
import { Loading } from '../../ui/loading';
import { DataTable, type Column } from '../../ui/data-table';
import { SelectField } from '../../ui/form-field';
import { ChoroplethMap } from '../../ui/map/lazy-choropleth-map';
import { NO_DATA_COLOR } from '../../ui/map/palette';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { useBasemap } from '../../app/use-basemap';
import { formatNumber } from '../../app/format';
import { paths } from '../../app/paths';
import { SymbolLegend } from '../../ui/map/map-legend';
import { BREAKING_CLASSIFICATION, BREAKING_COLOR, COINCIDING_COLOR } from './zone-colors';
import { alignmentBoundariesQuery, alignmentQuery, compareUrl, zoningQuery, zoningsQuery } from './zonings.queries';

export const DISTRICTS_OPTION = 'districts';

/** Compare zoning A with zoning B (or the district map): scores, map of breaking municipalities, crosswalk, exports. */
export function ZoningComparePage() {
  const { t } = useTranslation('zonings');
  const { t: tc } = useTranslation();
  const [params, setParams] = useSearchParams();
  const zonings = useQuery(zoningsQuery);
  const a = params.get('a') ?? '';
  const b = params.get('b') ?? '';
  // From the address as it is now: two quick choices in a row (before the page renders again) must both stay. The
  // router's functional form does not help, it hands every call the parameters of the last render.
  const choose = (key: 'a' | 'b', value: string) => {
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const swap = () => setParams(new URLSearchParams({ a: b, b: a }), { replace: true });
  const isReady = Boolean(a && b && a !== b);

  return (
    <>
      <PageHeader title={t('compare.title')} breadcrumbs={[{ label: tc('nav.home'), to: paths.home }, { label: t('title'), to: paths.zonings }, { label: t('compare.title') }]} lead={t('compare.lead')} />
      {zonings.isError && <ApiErrorAlert error={zonings.error} onRetry={() => void zonings.refetch()} />}
      <form className="row g-3 align-items-end" aria-label={t('compare.formLabel')} onSubmit={(event) => event.preventDefault()}>
        <Col md={5}>
          <SelectField id="compare-a" label={t('compare.zoningA')} value={a} onChange={(event) => choose('a', event.target.value)}>
            <option value="">{t('compare.choose')}</option>
            {(zonings.data ?? []).map((zoning) => <option key={zoning.id} value={zoning.id}>{zoning.name}</option>)}
          </SelectField>
        </Col>
        <Col md={5}>
          <SelectField id="compare-b" label={t('compare.zoningB')} value={b} onChange={(event) => choose('b', event.target.value)}>
            <option value="">{t('compare.choose')}</option>
            {(zonings.data ?? []).map((zoning) => <option key={zoning.id} value={zoning.id}>{zoning.name}</option>)}
            <option value={DISTRICTS_OPTION}>{t('compare.districtMap')}</option>
          </SelectField>
        </Col>
        <Col md={2} className="mb-4">
          <button type="button" className="btn btn-outline-primary" disabled={!a || !b || b === DISTRICTS_OPTION} onClick={swap}>{t('compare.swap')}</button>
        </Col>
      </form>
      {a && a === b && <p role="status">{t('compare.sameZoning')}</p>}
      {isReady ? <Comparison a={a} b={b} /> : <p>{t('compare.pick')}</p>}
    </>
  );
}

function decimal(value: number, language: string): string {
  return new Intl.NumberFormat(language, { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(value);
}

function percent(value: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

function Comparison({ a, b }: { a: string; b: string }) {
  const alignment = useQuery(alignmentQuery(a, b));
  if (alignment.isPending) return <Loading />;
  if (alignment.isError) return <ApiErrorAlert error={alignment.error} onRetry={() => void alignment.refetch()} />;
  return <ComparisonDetails alignment={alignment.data} a={a} b={b} />;
}

function ComparisonDetails({ alignment, a, b }: { alignment: TAlignment; a: string; b: string }) {
  const { t, i18n } = useTranslation('zonings');
  const { t: tc } = useTranslation();
  const language = i18n.language;
  const navigate = useNavigate();
  const basemap = useBasemap();
  const boundaries = useQuery(alignmentBoundariesQuery(a, b));
  const number = (value: number) => formatNumber(value, language);
  const breakingIds = useMemo(() => alignment.breaking.map((m) => m.istatCode), [alignment.breaking]);
  const onFeatureClick = useCallback((code: string) => navigate(paths.municipality(code)), [navigate]);
  const tooltip = useCallback(
    (properties: Record<string, unknown>) => {
      const name = String(properties.name ?? '');
      const zones = `${String(properties.aZoneName ?? '')} → ${properties.bZoneName ? String(properties.bZoneName) : t('compare.notInB')}`;
      const state = properties.breaks === 1 ? t('compare.breaksShort') : properties.breaks === 0 ? t('compare.coincidesShort') : '';
      return [name, zones, state].filter(Boolean).join(' — ');
    },
    [t],
  );
  const { scores } = alignment;
  const crosswalkRows = alignment.crosswalk.flatMap((row) => row.cells.map((cell, index) => ({ row, cell, index })));
  const crosswalkColumns: Column<{ row: TCrosswalkRow; cell: TCrosswalkRow['cells'][number]; index: number }>[] = [
    { key: 'a', header: t('compare.zoneOf', { name: alignment.a.name }), isRowHeader: true, cell: ({ row, index }) => (index === 0 ? row.aZoneName : <span className="visually-hidden">{row.aZoneName}</span>) },
    { key: 'share', header: t('compare.mainShare'), isNumeric: true, cell: ({ row, index }) => (index === 0 ? percent(row.mainShare, language) : '') },
    { key: 'b', header: t('compare.zoneOf', { name: alignment.b.name }), cell: ({ cell }) => `${cell.bZoneName}${cell.isMain ? ` (${t('compare.main')})` : ''}` },
    { key: 'municipalities', header: t('list.municipalities'), isNumeric: true, cell: ({ cell }) => number(cell.municipalityCount) },
    { key: 'population', header: t('list.population'), isNumeric: true, cell: ({ cell }) => number(cell.population) },
  ];
  const breakingColumns: Column<TBreakingMunicipality>[] = [
    {
      key: 'name',
      header: t('zoning.municipality'),
      isRowHeader: true,
      cell: (m) => (
        <>
          <Link to={paths.municipality(m.istatCode)}>{m.name}</Link>
          {m.partNote && <span className="d-block small">{t('compare.part', { part: m.partNote })}</span>}
        </>
      ),
    },
    { key: 'population', header: t('list.population'), isNumeric: true, cell: (m) => (m.isPopulationEstimated ? t('compare.estimated', { people: number(m.population) }) : number(m.population)) },
    { key: 'a', header: t('compare.zoneOf', { name: alignment.a.name }), cell: (m) => m.aZoneName },
    { key: 'b', header: t('compare.zoneOf', { name: alignment.b.name }), cell: (m) => m.bZoneName },
    { key: 'main', header: t('compare.mainZone'), cell: (m) => m.mainBZoneName },
  ];

  return (
    <>
      <section aria-labelledby="compare-scores-heading" className="mt-4">
        <h2 id="compare-scores-heading" className="h4">{t('compare.scoresTitle')}</h2>
        <dl className="facts">
          <dt>{t('compare.coincidence')}</dt>
          <dd>{t('compare.coincidenceValue', { people: percent(scores.coincidenceShare, language), municipalities: percent(scores.coincidenceShareMunicipalities, language) })}</dd>
          <dt>{t('compare.ari')}</dt>
          <dd>{t('compare.scoreValue', { people: decimal(scores.adjustedRandIndex, language), municipalities: decimal(scores.adjustedRandIndexMunicipalities, language) })}</dd>
          <dt>{t('compare.nvi')}</dt>
          <dd>{t('compare.scoreValue', { people: decimal(scores.normalizedVariationOfInformation, language), municipalities: decimal(scores.normalizedVariationOfInformationMunicipalities, language) })}</dd>
          <dt>{t('compare.shared')}</dt>
          <dd>{t('compare.sharedValue', { shared: number(alignment.sharedMunicipalityCount), onlyA: number(alignment.onlyInACount), onlyB: number(alignment.onlyInBCount) })}</dd>
          <dt>{t('compare.breakingTotal')}</dt>
          <dd data-testid="breaking-count">{t('compare.breakingValue', { count: alignment.breaking.length, people: number(alignment.breakingPopulation) })}</dd>
        </dl>
        <p className="small">{t('compare.scoresHelp')}</p>
        <SplitMunicipalitiesNote alignment={alignment} />
        <SidesProvenance a={a} b={b} />
        <p className="d-flex flex-wrap gap-3">
          <a href={`${compareUrl(a, b, '.csv')}&table=crosswalk`} download>{t('compare.downloadCrosswalk')}</a>
          <a href={`${compareUrl(a, b, '.csv')}&table=breaking`} download>{t('compare.downloadBreaking')}</a>
          <a href={compareUrl(a, b, '.geojson')} download>{t('compare.downloadGeojson')}</a>
        </p>
      </section>
      <Row className="g-4 mt-2">
        <Col lg={8}>
          <section aria-labelledby="compare-map-heading">
            <h2 id="compare-map-heading" className="h4">{t('compare.mapTitle')}</h2>
            <p id="compare-map-alternative" className="small">{t('compare.mapAlternative')}</p>
            {boundaries.isError ? (
              <ApiErrorAlert error={boundaries.error} onRetry={() => void boundaries.refetch()} />
            ) : (
              <ChoroplethMap
                collection={boundaries.data ?? null}
                idProperty="istatCode"
                classification={BREAKING_CLASSIFICATION}
                highlightIds={breakingIds}
                basemap={basemap}
                dataAttribution={tc('territory.dataAttribution')}
                ariaLabel={t('compare.mapAriaLabel', { a: alignment.a.name, b: alignment.b.name, count: alignment.breaking.length })}
                describedBy="compare-map-alternative"
                height="30rem"
                tooltip={tooltip}
                onFeatureClick={onFeatureClick}
              />
            )}
          </section>
        </Col>
        <Col lg={4}>
          <SymbolLegend
            title={t('compare.legendTitle')}
            items={[
              { key: 'breaking', color: BREAKING_COLOR, label: t('compare.legendBreaking', { count: alignment.breaking.length }) },
              { key: 'coinciding', color: COINCIDING_COLOR, label: t('compare.legendCoinciding', { count: alignment.sharedMunicipalityCount - alignment.breaking.length }) },
              ...(alignment.onlyInACount > 0 ? [{ key: 'only-a', color: NO_DATA_COLOR, label: t('compare.legendOnlyA', { count: alignment.onlyInACount }) }] : []),
            ]}
          />
        </Col>
      </Row>
      <section aria-labelledby="compare-breaking-heading" className="mt-5">
        <h2 id="compare-breaking-heading" className="h4">{t('compare.breakingTitle', { count: alignment.breaking.length })}</h2>
        <DataTable caption={t('compare.breakingCaption')} isCaptionHidden columns={breakingColumns} rows={alignment.breaking} rowKey={(m) => `${m.istatCode}-${m.aZoneCode}-${m.bZoneCode}`} emptyText={t('compare.noBreaking')} />
      </section>
      <section aria-labelledby="compare-crosswalk-heading" className="mt-5">
        <h2 id="compare-crosswalk-heading" className="h4">{t('compare.crosswalkTitle')}</h2>
        <DataTable caption={t('compare.crosswalkCaption')} isCaptionHidden columns={crosswalkColumns} rows={crosswalkRows} rowKey={({ row, cell }) => `${row.aZoneKey}-${cell.bZoneKey}`} />
      </section>
    </>
  );
}

/** Municipalities divided between zones: counted in each, their people divided by the source's shares or, when unknown, equally (said so). */
function SplitMunicipalitiesNote({ alignment }: { alignment: TAlignment }) {
  const { t } = useTranslation('zonings');
  if (alignment.splitMunicipalities.length === 0) return null;
  const sideName = (side: 'a' | 'b' | 'both') => (side === 'a' ? alignment.a.name : side === 'b' ? alignment.b.name : `${alignment.a.name}, ${alignment.b.name}`);
  return (
    <Notice color="info" role="note">
      <h3 className="h6">{t('compare.splitTitle')}</h3>
      <ul className="mb-0">
        {alignment.splitMunicipalities.map((m) => (
          <li key={m.istatCode}>
            {t(m.isShareKnown ? 'compare.splitKnown' : 'compare.splitUnknown', { name: m.name, count: m.partCount, zoning: sideName(m.side) })}
          </li>
        ))}
      </ul>
    </Notice>
  );
}

/** Where each map comes from (source, licence) and whether its zone names were derived by Distretto. */
function SidesProvenance({ a, b }: { a: string; b: string }) {
  const { t } = useTranslation('zonings');
  const zoningA = useQuery(zoningQuery(a));
  const zoningB = useQuery({ ...zoningQuery(b), enabled: b !== DISTRICTS_OPTION });
  const sides = [zoningA.data, b === DISTRICTS_OPTION ? undefined : zoningB.data].filter((zoning) => zoning !== undefined);
  if (sides.length === 0) return null;
  return (
    <ul className="small list-unstyled" aria-label={t('compare.provenanceLabel')}>
      {sides.map((zoning) => (
        <li key={zoning.id}>
          <strong>{zoning.name}</strong>
          {zoning.isDemo ? ` — ${t('exampleBadge')}` : ''}
          {zoning.source ? ` — ${zoning.source}` : ''}
          {zoning.licence ? ` (${t('zoning.licence')}: ${zoning.licence})` : ''}
          {zoning.zones.some((zone) => zone.nameIsDerived) ? ` — ${t('compare.derivedNames')}` : ''}
        </li>
      ))}
    </ul>
  );
}
