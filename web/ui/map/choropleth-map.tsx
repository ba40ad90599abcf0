import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AttributionControl,
  Map as MapLibreMap,
  Marker,
  NavigationControl,
  setWorkerUrl,
  type GeoJSONSource,
  type MapGeoJSONFeature,
  type MapLayerMouseEvent,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// The worker is a standalone ES module; `?url` makes Vite copy it into web/dist/assets and hand us its URL.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { featuresBbox, type Bbox } from './geo-bbox';
import { labelCandidates, placeLabels, type LabelCandidate } from './map-labels';
import {
  AREAS_FILL_LAYER,
  AREAS_HIGHLIGHT_LAYER,
  AREAS_SOURCE,
  POINTS_LAYER,
  POINTS_SOURCE,
  buildMapStyle,
  fillColorExpression,
  highlightFilter,
  type Basemap,
  type Classification,
} from './map-style';

setWorkerUrl(new URL(workerUrl, window.location.href).href);

export interface MapFeature {
  type: 'Feature';
  id?: string | number;
  properties: Record<string, unknown>;
  geometry: unknown;
}

export interface MapFeatureCollection {
  type: 'FeatureCollection';
  features: readonly MapFeature[];
}

export interface MapPoint {
  lng: number;
  lat: number;
  /** Handed to onPointClick. */
  id?: string;
  /** Fill of the dot (what it means is said by the page's legend); dark grey by default. */
  color?: string;
}

export interface ChoroplethMapProps {
  collection: MapFeatureCollection | null;
  /** Property holding each feature's stable id (used for hover, highlight and click). */
  idProperty: string;
  classification?: Classification | null;
  /** `context` when the areas are only boundaries under points (see map-style.ts); `data` by default. */
  areaRole?: 'data' | 'context';
  /** Property holding each area's name, shown as a label where there is room; null shows none. */
  labelProperty?: string | null;
  highlightIds?: readonly string[];
  points?: readonly MapPoint[];
  /** Area to show; by default the extent of the features. */
  fitTo?: Bbox | null;
  basemap?: Basemap | null;
  dataAttribution?: string;
  /** Accessible name of the map canvas. */
  ariaLabel: string;
  /** id of the text that says where the same information is available without the map. */
  describedBy?: string;
  height?: string;
  /** Text for the hover tooltip; null shows none. */
  tooltip?: (properties: Record<string, unknown>) => string | null;
  onFeatureClick?: (id: string) => void;
  /** Called with the ids of every point under the click (several places may share a spot). */
  onPointClick?: (ids: string[]) => void;
  /** data-testid of the frame, which also says how many areas, points and labels are drawn (data-area-count…). */
  testId?: string;
}

type FeatureId = string | number;

function toGeoJson(collection: MapFeatureCollection | null): GeoJSON.FeatureCollection {
  return (collection ?? { type: 'FeatureCollection', features: [] }) as unknown as GeoJSON.FeatureCollection;
}

function pointsGeoJson(points: readonly MapPoint[] | undefined): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: (points ?? []).map((point) => ({
      type: 'Feature',
      properties: { ...(point.id !== undefined ? { id: point.id } : {}), ...(point.color ? { color: point.color } : {}) },
      geometry: { type: 'Point', coordinates: [point.lng, point.lat] },
    })),
  };
}

