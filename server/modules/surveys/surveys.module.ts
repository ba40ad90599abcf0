import type { ModuleManifest } from '../../platform/module';
import { moveMergedOrganization } from './move-merged-organization';
import { seedDemoSurvey } from './fixtures/demo-survey.seed';
import { surveysRoutes } from './surveys.routes';

/** Needs surveys: builder, invitations with personal links, answering without an account, answers → needs. */
export const surveysModule: ModuleManifest = {
  name: 'surveys',
  ownsTables: ['surveys', 'survey_sections', 'survey_questions', 'survey_invitations', 'survey_responses', 'survey_answers'],
  routes: surveysRoutes,
  mergeOrganization: moveMergedOrganization,
  seedDemo: seedDemoSurvey,
};
