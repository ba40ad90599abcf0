import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import it from './it.json';
import en from './en.json';
import organizationsIt from '../../modules/organizations/i18n/it.json';
import organizationsEn from '../../modules/organizations/i18n/en.json';
import zoningsIt from '../../modules/zonings/i18n/it.json';
import zoningsEn from '../../modules/zonings/i18n/en.json';
import districtsIt from '../../modules/districts/i18n/it.json';
import districtsEn from '../../modules/districts/i18n/en.json';
import servicesIt from '../../modules/services/i18n/it.json';
import servicesEn from '../../modules/services/i18n/en.json';
import matchingIt from '../../modules/matching/i18n/it.json';
import matchingEn from '../../modules/matching/i18n/en.json';
import needsIt from '../../modules/needs/i18n/it.json';
import needsEn from '../../modules/needs/i18n/en.json';
import surveyReportsIt from '../../modules/survey-reports/i18n/it.json';
import surveyReportsEn from '../../modules/survey-reports/i18n/en.json';
import surveysIt from '../../modules/surveys/i18n/it.json';
import surveysEn from '../../modules/surveys/i18n/en.json';
import membershipsIt from '../../modules/memberships/i18n/it.json';
import membershipsEn from '../../modules/memberships/i18n/en.json';
import accountsIt from '../../modules/accounts/i18n/it.json';
import accountsEn from '../../modules/accounts/i18n/en.json';

/** Every namespace in both languages: `translation` for the app shell, one per web module. */
export const RESOURCES = {
  it: { translation: it, organizations: organizationsIt, zonings: zoningsIt, districts: districtsIt, services: servicesIt, matching: matchingIt, surveys: surveysIt, needs: needsIt, surveyReports: surveyReportsIt, memberships: membershipsIt, accounts: accountsIt },
  en: { translation: en, organizations: organizationsEn, zonings: zoningsEn, districts: districtsEn, services: servicesEn, matching: matchingEn, surveys: surveysEn, needs: needsEn, surveyReports: surveyReportsEn, memberships: membershipsEn, accounts: accountsEn },
} as const;

export const LANGUAGES = ['it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
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
  document.documentElement.lang = language;
  i18next.on('languageChanged', applyLanguage);
  return i18next;
}
