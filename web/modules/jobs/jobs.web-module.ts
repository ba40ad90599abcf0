import { lazy } from 'react';
import { isPlatformAdmin } from '../../app/access';
import { paths } from '../../app/paths';
import type { WebModule } from '../../app/web-module';
import { DeadJobsBadge } from './dead-jobs-badge';
import it from './i18n/it.json';
import en from './i18n/en.json';

const JobsPage = lazy(() => import('./jobs-page').then((m) => ({ default: m.JobsPage })));

const translations = { namespace: 'jobs', it, en } as const;

/** The background job queue (ADR 0025) for platform administrators: failed jobs and their retry. */
export const jobsWebModule: WebModule<typeof translations> = {
  name: 'jobs',
  translations,
  routes: [{ path: 'amministrazione/attivita-in-background', page: JobsPage }],
  navigation: [{ to: paths.jobs, label: (t): string => t('navLabel', { ns: 'jobs' }), isVisible: isPlatformAdmin, badge: DeadJobsBadge, group: 'administration' }],
};
