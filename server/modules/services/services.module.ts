import type { ModuleManifest } from '../../platform/module';
import { seedDemoServices } from './fixtures/demo-services.seed';
import { servicesRoutes } from './services.routes';

/** The services directory: public search, provider editing, taxonomy, HSDS open data, CSV import. */
export const servicesModule: ModuleManifest = {
  name: 'services',
  routes: servicesRoutes,
  seedDemo: seedDemoServices,
};
