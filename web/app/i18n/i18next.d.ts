import 'i18next';
import type it from './it.json';

// Typed keys: `t('territory.search.label')` is checked against the Italian resources at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof it };
    returnNull: false;
  }
}
