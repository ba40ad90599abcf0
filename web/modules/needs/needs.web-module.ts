import { lazy } from 'react';
import { isSignedIn } from '../../app/access';
import { paths } from '../../app/paths';
import type { WebModule } from '../../app/web-module';
import it from './i18n/it.json';
import en from './i18n/en.json';

const NeedsPage = lazy(() => import('./needs-page').then((m) => ({ default: m.NeedsPage })));

const translations = { namespace: 'needs', it, en } as const;

export const needsWebModule: WebModule<typeof translations> = {
  name: 'needs',
  translations,
  routes: [{ path: 'bisogni', page: NeedsPage }],
  navigation: [{ to: paths.needs, label: (t): string => t('navLabel', { ns: 'needs' }), isVisible: isSignedIn }],
};
