import { lazy } from 'react';
import { isAnyone } from '../../app/access';
import { paths } from '../../app/paths';
import type { WebModule } from '../../app/web-module';
import it from './i18n/it.json';
import en from './i18n/en.json';

const ServicesSearchPage = lazy(() => import('./services-search-page').then((m) => ({ default: m.ServicesSearchPage })));
const ServicePage = lazy(() => import('./service-page').then((m) => ({ default: m.ServicePage })));
const ServiceEditPage = lazy(() => import('./service-edit-page').then((m) => ({ default: m.ServiceEditPage })));
const ServiceCreatePage = lazy(() => import('./service-edit-page').then((m) => ({ default: m.ServiceCreatePage })));
const StaleServicesPage = lazy(() => import('./stale-services-page').then((m) => ({ default: m.StaleServicesPage })));
const TaxonomyPage = lazy(() => import('./taxonomy-page').then((m) => ({ default: m.TaxonomyPage })));
const ServicesImportPage = lazy(() => import('./services-import-page').then((m) => ({ default: m.ServicesImportPage })));

const translations = { namespace: 'services', it, en } as const;

export const servicesWebModule: WebModule<typeof translations> = {
  name: 'services',
  translations,
  routes: [
    { path: 'servizi', page: ServicesSearchPage },
    { path: 'servizi/scheda/:id', page: ServicePage },
    { path: 'servizi/scheda/:id/modifica', page: ServiceEditPage },
    { path: 'servizi/nuovo', page: ServiceCreatePage },
    { path: 'servizi/da-confermare', page: StaleServicesPage },
    { path: 'servizi/categorie', page: TaxonomyPage },
    { path: 'servizi/importa', page: ServicesImportPage },
  ],
  navigation: [{ to: paths.services, label: (t): string => t('nav', { ns: 'services' }), isVisible: isAnyone }],
};