function webGlAvailable(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

/**
 * A MapLibre map of areas coloured by class, with hover outline + tooltip and click. Loaded lazily (see
 * lazy-choropleth-map.tsx) so MapLibre stays out of the main bundle. Keyboard: the canvas is focusable, arrows
 * pan and +/- zoom; every page using it also offers the same content as a list or table.
 */
export default function ChoroplethMap(props: ChoroplethMapProps) {
  const { t } = useTranslation();
  const frameRef = useRef<HTMLDivElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const labelsRef = useRef<AreaLabels | null>(null);
  const readyRef = useRef(false);
  const propsRef = useRef(props);
  propsRef.current = props;
  const [failure, setFailure] = useState<string | null>(null);

  const basemapUrl = props.basemap?.url ?? null;
  const basemapAttribution = props.basemap?.attribution ?? null;

  // Create the map once per basemap (the style's sources depend on it).
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    if (!webGlAvailable()) {
      setFailure(t('ui.map.noWebGl'));
      return;
    }
    const initial = propsRef.current;
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container,
        style: buildMapStyle({
          idProperty: initial.idProperty,
          classification: initial.classification ?? null,
          basemap: basemapUrl ? { url: basemapUrl, attribution: basemapAttribution } : null,
          dataAttribution: initial.dataAttribution,
          highlightIds: initial.highlightIds ?? [],
          areaRole: initial.areaRole ?? 'data',
        }),
        bounds: (initial.fitTo ?? featuresBbox(initial.collection?.features ?? [])) ?? [6.6, 36.6, 18.5, 47.1],
        fitBoundsOptions: { padding: 16 },
        attributionControl: false,
        cooperativeGestures: true,
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        locale: {
          'Map.Title': initial.ariaLabel,
          'NavigationControl.ZoomIn': t('ui.map.zoomIn'),
          'NavigationControl.ZoomOut': t('ui.map.zoomOut'),
          'AttributionControl.ToggleAttribution': t('ui.map.toggleAttribution'),
          'CooperativeGesturesHandler.WindowsHelpText': t('ui.map.ctrlScroll'),
          'CooperativeGesturesHandler.MacHelpText': t('ui.map.cmdScroll'),
          'CooperativeGesturesHandler.MobileHelpText': t('ui.map.twoFingers'),
        },
      });
    } catch (error) {
      setFailure(t('ui.map.failed', { reason: error instanceof Error ? error.message : String(error) }));
      return;
    }
    mapRef.current = map;
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new AttributionControl({ compact: false }), 'bottom-right');
    const canvas = map.getCanvas();
    const describedBy = initial.describedBy;
    if (describedBy) canvas.setAttribute('aria-describedby', describedBy);

    let hoveredId: FeatureId | null = null;
    const setHover = (id: FeatureId | null) => {
      if (hoveredId !== null) map.setFeatureState({ source: AREAS_SOURCE, id: hoveredId }, { hover: false });
      hoveredId = id;
      if (id !== null) map.setFeatureState({ source: AREAS_SOURCE, id }, { hover: true });
    };
    const featureAt = (event: MapLayerMouseEvent): MapGeoJSONFeature | undefined => event.features?.[0];

    map.on('mousemove', AREAS_FILL_LAYER, (event) => {
      const feature = featureAt(event);
      const tooltip = tooltipRef.current;
      if (!feature || feature.id === undefined) return;
      setHover(feature.id);
      const current = propsRef.current;
      canvas.style.cursor = current.onFeatureClick ? 'pointer' : '';
      const text = current.tooltip?.(feature.properties as Record<string, unknown>) ?? null;
      if (tooltip) {
        if (text) {
          tooltip.textContent = text;
          tooltip.style.transform = `translate(${event.point.x + 12}px, ${event.point.y + 12}px)`;
          tooltip.hidden = false;
        } else {
          tooltip.hidden = true;
        }
      }
    });
    map.on('mouseleave', AREAS_FILL_LAYER, () => {
      setHover(null);
      canvas.style.cursor = '';
      if (tooltipRef.current) tooltipRef.current.hidden = true;
    });
    map.on('mouseenter', POINTS_LAYER, () => {
      if (propsRef.current.onPointClick) canvas.style.cursor = 'pointer';
    });
    map.on('mouseleave', POINTS_LAYER, () => {
      canvas.style.cursor = '';
    });
    map.on('click', POINTS_LAYER, (event) => {
      const ids = [...new Set((event.features ?? []).flatMap((feature) => (typeof feature.properties?.id === 'string' ? [feature.properties.id] : [])))];
      if (ids.length > 0) propsRef.current.onPointClick?.(ids);
    });
    map.on('click', AREAS_FILL_LAYER, (event) => {
      if (propsRef.current.onPointClick && map.queryRenderedFeatures(event.point, { layers: [POINTS_LAYER] }).length > 0) return;
      const feature = featureAt(event);
      const id = feature?.properties?.[propsRef.current.idProperty];
      if (id !== undefined && id !== null) propsRef.current.onFeatureClick?.(String(id));
    });
    map.on('error', (event) => {
      // A missing basemap tile must not hide the areas; log and carry on.
      console.warn('Map error', event.error);
    });
    const labels = new AreaLabels(map);
    labelsRef.current = labels;
    map.on('moveend', () => {
      labels.update();
      if (frameRef.current) frameRef.current.dataset.labelCount = String(labels.shownCount);
    });
    map.on('load', () => {
      readyRef.current = true;
      applyData(map, propsRef.current, true);
      labels.setCandidates(candidatesOf(propsRef.current));
      updateCounts(frameRef.current, propsRef.current, labels);
    });

    // Until the visitor pans or zooms, keep the data framed whenever the container changes size
    // (styles arriving after the map was created, window resizes, the column layout changing).
    let hasUserMoved = false;
    map.on('movestart', (event) => {
      if ((event as { originalEvent?: unknown }).originalEvent) hasUserMoved = true;
    });
    const resize = new ResizeObserver(() => {
      map.resize();
      if (!hasUserMoved && readyRef.current) fitToData(map, propsRef.current);
    });
    resize.observe(container);
    return () => {
      resize.disconnect();
      labels.clear();
      labelsRef.current = null;
      readyRef.current = false;
      mapRef.current = null;
      map.remove();
    };
    // Recreated only when the basemap changes; the other props are applied by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [basemapUrl, basemapAttribution]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !readyRef.current) return;
    applyData(map, props, true);
    labelsRef.current?.setCandidates(candidatesOf(props));
    updateCounts(frameRef.current, props, labelsRef.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.collection, props.points, props.fitTo, props.labelProperty]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !readyRef.current) return;
    map.setPaintProperty(AREAS_FILL_LAYER, 'fill-color', fillColorExpression(props.classification));
    map.setFilter(AREAS_HIGHLIGHT_LAYER, highlightFilter(props.idProperty, props.highlightIds ?? []));
  }, [props.classification, props.highlightIds, props.idProperty]);

  useEffect(() => {
    mapRef.current?.getCanvas().setAttribute('aria-label', props.ariaLabel);
  }, [props.ariaLabel]);

  if (failure) {
    return (
      <div className="map-frame map-frame--failed" style={{ height: props.height ?? '28rem' }} role="note">
        <p className="m-0">{failure}</p>
      </div>
    );
  }

  return (
    <div ref={frameRef} className="map-frame" style={{ height: props.height ?? '28rem' }} data-testid={props.testId}>
      <div ref={containerRef} className="map-canvas" />
      <div ref={tooltipRef} className="map-tooltip" hidden aria-hidden="true" />
    </div>
  );
}

