import { lazy } from 'react';
import { isAnyone } from '../../app/access';
import { paths } from '../../app/paths';
import type { WebModule } from '../../app/web-module';

const AboutPage = lazy(() => import('./about-page').then((m) => ({ default: m.AboutPage })));

/** About, sources and licences (its texts are the shell's `about.*`). */
export const aboutWebModule: WebModule = {
  name: 'about',
  routes: [{ path: 'informazioni', page: AboutPage }],
  navigation: [{ to: paths.about, label: (t): string => t('nav.about'), isVisible: isAnyone }],
};
