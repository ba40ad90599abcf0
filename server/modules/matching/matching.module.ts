import { MATCHING_ERROR_CODES } from '../../../common/contracts/matching.errors';
import type { ModuleManifest } from '../../platform/module';
import { seedDemoMatching } from './fixtures/demo-matching.seed';
import { matchingRoutes } from './matching.routes';

export const matchingModule: ModuleManifest = {
  name: 'matching',
  errorCodes: MATCHING_ERROR_CODES,
  routes: matchingRoutes,
  seedDemo: seedDemoMatching,
};
