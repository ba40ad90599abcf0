import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Map as MapLibreMap, NavigationControl, AttributionControl, Popup, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { TOrganizationPoints } from '../../../common/contracts/organizations';
import { buildMapStyle, type Basemap } from '../../ui/map/map-style';
import { paths } from '../../app/paths';

setWorkerUrl(new URL(workerUrl, window.location.href).href);

const SOURCE = 'organizations';
const LAYER = 'organizations-points';
const SECTOR_COLORS = { public: '#0066cc', third_sector: '#008055', private: '#a66300', informal: '#6b3fa0' } as const;

function toGeoJson(points: TOrganizationPoints['items']): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: points.map((p) => ({ type: 'Feature', properties: { id: p.id, name: p.name, sector: p.sector }, geometry: { type: 'Point', coordinates: [p.lng, p.lat] } })),
  };
}

function boundsOf(points: TOrganizationPoints['items']): [number, number, number, number] | null {
  if (points.length === 0) return null;
  const lngs = points.map((p) => p.lng);
  const lats = points.map((p) => p.lat);
  // A single organization (or several in one municipality) gets a small frame around it, centred on it.
  const pad = 0.02;
  return [Math.min(...lngs) - pad, Math.min(...lats) - pad, Math.max(...lngs) + pad, Math.max(...lats) + pad];
}

export interface OrganizationsMapProps {
  points: TOrganizationPoints['items'];
  basemap: Basemap | null;
  ariaLabel: string;
  describedBy: string;
}

/**
 * Organizations as points coloured by sector on MapLibre (the platform's map style: plain background or the
 * configured basemap). Clicking a point opens a popup linking its profile. Loaded lazily with MapLibre.
 */
export default function OrganizationsMap({ points, basemap, ariaLabel, describedBy }: OrganizationsMapProps) {
  const { t } = useTranslation('organizations');
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const pointsRef = useRef(points);
  pointsRef.current = points;
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let map: MapLibreMap;
    try {
      const style = buildMapStyle({ idProperty: 'id', basemap });
      style.sources[SOURCE] = { type: 'geojson', data: toGeoJson(pointsRef.current) };
      style.layers.push({
        id: LAYER,
        type: 'circle',
        source: SOURCE,
        paint: {
          'circle-radius': 7,
          'circle-color': ['match', ['get', 'sector'], 'public', SECTOR_COLORS.public, 'third_sector', SECTOR_COLORS.third_sector, 'private', SECTOR_COLORS.private, SECTOR_COLORS.informal],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2,
        },
      });
      map = new MapLibreMap({
        container,
        style,
        bounds: boundsOf(pointsRef.current) ?? [6.6, 36.6, 18.5, 47.1],
        fitBoundsOptions: { padding: 24, maxZoom: 13 },
        attributionControl: false,
        cooperativeGestures: true,
        dragRotate: false,
        locale: { 'Map.Title': ariaLabel },
      });
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
      return;
    }
    mapRef.current = map;
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new AttributionControl({ compact: false }), 'bottom-right');
    map.getCanvas().setAttribute('aria-describedby', describedBy);
    map.on('mouseenter', LAYER, () => (map.getCanvas().style.cursor = 'pointer'));
    map.on('mouseleave', LAYER, () => (map.getCanvas().style.cursor = ''));
    map.on('click', LAYER, (event) => {
      const feature = event.features?.[0];
      if (!feature || feature.geometry.type !== 'Point') return;
      const { id, name } = feature.properties as { id: string; name: string };
      const content = document.createElement('div');
      const title = document.createElement('strong');
      title.textContent = name;
      const link = document.createElement('a');
      link.href = paths.organization(id);
      link.textContent = t('directory.mapOpen');
      link.className = 'd-block mt-1';
      content.append(title, link);
      new Popup({ closeButton: true }).setLngLat(feature.geometry.coordinates as [number, number]).setDOMContent(content).addTo(map);
    });
    const resize = new ResizeObserver(() => map.resize());
    resize.observe(container);
    return () => {
      resize.disconnect();
      mapRef.current = null;
      map.remove();
    };
    // The map is created once per basemap; points are updated below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [basemap?.url]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const update = () => {
      (map.getSource(SOURCE) as GeoJSONSource | undefined)?.setData(toGeoJson(points));
      const bounds = boundsOf(points);
      if (bounds) map.fitBounds(bounds, { padding: 24, maxZoom: 13, animate: false });
    };
    if (map.isStyleLoaded()) update();
    else map.once('load', update);
  }, [points]);

  if (failure) return <div className="map-frame map-frame--failed" role="note"><p className="m-0">{failure}</p></div>;
  return (
    <div className="map-frame" style={{ height: '30rem' }} data-testid="organizations-map" data-point-count={points.length}>
      <div ref={containerRef} className="map-canvas" />
    </div>
  );
}
