import { lazy } from 'react';
import { isSignedIn } from '../../app/access';
import { paths } from '../../app/paths';
import type { WebModule } from '../../app/web-module';
import it from './i18n/it.json';
import en from './i18n/en.json';

const MatchingPage = lazy(() => import('./matching-page').then((m) => ({ default: m.MatchingPage })));
const ProposalPage = lazy(() => import('./proposal-page').then((m) => ({ default: m.ProposalPage })));
const ReferralsPage = lazy(() => import('./referrals-page').then((m) => ({ default: m.ReferralsPage })));
const NewReferralPage = lazy(() => import('./new-referral-page').then((m) => ({ default: m.NewReferralPage })));
const ReferralPage = lazy(() => import('./referrals-page').then((m) => ({ default: m.ReferralPage })));

const translations = { namespace: 'matching', it, en } as const;

export const matchingWebModule: WebModule<typeof translations> = {
  name: 'matching',
  translations,
  routes: [
    { path: 'abbinamento', page: MatchingPage },
    { path: 'abbinamento/proposte/:id', page: ProposalPage },
    { path: 'abbinamento/segnalazioni', page: ReferralsPage },
    { path: 'abbinamento/segnalazioni/nuova', page: NewReferralPage },
    { path: 'abbinamento/segnalazioni/:id', page: ReferralPage },
  ],
  navigation: [{ to: paths.matching, label: (t): string => t('navLabel', { ns: 'matching' }), isVisible: isSignedIn }],
};
