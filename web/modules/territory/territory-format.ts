import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';

/** Population numbers and map tooltips in the interface language. */
export function usePopulationFormatters() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const formatPopulation = useCallback((value: number) => formatNumber(value, language), [language]);
  const describePopulation = useCallback(
    (population: number | null) =>
      population === null
        ? t('territory.populationUnknown')
        : t('territory.inhabitants', { count: population, formatted: formatNumber(population, language) }),
    [t, language],
  );
  const tooltipFor = useCallback(
    (properties: Record<string, unknown>) => {
      const name = typeof properties.name === 'string' ? properties.name : '';
      const population = typeof properties.population === 'number' ? properties.population : null;
      return `${name} — ${describePopulation(population)}`;
    },
    [describePopulation],
  );
  const formatMunicipalityCount = useCallback((count: number) => t('territory.map.legendCount', { count }), [t]);
  return { formatPopulation, describePopulation, tooltipFor, formatMunicipalityCount };
}
