import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import it from './it.json';
import en from './en.json';
import { WEB_MODULES } from '../web-modules';
import { withPrepositionA } from './italian-grammar';

export const LANGUAGES = ['it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

type ModuleTranslations = NonNullable<(typeof WEB_MODULES)[number]['translations']>;
/** The modules' namespaces in one language, keyed by the namespace each manifest declares. */
export type ModuleResources<L extends Language> = { [T in ModuleTranslations as T['namespace']]: T[L] };

function moduleResources<L extends Language>(language: L): ModuleResources<L> {
  const resources: Record<string, object> = {};
  for (const module of WEB_MODULES) {
    if (!module.translations) continue;
    // Two modules writing one namespace would silently lose one's texts.
    if (module.translations.namespace in resources) throw new Error(`Two web modules declare the i18n namespace "${module.translations.namespace}"`);
    resources[module.translations.namespace] = module.translations[language];
  }
  // The loop put exactly the declared namespaces in, which is what the mapped type says.
  return resources as ModuleResources<L>;
}

/** Every namespace in both languages: `translation` for the app shell, one per web module (its manifest's translations). */
export const RESOURCES = {
  it: { translation: it, ...moduleResources('it') },
  en: { translation: en, ...moduleResources('en') },
};

export const DEFAULT_LANGUAGE: Language = 'it';
const STORAGE_KEY = 'distretto.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language chosen earlier on this browser, else Italian. */
export function initialLanguage(stored: string | null): Language {
  return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
}

function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function applyLanguage(language: string): void {
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

/** Italian is the default and the fallback; English is complete. The choice is kept in localStorage. */
export function setUpI18n() {
  const language = initialLanguage(readStoredLanguage());
  void i18next.use(initReactI18next).init({
    resources: RESOURCES,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    showSupportNotice: false,
  });
  // `{{name, a}}`: the Italian preposition "a"/"ad" before a name (italian-grammar.ts); other languages write the name.
  i18next.services.formatter?.add('a', (value: unknown, lng: string | undefined) => (lng === 'it' ? withPrepositionA(String(value)) : String(value)));
  document.documentElement.lang = language;
  i18next.on('languageChanged', applyLanguage);
  return i18next;
}
