import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Col, Row } from 'design-react-kit';
import type { TServiceSummary } from '../../../common/contracts/services';
import { ChoroplethMap, type MapPoint } from '../../ui/map/lazy-choropleth-map';
import { SymbolLegend } from '../../ui/map/map-legend';
import { HIGHLIGHT_COLOR, NEUTRAL_FILL } from '../../ui/map/palette';
import type { Bbox } from '../../ui/map/geo-bbox';
import type { Basemap } from '../../ui/map/map-style';
import { useBoundariesAround } from '../territory';
import { serviceQuery } from './services.queries';
import { servicePaths } from './service-paths';

/** Colour of a service's dot: the design system's primary blue, 4.5:1 on the light boundaries and on white. */
export const SERVICE_POINT_COLOR = '#0066cc';

/** The frame around the services' places: a little margin, so a single place is not glued to the border. */
function pointsFrame(points: readonly MapPoint[]): Bbox | null {
  if (points.length === 0) return null;
  const lngs = points.map((p) => p.lng);
  const lats = points.map((p) => p.lat);
  return [Math.min(...lngs) - 0.05, Math.min(...lats) - 0.05, Math.max(...lngs) + 0.05, Math.max(...lats) + 0.05];
}

/** What the side panel says of one service: its card in short, the phone from the full record. */
function SelectedService({ service }: { service: TServiceSummary }) {
  const { t } = useTranslation('services');
  const detail = useQuery(serviceQuery(service.id));
  const location = service.location;
  const phone = detail.data?.phone ?? null;
  return (
    <article className="mb-3">
      <h4 className="h6 mb-1">
        <Link to={servicePaths.service(service.id)}>{service.name}</Link>
      </h4>
      <dl className="facts facts--compact mb-1">
        <dt>{t('card.provider')}</dt>
        <dd>{service.provider.name}</dd>
        <dt>{t('card.where')}</dt>
        <dd>
          {location
            ? `${location.name}, ${location.address ? `${location.address}, ` : ''}${location.municipalityName} (${location.provinceAbbreviation})`
            : t('card.noLocation')}
        </dd>
        {phone && (
          <>
            <dt>{t('service.phone')}</dt>
            <dd>
              <a href={`tel:${phone.replace(/\s/g, '')}`}>{phone}</a>
            </dd>
          </>
        )}
      </dl>
      <Link to={servicePaths.service(service.id)}>{t('map.openCard', { name: service.name })}</Link>
    </article>
  );
}

/**
 * The search results on a map: each service's place as a dot over the municipal boundaries of its province (with
 * the municipalities' names where they fit), the searched municipality outlined, a legend, and beside the map the
 * card of what was clicked. The same services are in the list below, for keyboard and screen-reader users.
 */
export function ServicesMap({ items, nearCode, nearName, basemap }: { items: readonly TServiceSummary[]; nearCode: string | null; nearName: string | null; basemap: Basemap | null }) {
  const { t } = useTranslation('services');
  const { t: tCommon } = useTranslation();
  const [selectedIds, setSelectedIds] = useState<readonly string[]>([]);
  const codes = useMemo(
    () => [...(nearCode ? [nearCode] : []), ...items.flatMap((item) => (item.location ? [item.location.municipalityCode] : []))],
    [items, nearCode],
  );
  const boundaries = useBoundariesAround(codes);
  const points = useMemo<MapPoint[]>(
    () => items.flatMap((item) => (item.location ? [{ id: item.id, lat: item.location.latitude, lng: item.location.longitude, color: SERVICE_POINT_COLOR }] : [])),
    [items],
  );
  const fitTo = useMemo(() => pointsFrame(points), [points]);
  const highlightIds = useMemo(() => (nearCode ? [nearCode] : []), [nearCode]);
  const selected = items.filter((item) => selectedIds.includes(item.id));

  return (
    <Row className="g-3 mb-3">
      <Col lg={8}>
        <p id="service-map-alternative" className="visually-hidden">
          {t('search.mapAlternative')}
        </p>
        <ChoroplethMap
          collection={boundaries.collection}
          idProperty="istatCode"
          areaRole="context"
          highlightIds={highlightIds}
          points={points}
          fitTo={fitTo}
          basemap={basemap}
          dataAttribution={tCommon('territory.dataAttribution')}
          ariaLabel={t('search.mapLabel')}
          describedBy="service-map-alternative"
          height="24rem"
          tooltip={(properties) => (typeof properties.name === 'string' ? properties.name : null)}
          onPointClick={setSelectedIds}
          testId="services-map"
        />
        <SymbolLegend
          title={t('map.legendTitle')}
          items={[
            { key: 'service', symbol: 'point', color: SERVICE_POINT_COLOR, label: t('map.legendService') },
            ...(nearCode && nearName ? [{ key: 'near', symbol: 'outline' as const, color: HIGHLIGHT_COLOR, label: t('map.legendNear', { name: nearName }) }] : []),
            { key: 'municipalities', symbol: 'area', color: NEUTRAL_FILL, label: t('map.legendMunicipalities') },
          ]}
        />
      </Col>
      <Col lg={4}>
        <section aria-labelledby="service-map-panel-heading" className="map-panel" data-testid="services-map-panel">
          <h3 id="service-map-panel-heading" className="h5">
            {t('map.panelTitle')}
          </h3>
          <div aria-live="polite">
            {selected.length === 0 ? (
              <p className="small mb-0">{t('map.panelEmpty')}</p>
            ) : (
              selected.map((service) => <SelectedService key={service.id} service={service} />)
            )}
          </div>
        </section>
      </Col>
    </Row>
  );
}
