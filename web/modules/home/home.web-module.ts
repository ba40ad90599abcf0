import type { WebModule } from '../../app/web-module';
import { HomePage } from './home-page';

/** The landing page, loaded with the app (not lazily): it is the first page most visits see. */
export const homeWebModule: WebModule = {
  name: 'home',
  routes: [{ index: true, page: HomePage }],
};
