import type { ModuleManifest } from '../../platform/module';
import { moveMergedOrganization } from './move-merged-organization';
import { seedDemoNeeds } from './fixtures/demo-needs.seed';
import { needsRoutes } from './needs.routes';
import { moveMunicipalityCodes } from './move-municipality-codes';

/** The needs register: needs entered by hand or produced by survey answers, browsed, counted and mapped. */
export const needsModule: ModuleManifest = {
  name: 'needs',
  ownsTables: ['needs', 'open_needs'],
  publishes: ['open_needs'],
  routes: needsRoutes,
  mergeOrganization: moveMergedOrganization,
  moveMunicipalityCodes,
  seedDemo: seedDemoNeeds,
};
