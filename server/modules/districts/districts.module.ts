import type { ModuleManifest } from '../../platform/module';
import { moveMergedOrganization } from './move-merged-organization';
import { districtsRoutes } from './districts.routes';
import { seedDemoPinerolese } from './fixtures/demo-pinerolese.seed';

export const districtsModule: ModuleManifest = {
  name: 'districts',
  routes: districtsRoutes,
  mergeOrganization: moveMergedOrganization,
  seedDemo: seedDemoPinerolese,
};
