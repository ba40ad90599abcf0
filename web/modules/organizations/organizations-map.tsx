import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ORGANIZATION_SECTORS } from '../../../common/domain/organizations';
import type { TOrganizationPoints } from '../../../common/contracts/organizations';
import { ChoroplethMap, type MapPoint } from '../../ui/map/lazy-choropleth-map';
import { SymbolLegend } from '../../ui/map/map-legend';
import { NEUTRAL_FILL } from '../../ui/map/palette';
import type { Bbox } from '../../ui/map/geo-bbox';
import type { Basemap } from '../../ui/map/map-style';
import { paths } from '../../app/paths';
import { useBoundariesAround } from '../territory';
import { kindLabel, sectorLabel } from './organization-labels';

type OrganizationPoint = TOrganizationPoints['items'][number];

/** One colour per sector, each at least 4.5:1 on white and told apart by the legend. */
export const SECTOR_COLORS: Record<OrganizationPoint['sector'], string> = {
  public: '#0066cc',
  third_sector: '#008055',
  private: '#a66300',
  informal: '#6b3fa0',
};

function boundsOf(points: readonly OrganizationPoint[]): Bbox | null {
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
 * Organizations as dots coloured by sector over the named municipal boundaries of their provinces, a legend of the
 * sectors, and beside the map the organizations at the clicked spot (name, kind, sector, municipality, link to the
 * profile). The directory's list view holds the same organizations for keyboard and screen-reader users.
 */
export function OrganizationsMap({ points, basemap, ariaLabel, describedBy }: OrganizationsMapProps) {
  const { t } = useTranslation('organizations');
  const { t: tCommon } = useTranslation();
  const [selectedIds, setSelectedIds] = useState<readonly string[]>([]);
  const codes = useMemo(() => points.flatMap((point) => (point.municipalityCode ? [point.municipalityCode] : [])), [points]);
  const boundaries = useBoundariesAround(codes);
  const mapPoints = useMemo<MapPoint[]>(() => points.map((p) => ({ id: p.id, lng: p.lng, lat: p.lat, color: SECTOR_COLORS[p.sector] })), [points]);
  const fitTo = useMemo(() => boundsOf(points), [points]);
  const municipalityName = useMemo(() => {
    const names = new Map((boundaries.collection?.features ?? []).map((feature) => [feature.properties.istatCode, feature.properties.name]));
    return (code: string | null) => (code ? (names.get(code) ?? null) : null);
  }, [boundaries.collection]);
  const sectorsShown = ORGANIZATION_SECTORS.filter((sector) => points.some((point) => point.sector === sector));
  const selected = points.filter((point) => selectedIds.includes(point.id));

  return (
    <div className="row g-3">
      <div className="col-lg-8">
        <ChoroplethMap
          collection={boundaries.collection}
          idProperty="istatCode"
          areaRole="context"
          points={mapPoints}
          fitTo={fitTo}
          basemap={basemap}
          dataAttribution={tCommon('territory.dataAttribution')}
          ariaLabel={ariaLabel}
          describedBy={describedBy}
          height="30rem"
          tooltip={(properties) => (typeof properties.name === 'string' ? properties.name : null)}
          onPointClick={setSelectedIds}
          testId="organizations-map"
        />
        <SymbolLegend
          title={t('directory.mapLegendTitle')}
          items={[
            ...sectorsShown.map((sector) => ({ key: sector, symbol: 'point' as const, color: SECTOR_COLORS[sector], label: sectorLabel(t, sector) })),
            { key: 'municipalities', symbol: 'area' as const, color: NEUTRAL_FILL, label: t('directory.mapLegendMunicipalities') },
          ]}
        />
      </div>
      <div className="col-lg-4">
        <section aria-labelledby="organizations-map-panel-heading" data-testid="organizations-map-panel">
          <h3 id="organizations-map-panel-heading" className="h5">
            {t('directory.mapPanelTitle')}
          </h3>
          <div aria-live="polite">
            {selected.length === 0 ? (
              <p className="small mb-0">{t('directory.mapPanelEmpty')}</p>
            ) : (
              selected.map((organization) => {
                const municipality = municipalityName(organization.municipalityCode);
                return (
                  <article key={organization.id} className="mb-3">
                    <h4 className="h6 mb-1">{organization.name}</h4>
                    <p className="small mb-1">
                      {kindLabel(t, organization.kind)} · {sectorLabel(t, organization.sector)}
                      {municipality && <> · {municipality}</>}
                    </p>
                    <Link to={paths.organization(organization.id)} aria-label={t('directory.mapOpenNamed', { name: organization.name })}>
                      {t('directory.mapOpen')}
                    </Link>
                  </article>
                );
              })
            )}
          </div>
        </section>
      </div>
    </div>
  );
}
