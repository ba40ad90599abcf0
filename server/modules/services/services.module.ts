import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job-definitions';
import { on } from '../../platform/events';
import type { ModuleManifest } from '../../platform/module';
import { moveMergedOrganization } from './move-merged-organization';
import { DISTRICT_AREA_CHANGED } from '../districts';
import { seedDemoServices } from './fixtures/demo-services.seed';
import { applyDistrictAreaChange, rebuildServiceSupply } from './service-supply';
import { SUPPLY_REBUILD_JOB } from './queue-supply-rebuild';
import { servicesRoutes } from './services.routes';
import { moveMunicipalityCodes } from './move-municipality-codes';

/** The services directory: public search, provider editing, taxonomy, HSDS open data, CSV import. */
export const servicesModule: ModuleManifest = {
  name: 'services',
  ownsTables: ['service_taxonomies', 'service_taxonomy_terms', 'services', 'service_categories', 'service_area_municipalities', 'service_locations', 'service_at_locations', 'service_schedules', 'service_supply',
    'service_offers', 'service_reach_municipalities', 'service_reach_places', 'service_place_points', 'service_supply_totals', 'service_category_labels'],
  publishes: ['service_offers', 'service_reach_municipalities', 'service_reach_places', 'service_place_points', 'service_supply_totals', 'service_category_labels'],
  routes: servicesRoutes,
  mergeOrganization: moveMergedOrganization,
  moveMunicipalityCodes,
  seedDemo: seedDemoServices,
  subscriptions: [
    // A service whose area is a district reaches the district's municipalities: keep its stored supply in step.
    on(DISTRICT_AREA_CHANGED, async (tx, change) => {
      await applyDistrictAreaChange(tx, change.districtId, change.municipalityCodesBefore, change.municipalityCodesAfter);
    }),
  ],
  jobs: {
    // Queued by `distretto services rebuild-supply` (queueSupplyRebuild); runs as the system actor.
    [SUPPLY_REBUILD_JOB]: defineJob({
      payload: z.object({}),
      run: async (_payload, job) => {
        await rebuildServiceSupply(job.context);
      },
    }),
  },
};
