import { SURVEYS_ERROR_CODES } from '../../../common/contracts/surveys.errors';
import type { ModuleManifest } from '../../platform/module';
import { seedDemoSurvey } from './fixtures/demo-survey.seed';
import { surveysRoutes } from './surveys.routes';

/** Needs surveys: builder, invitations with personal links, answering without an account, answers → needs. */
export const surveysModule: ModuleManifest = {
  name: 'surveys',
  errorCodes: SURVEYS_ERROR_CODES,
  routes: surveysRoutes,
  seedDemo: seedDemoSurvey,
};
