import type { ModuleManifest } from '../../platform/module';
import { moveMergedOrganization } from './move-merged-organization';
import { seedExampleZonings } from './fixtures/example-zonings.seed';
import { loadRealZoningsIfMissing } from './real-zonings';
import { zoningsRoutes } from './zonings.routes';
import { moveMunicipalityCodes } from './move-municipality-codes';

/** Zonings: several maps of the same municipalities and where they fail to coincide. */
export const zoningsModule: ModuleManifest = {
  name: 'zonings',
  ownsTables: ['zonings', 'zones', 'zone_municipalities', 'zone_areas', 'zone_labels'],
  publishes: ['zone_areas', 'zone_labels'],
  routes: zoningsRoutes,
  mergeOrganization: moveMergedOrganization,
  moveMunicipalityCodes,
  seedDemo: seedExampleZonings,
  // The real zonings of data/zonings, loaded on the first start after the territory (like the municipalities).
  async onStart(context, report) {
    await loadRealZoningsIfMissing(context, report);
  },
};
