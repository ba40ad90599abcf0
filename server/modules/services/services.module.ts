import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job-definitions';
import type { ModuleManifest } from '../../platform/module';
import { DISTRICT_AREA_CHANGED, type DistrictAreaChanged } from '../districts';
import { seedDemoServices } from './fixtures/demo-services.seed';
import { applyDistrictAreaChange, rebuildServiceSupply } from './service-supply';
import { SUPPLY_REBUILD_JOB } from './queue-supply-rebuild';
import { servicesRoutes } from './services.routes';

/** The services directory: public search, provider editing, taxonomy, HSDS open data, CSV import. */
export const servicesModule: ModuleManifest = {
  name: 'services',
  routes: servicesRoutes,
  seedDemo: seedDemoServices,
  subscriptions: {
    // A service whose area is a district reaches the district's municipalities: keep its stored supply in step.
    [DISTRICT_AREA_CHANGED]: async (tx, payload) => {
      const change = payload as DistrictAreaChanged;
      await applyDistrictAreaChange(tx, change.districtId, change.municipalityCodesBefore, change.municipalityCodesAfter);
    },
  },
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
