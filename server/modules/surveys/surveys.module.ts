import type { ModuleManifest } from '../../platform/module';
import { moveMergedOrganization } from './move-merged-organization';
import { seedDemoSurvey } from './fixtures/demo-survey.seed';
import { surveysRoutes } from './surveys.routes';

/** Needs surveys: builder, invitations with personal links, answering without an account, answers → needs. */
export const surveysModule: ModuleManifest = {
  name: 'surveys',
  routes: surveysRoutes,
  mergeOrganization: moveMergedOrganization,
  seedDemo: seedDemoSurvey,
};
