import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TNeedCounts } from '../../../common/contracts/needs';
import type { TDistrict } from '../../../common/contracts/districts';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { formatNumber } from '../../app/format';
import { useBasemap } from '../../app/use-basemap';
import { ChoroplethMap } from '../../ui/map/lazy-choropleth-map';
import { quantileBreaks } from '../../ui/map/class-breaks';
import { districtBoundariesQuery } from '../districts';

const MAP_COLORS = ['#e8f1fa', '#b9d3ee', '#7fb0df', '#4a8bcb', '#1f63a8', '#0b3e73'];

/** The district's municipalities coloured by their number of needs (the count tables beside it say the same). */
export function NeedsMap({ district, counts }: { district: TDistrict; counts: TNeedCounts }) {
  const { t, i18n } = useTranslation('needs');
  const basemap = useBasemap();
  const boundaries = useQuery(districtBoundariesQuery(district.id));
  const byCode = useMemo(() => new Map(counts.byMunicipality.map((row) => [row.municipalityCode, row.needs])), [counts]);
  const collection = useMemo(
    () =>
      boundaries.data
        ? { ...boundaries.data, features: boundaries.data.features.map((feature) => ({ ...feature, properties: { ...feature.properties, needs: byCode.get(feature.properties.istatCode) ?? 0 } })) }
        : null,
    [boundaries.data, byCode],
  );
  const classification = useMemo(() => {
    const breaks = quantileBreaks([0, ...counts.byMunicipality.map((row) => row.needs)], 5);
    return { valueProperty: 'needs', breaks, colors: MAP_COLORS.slice(0, breaks.length + 1) };
  }, [counts]);
  return (
    <section aria-labelledby="needs-map-heading" className="mb-4">
      <h2 id="needs-map-heading" className="h4">
        {t('map.title')}
      </h2>
      <p id="needs-map-alternative" className="small">
        {t('map.alternative')}
      </p>
      {boundaries.isError ? (
        <ApiErrorAlert error={boundaries.error} />
      ) : (
        <ChoroplethMap
          collection={collection}
          idProperty="istatCode"
          classification={classification}
          basemap={basemap}
          dataAttribution={t('territory.dataAttribution', { ns: 'translation' })}
          ariaLabel={t('map.ariaLabel')}
          describedBy="needs-map-alternative"
          height="24rem"
          tooltip={(properties) => t('map.tooltip', { name: String(properties.name), count: formatNumber(Number(properties.needs ?? 0), i18n.language) as unknown as number })}
        />
      )}
    </section>
  );
}
