import type { WebModule } from '../../app/web-module';
import { HomePage } from './home-page';
import it from './i18n/it.json';
import en from './i18n/en.json';

const translations = { namespace: 'home', it, en } as const;

/** The landing page, loaded with the app (not lazily): it is the first page most visits see, and each person's home. */
export const homeWebModule: WebModule<typeof translations> = {
  name: 'home',
  translations,
  routes: [{ index: true, page: HomePage }],
};
