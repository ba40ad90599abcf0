import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { HIGHLIGHT_COLOR, NEUTRAL_FILL, NO_DATA_COLOR } from './palette';

export const AREAS_SOURCE = 'areas';
export const POINTS_SOURCE = 'points';
export const AREAS_FILL_LAYER = 'areas-fill';
export const AREAS_HIGHLIGHT_LAYER = 'areas-highlight';
export const POINTS_LAYER = 'points';
/** Colour of a point that does not carry its own `color` property. */
export const DEFAULT_POINT_COLOR = '#1a1a1a';

export interface Classification {
  /** Numeric property coloured by class. */
  valueProperty: string;
  /** Thresholds from class-breaks.ts. */
  breaks: readonly number[];
  /** breaks.length + 1 colours, light to dark. */
  colors: readonly string[];
}

export interface Basemap {
  /** Raster tile URL template with {z}/{x}/{y}. */
  url: string;
  attribution: string | null;
}

export interface MapStyleOptions {
  idProperty: string;
  classification?: Classification | null;
  basemap?: Basemap | null;
  dataAttribution?: string;
  highlightIds?: readonly string[];
  /**
   * `data` (default): the areas carry the map's values (a choropleth). `context`: the areas only say where things are
   * (boundaries under points), so they are drawn as clear outlines over a light fill.
   */
  areaRole?: 'data' | 'context';
}

/** `fill-color` for the classes: features without a number get the no-data grey. */
export function fillColorExpression(classification: Classification | null | undefined): ExpressionSpecification | string {
  if (!classification || classification.colors.length === 0) return NEUTRAL_FILL;
  const { valueProperty, breaks, colors } = classification;
  const value: ExpressionSpecification = ['get', valueProperty];
  const classed: ExpressionSpecification | string =
    breaks.length === 0
      ? colors[0]!
      : (['step', value, colors[0]!, ...breaks.flatMap((limit, i) => [limit, colors[i + 1] ?? colors[colors.length - 1]!])] as ExpressionSpecification);
  return ['case', ['==', ['typeof', value], 'number'], classed, NO_DATA_COLOR];
}

export function highlightFilter(idProperty: string, ids: readonly string[]): ExpressionSpecification {
  return ['in', ['get', idProperty], ['literal', [...ids]]];
}

const EMPTY_COLLECTION = { type: 'FeatureCollection' as const, features: [] };

/**
 * A self-contained style: a plain background, an optional raster basemap underneath, then the areas (fill,
 * outline, hover and highlight outlines) and points. No glyphs or sprites, so nothing is fetched unless a
 * basemap URL was configured.
 */
export function buildMapStyle(options: MapStyleOptions): StyleSpecification {
  const hasBasemap = Boolean(options.basemap?.url);
  const isContext = options.areaRole === 'context';
  const style: StyleSpecification = {
    version: 8,
    sources: {
      [AREAS_SOURCE]: {
        type: 'geojson',
        data: EMPTY_COLLECTION,
        promoteId: options.idProperty,
        ...(options.dataAttribution ? { attribution: options.dataAttribution } : {}),
      },
      [POINTS_SOURCE]: { type: 'geojson', data: EMPTY_COLLECTION },
    },
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef1f4' } }],
  };
  if (hasBasemap && options.basemap) {
    style.sources.basemap = {
      type: 'raster',
      tiles: [options.basemap.url],
      tileSize: 256,
      ...(options.basemap.attribution ? { attribution: options.basemap.attribution } : {}),
    };
    style.layers.push({ id: 'basemap', type: 'raster', source: 'basemap' });
  }
  style.layers.push(
    {
      id: AREAS_FILL_LAYER,
      type: 'fill',
      source: AREAS_SOURCE,
      paint: {
        'fill-color': fillColorExpression(options.classification),
        'fill-opacity': isContext ? (hasBasemap ? 0.15 : 0.45) : hasBasemap ? 0.7 : 0.9,
      },
    },
    {
      id: 'areas-outline',
      type: 'line',
      source: AREAS_SOURCE,
      paint: isContext
        ? { 'line-color': '#455b71', 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.5, 10, 1.5], 'line-opacity': 0.9 }
        : { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.3, 10, 1], 'line-opacity': 0.9 },
    },
    {
      id: 'areas-hover',
      type: 'line',
      source: AREAS_SOURCE,
      paint: {
        'line-color': '#1a1a1a',
        'line-width': ['case', ['boolean', ['feature-state', 'hover'], false], 2.5, 0],
      },
    },
    {
      id: AREAS_HIGHLIGHT_LAYER,
      type: 'line',
      source: AREAS_SOURCE,
      filter: highlightFilter(options.idProperty, options.highlightIds ?? []),
      paint: { 'line-color': HIGHLIGHT_COLOR, 'line-width': 3 },
    },
    {
      id: POINTS_LAYER,
      type: 'circle',
      source: POINTS_SOURCE,
      paint: {
        'circle-radius': 7,
        'circle-color': ['coalesce', ['get', 'color'], DEFAULT_POINT_COLOR],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
  );
  return style;
}
