import type { Classification } from '../../ui/map/map-style';

/**
 * Qualitative colours for zones: Okabe & Ito's colour-blind-safe eight, then four of ColorBrewer "Set3". With more
 * zones than colours they repeat; the legend and the table name every zone, so colour is never the only cue.
 */
export const ZONE_COLORS = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#999999', '#8DD3C7', '#BEBADA', '#FB8072', '#80B1D3'] as const;

export const zoneColor = (index: number) => ZONE_COLORS[index % ZONE_COLORS.length]!;

/** A step classification over `colorIndex` (0…k-1) that gives each index its own colour. */
export function zoneClassification(zoneCount: number): Classification {
  const count = Math.max(1, Math.min(zoneCount, ZONE_COLORS.length));
  return {
    valueProperty: 'colorIndex',
    breaks: Array.from({ length: count - 1 }, (_, i) => i + 1),
    colors: ZONE_COLORS.slice(0, count),
  };
}

/** Copies each feature with `colorIndex` = its zone index modulo the palette. */
export function withColorIndex<F extends { properties: Record<string, unknown> }>(features: readonly F[]): F[] {
  return features.map((feature) => {
    const index = typeof feature.properties.zoneIndex === 'number' ? feature.properties.zoneIndex : 0;
    return { ...feature, properties: { ...feature.properties, colorIndex: index % ZONE_COLORS.length } };
  });
}

/** Comparison map: coinciding municipalities in a quiet blue, breaking ones in vermillion (distinct for every vision). */
export const COINCIDING_COLOR = '#9ECAE1';
export const BREAKING_COLOR = '#D55E00';
export const BREAKING_CLASSIFICATION: Classification = { valueProperty: 'breaks', breaks: [1], colors: [COINCIDING_COLOR, BREAKING_COLOR] };
