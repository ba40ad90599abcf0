import { lazy } from 'react';
import { paths } from '../../app/paths';
import type { WebModule } from '../../app/web-module';
import { canRunSurveys } from './survey-access';
import it from './i18n/it.json';
import en from './i18n/en.json';

const SurveysPage = lazy(() => import('./surveys-page').then((m) => ({ default: m.SurveysPage })));
const SurveyCreatePage = lazy(() => import('./survey-create-page').then((m) => ({ default: m.SurveyCreatePage })));
const SurveyBuilderPage = lazy(() => import('./survey-builder-page').then((m) => ({ default: m.SurveyBuilderPage })));
const SurveyInvitationsPage = lazy(() => import('./survey-invitations-page').then((m) => ({ default: m.SurveyInvitationsPage })));
const OutboxPage = lazy(() => import('./outbox-page').then((m) => ({ default: m.OutboxPage })));
const AnswerPage = lazy(() => import('./answer-page').then((m) => ({ default: m.AnswerPage })));

const translations = { namespace: 'surveys', it, en } as const;

export const surveysWebModule: WebModule<typeof translations> = {
  name: 'surveys',
  translations,
  routes: [
    { path: 'questionari', page: SurveysPage },
    { path: 'questionari/nuovo', page: SurveyCreatePage },
    { path: 'questionari/:id', page: SurveyBuilderPage },
    { path: 'questionari/:id/inviti', page: SurveyInvitationsPage },
    { path: 'posta-in-uscita', page: OutboxPage },
    // Public: people answer through their invitation link without an account.
    { path: 'rispondi/:token', page: AnswerPage },
  ],
  navigation: [{ to: paths.surveys, label: (t): string => t('navLabel', { ns: 'surveys' }), isVisible: canRunSurveys }],
};
