import type { ModuleManifest } from '../../platform/module';
import { moveMergedOrganization } from './move-merged-organization';
import { seedDemoMatching } from './fixtures/demo-matching.seed';
import { matchingRoutes } from './matching.routes';

export const matchingModule: ModuleManifest = {
  name: 'matching',
  routes: matchingRoutes,
  mergeOrganization: moveMergedOrganization,
  seedDemo: seedDemoMatching,
};
