import 'i18next';
import type it from './it.json';
import type { ModuleResources } from './i18n';

// Typed keys: `t('territory.search.label')` is checked against the Italian resources at compile time, the modules'
// namespaces as their manifests declare them (web/app/web-modules.ts).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof it } & ModuleResources<'it'>;
    returnNull: false;
  }
}
