import { lazy } from 'react';
import type { WebModule } from '../../app/web-module';
import it from './i18n/it.json';
import en from './i18n/en.json';

const SurveyReportPage = lazy(() => import('./survey-report-page').then((m) => ({ default: m.SurveyReportPage })));

const translations = { namespace: 'surveyReports', it, en } as const;

/** A survey's report, reached from the survey's pages (no menu entry of its own). */
export const surveyReportsWebModule: WebModule<typeof translations> = {
  name: 'survey-reports',
  translations,
  routes: [{ path: 'questionari/:id/rapporto', page: SurveyReportPage }],
};
