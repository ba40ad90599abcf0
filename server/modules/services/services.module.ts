import { on } from '../../platform/events';
import type { ModuleManifest } from '../../platform/module';
import { DISTRICT_AREA_CHANGED } from '../districts';
import { seedDemoServices } from './fixtures/demo-services.seed';
import { applyDistrictAreaChange } from './service-supply';
import { servicesRoutes } from './services.routes';

/** The services directory: public search, provider editing, taxonomy, HSDS open data, CSV import. */
export const servicesModule: ModuleManifest = {
  name: 'services',
  routes: servicesRoutes,
  seedDemo: seedDemoServices,
  subscriptions: [
    // A service whose area is a district reaches the district's municipalities: keep its stored supply in step.
    on(DISTRICT_AREA_CHANGED, async (tx, change) => {
      await applyDistrictAreaChange(tx, change.districtId, change.municipalityCodesBefore, change.municipalityCodesAfter);
    }),
  ],
};
