import { SERVICES_ERROR_CODES } from '../../../common/contracts/services.errors';
import type { ModuleManifest } from '../../platform/module';
import { DISTRICT_AREA_CHANGED, type DistrictAreaChanged } from '../districts';
import { seedDemoServices } from './fixtures/demo-services.seed';
import { applyDistrictAreaChange } from './service-supply';
import { servicesRoutes } from './services.routes';

/** The services directory: public search, provider editing, taxonomy, HSDS open data, CSV import. */
export const servicesModule: ModuleManifest = {
  name: 'services',
  errorCodes: SERVICES_ERROR_CODES,
  routes: servicesRoutes,
  seedDemo: seedDemoServices,
  subscriptions: {
    // A service whose area is a district reaches the district's municipalities: keep its stored supply in step.
    [DISTRICT_AREA_CHANGED]: async (tx, payload) => {
      const change = payload as DistrictAreaChanged;
      await applyDistrictAreaChange(tx, change.districtId, change.municipalityCodesBefore, change.municipalityCodesAfter);
    },
  },
};
