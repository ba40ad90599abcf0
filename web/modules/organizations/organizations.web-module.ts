import { lazy } from 'react';
import { isAnyone } from '../../app/access';
import { paths } from '../../app/paths';
import type { WebModule } from '../../app/web-module';
import it from './i18n/it.json';
import en from './i18n/en.json';

const OrganizationsDirectoryPage = lazy(() => import('./organizations-directory-page').then((m) => ({ default: m.OrganizationsDirectoryPage })));
const OrganizationPage = lazy(() => import('./organization-page').then((m) => ({ default: m.OrganizationPage })));
const OrganizationFormPage = lazy(() => import('./organization-form-page').then((m) => ({ default: m.OrganizationFormPage })));
const OrganizationDuplicatesPage = lazy(() => import('./organization-duplicates-page').then((m) => ({ default: m.OrganizationDuplicatesPage })));
const OrganizationImportPage = lazy(() => import('./organization-import-page').then((m) => ({ default: m.OrganizationImportPage })));

const translations = { namespace: 'organizations', it, en } as const;

export const organizationsWebModule: WebModule<typeof translations> = {
  name: 'organizations',
  translations,
  routes: [
    { path: 'organizzazioni', page: OrganizationsDirectoryPage },
    { path: 'organizzazioni/nuova', page: OrganizationFormPage },
    { path: 'organizzazioni/importa', page: OrganizationImportPage },
    { path: 'organizzazioni/doppioni', page: OrganizationDuplicatesPage },
    { path: 'organizzazioni/:id', page: OrganizationPage },
    { path: 'organizzazioni/:id/modifica', page: OrganizationFormPage },
  ],
  navigation: [{ to: paths.organizations, label: (t): string => t('navLabel', { ns: 'organizations' }), isVisible: isAnyone }],
};
