import { lazy } from 'react';
import { isAnyone } from '../../app/access';
import type { WebModule } from '../../app/web-module';
import it from './i18n/it.json';
import en from './i18n/en.json';
import { practicesPaths } from './practices-paths';

const PracticesPage = lazy(() => import('./practices-page').then((m) => ({ default: m.PracticesPage })));
const PracticePage = lazy(() => import('./practice-page').then((m) => ({ default: m.PracticePage })));
const PracticeCreatePage = lazy(() => import('./practice-form-page').then((m) => ({ default: m.PracticeCreatePage })));
const PracticeEditPage = lazy(() => import('./practice-form-page').then((m) => ({ default: m.PracticeEditPage })));

const translations = { namespace: 'practices', it, en } as const;

/** Shared knowledge: the practices base. The list and a public practice's page need no sign-in (the server narrows). */
export const practicesWebModule: WebModule<typeof translations> = {
  name: 'practices',
  translations,
  routes: [
    { path: 'pratiche', page: PracticesPage },
    { path: 'pratiche/nuova', page: PracticeCreatePage },
    { path: 'pratiche/:id', page: PracticePage },
    { path: 'pratiche/:id/modifica', page: PracticeEditPage },
  ],
  navigation: [{ to: practicesPaths.list, label: (t): string => t('navLabel', { ns: 'practices' }), isVisible: isAnyone, group: 'collaboration' }],
};
