import { useCallback, useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Col, Row } from 'design-react-kit';
import { PageHeader } from '../../ui/page-header';
import { SelectField } from '../../ui/form-field';
import { Loading } from '../../ui/loading';
import { ChoroplethMap } from '../../ui/map/lazy-choropleth-map';
import { MapLegend } from '../../ui/map/map-legend';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { useBasemap } from '../../app/use-basemap';
import { paths } from '../../app/paths';
import { areaBoundariesQuery, provincesQuery, regionsQuery } from './territory.queries';
import { usePopulationClasses } from './population-classes';
import { MunicipalitySearch } from './municipality-search';
import { usePopulationFormatters } from './territory-format';

/** Piemonte, where the first district (Pinerolese) is. */
export const DEFAULT_REGION = '01';

/** Region/province selector, population choropleth and the searchable list of municipalities. */
export function TerritoryExplorerPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const region = params.get('regione') ?? DEFAULT_REGION;
  const province = params.get('provincia') ?? '';
  const queryInUrl = params.get('q') ?? '';

  const regions = useQuery(regionsQuery);
  const provinces = useQuery(provincesQuery(region));
  // Keep showing the previous area while the next one loads, so the map is updated rather than rebuilt.
  const boundaries = useQuery({
    ...areaBoundariesQuery({ region, province: province || undefined }),
    placeholderData: keepPreviousData,
  });
  const classes = usePopulationClasses(boundaries.data);
  const basemap = useBasemap();
  const { formatPopulation, tooltipFor, formatMunicipalityCount } = usePopulationFormatters();

  const regionName = regions.data?.find((item) => item.code === region)?.name ?? region;
  const provinceName = provinces.data?.find((item) => item.code === province)?.name;
  const areaName = provinceName ?? regionName;

  const updateParams = useCallback(
    (changes: Record<string, string | null>, replace = false) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace },
      );
    },
    [setParams],
  );
  const onQueryChange = useCallback(
    (query: string) => {
      if (query !== queryInUrl) updateParams({ q: query || null }, true);
    },
    [queryInUrl, updateParams],
  );
  const onFeatureClick = useCallback((istatCode: string) => navigate(paths.municipality(istatCode)), [navigate]);

  const highlightIds = useMemo(() => [], []);

  return (
    <>
      <PageHeader
        title={t('territory.title')}
        breadcrumbs={[{ label: t('nav.home'), to: paths.home }, { label: t('territory.title') }]}
        lead={t('territory.lead')}
      />

      <form className="area-picker" aria-label={t('territory.area.label')} onSubmit={(event) => event.preventDefault()}>
        <Row>
          <Col md={6}>
            <SelectField
              id="region"
              label={t('territory.area.region')}
              value={region}
              disabled={!regions.data}
              onChange={(event) => updateParams({ regione: event.target.value, provincia: null })}
            >
              {(regions.data ?? [{ code: region, name: regionName }]).map((item) => (
                <option key={item.code} value={item.code}>
                  {item.name}
                </option>
              ))}
            </SelectField>
          </Col>
          <Col md={6}>
            <SelectField
              id="province"
              label={t('territory.area.province')}
              value={province}
              disabled={!provinces.data}
              onChange={(event) => updateParams({ provincia: event.target.value || null })}
            >
              <option value="">{t('territory.area.allProvinces')}</option>
              {(provinces.data ?? []).map((item) => (
                <option key={item.code} value={item.code}>
                  {item.name}
                </option>
              ))}
            </SelectField>
          </Col>
        </Row>
      </form>
      {regions.isError && <ApiErrorAlert error={regions.error} onRetry={() => void regions.refetch()} />}

      <Row className="g-4">
        <Col lg={7}>
          <section aria-labelledby="map-heading">
            <h2 id="map-heading" className="h4">
              {t('territory.map.title', { area: areaName })}
            </h2>
            <p id="map-alternative" className="small">
              {t('territory.map.alternative')}
            </p>
            <p role="status" className="search-status mb-1">
              {boundaries.isPlaceholderData ? t('territory.map.loading') : ''}
            </p>
            {boundaries.isError ? (
              <ApiErrorAlert error={boundaries.error} onRetry={() => void boundaries.refetch()} />
            ) : boundaries.isPending ? (
              <div className="map-frame map-frame--loading">
                <Loading label={t('territory.map.loading')} />
              </div>
            ) : (
              <ChoroplethMap
                collection={boundaries.data}
                idProperty="istatCode"
                classification={classes.classification}
                highlightIds={highlightIds}
                basemap={basemap}
                dataAttribution={t('territory.dataAttribution')}
                ariaLabel={t('territory.map.ariaLabel', { area: areaName })}
                describedBy="map-alternative"
                height="32rem"
                tooltip={tooltipFor}
                onFeatureClick={onFeatureClick}
              />
            )}
            <MapLegend
              title={t('territory.map.legendTitle')}
              ranges={classes.ranges}
              colors={classes.colors}
              formatValue={formatPopulation}
              noDataCount={classes.noDataCount}
              formatCount={formatMunicipalityCount}
            />
          </section>
        </Col>
        <Col lg={5}>
          <MunicipalitySearch
            key={`${region}-${province}`}
            region={region}
            province={province || undefined}
            areaName={areaName}
            initialQuery={queryInUrl}
            onQueryChange={onQueryChange}
          />
        </Col>
      </Row>
    </>
  );
}
