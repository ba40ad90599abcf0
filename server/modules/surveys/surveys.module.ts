import type { ModuleManifest } from '../../platform/module';
import { moveMergedOrganization } from './move-merged-organization';
import { seedDemoSurvey } from './fixtures/demo-survey.seed';
import { surveysRoutes } from './surveys.routes';

/** Needs surveys: builder, invitations with personal links, answering without an account, answers → needs. */
export const surveysModule: ModuleManifest = {
  name: 'surveys',
  ownsTables: ['surveys', 'survey_sections', 'survey_questions', 'survey_invitations', 'survey_responses', 'survey_answers', 'survey_response_surveys'],
  // Which survey a response answers (needs link a need to its source survey).
  publishes: ['survey_response_surveys'],
  routes: surveysRoutes,
  mergeOrganization: moveMergedOrganization,
  seedDemo: seedDemoSurvey,
};
