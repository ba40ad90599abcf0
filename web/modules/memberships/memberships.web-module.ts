import type { WebModule } from '../../app/web-module';
import it from './i18n/it.json';
import en from './i18n/en.json';

const translations = { namespace: 'memberships', it, en } as const;

/** No pages of its own: its panels and buttons are shown by the home, district and organization pages (index.ts). */
export const membershipsWebModule: WebModule<typeof translations> = {
  name: 'memberships',
  translations,
  routes: [],
};
