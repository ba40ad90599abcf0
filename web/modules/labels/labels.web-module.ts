import { lazy } from 'react';
import type { WebModule } from '../../app/web-module';
import it from './i18n/it.json';
import en from './i18n/en.json';

const LabelVerificationPage = lazy(() => import('./label-verification-page').then((m) => ({ default: m.LabelVerificationPage })));

const translations = { namespace: 'labels', it, en } as const;

/**
 * Social quality labels (issue 17): the public verification page a badge links to (no sign-in; the address is
 * LABELS_WEB_PATHS.verification, shared with the server's mails and the services cards).
 */
export const labelsWebModule: WebModule<typeof translations> = {
  name: 'labels',
  translations,
  routes: [{ path: 'marchio/:code', page: LabelVerificationPage }],
};
