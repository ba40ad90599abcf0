import { lazy } from 'react';
import { isAnyone } from '../../app/access';
import { paths } from '../../app/paths';
import type { WebModule } from '../../app/web-module';
import it from './i18n/it.json';
import en from './i18n/en.json';

const ZoningsPage = lazy(() => import('./zonings-page').then((m) => ({ default: m.ZoningsPage })));
const ZoningPage = lazy(() => import('./zoning-page').then((m) => ({ default: m.ZoningPage })));
const ZoningUploadPage = lazy(() => import('./zoning-upload-page').then((m) => ({ default: m.ZoningUploadPage })));
const ZoningComparePage = lazy(() => import('./zoning-compare-page').then((m) => ({ default: m.ZoningComparePage })));

const translations = { namespace: 'zonings', it, en } as const;

export const zoningsWebModule: WebModule<typeof translations> = {
  name: 'zonings',
  translations,
  routes: [
    { path: 'zonizzazioni', page: ZoningsPage },
    { path: 'zonizzazioni/carica', page: ZoningUploadPage },
    { path: 'zonizzazioni/confronto', page: ZoningComparePage },
    { path: 'zonizzazioni/:id', page: ZoningPage },
  ],
  navigation: [{ to: paths.zonings, label: (t): string => t('navLabel', { ns: 'zonings' }), isVisible: isAnyone, group: 'administration' }],
};
