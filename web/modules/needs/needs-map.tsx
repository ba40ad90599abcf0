import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Col, Row } from 'design-react-kit';
import type { TNeedCounts } from '../../../common/contracts/needs';
import type { TDistrict } from '../../../common/contracts/districts';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { formatNumber } from '../../app/format';
import { useBasemap } from '../../app/use-basemap';
import { ChoroplethMap } from '../../ui/map/lazy-choropleth-map';
import { MapLegend } from '../../ui/map/map-legend';
import { integerClassRanges } from '../../ui/map/class-breaks';
import { countClassification } from '../../ui/map/count-classes';
import { districtBoundariesQuery } from '../districts';
import { usePopulationFormatters } from '../territory';
import { useCategoryLabel } from './use-category-label';

/** What the panel beside the map says of the clicked municipality: the same counts as the tables below. */
function MunicipalityNeeds({ code, name, counts }: { code: string; name: string; counts: TNeedCounts }) {
  const { t, i18n } = useTranslation('needs');
  const categories = useCategoryLabel();
  const total = counts.byMunicipality.find((row) => row.municipalityCode === code);
  const byCategory = counts.byCategoryMunicipality.filter((row) => row.municipalityCode === code);
  const number = (value: number) => formatNumber(value, i18n.language);
  return (
    <article>
      <h4 className="h6 mb-1">{name}</h4>
      {total ? (
        <>
          <p className="mb-1">{t('map.panelTotal', { needs: number(total.needs), people: number(total.people) })}</p>
          <ul className="small mb-0">
            {byCategory.map((row) => (
              <li key={row.categoryCode}>{t('map.panelCategory', { category: categories.label(row.categoryCode), needs: number(row.needs) })}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="mb-0">{t('map.panelNone')}</p>
      )}
    </article>
  );
}

/**
 * The district's municipalities coloured by their number of needs, named where the names fit, with a legend and,
 * beside the map, the counts of the clicked municipality (the count tables below say the same, for keyboards and
 * screen readers). Only counts the reader may already see: the page asks the server for them within its rights.
 */
export function NeedsMap({ district, counts }: { district: TDistrict; counts: TNeedCounts }) {
  const { t, i18n } = useTranslation('needs');
  const basemap = useBasemap();
  const { formatMunicipalityCount } = usePopulationFormatters();
  const [selectedCode, setSelectedCode] = useState<string | null>(null);
  const boundaries = useQuery(districtBoundariesQuery(district.id));
  const byCode = useMemo(() => new Map(counts.byMunicipality.map((row) => [row.municipalityCode, row.needs])), [counts]);
  const collection = useMemo(
    () =>
      boundaries.data
        ? { ...boundaries.data, features: boundaries.data.features.map((feature) => ({ ...feature, properties: { ...feature.properties, needs: byCode.get(feature.properties.istatCode) ?? 0 } })) }
        : null,
    [boundaries.data, byCode],
  );
  const classification = useMemo(() => countClassification('needs', [0, ...counts.byMunicipality.map((row) => row.needs)]), [counts]);
  const ranges = useMemo(
    () => (collection ? integerClassRanges(collection.features.map((feature) => feature.properties.needs), classification.breaks) : []),
    [collection, classification.breaks],
  );
  const highlightIds = useMemo(() => (selectedCode ? [selectedCode] : []), [selectedCode]);
  const selectedName = collection?.features.find((feature) => feature.properties.istatCode === selectedCode)?.properties.name ?? null;
  return (
    <section aria-labelledby="needs-map-heading" className="mb-4">
      <h2 id="needs-map-heading" className="h4">
        {t('map.title')}
      </h2>
      <p id="needs-map-alternative" className="small">
        {t('map.alternative')}
      </p>
      {boundaries.isError ? (
        <ApiErrorAlert error={boundaries.error} />
      ) : (
        <Row className="g-3">
          <Col lg={8}>
            <ChoroplethMap
              collection={collection}
              idProperty="istatCode"
              classification={classification}
              highlightIds={highlightIds}
              basemap={basemap}
              dataAttribution={t('territory.dataAttribution', { ns: 'translation' })}
              ariaLabel={t('map.ariaLabel')}
              describedBy="needs-map-alternative"
              height="24rem"
              tooltip={(properties) => t('map.tooltip', { name: String(properties.name), count: formatNumber(Number(properties.needs ?? 0), i18n.language) as unknown as number })}
              onFeatureClick={setSelectedCode}
              testId="needs-map"
            />
            <MapLegend
              title={t('map.legend')}
              ranges={ranges}
              colors={classification.colors}
              formatValue={(value) => formatNumber(value, i18n.language)}
              formatCount={formatMunicipalityCount}
            />
          </Col>
          <Col lg={4}>
            <section aria-labelledby="needs-map-panel-heading" data-testid="needs-map-panel">
              <h3 id="needs-map-panel-heading" className="h5">
                {t('map.panelTitle')}
              </h3>
              <div aria-live="polite">
                {selectedCode && selectedName ? (
                  <MunicipalityNeeds code={selectedCode} name={selectedName} counts={counts} />
                ) : (
                  <p className="small mb-0">{t('map.panelEmpty')}</p>
                )}
              </div>
            </section>
          </Col>
        </Row>
      )}
    </section>
  );
}
