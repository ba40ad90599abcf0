/**
 * ColorBrewer "YlGnBu" sequential palettes (Cynthia Brewer, Apache-2.0): colour-blind safe and readable in
 * greyscale; light means few, dark means many.
 */
const YL_GN_BU: Record<number, readonly string[]> = {
  3: ['#edf8b1', '#7fcdbb', '#2c7fb8'],
  4: ['#ffffcc', '#a1dab4', '#41b6c4', '#225ea8'],
  5: ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
  6: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'],
  7: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'],
};

/** Colour for features with no value (hatched grey would be nicer; a neutral grey distinct from the ramp). */
export const NO_DATA_COLOR = '#bdbdbd';
/** Single fill used when a map shows shapes without values. */
export const NEUTRAL_FILL = '#a9c7e8';
/** Outline of the highlighted shape: dark enough against every class colour (3:1 on the lightest). */
export const HIGHLIGHT_COLOR = '#d1344c';

/** `count` colours from light to dark; one colour for one class, at most 7. */
export function sequentialPalette(count: number): string[] {
  if (count <= 1) return [YL_GN_BU[3]![1]!];
  if (count === 2) return [YL_GN_BU[3]![0]!, YL_GN_BU[3]![2]!];
  const clamped = Math.min(7, count);
  return [...YL_GN_BU[clamped]!];
}

/** The blue ramp of the maps of counts (needs per municipality, projects per district), light to dark. */
export const COUNT_COLORS: readonly string[] = ['#e8f1fa', '#b9d3ee', '#7fb0df', '#4a8bcb', '#1f63a8', '#0b3e73'];
