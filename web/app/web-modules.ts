import type { TSessionResponse } from '../../common/contracts/auth';
import type { WebNavigationEntry } from './web-module';
import { aboutWebModule } from '../modules/about/about.web-module';
import { accountsWebModule } from '../modules/accounts/accounts.web-module';
import { auditWebModule } from '../modules/audit/audit.web-module';
import { districtsWebModule } from '../modules/districts/districts.web-module';
import { groupsWebModule } from '../modules/groups/groups.web-module';
import { homeWebModule } from '../modules/home/home.web-module';
import { jobsWebModule } from '../modules/jobs/jobs.web-module';
import { pactsWebModule } from '../modules/pacts/pacts.web-module';
import { labelsWebModule } from '../modules/labels/labels.web-module';
import { matchingWebModule } from '../modules/matching/matching.web-module';
import { membershipsWebModule } from '../modules/memberships/memberships.web-module';
import { needsWebModule } from '../modules/needs/needs.web-module';
import { projectsWebModule } from '../modules/projects/projects.web-module';
import { organizationsWebModule } from '../modules/organizations/organizations.web-module';
import { practicesWebModule } from '../modules/practices/practices.web-module';
import { servicesWebModule } from '../modules/services/services.web-module';
import { settingsWebModule } from '../modules/settings/settings.web-module';
import { surveyReportsWebModule } from '../modules/survey-reports/survey-reports.web-module';
import { surveysWebModule } from '../modules/surveys/surveys.web-module';
import { territoryWebModule } from '../modules/territory/territory.web-module';
import { zoningsWebModule } from '../modules/zonings/zonings.web-module';

/**
 * Every web module's manifest: the only file of the app that imports the modules (dependency-cruiser checks it).
 * The router, the main navigation and i18n are composed from this list; the menu shows the navigation entries in
 * this order, so a new module goes where its entry belongs in the menu.
 */
export const WEB_MODULES = [
  homeWebModule,
  territoryWebModule,
  districtsWebModule,
  servicesWebModule,
  organizationsWebModule,
  zoningsWebModule,
  needsWebModule,
  matchingWebModule,
  practicesWebModule,
  projectsWebModule,
  pactsWebModule,
  labelsWebModule,
  surveysWebModule,
  surveyReportsWebModule,
  groupsWebModule,
  membershipsWebModule,
  accountsWebModule,
  auditWebModule,
  jobsWebModule,
  settingsWebModule,
  aboutWebModule,
] as const;

/** The main navigation's entries this session sees, in menu order. */
export function navigationFor(session: TSessionResponse): WebNavigationEntry[] {
  return WEB_MODULES.flatMap((module) => module.navigation ?? []).filter((entry) => entry.isVisible(session));
}
