import 'i18next';
import type it from './it.json';
import type organizationsIt from '../../modules/organizations/i18n/it.json';
import type zoningsIt from '../../modules/zonings/i18n/it.json';
import type districtsIt from '../../modules/districts/i18n/it.json';
import type servicesIt from '../../modules/services/i18n/it.json';
import type matchingIt from '../../modules/matching/i18n/it.json';
import type needsIt from '../../modules/needs/i18n/it.json';
import type surveyReportsIt from '../../modules/survey-reports/i18n/it.json';
import type surveysIt from '../../modules/surveys/i18n/it.json';
import type membershipsIt from '../../modules/memberships/i18n/it.json';
import type accountsIt from '../../modules/accounts/i18n/it.json';

// Typed keys: `t('territory.search.label')` is checked against the Italian resources at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof it; organizations: typeof organizationsIt; zonings: typeof zoningsIt; districts: typeof districtsIt; services: typeof servicesIt; matching: typeof matchingIt; surveys: typeof surveysIt; needs: typeof needsIt; surveyReports: typeof surveyReportsIt; memberships: typeof membershipsIt; accounts: typeof accountsIt };
    returnNull: false;
  }
}
