import { lazy } from 'react';
import { isPlatformAdmin } from '../../app/access';
import { paths } from '../../app/paths';
import type { WebModule } from '../../app/web-module';

const SettingsPage = lazy(() => import('./settings-page').then((m) => ({ default: m.SettingsPage })));

/** Platform settings, for platform admins (its texts are the shell's `settings.*`). */
export const settingsWebModule: WebModule = {
  name: 'settings',
  routes: [{ path: 'impostazioni', page: SettingsPage }],
  navigation: [{ to: paths.settings, label: (t): string => t('nav.settings'), isVisible: isPlatformAdmin, group: 'administration' }],
};
