import { lazy } from 'react';
import { isSignedIn } from '../../app/access';
import type { WebModule } from '../../app/web-module';
import { pactPaths } from './pact-paths';
import it from './i18n/it.json';
import en from './i18n/en.json';

const PactsPage = lazy(() => import('./pacts-page').then((m) => ({ default: m.PactsPage })));
const NewPactPage = lazy(() => import('./new-pact-page').then((m) => ({ default: m.NewPactPage })));
const PactPage = lazy(() => import('./pact-page').then((m) => ({ default: m.PactPage })));
const PactDiffPage = lazy(() => import('./pact-diff-page').then((m) => ({ default: m.PactDiffPage })));
const PactCommitmentsPage = lazy(() => import('./pact-commitments-page').then((m) => ({ default: m.PactCommitmentsPage })));
const PactTimelinePage = lazy(() => import('./pact-timeline-page').then((m) => ({ default: m.PactTimelinePage })));
const PactPrintPage = lazy(() => import('./pact-print-page').then((m) => ({ default: m.PactPrintPage })));
const PactPublicPage = lazy(() => import('./pact-public-page').then((m) => ({ default: m.PactPublicPage })));

const translations = { namespace: 'pacts', it, en } as const;

/**
 * Territorial pacts (issue 17): a district's pacts, a pact's page with its versions, signatures and adhesions, the
 * comparison of two versions, the commitments dashboard, the network's story, the printable pact and the public page.
 * Paths in pact-paths.ts. Reached from the menu's «Rete» dropdown, the district page and the home.
 */
export const pactsWebModule: WebModule<typeof translations> = {
  name: 'pacts',
  translations,
  routes: [
    { path: 'patti', page: PactsPage },
    { path: 'patti/nuovo', page: NewPactPage },
    { path: 'patti/:id', page: PactPage },
    { path: 'patti/:id/confronto', page: PactDiffPage },
    { path: 'patti/:id/impegni', page: PactCommitmentsPage },
    { path: 'patti/:id/storia', page: PactTimelinePage },
    { path: 'patti/:id/stampa', page: PactPrintPage },
    { path: 'patti-pubblici/:id', page: PactPublicPage },
  ],
  navigation: [{ to: pactPaths.list, label: (t): string => t('navLabel', { ns: 'pacts' }), isVisible: isSignedIn, group: 'collaboration' }],
};
