import { lazy } from 'react';
import { isAnyone } from '../../app/access';
import { paths } from '../../app/paths';
import type { WebModule } from '../../app/web-module';
import it from './i18n/it.json';
import en from './i18n/en.json';

const DistrictsPage = lazy(() => import('./districts-page').then((m) => ({ default: m.DistrictsPage })));
const DistrictPage = lazy(() => import('./district-page').then((m) => ({ default: m.DistrictPage })));

const translations = { namespace: 'districts', it, en } as const;

export const districtsWebModule: WebModule<typeof translations> = {
  name: 'districts',
  translations,
  routes: [
    { path: 'distretti', page: DistrictsPage },
    { path: 'distretti/:id', page: DistrictPage },
  ],
  navigation: [{ to: paths.districts, label: (t): string => t('nav.districts'), isVisible: isAnyone }],
};
