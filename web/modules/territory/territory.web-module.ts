import { lazy } from 'react';
import { isAnyone } from '../../app/access';
import { paths } from '../../app/paths';
import type { WebModule } from '../../app/web-module';

const TerritoryExplorerPage = lazy(() => import('./territory-explorer-page').then((m) => ({ default: m.TerritoryExplorerPage })));
const MunicipalityPage = lazy(() => import('./municipality-page').then((m) => ({ default: m.MunicipalityPage })));

/** Regions, provinces and municipalities (its texts are the shell's `territory.*`, shared with the map pieces). */
export const territoryWebModule: WebModule = {
  name: 'territory',
  routes: [
    { path: 'territorio', page: TerritoryExplorerPage },
    { path: 'territorio/comuni/:istatCode', page: MunicipalityPage },
  ],
  navigation: [{ to: paths.territory, label: (t): string => t('nav.territory'), isVisible: isAnyone }],
};
