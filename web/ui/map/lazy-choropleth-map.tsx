import { Component, lazy, Suspense, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChoroplethMapProps } from './choropleth-map';
import { Loading } from '../loading';

// MapLibre (~1 MB) is split into its own chunk and fetched only when a page shows a map.
const ChoroplethMapChunk = lazy(() => import('./choropleth-map'));

class MapErrorBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { hasFailed: boolean }> {
  override state = { hasFailed: false };

  static getDerivedStateFromError(): { hasFailed: boolean } {
    return { hasFailed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('The map could not be shown', error, info.componentStack);
  }

  override render() {
    return this.state.hasFailed ? this.props.fallback : this.props.children;
  }
}

/** The map, loaded on demand; while it loads (or if it cannot run) the same space shows a short message. */
export function ChoroplethMap(props: ChoroplethMapProps) {
  const { t } = useTranslation();
  const height = props.height ?? '28rem';
  return (
    <MapErrorBoundary
      fallback={
        <div className="map-frame map-frame--failed" style={{ height }} role="note">
          <p className="m-0">{t('ui.map.failed', { reason: '' })}</p>
        </div>
      }
    >
      <Suspense
        fallback={
          <div className="map-frame map-frame--loading" style={{ height }}>
            <Loading label={t('ui.map.loading')} />
          </div>
        }
      >
        <ChoroplethMapChunk {...props} />
      </Suspense>
    </MapErrorBoundary>
  );
}

export type { ChoroplethMapProps, MapFeatureCollection, MapPoint } from './choropleth-map';
