import { lazy } from 'react';
import { isPlatformAdmin } from '../../app/access';
import { paths } from '../../app/paths';
import type { WebModule } from '../../app/web-module';

const AuditLogPage = lazy(() => import('./audit-log-page').then((m) => ({ default: m.AuditLogPage })));

/** The audit log, for platform admins (its texts are the shell's `audit.*`). */
export const auditWebModule: WebModule = {
  name: 'audit',
  routes: [{ path: 'registro-attivita', page: AuditLogPage }],
  navigation: [{ to: paths.audit, label: (t): string => t('nav.audit'), isVisible: isPlatformAdmin, group: 'administration' }],
};
