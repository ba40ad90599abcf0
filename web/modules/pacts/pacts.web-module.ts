import { lazy } from 'react';
import type { WebModule } from '../../app/web-module';
import it from './i18n/it.json';
import en from './i18n/en.json';

const PactCommitmentsPage = lazy(() => import('./pact-commitments-page').then((m) => ({ default: m.PactCommitmentsPage })));
const PactTimelinePage = lazy(() => import('./pact-timeline-page').then((m) => ({ default: m.PactTimelinePage })));
const PactPrintPage = lazy(() => import('./pact-print-page').then((m) => ({ default: m.PactPrintPage })));
const PactPublicPage = lazy(() => import('./pact-public-page').then((m) => ({ default: m.PactPublicPage })));

const translations = { namespace: 'pacts', it, en } as const;

/**
 * Territorial pacts (issue 17): a district's pacts, a pact's page with its versions, signatures and adhesions, the
 * commitments dashboard, the network's story, the printable pact and the public page. Paths in pact-paths.ts.
 */
export const pactsWebModule: WebModule<typeof translations> = {
  name: 'pacts',
  translations,
  routes: [
    { path: 'patti/:id/impegni', page: PactCommitmentsPage },
    { path: 'patti/:id/storia', page: PactTimelinePage },
    { path: 'patti/:id/stampa', page: PactPrintPage },
    { path: 'patti-pubblici/:id', page: PactPublicPage },
  ],
};
