import { lazy } from 'react';
import { isSignedIn } from '../../app/access';
import type { WebModule } from '../../app/web-module';
import { labelPaths } from './label-paths';
import it from './i18n/it.json';
import en from './i18n/en.json';

const LabelVerificationPage = lazy(() => import('./label-verification-page').then((m) => ({ default: m.LabelVerificationPage })));
const SchemesPage = lazy(() => import('./schemes-page').then((m) => ({ default: m.SchemesPage })));
const NewSchemePage = lazy(() => import('./new-scheme-page').then((m) => ({ default: m.NewSchemePage })));
const SchemePage = lazy(() => import('./scheme-page').then((m) => ({ default: m.SchemePage })));
const ApplicationPage = lazy(() => import('./application-page').then((m) => ({ default: m.ApplicationPage })));

const translations = { namespace: 'labels', it, en } as const;

/**
 * Social quality labels (issue 17): the schemes and the applications (signed-in people: coordinators define schemes,
 * organizations' admins apply with evidence, assessors decide, managers award, reject and revoke), and the public
 * verification page a badge links to (no sign-in; the address is LABELS_WEB_PATHS.verification, shared with the
 * server's mails and the services cards). Reached from the menu's «Rete» dropdown, the district page and the home.
 */
export const labelsWebModule: WebModule<typeof translations> = {
  name: 'labels',
  translations,
  routes: [
    { path: 'marchio/:code', page: LabelVerificationPage },
    { path: 'marchi', page: SchemesPage },
    { path: 'marchi/nuovo', page: NewSchemePage },
    { path: 'marchi/domande/:id', page: ApplicationPage },
    { path: 'marchi/:id', page: SchemePage },
  ],
  navigation: [{ to: labelPaths.list, label: (t): string => t('navLabel', { ns: 'labels' }), isVisible: isSignedIn, group: 'collaboration' }],
};
