import { quantileBreaks } from './class-breaks';
import type { Classification } from './map-style';
import { COUNT_COLORS } from './palette';

/** How many classes a map of counts aims at (fewer when many areas share a count). */
export const COUNT_CLASS_COUNT = 5;

/**
 * The classes of a map of counts (needs per municipality, projects per district): quantile breaks of `values` and
 * the blue count ramp, one colour a class, light for few and dark for many.
 */
export function countClassification(valueProperty: string, values: readonly number[]): Classification {
  const breaks = quantileBreaks(values, COUNT_CLASS_COUNT);
  return { valueProperty, breaks, colors: COUNT_COLORS.slice(0, breaks.length + 1) };
}