function applyData(map: MapLibreMap, props: ChoroplethMapProps, fit: boolean): void {
  (map.getSource(AREAS_SOURCE) as GeoJSONSource | undefined)?.setData(toGeoJson(props.collection));
  (map.getSource(POINTS_SOURCE) as GeoJSONSource | undefined)?.setData(pointsGeoJson(props.points));
  map.setPaintProperty(AREAS_FILL_LAYER, 'fill-color', fillColorExpression(props.classification));
  map.setFilter(AREAS_HIGHLIGHT_LAYER, highlightFilter(props.idProperty, props.highlightIds ?? []));
  if (fit) fitToData(map, props);
}

function fitToData(map: MapLibreMap, props: ChoroplethMapProps): void {
  const bounds = props.fitTo ?? featuresBbox(props.collection?.features ?? []);
  if (bounds) map.fitBounds(bounds, { padding: 16, animate: false });
}

function candidatesOf(props: ChoroplethMapProps): LabelCandidate[] {
  const labelProperty = props.labelProperty === undefined ? 'name' : props.labelProperty;
  if (!labelProperty || !props.collection) return [];
  return labelCandidates(props.collection.features, labelProperty);
}

/** Says on the frame what is drawn, for tests and for anyone inspecting the page. */
function updateCounts(frame: HTMLDivElement | null, props: ChoroplethMapProps, labels: AreaLabels | null): void {
  if (!frame) return;
  frame.dataset.areaCount = String(props.collection?.features.length ?? 0);
  frame.dataset.pointCount = String(props.points?.length ?? 0);
  frame.dataset.labelCount = String(labels?.shownCount ?? 0);
}

/** Below this zoom (a whole region or more) names would be too many and too small to help. */
const LABELS_MIN_ZOOM = 6.5;

/**
 * The areas' names as HTML markers (the style has no glyphs, see map-labels.ts), recomputed after every move:
 * only the names that fit without overlapping, the most populous first. Hidden from screen readers: the page
 * offers the same names in its list or table.
 */
class AreaLabels {
  private candidates: LabelCandidate[] = [];
  private readonly shown = new Map<string, Marker>();

  constructor(private readonly map: MapLibreMap) {}

  get shownCount(): number {
    return this.shown.size;
  }

  setCandidates(candidates: LabelCandidate[]): void {
    this.candidates = candidates;
    this.clear();
    this.update();
  }

  update(): void {
    const canvas = this.map.getCanvas();
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    const wanted =
      this.map.getZoom() < LABELS_MIN_ZOOM || width === 0
        ? []
        : placeLabels(
            this.candidates.map((candidate) => {
              const { x, y } = this.map.project([candidate.lng, candidate.lat]);
              return { id: candidate.id, text: candidate.text, x, y, priority: candidate.priority };
            }),
            { width, height },
          );
    const keep = new Set(wanted);
    for (const [id, marker] of this.shown) {
      if (!keep.has(id)) {
        marker.remove();
        this.shown.delete(id);
      }
    }
    const byId = new Map(this.candidates.map((candidate) => [candidate.id, candidate]));
    for (const id of wanted) {
      if (this.shown.has(id)) continue;
      const candidate = byId.get(id)!;
      const element = document.createElement('span');
      element.className = 'map-label';
      element.textContent = candidate.text;
      element.setAttribute('aria-hidden', 'true');
      this.shown.set(id, new Marker({ element, anchor: 'center' }).setLngLat([candidate.lng, candidate.lat]).addTo(this.map));
    }
  }

  clear(): void {
    for (const marker of this.shown.values()) marker.remove();
    this.shown.clear();
  }
}
