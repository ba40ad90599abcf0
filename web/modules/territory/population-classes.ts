import { useMemo } from 'react';
import type { z } from 'zod';
import type { ZMunicipalityFeatureCollection } from '../../../common/contracts/territory';
import { integerClassRanges, quantileBreaks, type ClassRange } from '../../ui/map/class-breaks';
import { sequentialPalette } from '../../ui/map/palette';
import type { Classification } from '../../ui/map/map-style';

export type MunicipalityFeatureCollection = z.infer<typeof ZMunicipalityFeatureCollection>;

export const POPULATION_CLASS_COUNT = 6;

export interface PopulationClasses {
  classification: Classification | null;
  ranges: ClassRange[];
  colors: string[];
  noDataCount: number;
}

/** Quantile classes of the 2011 population over the municipalities on the map (about six, light to dark). */
export function populationClasses(collection: MunicipalityFeatureCollection | undefined): PopulationClasses {
  if (!collection) return { classification: null, ranges: [], colors: [], noDataCount: 0 };
  const values: number[] = [];
  let noDataCount = 0;
  for (const feature of collection.features) {
    const population = feature.properties.population;
    if (population === null) noDataCount += 1;
    else values.push(population);
  }
  const breaks = quantileBreaks(values, POPULATION_CLASS_COUNT);
  const colors = sequentialPalette(breaks.length + 1);
  return {
    classification: values.length > 0 ? { valueProperty: 'population', breaks, colors } : null,
    ranges: integerClassRanges(values, breaks),
    colors,
    noDataCount,
  };
}

export function usePopulationClasses(collection: MunicipalityFeatureCollection | undefined): PopulationClasses {
  return useMemo(() => populationClasses(collection), [collection]);
}
