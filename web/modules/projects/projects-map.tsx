import { useMemo, useState } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Col, Row } from 'design-react-kit';
import type { TProjectFilters } from '../../../common/contracts/projects';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { formatNumber } from '../../app/format';
import { useBasemap } from '../../app/use-basemap';
import { ChoroplethMap } from '../../ui/map/lazy-choropleth-map';
import { MapLegend } from '../../ui/map/map-legend';
import { integerClassRanges } from '../../ui/map/class-breaks';
import { countClassification } from '../../ui/map/count-classes';
import { DataTable } from '../../ui/data-table';
import { districtBoundariesQuery } from '../districts';
import { projectMapQuery } from './projects.queries';
import { districtAreaFeatures, districtsToDraw, type AreaFeature } from './projects-map-data';
import { useProjectLabels } from './use-project-labels';

/** The map fetches the area of at most this many districts; the table lists them all. */
const MAP_DISTRICTS_MAX = 40;

/**
 * Districts coloured by their number of projects (matching the list's filters but the district), with the budget in
 * the tooltip, a legend and, beside it, the table of the same figures for keyboards, screen readers and print.
 */
export function ProjectsMap({ filters }: { filters: TProjectFilters }) {
  const { t } = useTranslation('projects');
  const labels = useProjectLabels();
  const basemap = useBasemap();
  const [selected, setSelected] = useState<string | null>(null);
  const map = useQuery(projectMapQuery(filters));
  const drawn = useMemo(() => districtsToDraw(map.data?.districts ?? [], MAP_DISTRICTS_MAX), [map.data]);
  const areas = useQueries({ queries: drawn.map((row) => districtBoundariesQuery(row.districtId)) });
  // Rebuilt only when an area arrives (the map redraws its source on every new collection).
  const loadedKey = areas.map((area) => area.dataUpdatedAt).join(',');
  const collection = useMemo(() => {
    const areasById = new Map(drawn.flatMap((row, index) => {
      const data = areas[index]?.data;
      return data ? [[row.districtId, data.features as AreaFeature[]] as const] : [];
    }));
    return { type: 'FeatureCollection' as const, features: districtAreaFeatures(drawn, areasById) };
  }, [drawn, loadedKey]);
  const counts = useMemo(() => drawn.map((row) => row.projectCount), [drawn]);
  const classification = useMemo(() => countClassification('projects', counts), [counts]);
  const ranges = useMemo(() => integerClassRanges(counts, classification.breaks), [counts, classification.breaks]);
  const number = (value: number) => formatNumber(value, labels.language);
  const highlightIds = useMemo(() => collection.features.filter((feature) => feature.properties.districtId === selected).map((feature) => feature.properties.key), [collection, selected]);
  const rows = map.data?.districts ?? [];
  return (
    <section aria-labelledby="projects-map-heading" className="mb-4">
      <h2 id="projects-map-heading" className="h4">
        {t('map.title')}
      </h2>
      <p id="projects-map-alternative" className="small">
        {t('map.alternative')}
      </p>
      {map.isError && <ApiErrorAlert error={map.error} onRetry={() => void map.refetch()} />}
      {map.data && (
        <Row className="g-3">
          <Col lg={7}>
            {drawn.length === 0 ? (
              <p>{t('map.none')}</p>
            ) : (
              <>
                <ChoroplethMap
                  collection={collection}
                  idProperty="key"
                  classification={classification}
                  highlightIds={highlightIds}
                  labelProperty={null}
                  basemap={basemap}
                  dataAttribution={t('territory.dataAttribution', { ns: 'translation' })}
                  ariaLabel={t('map.ariaLabel')}
                  describedBy="projects-map-alternative"
                  height="22rem"
                  tooltip={(properties) =>
                    t('map.tooltip', { district: String(properties.districtName), municipality: String(properties.municipalityName), projects: number(Number(properties.projects)), budget: labels.money(Number(properties.budgetCents)) })
                  }
                  onFeatureClick={(key) => setSelected(key.split(':')[0] ?? null)}
                  testId="projects-map"
                />
                <MapLegend
                  title={t('map.legend')}
                  ranges={ranges}
                  colors={classification.colors}
                  formatValue={number}
                  formatCount={(count) => t('map.legendCount', { count })}
                />
              </>
            )}
          </Col>
          <Col lg={5}>
            <DataTable
              caption={t('map.caption')}
              columns={[
                { key: 'district', header: t('map.district'), isRowHeader: true, cell: (row: (typeof rows)[number]) => (row.districtId === selected ? <strong>{row.districtName}</strong> : row.districtName) },
                { key: 'projects', header: t('map.projects'), isNumeric: true, cell: (row) => number(row.projectCount) },
                { key: 'budget', header: t('map.budget'), isNumeric: true, cell: (row) => labels.money(row.budgetCents) },
                { key: 'committed', header: t('map.committed'), isNumeric: true, cell: (row) => labels.money(row.committedCents) },
              ]}
              rows={rows}
              rowKey={(row) => row.districtId}
              emptyText={t('map.none')}
            />
          </Col>
        </Row>
      )}
    </section>
  );
}
